import { WebSocket } from 'ws';

/** What the server sent for one subscription id (graphql-ws `next` payloads, or its `error`). */
export interface LiveMessage {
  type: 'next' | 'error' | 'complete';
  payload?: {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  } & unknown;
}

export interface LiveConnection {
  /** Resolves on `connection_ack`; rejects with the close code if the server closed first. */
  acknowledged: Promise<void>;
  /** How the server (or we) ended the connection. */
  closed: Promise<{ code: number }>;
  /** Starts a subscription under `id`; its messages collect in `messages(id)`. */
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  /** The `next` payloads' data (and error payloads) received so far for `id`, in order. */
  messages(id: string): LiveMessage[];
  close(): void;
}

/**
 * A plain graphql-ws (graphql-transport-ws) client over `ws`, so a test sees exactly what the
 * server sends — the close codes included — with no client-side retries or buffering in between.
 */
export function connectLive(httpUrl: string, connectionParams?: Record<string, unknown>): LiveConnection {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const received = new Map<string, LiveMessage[]>();
  let acked = false;
  const closed = new Promise<{ code: number }>((resolve) => {
    socket.on('close', (code) => resolve({ code }));
  });
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; id?: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        acked = true;
        resolve();
      } else if (message.id && ['next', 'error', 'complete'].includes(message.type)) {
        const list = received.get(message.id) ?? [];
        list.push({ type: message.type as LiveMessage['type'], payload: message.payload as never });
        received.set(message.id, list);
      }
    });
    void closed.then(({ code }) => {
      if (!acked) reject(new Error(`closed with ${code} before connection_ack`));
    });
  });
  // A test that only looks at `closed` must not see an unhandled rejection.
  acknowledged.catch(() => undefined);
  socket.on('open', () =>
    socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })),
  );
  socket.on('error', () => undefined);
  return {
    acknowledged,
    closed,
    subscribe(id, query, variables) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    },
    messages: (id) => received.get(id) ?? [],
    close: () => socket.close(1000),
  };
}

/** Polls until `check` answers something truthy; fails naming `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 5_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `Authorization` as graphql-ws connection parameters. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
