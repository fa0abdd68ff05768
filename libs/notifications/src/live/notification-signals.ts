import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { EventEmitter, on } from 'node:events';
import { databaseConfig, DatabaseConfig, PgListener } from '@hub/database';
import { UUID_PATTERN } from '@hub/graphql';
import { Metrics } from '@hub/observability';
import { NOTIFICATION_CHANNEL, NotificationSignal } from '../notification/notification.repository';

/**
 * A wake-up for one agency's subscribers: one of its notifications committed, or `RESYNC` after
 * this process's listener was away (whatever was announced meanwhile is lost: re-read).
 */
export type AgencySignal = NotificationSignal | typeof RESYNC;
export const RESYNC = 'RESYNC' as const;

/**
 * The fan-out of live updates across API replicas: NotificationPublisher announces each new
 * notification with a NOTIFY (ids only) in the change's transaction; this process holds one
 * LISTEN connection and hands each announcement to its local subscribers of that agency. They
 * re-read what they send under their own access scope: a signal is never forwarded as data.
 *
 * The connection is opened by the first subscriber (a process nobody subscribes to, such as a
 * worker that publishes notifications, never listens) and kept until shutdown.
 */
@Injectable()
export class NotificationSignals implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationSignals.name);
  // One event name per agency id; any number of subscribers each.
  private readonly local = new EventEmitter().setMaxListeners(0);
  private listener: PgListener | null = null;
  private listening: Promise<void> | null = null;
  private readonly heard?: ReturnType<Metrics['counter']>;
  private readonly reconnects?: ReturnType<Metrics['counter']>;

  constructor(
    @Inject(databaseConfig.token) private readonly config: DatabaseConfig,
    @Optional() metrics?: Metrics,
  ) {
    this.heard = metrics?.counter({
      name: 'hub_live_signals_total',
      help: 'New-notification announcements this process heard on its LISTEN connection',
    });
    this.reconnects = metrics?.counter({
      name: 'hub_live_listener_reconnects_total',
      help: 'Times the LISTEN connection was lost and made again (announcements in between are lost)',
    });
  }

  /**
   * The wake-ups of one agency's subscriber, from the moment this resolves (LISTEN is in place
   * then, so a read made after it misses nothing announced later). `return()` unsubscribes.
   */
  async of(agencyId: string): Promise<AsyncIterator<[AgencySignal]>> {
    await this.listen();
    return on(this.local, agencyId) as AsyncIterator<[AgencySignal]>;
  }

  /** The agencies with subscribers here (events.on also listens for 'error', which is no agency). */
  private agencies(): string[] {
    return this.local
      .eventNames()
      .filter((name): name is string => typeof name === 'string' && UUID_PATTERN.test(name));
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
    this.listener = null;
    this.listening = null;
  }

  private listen(): Promise<void> {
    if (this.listening) return this.listening;
    const listener = new PgListener({
      url: this.config.DATABASE_URL,
      ssl: this.config.DATABASE_SSL,
      applicationName: 'hub-api-listen',
      channels: [NOTIFICATION_CHANNEL],
      onNotify: (_channel, payload) => this.announce(payload),
      onReconnect: () => {
        this.reconnects?.inc();
        this.logger.warn('live updates listener reconnected; subscribers re-read');
        for (const agencyId of this.agencies()) this.local.emit(agencyId, RESYNC);
      },
      onError: (error) => this.logger.warn({ err: error }, 'live updates listener lost its connection'),
    });
    this.listener = listener;
    this.listening = listener.start().catch((error: unknown) => {
      // The next subscriber tries again; this one is refused (its subscription fails).
      this.listening = null;
      this.listener = null;
      throw error;
    });
    return this.listening;
  }

  private announce(payload: string): void {
    let signal: Partial<NotificationSignal>;
    try {
      signal = JSON.parse(payload) as Partial<NotificationSignal>;
    } catch {
      return;
    }
    const { agencyId, notificationId } = signal;
    // Anything else on the channel is not ours to act on (the payload is never logged).
    if (typeof agencyId !== 'string' || !UUID_PATTERN.test(agencyId)) return;
    if (typeof notificationId !== 'string' || !UUID_PATTERN.test(notificationId)) return;
    this.heard?.inc();
    this.local.emit(agencyId, { agencyId, notificationId });
  }
}
