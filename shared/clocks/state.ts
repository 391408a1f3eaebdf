/**
 * The one home of the clock state rule, used by the core (board, reminders, export) and by the
 * renderer (live countdowns). Pure: no Node, no Electron, no I/O.
 */
import type { Clock, ClockState, StopReason } from '../schemas/clock';

type Instant = string | Date | number;

function ms(t: Instant): number {
  return typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
}

/**
 * Milliseconds from `now` to `due`: positive while there is time left, negative once overdue,
 * null when the clock has no due instant (open rules).
 */
export function timeLeft(due: string | null, now: Instant): number | null {
  return due === null ? null : Date.parse(due) - ms(now);
}

/** What the state rule reads from a clock. */
export type ClockFacts = Pick<Clock, 'due' | 'metAt' | 'stoppedReason' | 'obligation' | 'delayReasonsGiven'>;

export interface ClockEvaluation {
  state: ClockState;
  stoppedReason: StopReason | null;
  needsDelayReasons: boolean;
}

/**
 * - met: the act is recorded; late when it came after the due instant (an open rule is never late);
 * - stopped: the record says the clock no longer runs (a decision not to notify, closed, cancelled,
 *   superseded by an extension), or an appeal window ended unused;
 * - overdue: the due instant has passed (at the due instant itself there is no time left but it is
 *   not yet late, as for an act recorded at that instant);
 * - running otherwise.
 */
export function evaluateClock(c: ClockFacts, now: Instant): ClockEvaluation {
  // 'window_closed' is the only time-derived reason: re-derive it, never trust an older reading.
  const recordStop = c.stoppedReason === 'window_closed' ? null : c.stoppedReason;
  let state: ClockState;
  let stoppedReason: StopReason | null = null;
  if (c.metAt !== null) {
    state = c.due !== null && Date.parse(c.metAt) > Date.parse(c.due) ? 'met_late' : 'met_on_time';
  } else if (recordStop !== null) {
    state = 'stopped';
    stoppedReason = recordStop;
  } else if (c.due !== null && ms(now) > Date.parse(c.due)) {
    if (c.obligation) state = 'overdue';
    else {
      state = 'stopped';
      stoppedReason = 'window_closed';
    }
  } else {
    state = 'running';
  }
  const needsDelayReasons = c.delayReasonsGiven === false && (state === 'met_late' || state === 'overdue');
  return { state, stoppedReason, needsDelayReasons };
}

export function clockState(c: ClockFacts, now: Instant): ClockState {
  return evaluateClock(c, now).state;
}

export function isOpenState(s: ClockState): boolean {
  return s === 'running' || s === 'overdue';
}

/**
 * Board order, most urgent first: overdue clocks (earliest due first), then running clocks with a
 * due instant (earliest first), then clocks with no due instant (open rules: by target, clocks
 * without a target last, oldest first), then everything that no longer runs.
 */
export function compareClocks(now: Instant) {
  const t = ms(now);
  // Ranked once per clock per comparator (a sort compares each clock log n times).
  const ranks = new WeakMap<Clock, number>();
  const rank = (c: Clock) => {
    let r = ranks.get(c);
    if (r === undefined) {
      const s = clockState(c, t);
      r = s === 'overdue' ? 0 : s === 'running' ? (c.due !== null ? 1 : 2) : 3;
      ranks.set(c, r);
    }
    return r;
  };
  const key = (c: Clock) => c.due ?? c.target ?? '\uffff';
  return (a: Clock, b: Clock): number =>
    rank(a) - rank(b) ||
    (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) ||
    (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0) ||
    a.reference.localeCompare(b.reference) ||
    (a.party ?? '').localeCompare(b.party ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** "Due soon": what the tray and the dock/taskbar count (the reminders' first threshold by default). */
export const DUE_SOON_HOURS = 24;

/** A clock still running whose due instant is at most DUE_SOON_HOURS away (overdue ones are counted apart). */
export function isDueSoon(c: ClockFacts, now: Instant): boolean {
  const left = timeLeft(c.due, now);
  return left !== null && left <= DUE_SOON_HOURS * 3_600_000 && clockState(c, now) === 'running';
}

/** The instant a reminder threshold (hours before due) is reached. */
export function thresholdMoment(due: string, thresholdHours: number): number {
  return Date.parse(due) - Math.round(thresholdHours * 3_600_000);
}

export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/**
 * A countdown as the board shows it: hours and minutes under 72 hours (the span of breach clocks),
 * days and hours above. `days` is 0 under 72 hours, where `hours` may go up to 71.
 */
export function countdown(leftMs: number): Countdown {
  const overdue = leftMs < 0;
  const totalMinutes = Math.floor(Math.abs(leftMs) / 60_000);
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours < 72) return { overdue, days: 0, hours: totalHours, minutes: totalMinutes % 60 };
  return { overdue, days: Math.floor(totalHours / 24), hours: totalHours % 24, minutes: 0 };
}

/** "71 h 05 min", "3 d 4 h" / "3 j 4 h"; overdue ones read "overdue by …" / "en retard de …". */
export function formatCountdown(leftMs: number, lang: 'en' | 'fr'): string {
  const c = countdown(leftMs);
  const body = c.days > 0 ? `${c.days} ${lang === 'fr' ? 'j' : 'd'} ${c.hours} h` : `${c.hours} h ${String(c.minutes).padStart(2, '0')} min`;
  if (!c.overdue) return body;
  return lang === 'fr' ? `en retard de ${body}` : `overdue by ${body}`;
}
