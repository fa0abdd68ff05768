import { Injectable } from '@nestjs/common';

/** The time rules are decided at: injectable so tests can move it (consent expiry, age). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
