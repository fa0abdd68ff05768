'use strict';
/**
 * Loaded into the hub by the benchmark's memory workload only (`node --expose-gc -r
 * memory-probe.js`, memory.ts), never in production: on a message over the IPC channel it collects
 * garbage and answers the process's memory, or writes a heap snapshot to look at in Chrome's
 * DevTools (Memory tab). Plain JavaScript: the bundle runs on the image's Node without ts-node.
 */
const { writeHeapSnapshot } = require('node:v8');

if (process.send) {
  process.on('message', (message) => {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'memory') {
      // Twice: the first full collection can leave objects that only a second one frees (weak maps, finalisers).
      global.gc();
      global.gc();
      const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
      process.send({ type: 'memory', rss, heapTotal, heapUsed, external, arrayBuffers });
    } else if (message.type === 'snapshot') {
      global.gc();
      process.send({ type: 'snapshot', file: writeHeapSnapshot(message.file) });
    }
  });
  // The channel must not keep the hub alive once it is asked to stop.
  if (process.channel) process.channel.unref();
}
