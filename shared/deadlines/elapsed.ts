/**
 * Periods in hours: elapsed real time from the exact instant. 72 hours across a change to or from
 * summer time are 72 real hours (the wall clock shows 71 or 73), and weekends and holidays change
 * nothing: a breach clock runs on Sundays.
 *
 * Regulation 1182/71 Art. 3(1) would leave out the hour during which the event occurs; the GDPR and
 * NIS2 clocks are read by the authorities as running from the moment of awareness, and counting
 * from the exact instant is the earlier, safer reading, so that is what we compute.
 */
import { DateTime } from 'luxon';
import { isoInZone, parseInstant } from './instant';

export const MS_PER_HOUR = 3_600_000;

/** Arithmetic on epoch milliseconds: wall-clock arithmetic would be off by an hour across DST. */
export function addElapsedHoursToInstant(from: DateTime, hours: number): DateTime {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new Error(`A period in hours must be a finite number of hours >= 0, got ${hours}`);
  }
  return DateTime.fromMillis(from.toMillis() + Math.round(hours * MS_PER_HOUR), { zone: from.zone });
}

/** `from` + `hours` elapsed hours, as an ISO string in `timeZone` (offset of that zone at that instant). */
export function addElapsedHours(from: string, hours: number, timeZone: string): string {
  return isoInZone(addElapsedHoursToInstant(parseInstant(from), hours), timeZone);
}
