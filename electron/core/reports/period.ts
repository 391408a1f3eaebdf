import { DateTime } from 'luxon';
import { toUtc } from '../registers/context';

/** A report's period [from, to) in UTC, and the zone its months and default year are counted in. */
export interface ReportPeriod {
  from: string;
  to: string;
  timeZone: string;
}

/**
 * The period asked for, or by default the calendar year of `now` in the organisation's time zone
 * (1 January 00:00 to the next 1 January 00:00, local time). With only `from`, a year from it;
 * with only `to`, the year before it.
 */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date, timeZone: string): ReportPeriod {
  if (q.from && q.to) return { from: toUtc(q.from), to: toUtc(q.to), timeZone };
  if (q.from) return { from: toUtc(q.from), to: DateTime.fromISO(q.from, { zone: timeZone }).plus({ years: 1 }).toUTC().toISO()!, timeZone };
  if (q.to) return { from: DateTime.fromISO(q.to, { zone: timeZone }).minus({ years: 1 }).toUTC().toISO()!, to: toUtc(q.to), timeZone };
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('year');
  return { from: start.toUTC().toISO()!, to: start.plus({ years: 1 }).toUTC().toISO()!, timeZone };
}

/** Every local month the period touches, as YYYY-MM, oldest first. */
export function monthsOf(p: ReportPeriod): string[] {
  const out: string[] = [];
  const end = DateTime.fromISO(p.to, { zone: 'utc' }).setZone(p.timeZone);
  for (let m = DateTime.fromISO(p.from, { zone: 'utc' }).setZone(p.timeZone).startOf('month'); m < end; m = m.plus({ months: 1 })) out.push(m.toFormat('yyyy-LL'));
  return out;
}

/** The local month (YYYY-MM) an instant falls in. */
export function monthOf(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-LL');
}

export function inPeriod(iso: string | null | undefined, p: ReportPeriod): boolean {
  if (!iso) return false;
  const t = toUtc(iso);
  return t >= p.from && t < p.to;
}
