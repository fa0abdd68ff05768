import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerSession } from 'smtp-server';

/** A message the test mailbox accepted, as a receiver reads it. */
export interface ReceivedMail {
  messageId: string;
  /** The From address. */
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  text: string;
  /** The Content-Language header. */
  language: string | undefined;
}

/**
 * A real SMTP server on a free local port for tests of what the hub sends (never a mock
 * transport): it parses every message it accepts. It can be taken down and brought back on the
 * same port (an outage), and can hold messages — the sender waits for the answer to DATA — so a
 * test can kill a sender in the middle of a send.
 */
export interface TestMailbox {
  /** `smtp://127.0.0.1:<port>` (SMTP_URL). */
  url: string;
  /** Messages accepted so far, in order. */
  received: ReceivedMail[];
  /** Resolves with the accepted messages once there are at least `count`; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Refuses connections (the port is closed) until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * After accepting `afterAccepting` more messages (default none), messages get no answer: the
   * sender waits. A held message whose sender hangs up is dropped, as a real server drops an
   * unfinished transaction.
   */
  hold(afterAccepting?: number): void;
  /** Accepts the held messages whose sender still waits, and every message after. */
  release(): void;
  /** How many messages are held right now. */
  held(): number;
  close(): Promise<void>;
}

interface Held {
  session: string;
  raw: Buffer;
  answer: () => void;
}

export async function startTestMailbox(): Promise<TestMailbox> {
  const received: ReceivedMail[] = [];
  /** Messages answered so far; from the `holdFrom`-th on, none is. */
  let answered = 0;
  let holdFrom = Infinity;
  let heldMessages: Held[] = [];
  let port = 0;
  let server: SMTPServer | undefined;

  const accept = async (raw: Buffer, envelope: string[]) => {
    const parsed = await simpleParser(raw);
    const header = parsed.headers.get('content-language');
    received.push({
      messageId: parsed.messageId ?? '',
      from: parsed.from?.value[0]?.address ?? '',
      to: envelope,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      language: typeof header === 'string' ? header : undefined,
    });
  };

  const create = () =>
    new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no STARTTLS with the package's published test certificate.
      disabledCommands: ['STARTTLS', 'AUTH'],
      closeTimeout: 100,
      logger: false,
      onData(stream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const envelope = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          const answer = () => {
            answered += 1;
            void accept(raw, envelope).then(
              () => callback(),
              (error: Error) => callback(error),
            );
          };
          if (answered >= holdFrom) heldMessages.push({ session: session.id, raw, answer });
          else answer();
        });
      },
      onClose(session: SMTPServerSession) {
        heldMessages = heldMessages.filter((held) => held.session !== session.id);
      },
    });

  const start = async () => {
    server = create();
    const listening = server;
    // A sender that hangs up in the middle of a transaction (a worker killed while a message is
    // held) resets its socket; smtp-server re-emits that as the server's 'error', which would
    // throw without a listener. A real server logs it and serves the next connection; the
    // unfinished message is dropped in onClose.
    listening.on('error', () => undefined);
    await new Promise<void>((done, fail) => {
      listening.server.once('error', fail);
      listening.listen(port, '127.0.0.1', () => done());
    });
    port = (listening.server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const closing = server;
    server = undefined;
    heldMessages = [];
    if (closing) await new Promise<void>((done) => closing.close(() => done()));
  };

  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} messages, received ${received.length} within ${timeoutMs} ms`);
        }
        await new Promise((done) => setTimeout(done, 50));
      }
      return [...received];
    },
    stop,
    start,
    hold: (afterAccepting = 0) => {
      holdFrom = answered + afterAccepting;
    },
    release: () => {
      holdFrom = Infinity;
      const waiting = heldMessages;
      heldMessages = [];
      for (const held of waiting) held.answer();
    },
    held: () => heldMessages.length,
    close: stop,
  };
}
