import { evaluateClock } from '@shared/clocks';
import type { StopReason } from '@shared/schemas/clock';
import { calendarDaysBetween, lastDayOfDeadline, localDateOf } from './orgTime';

/** A deadline that ends with a day (a reply date, a response due, an action's due date), as its record says. */
export interface DayDeadline {
  /** The midnight closing its last day, in UTC. */
  due: string;
  /** When the act that meets it was recorded. */
  metAt: string | null;
  /** Why it no longer runs, when the record says so. */
  stopped?: StopReason | null;
  /** False for a window that may be used but need not be (an appeal): it ends, it is never overdue. */
  obligation?: boolean;
}

/**
 * Where a day deadline stands, in whole days of the organisation's calendar. The state itself is
 * the one clock rule (shared/clocks evaluateClock, as the board and the reminders use); this only
 * counts the days for the words: in N days, due today, overdue by N days, met N days late.
 */
export type DayDueState =
  | { kind: 'open'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'met'; late: number }
  | { kind: 'stopped'; reason: StopReason };

export function dayDueState(d: DayDeadline, now: Date | number, zone: string): DayDueState {
  const ev = evaluateClock({ due: d.due, metAt: d.metAt, stoppedReason: d.stopped ?? null, obligation: d.obligation ?? true, delayReasonsGiven: null }, now);
  const lastDay = lastDayOfDeadline(d.due, zone);
  switch (ev.state) {
    case 'met_on_time':
      return { kind: 'met', late: 0 };
    case 'met_late':
      return { kind: 'met', late: Math.max(1, calendarDaysBetween(lastDay, localDateOf(d.metAt!, zone))) };
    case 'stopped':
      return { kind: 'stopped', reason: ev.stoppedReason! };
    case 'overdue':
      return { kind: 'overdue', days: Math.max(1, calendarDaysBetween(lastDay, localDateOf(new Date(now).toISOString(), zone))) };
    case 'running': {
      const days = calendarDaysBetween(localDateOf(new Date(now).toISOString(), zone), lastDay);
      return days <= 0 ? { kind: 'today' } : { kind: 'open', days };
    }
  }
}
