import { EventEmitter, on } from 'node:events';
import { liveStream } from './live-stream';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('liveStream', () => {
  it('reads the first value, then each wake-up; skips empty reads', async () => {
    const emitter = new EventEmitter();
    const stream = liveStream<unknown[], string>(
      on(emitter, 'wake'),
      async ([n]) => (n === 0 ? [] : [`event ${String(n)}`, `again ${String(n)}`]),
      async () => ['first'],
    );
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        seen.push(event);
        if (seen.length === 5) break;
      }
    })();
    await tick();
    emitter.emit('wake', 0);
    emitter.emit('wake', 1);
    emitter.emit('wake', 2);
    await reading;
    expect(seen).toEqual(['first', 'event 1', 'again 1', 'event 2', 'again 2']);
    // break returned the stream, which removed its listener.
    expect(emitter.listenerCount('wake')).toBe(0);
  });

  it('ends when read answers null (the caller was refused), and lets go of its source', async () => {
    const emitter = new EventEmitter();
    const stream = liveStream<unknown[], string>(on(emitter, 'wake'), async ([n]) =>
      n === 'refused' ? null : [String(n)],
    );
    const next = stream.next();
    await tick();
    emitter.emit('wake', 'refused');
    expect(await next).toEqual({ value: undefined, done: true });
    expect(emitter.listenerCount('wake')).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('can be returned while it waits for a wake-up that never comes', async () => {
    const emitter = new EventEmitter();
    const stream = liveStream<unknown[], string>(on(emitter, 'wake'), async () => ['never']);
    const waiting = stream.next();
    await tick();
    expect(emitter.listenerCount('wake')).toBe(1);
    await stream.return?.();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(emitter.listenerCount('wake')).toBe(0);
  });
});
