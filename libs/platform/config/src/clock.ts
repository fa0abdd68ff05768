import { Global, Injectable, Module } from '@nestjs/common';

/** The time rules are decided at: injectable so tests can move it (consent expiry, age). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The one clock of a process, global: every domain gets the same instance, so a test (or the
 * e2e hub) that overrides `Clock` moves time for all of them at once.
 */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
