import { parseInstant } from '@shared/deadlines';
import type { Clock } from '../registers/context';

/**
 * The controllable clock of test mode (end-to-end tests, demos). It starts at a chosen instant and
 * then runs forward in real time; `set` jumps it to another instant, from which it runs on.
 *
 * How it is switched on: the web host's `--clock <ISO instant with offset>` option, or the
 * PRIVACYOPS_CLOCK environment variable (electron/webhost/cli.ts). Only then does the API answer
 * `app.setClock` ({ at }) — used to jump to just before a reminder threshold and watch it fire.
 * Without it the method does not exist (UNKNOWN_METHOD) and the app uses the system clock.
 */
export class TestClock implements Clock {
  private base: number;
  private realStart: number;

  constructor(
    start: string,
    private readonly realNow: () => number = Date.now,
  ) {
    this.base = TestClock.parse(start);
    this.realStart = realNow();
  }

  static parse(iso: string): number {
    return parseInstant(iso, 'clock instant').toMillis();
  }

  now(): Date {
    return new Date(this.base + (this.realNow() - this.realStart));
  }

  set(iso: string): Date {
    this.base = TestClock.parse(iso);
    this.realStart = this.realNow();
    return this.now();
  }
}

export const CLOCK_ENV = 'PRIVACYOPS_CLOCK';
