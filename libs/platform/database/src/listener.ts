import { Client, Notification } from 'pg';

export interface PgListenerOptions {
  url: string;
  ssl?: boolean;
  applicationName?: string;
  /** Channels to LISTEN on (plain identifiers; they are quoted, never interpolated as given). */
  channels: readonly string[];
  /** One NOTIFY on one of the channels, after its transaction committed. */
  onNotify: (channel: string, payload: string) => void;
  /**
   * The connection was lost and is back, LISTENing again. Whatever was notified in between is
   * gone (PostgreSQL keeps nothing for a listener that is not connected): re-read the state.
   */
  onReconnect?: () => void;
  /** Lost, or a reconnect attempt failed (the error says why; it never carries the password). */
  onError?: (error: Error) => void;
  /** First wait before a reconnect; doubled per failed attempt up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /**
   * How often the idle connection is checked with a `SELECT 1`, so a half-open TCP connection
   * (a failover, a dropped NAT entry) is noticed and replaced instead of waiting silently.
   */
  pingMs?: number;
}

/**
 * One dedicated connection that LISTENs and reconnects when it is lost. A pooled connection
 * cannot LISTEN (the pool hands it to someone else), so this holds its own `pg.Client`.
 *
 * NOTIFY is delivered only to sessions that were listening when it committed; a listener that
 * was away misses it. So after a reconnect `onReconnect` fires, and users re-read what they show.
 */
export class PgListener {
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private reconnects = 0;

  constructor(private readonly options: PgListenerOptions) {}

  /** How many times the connection was lost and made again (for metrics). */
  get reconnectCount(): number {
    return this.reconnects;
  }

  /** Connects and LISTENs; rejects when the first attempt fails (the caller decides what then). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.url,
      ssl: this.options.ssl ? { rejectUnauthorized: true } : false,
      application_name: this.options.applicationName ?? 'hub-listen',
      keepAlive: true,
    });
    client.on('notification', (message: Notification) => {
      this.options.onNotify(message.channel, message.payload ?? '');
    });
    // Errors after connecting arrive as events (an unhandled one would crash the process).
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('listen connection ended')));
    try {
      await client.connect();
      for (const channel of this.options.channels) {
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => this.lost(client, error));
    }, this.options.pingMs ?? 30_000);
    this.pingTimer.unref();
  }

  /** Drops a broken connection (once) and schedules the next attempt. */
  private lost(client: Client, error: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    clearInterval(this.pingTimer);
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.options.onError?.(error);
    this.retry();
  }

  private retry(): void {
    const base = this.options.retryMs ?? 200;
    const delay = Math.min(base * 2 ** this.attempt, this.options.maxRetryMs ?? 5_000);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          if (this.stopped) return;
          this.reconnects += 1;
          this.options.onReconnect?.();
        },
        (error: Error) => {
          if (this.stopped) return;
          this.options.onError?.(error);
          this.retry();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }
}
