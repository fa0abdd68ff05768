import { createServer, connect, Server, Socket } from 'node:net';

/** Startup-phase request codes after which the client sends another startup message. */
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const SIMPLE_QUERY = 0x51; // 'Q'
const EXECUTE = 0x45; // 'E'

/**
 * Counts what a client sends PostgreSQL, exactly and from outside the process: a TCP proxy that
 * reads the frontend protocol and counts each simple Query and each extended-protocol Execute —
 * one per `client.query()` of the pg driver, BEGIN and COMMIT included (the same count as
 * referrals-cost.spec.ts takes inside the process). It only exists in a benchmark run: the hub
 * under measurement connects directly; a second instance connected through this one answers the
 * counting requests.
 */
export interface StatementCounter {
  /** The database URL rewritten to go through the counter. */
  url: string;
  statements(): number;
  close(): Promise<void>;
}

export async function startStatementCounter(databaseUrl: string): Promise<StatementCounter> {
  const target = new URL(databaseUrl);
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const countMessages = frontendMessages((type) => {
      if (type === SIMPLE_QUERY || type === EXECUTE) count += 1;
    });
    client.on('data', countMessages);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: url.toString(),
    statements: () => count,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * A parser of the frontend byte stream, chunk by chunk: the startup messages (length, code) and
 * then typed messages (type byte, length), calling `onMessage` with each type. Bodies are skipped.
 */
export function frontendMessages(onMessage: (type: number) => void): (chunk: Buffer) => void {
  let startup = true;
  let header = Buffer.alloc(0);
  let skip = 0;
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - at);
        skip -= n;
        at += n;
        continue;
      }
      const need = startup ? 8 : 5;
      const take = Math.min(need - header.length, chunk.length - at);
      header = Buffer.concat([header, chunk.subarray(at, at + take)]);
      at += take;
      if (header.length < need) break;
      if (startup) {
        const code = header.readInt32BE(4);
        skip = header.readInt32BE(0) - 8;
        startup = code === SSL_REQUEST || code === GSS_REQUEST;
      } else {
        onMessage(header[0]);
        skip = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
    }
  };
}
