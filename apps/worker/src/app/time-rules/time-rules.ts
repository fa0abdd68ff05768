import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@hub/config';
import { ConsentReminders } from '@hub/consents';
import { JobQueue, TIME_RULES_QUEUE } from '@hub/jobs';
import { ProtocolReminders } from '@hub/protocols';
import { ReferralExpiry, ReferralReminders } from '@hub/referrals';
import { timeRulesConfig, TimeRulesConfig } from './time-rules.config';

/** What one run did, per rule: referrals expired, reminders sent. */
export type TimeRulesRun = Record<string, number>;

/**
 * The hub's time-based rules (DESIGN §3, issue 13): the referral expiry sweep, then the reminders.
 * One pg-boss schedule (TIME_RULES_CRON) sends one job per tick, which one worker takes; each rule
 * is idempotent and safe to run concurrently (a retried or overlapping run records nothing twice),
 * so nothing here needs a lock. Time is the clock's, so a test moves it.
 */
@Injectable()
export class TimeRules implements OnApplicationBootstrap {
  private readonly logger = new Logger('TimeRules');

  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(timeRulesConfig.token) private readonly config: TimeRulesConfig,
    private readonly expiry: ReferralExpiry,
    private readonly referralReminders: ReferralReminders,
    private readonly consentReminders: ConsentReminders,
    private readonly protocolReminders: ProtocolReminders,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(TIME_RULES_QUEUE, this.config.TIME_RULES_CRON);
    await this.jobs.work(TIME_RULES_QUEUE, 1, () => this.run().then(() => undefined));
  }

  /**
   * Runs every rule at `now`. A rule that fails does not stop the others; the run then fails, and
   * the job is retried (what was done is not done again).
   */
  async run(now: Date = this.clock.now()): Promise<TimeRulesRun> {
    const batch = this.config.TIME_RULES_BATCH_SIZE;
    const rules: [string, () => Promise<number>][] = [
      ['referralsExpired', () => this.expiry.sweep(now, batch)],
      ['referralResponseDue', () => this.referralReminders.remindResponseDue(now, batch)],
      ['referralIdle', () => this.referralReminders.remindIdle(now, this.config.REFERRAL_IDLE_DAYS, batch)],
      [
        'consentEnding',
        () => this.consentReminders.remindEnding(now, this.config.CONSENT_ENDING_REMINDER_DAYS, batch),
      ],
      ['protocolReviewDue', () => this.protocolReminders.remindReviewDue(now, batch)],
      [
        'protocolUnacknowledged',
        () =>
          this.protocolReminders.remindUnacknowledged(
            now,
            this.config.PROTOCOL_ACKNOWLEDGEMENT_REMINDER_DAYS,
            batch,
          ),
      ],
    ];
    const done: TimeRulesRun = {};
    let failure: unknown = null;
    for (const [name, rule] of rules) {
      try {
        done[name] = await rule();
      } catch (error) {
        this.logger.error({ err: error }, `time-based rule ${name} failed; the run is retried`);
        failure ??= error;
      }
    }
    if (failure) throw failure;
    if (Object.values(done).some((count) => count > 0)) this.logger.log({ done }, 'time-based rules ran');
    return done;
  }
}
