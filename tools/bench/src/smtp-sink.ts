import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The delivery workload's SMTP server: accepts every message at once and records, per outbox row,
 * when it answered 250 (the moment the worker's send resolves and its delivery commits). The
 * tests' `startTestMailbox` parses each message to read it; this one only finds the Message-ID
 * (`<n{outbox id}.{recipient}@host>`, notification-delivery.service.ts) in the header, so the load
 * generator's CPU is not spent on parsing 100,000 messages.
 */
export interface SmtpSink {
  url: string;
  /** Messages accepted so far. */
  accepted(): number;
  /** Accept time (ms since the epoch) of each outbox row's first message, by outbox id. */
  acceptedAt: Map<string, number>;
  close(): Promise<void>;
}

const OUTBOX_MESSAGE_ID = /^message-id:\s*<n(\d+)\./im;

export async function startSmtpSink(): Promise<SmtpSink> {
  let accepted = 0;
  const acceptedAt = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    closeTimeout: 100,
    logger: false,
    // The worker's pooled transport keeps its connections; never turn one away.
    maxClients: 1_000,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        // The headers come first; the body is not needed.
        if (head.length < 8_192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const at = Date.now();
        callback();
        accepted += 1;
        const outboxId = OUTBOX_MESSAGE_ID.exec(head.split(/\r?\n\r?\n/, 1)[0])?.[1];
        if (outboxId && !acceptedAt.has(outboxId)) acceptedAt.set(outboxId, at);
      });
    },
  });
  await new Promise<void>((done, fail) => {
    server.server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    acceptedAt,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
