/** The clock and timers the idle timer reads; tests hand in Vitest's fake ones (the defaults are the page's). */
export interface IdleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const PAGE_CLOCK: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/** What counts as someone using the app (a screen reader's reading keys are keydowns too). */
export const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;

export interface IdleTimerOptions {
  idleMs: number;
  /** How long before the end the warning comes. */
  warnMs: number;
  clock: IdleClock;
  onWarn: () => void;
  onTimeout: () => void;
}

/**
 * Time without activity, measured on the clock rather than counted by timers: a background tab's
 * timers are throttled (or frozen, on a sleeping laptop), so whenever a timer fires — or the tab is
 * shown again (`check`) — the time since the last activity decides. Activity only moves a
 * timestamp (events come by the hundred); once the warning is shown only `stayActive` (the person's
 * answer) moves it, so a stray mouse move does not dismiss a warning nobody read.
 */
export class IdleTimer {
  private lastActivity = 0;
  private warned = false;
  private timer: unknown;
  private running = false;

  constructor(private readonly options: IdleTimerOptions) {}

  start(): void {
    this.running = true;
    this.stayActive();
  }

  /** Someone used the app. */
  activity(): void {
    if (this.running && !this.warned) this.lastActivity = this.options.clock.now();
  }

  /** The person answered the warning ("Stay signed in"): a new full period starts. */
  stayActive(): void {
    if (!this.running) return;
    this.warned = false;
    this.lastActivity = this.options.clock.now();
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.clear();
  }

  /** Decides now: warns or ends the session if it is time, else waits for the next deadline. */
  check(): void {
    if (!this.running) return;
    const { idleMs, warnMs, clock } = this.options;
    const idle = clock.now() - this.lastActivity;
    if (idle >= idleMs) {
      this.stop();
      this.options.onTimeout();
      return;
    }
    if (idle >= idleMs - warnMs && !this.warned) {
      this.warned = true;
      this.options.onWarn();
    }
    this.schedule();
  }

  private schedule(): void {
    this.clear();
    const { idleMs, warnMs, clock } = this.options;
    const idle = clock.now() - this.lastActivity;
    const next = this.warned ? idleMs - idle : idleMs - warnMs - idle;
    this.timer = clock.setTimeout(() => this.check(), Math.max(next, 0));
  }

  private clear(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
