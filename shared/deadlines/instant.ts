/**
 * Parsing and printing instants. The app stores instants in UTC and shows them in the
 * organisation's zone; an instant without an offset is ambiguous (whose 22:30?), so it is refused
 * instead of being guessed in the process's local zone.
 */
import { DateTime } from 'luxon';
import { timeZoneProblem } from './org-calendar';

// Extended ISO 8601 only, with a mandatory offset or Z. luxon alone would also accept week dates,
// basic format and offset-less strings (read in the process zone), none of which we want.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function parseInstant(value: string, what = 'instant'): DateTime {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw new Error(`'${String(value)}' is not an ISO instant with an offset, e.g. 2026-03-27T22:30:00+01:00`);
  }
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) {
    throw new Error(`'${value}' is not a valid ${what}: ${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid date-time'}`);
  }
  return dt;
}

/** ISO string with the zone's offset, e.g. 2026-03-29T23:30:00.000+02:00. */
export function isoInZone(dt: DateTime, timeZone: string): string {
  const problem = timeZoneProblem(timeZone);
  if (problem) throw new Error(problem);
  const iso = dt.setZone(timeZone).toISO();
  if (iso === null) throw new Error(`Cannot express ${dt.toString()} in ${timeZone}`);
  return iso;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone: never the UTC date. */
export function localDateOf(dt: DateTime, timeZone: string): string {
  return dt.setZone(timeZone).toISODate()!;
}
