import { useMemo } from 'react';
import type { StopReason } from '@shared/schemas/clock';
import type { UiLanguage } from '../../lib/format';
import { intlLocale } from '../../lib/format';
import { useFormatters } from '../../lib/useFormatters';
import { calendarDaysBetween, lastDayOfDeadline, localDateOf, startOfNextLocalDay } from '../../lib/orgTime';

/**
 * Dates of letters and the deadlines regulators write in them. A letter is dated by day (the time
 * is seldom known); a deadline is stored as the local midnight closing its last day, and read as
 * that last day.
 */
const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: UiLanguage, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** French writes the first of the month "1er". */
function withFirst(f: Intl.DateTimeFormat, d: Date, lang: UiLanguage) {
  if (lang !== 'fr') return f.format(d);
  return f
    .formatToParts(d)
    .map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** "25 Feb 2020" / "25 févr. 2020": the day of an instant in the organisation's zone. */
export function formatDay(iso: string, zone: string, lang: UiLanguage): string {
  return withFirst(fmt(lang, zone, { day: 'numeric', month: 'short', year: 'numeric' }), new Date(iso), lang);
}

/** The deadline instant for a last day typed by the user: the midnight that closes it. */
export function deadlineFromLastDay(localDate: string | null, zone: string): string | null {
  return localDate ? startOfNextLocalDay(localDate, zone) : null;
}

/** The last day of a stored deadline, as the date inputs take it. */
export function lastDayOf(deadline: string | null, zone: string): string | null {
  return deadline ? lastDayOfDeadline(deadline, zone) : null;
}

export type DeadlineState =
  | { kind: 'open'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'met'; late: number }
  | { kind: 'stopped'; reason: StopReason };

/**
 * Where a deadline stands, in whole days of the organisation's calendar: open (in N days, due
 * today), overdue, met (in time, or N days late), or stopped (an extension replaced it, the matter
 * was closed, an appeal window ended unused).
 */
export function deadlineState(due: string, metAt: string | null, now: Date, zone: string, stopped: StopReason | null = null): DeadlineState {
  // A date met in time stays met even when an extension followed; otherwise a stop explains it.
  if (stopped && !(metAt && Date.parse(metAt) < Date.parse(due))) return { kind: 'stopped', reason: stopped };
  const lastDay = lastDayOfDeadline(due, zone);
  if (metAt) {
    if (Date.parse(metAt) < Date.parse(due)) return { kind: 'met', late: 0 };
    return { kind: 'met', late: Math.max(1, calendarDaysBetween(lastDay, localDateOf(metAt, zone))) };
  }
  const today = localDateOf(now.toISOString(), zone);
  if (now.getTime() >= Date.parse(due)) return { kind: 'overdue', days: Math.max(1, calendarDaysBetween(lastDay, today)) };
  const days = calendarDaysBetween(today, lastDay);
  return days <= 0 ? { kind: 'today' } : { kind: 'open', days };
}

/** The shared formatters plus a day-only date. */
export function useLetterFormatters() {
  const f = useFormatters();
  return useMemo(() => ({ ...f, day: (iso: string) => formatDay(iso, f.zone, f.lang) }), [f]);
}
