import { type Client, createClient } from 'graphql-ws';

/** Where a live connection stands: the screens poll while it is not `connected`. */
export type LiveState = 'connecting' | 'connected' | 'closed';

/**
 * The app's one WebSocket to the API (graphql-ws, on the GraphQL path), carrying every
 * subscription. The API authenticates it once, in `connection_init`, and closes it when that token
 * expires (4401, docs/live-updates.md), so the connection is re-opened with the renewed token
 * whenever the session renews it (`restart`).
 */
export interface LiveConnection {
  readonly client: Client;
  /** Re-opens the socket (subscriptions carry on) so it authenticates with the current token. */
  restart(): void;
  /** Calls `listener` on every change of state; returns the unsubscribe. */
  onState(listener: (state: LiveState) => void): () => void;
  dispose(): void;
}

export interface LiveConnectionOptions {
  url: string;
  /** The current access token (read on each connect, so a reconnect uses the renewed one). */
  accessToken: () => string | undefined;
  /** For tests: a WebSocket of their own. */
  webSocketImpl?: unknown;
  /** Delay before reconnect attempt `retries` (0, 1, …); by default exponential, capped at 30 s. */
  retryWait?: (retries: number) => Promise<void>;
}

/** graphql-ws's close code for a restart the client asked for (not an error: it reconnects). */
const CLIENT_RESTART = 4205;
/** Keeps proxies from closing a quiet socket (nginx drops one after 60 s without traffic). */
const KEEP_ALIVE_MS = 25_000;
/** A socket the server never acknowledges is closed and retried (and the screens poll meanwhile). */
const ACK_TIMEOUT_MS = 10_000;
const MAX_RETRY_WAIT_MS = 30_000;

export function createLiveConnection(options: LiveConnectionOptions): LiveConnection {
  let socket: WebSocket | undefined;
  const listeners = new Set<(state: LiveState) => void>();
  const emit = (state: LiveState) => listeners.forEach((listener) => listener(state));
  const client = createClient({
    url: options.url,
    // A function: read again on every (re)connect, so the renewed token is the one sent.
    connectionParams: () => {
      const token = options.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    lazy: true,
    keepAlive: KEEP_ALIVE_MS,
    connectionAckWaitTimeout: ACK_TIMEOUT_MS,
    // Network losses and restarts are retried for as long as the page lives; the API's refusals
    // (4401, 4403, 4500) are not (graphql-ws ends the subscriptions: the screens fall back to polling).
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait:
      options.retryWait ??
      ((retries) =>
        new Promise((resolve) =>
          setTimeout(resolve, Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.random() * 1000),
        )),
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    on: {
      connecting: () => emit('connecting'),
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: () => emit('connected'),
      closed: () => {
        socket = undefined;
        emit('closed');
      },
    },
  });
  return {
    client,
    restart() {
      // Only an open socket needs it: the next one connects with the current token anyway.
      if (socket && socket.readyState === WebSocket.OPEN) socket.close(CLIENT_RESTART, 'Client Restart');
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      void client.dispose();
    },
  };
}

/**
 * The WebSocket URL of the GraphQL endpoint: the same path, `ws:` or `wss:` as the page (a relative
 * `graphqlUrl` is on the page's own origin, which proxies it to the API).
 */
export function websocketUrl(graphqlUrl: string, page: { href: string }): string {
  const url = new URL(graphqlUrl, page.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
