import type { Complaint } from '@shared/schemas/complaint';
import { calendarDaysBetween, lastDayOfDeadline, localDateOf } from './orgTime';

/** Where a complaint stands against its Art. 12(3) clock, in whole days of the organisation's calendar. */
export type DueState =
  | { kind: 'due-in'; days: number; soon: boolean }
  | { kind: 'due-today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'answered-on-time' }
  | { kind: 'answered-late'; days: number };

/** A week's notice is the point where an open complaint needs someone's attention. */
const SOON_DAYS = 7;

export function dueStateOf(c: Pick<Complaint, 'responseDue' | 'answeredAt'>, now: Date, zone: string): DueState {
  const lastDay = lastDayOfDeadline(c.responseDue, zone);
  const due = Date.parse(c.responseDue);
  if (c.answeredAt) {
    // The answer's instant is what meets the clock, whatever the current status says.
    if (Date.parse(c.answeredAt) < due) return { kind: 'answered-on-time' };
    return { kind: 'answered-late', days: Math.max(1, calendarDaysBetween(lastDay, localDateOf(c.answeredAt, zone))) };
  }
  const today = localDateOf(now.toISOString(), zone);
  if (now.getTime() >= due) return { kind: 'overdue', days: Math.max(1, calendarDaysBetween(lastDay, today)) };
  const days = calendarDaysBetween(today, lastDay);
  if (days <= 0) return { kind: 'due-today' };
  return { kind: 'due-in', days, soon: days <= SOON_DAYS };
}
