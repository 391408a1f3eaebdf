import { DateTime } from 'luxon';

/**
 * Calendar arithmetic in the ORGANISATION's time zone, never the browser's: a complaint received at
 * 00:30 in Paris was received on that Paris date, whatever the laptop's clock says.
 * Local dates are 'YYYY-MM-DD' (what Mantine's date inputs use), local times 'HH:mm'.
 */

/**
 * The instant of a wall-clock date and time in `zone`, as ISO with that zone's offset.
 * A time inside a spring-forward gap moves forward (luxon's rule); an ambiguous autumn time takes
 * the earlier offset. Returns null when the parts do not form a date-time.
 */
export function instantFromLocal(date: string | null, time: string, zone: string): string | null {
  if (!date || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null;
}

export function localPartsOf(iso: string, zone: string): { date: string; time: string } {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return { date: dt.toISODate() ?? '', time: dt.toFormat('HH:mm') };
}

export function nowLocalParts(zone: string, now: Date = new Date()): { date: string; time: string } {
  return localPartsOf(now.toISOString(), zone);
}

export function localDateOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate() ?? '';
}

/** Start of a local day, for "received from" filters. */
export function startOfLocalDay(date: string, zone: string): string | null {
  const dt = DateTime.fromISO(date, { zone }).startOf('day');
  return dt.isValid ? dt.toISO() : null;
}

/** Start of the following local day: the API's receivedTo is exclusive, the user's "to" date is inclusive. */
export function startOfNextLocalDay(date: string, zone: string): string | null {
  const dt = DateTime.fromISO(date, { zone }).startOf('day').plus({ days: 1 });
  return dt.isValid ? dt.toISO() : null;
}

/** Whole calendar days from local date `a` to local date `b` (positive when b is later). */
export function calendarDaysBetween(a: string, b: string): number {
  const da = DateTime.fromISO(a, { zone: 'UTC' });
  const db = DateTime.fromISO(b, { zone: 'UTC' });
  return Math.round(db.diff(da, 'days').days);
}

/**
 * Deadlines end at the local midnight that closes their last day; people think in that last day.
 * One millisecond before the end is still inside it.
 */
export function lastDayOfDeadline(deadlineIso: string, zone: string): string {
  return DateTime.fromISO(deadlineIso, { setZone: true }).setZone(zone).minus({ milliseconds: 1 }).toISODate() ?? '';
}
