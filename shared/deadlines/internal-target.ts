/**
 * Internal targets: the office aims to be done some working days before a day-counted legal or
 * regulator deadline (an Art. 12(3) answer, a reply date, a formal notice's compliance date, an
 * appeal). The target is the end of the working day N working days before the deadline's last day,
 * on the organisation's calendar (its weekends and public holidays are not counted).
 */
import { isWorkingDay } from './holidays';
import { localDateOf, parseInstant } from './instant';
import { addDays, endOfLocalDay } from './local-date';
import { assertOrgCalendar, type OrgCalendar } from './org-calendar';

/**
 * The internal target for a deadline given as the instant its last day ends (the local midnight
 * after it), `leadDays` working days earlier; null when leadDays is 0 or the target would not fall
 * after `startedAt` (a deadline too short to have an earlier target).
 */
export function internalTarget(deadline: string, leadDays: number, cal: OrgCalendar, startedAt?: string): string | null {
  if (!Number.isInteger(leadDays) || leadDays <= 0) return null;
  const { timeZone, country } = assertOrgCalendar(cal);
  // The deadline is the midnight that ends its last day: one millisecond before is on that day.
  const lastDay = localDateOf(parseInstant(deadline).minus({ milliseconds: 1 }), timeZone);
  let day = lastDay;
  for (let moved = 0; moved < leadDays; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, country)) moved++;
  }
  const end = endOfLocalDay(day, timeZone);
  if (startedAt && end.toMillis() <= parseInstant(startedAt).toMillis()) return null;
  return new Date(end.toMillis()).toISOString();
}
