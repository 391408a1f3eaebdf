import type { Clock } from '../registers/context';

export interface AutoLockOptions {
  /** The app's clock (the test clock in test mode, so an idle lock can be shown in seconds). */
  clock: Clock;
  /** The delay now in force, in minutes; 0 = never. */
  minutes: () => number;
  isOpen: () => boolean;
  lock: () => void;
  /** How often the idle time is looked at, in real time. */
  checkEveryMs?: number;
}

const MINUTE = 60_000;

/**
 * Locks the register after `minutes` without activity. Activity is what the UI reports (user
 * input, app.activity) and every call that changes something; a freshly opened register starts
 * a new idle period. Measured on the app's clock, checked every few seconds and whenever the
 * clock jumps (test mode).
 */
export class AutoLock {
  private last: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: AutoLockOptions) {
    this.last = o.clock.now().getTime();
  }

  activity(): void {
    this.last = this.o.clock.now().getTime();
  }

  /** Milliseconds left before the lock, or null when it is off or the register is closed. */
  remainingMs(): number | null {
    const minutes = this.o.minutes();
    if (minutes <= 0 || !this.o.isOpen()) return null;
    return Math.max(0, this.last + minutes * MINUTE - this.o.clock.now().getTime());
  }

  check(): boolean {
    if (this.remainingMs() !== 0) return false;
    this.o.lock();
    return true;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.o.checkEveryMs ?? 5_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
