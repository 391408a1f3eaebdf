/**
 * Arithmetic on local calendar dates ('YYYY-MM-DD'), kept apart from instants on purpose: day,
 * week and month periods count calendar days in the organisation's zone, and doing that arithmetic
 * on zoned instants drags DST gaps into it. Dates are plain strings computed with UTC epoch-day
 * arithmetic (every UTC day has 24 hours, and it is much cheaper than zoned luxon objects, which
 * matters when the core recomputes a year of request deadlines); they only become instants at the
 * very end (endOfLocalDay).
 */
import { DateTime } from 'luxon';
import type { CalendarUnit } from './units';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function parseLocalDate(localDate: string): CivilDate {
  const m = typeof localDate === 'string' ? LOCAL_DATE.exec(localDate) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new Error(`'${String(localDate)}' is not a calendar date like 2026-04-06`);
}

/** Epoch milliseconds of a UTC date; setUTCFullYear because Date.UTC maps years 0-99 to 1900-1999. */
function utcMs(year: number, month: number, day: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(year, month - 1, day);
  return dt.getTime();
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatLocalDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

function toEpochDay(d: CivilDate): number {
  return Math.round(utcMs(d.year, d.month, d.day) / MS_PER_DAY);
}

function fromEpochDay(n: number): CivilDate {
  const dt = new Date(n * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

export function addDays(localDate: string, days: number): string {
  return formatLocalDate(fromEpochDay(toEpochDay(parseLocalDate(localDate)) + days));
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  const d = parseLocalDate(localDate);
  const js = new Date(utcMs(d.year, d.month, d.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Same date `months` later, or that month's last day where the date does not exist. */
export function addMonthsClamped(localDate: string, months: number): string {
  const d = parseLocalDate(localDate);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatLocalDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/**
 * The last day of a period of `amount` units counted from the day after `eventDate`
 * (Regulation 1182/71 Art. 3(2)(b) and (c)):
 *  - days: the amount-th day after the event;
 *  - weeks: the same day of the week, `amount` weeks later;
 *  - months: the same date `amount` months later, or that month's last day where the date does not
 *    exist (31 January + 1 month -> 28/29 February).
 */
export function lastDayOfPeriod(eventDate: string, amount: number, unit: CalendarUnit): string {
  switch (unit) {
    case 'days':
      return addDays(eventDate, amount);
    case 'weeks':
      return addDays(eventDate, amount * 7);
    case 'months':
      return addMonthsClamped(eventDate, amount);
  }
}

/**
 * The instant a local day ends: the next local midnight in `timeZone`. Where that midnight does not
 * exist (zones that changed clocks at 00:00, e.g. America/Sao_Paulo until 2019) luxon moves it
 * forward to the first instant of the next day, which is still "the end of the last day".
 */
export function endOfLocalDay(localDate: string, timeZone: string): DateTime {
  // Memoised: resolving a local midnight costs several Intl offset look-ups, and a year of requests
  // ends on only a few hundred distinct days. DateTimes are immutable, so sharing them is safe.
  const key = `${timeZone}|${localDate}`;
  let end = midnights.get(key);
  if (!end) {
    const next = parseLocalDate(addDays(localDate, 1));
    end = DateTime.fromObject({ year: next.year, month: next.month, day: next.day }, { zone: timeZone });
    if (!end.isValid) throw new Error(`Cannot resolve the end of ${localDate} in ${timeZone}: ${end.invalidReason ?? 'invalid'}`);
    if (midnights.size >= MAX_MIDNIGHTS) midnights.clear(); // crude bound; refills cheaply
    midnights.set(key, end);
  }
  return end;
}

const MAX_MIDNIGHTS = 20_000;
const midnights = new Map<string, DateTime>();
