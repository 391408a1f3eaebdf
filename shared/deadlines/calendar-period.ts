/**
 * Periods in days, weeks and months under Regulation (EEC, Euratom) No 1182/71, as the EDPB applies
 * it to the GDPR's one-month periods:
 *  - Art. 3(1): the day of the event is not counted. "Day" means the organisation's LOCAL date in its
 *    IANA zone: a request received at 00:30 in Paris arrived on that Paris date, even though it is
 *    still the previous day in UTC.
 *  - Art. 3(2)(b)/(c): the period ends at the end of its last day; a month period ends on the same
 *    date of the later month, or that month's last day where the date does not exist.
 *  - Art. 3(4): a last day on a Saturday, Sunday or public holiday moves to the end of the next
 *    working day. The unrolled last day is kept as `target` (what staff should aim for), the moved one
 *    is the legal `deadline`.
 *  - Art. 3(5): a period of two days or more includes at least two working days.
 *
 * The 'delai-franc' regime is the French courts' variant (used for the Conseil d'État appeal): the
 * day of expiry does not count either, so the last day is the day after the nominal end, then moved
 * off weekends and holidays (code de procédure civile, art. 642).
 */
import type { DateTime } from 'luxon';
import { holidayOn, isWorkingDay } from './holidays';
import { isoInZone, localDateOf, parseInstant } from './instant';
import { addDays, endOfLocalDay, isoWeekday, lastDayOfPeriod, parseLocalDate } from './local-date';
import { assertOrgCalendar, type OrgCalendar } from './org-calendar';
import type { Bilingual, CalendarUnit } from './types';
import { amountWords, bi, dates, frDe } from './wording';

export type PeriodRegime = 'eu-1182-71' | 'delai-franc';

export interface NonWorkingDay {
  date: string;
  reason: 'saturday' | 'sunday' | 'holiday';
  /** The holiday's name when reason is 'holiday'. */
  holiday?: Bilingual;
}

export interface CalendarPeriod {
  regime: PeriodRegime;
  amount: number;
  unit: CalendarUnit;
  /** Local date of the event, which is not counted. */
  eventDate: string;
  /** eventDate + amount units (month clamped to the month's last day). */
  nominalLastDay: string;
  /** True when a month period hit a date that does not exist (31 January + 1 month). */
  monthEndClamped: boolean;
  /** Last day before moving off non-working days (nominal; under délai franc, nominal + 1 day). */
  lastDay: string;
  /** Last day after Art. 3(4) (and 3(5)): the day at whose end the period is over. */
  workingLastDay: string;
  /** The non-working days passed over, in order, starting with lastDay when it is one. */
  skipped: NonWorkingDay[];
  /** Art. 3(5) applied: the period was extended to contain two working days. */
  extendedToTwoWorkingDays: boolean;
  /** End of lastDay (the next local midnight), ISO in the organisation's zone. */
  target: string;
  /** End of workingLastDay, ISO in the organisation's zone. */
  deadline: string;
}

export interface CalendarPeriodOptions {
  regime?: PeriodRegime;
  /** Zone the result instants are written in; defaults to the calendar's zone. */
  outputTimeZone?: string;
  /**
   * délai franc only: add the day of expiry (default true). False gives the stricter reading for a
   * month period whose date the month of expiry lacks (the last day of that month, no extra day).
   */
  francExtraDay?: boolean;
}

function nonWorkingDay(date: string, country: string): NonWorkingDay {
  const weekday = isoWeekday(date);
  const en = holidayOn(date, country, 'en');
  if (en) {
    const fr = holidayOn(date, country, 'fr');
    return { date, reason: 'holiday', holiday: bi(en.name, fr?.name ?? en.name) };
  }
  return { date, reason: weekday === 6 ? 'saturday' : 'sunday' };
}

// A country with a year of holidays would be a data error; fail loudly instead of looping forever.
const MAX_ROLL_DAYS = 366;

function nextWorkingDayFrom(date: string, country: string, skipped: NonWorkingDay[]): string {
  let d = date;
  for (let i = 0; i < MAX_ROLL_DAYS; i++) {
    if (isWorkingDay(d, country)) return d;
    skipped.push(nonWorkingDay(d, country));
    d = addDays(d, 1);
  }
  throw new Error(`No working day found within ${MAX_ROLL_DAYS} days after ${date} for country ${country}`);
}

function assertAmount(amount: number, unit: CalendarUnit): void {
  if (!Number.isInteger(amount) || amount < 1) {
    throw new Error(`A period in ${unit} must be a whole number >= 1, got ${amount}`);
  }
}

/** The period starting on the local date of an event (the event's day itself is not counted). */
export function calendarPeriodFromDate(
  eventDate: string,
  amount: number,
  unit: CalendarUnit,
  cal: OrgCalendar,
  opts: CalendarPeriodOptions = {},
): CalendarPeriod {
  const { timeZone, country } = assertOrgCalendar(cal);
  assertAmount(amount, unit);
  parseLocalDate(eventDate);
  const regime = opts.regime ?? 'eu-1182-71';
  const outZone = opts.outputTimeZone ?? timeZone;

  const nominalLastDay = lastDayOfPeriod(eventDate, amount, unit);
  const monthEndClamped = unit === 'months' && parseLocalDate(nominalLastDay).day !== parseLocalDate(eventDate).day;
  const lastDay = regime === 'delai-franc' && opts.francExtraDay !== false ? addDays(nominalLastDay, 1) : nominalLastDay;

  const skipped: NonWorkingDay[] = [];
  let workingLastDay = nextWorkingDayFrom(lastDay, country, skipped);

  let extendedToTwoWorkingDays = false;
  const periodDays = unit === 'days' ? amount : 2; // weeks and months are always "two days or more"
  if (regime === 'eu-1182-71' && periodDays >= 2) {
    let working = 0;
    for (let d = addDays(eventDate, 1); d <= workingLastDay && working < 2; d = addDays(d, 1)) {
      if (isWorkingDay(d, country)) working++;
    }
    if (working < 2) {
      // workingLastDay is itself a working day, so one more working day always suffices.
      workingLastDay = nextWorkingDayFrom(addDays(workingLastDay, 1), country, []);
      extendedToTwoWorkingDays = true;
    }
  }

  return {
    regime,
    amount,
    unit,
    eventDate,
    nominalLastDay,
    monthEndClamped,
    lastDay,
    workingLastDay,
    skipped,
    extendedToTwoWorkingDays,
    target: isoInZone(endOfLocalDay(lastDay, timeZone), outZone),
    deadline: isoInZone(endOfLocalDay(workingLastDay, timeZone), outZone),
  };
}

/**
 * `from` (an ISO instant with offset) + a period of days, weeks or months under 1182/71, counted on
 * the organisation's local dates and moved off its weekends and public holidays.
 */
export function addCalendarPeriod(
  from: string,
  amount: number,
  unit: CalendarUnit,
  cal: OrgCalendar,
  opts: CalendarPeriodOptions = {},
): CalendarPeriod {
  return calendarPeriodFromInstant(parseInstant(from), amount, unit, cal, opts);
}

/** Same as addCalendarPeriod for an already parsed instant (saves re-parsing in the rules). */
export function calendarPeriodFromInstant(
  start: DateTime,
  amount: number,
  unit: CalendarUnit,
  cal: OrgCalendar,
  opts: CalendarPeriodOptions = {},
): CalendarPeriod {
  const { timeZone } = assertOrgCalendar(cal);
  return calendarPeriodFromDate(localDateOf(start, timeZone), amount, unit, cal, opts);
}

function listWords(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const FRANC_CITATION = bi('(French Code of Civil Procedure, Art. 642)', '(code de procédure civile, art. 642)');
const EU_CITATION = bi('(Regulation 1182/71, Art. 3(4))', '(règlement 1182/71, art. 3, § 4)');

/**
 * The sentence(s) about moving off weekends and holidays, and about Art. 3(5). Shared by every
 * day-based rule so the reasoning reads the same everywhere.
 */
export function describeAdjustments(p: CalendarPeriod): Bilingual {
  const end = dates(p.workingLastDay);
  let en: string;
  let fr: string;
  if (p.skipped.length === 0) {
    en = 'That day is a working day.';
    fr = 'Ce jour est un jour ouvrable.';
  } else {
    const itemEn = p.skipped.map((s) => dates(s.date).en + (s.holiday ? ` (public holiday: ${s.holiday.en})` : ''));
    const itemFr = p.skipped.map((s, i) => `${i === 0 ? 'Le' : 'le'} ${dates(s.date).fr}` + (s.holiday ? ` (jour férié : ${s.holiday.fr})` : ''));
    const cite = p.regime === 'delai-franc' ? FRANC_CITATION : EU_CITATION;
    en =
      `${listWords(itemEn, 'and')} ${p.skipped.length === 1 ? 'is not a working day' : 'are not working days'}, ` +
      `so the period ends at the end of the next working day, ${end.en} ${cite.en}.`;
    fr =
      `${listWords(itemFr, 'et')} ${p.skipped.length === 1 ? "n'est pas un jour ouvrable" : 'ne sont pas des jours ouvrables'} : ` +
      `le délai expire donc à la fin du jour ouvrable suivant, le ${end.fr} ${cite.fr}.`;
  }
  if (p.extendedToTwoWorkingDays) {
    en += ` A period of two days or more must include at least two working days (Regulation 1182/71, Art. 3(5)), so it is extended to the end of ${end.en}.`;
    fr += ` Un délai de deux jours ou plus doit comprendre au moins deux jours ouvrables (règlement 1182/71, art. 3, § 5) : il est prolongé jusqu'à la fin du ${end.fr}.`;
  }
  return bi(en, fr);
}

/** "d'un mois", "de 2 mois", "d'une semaine": French elides before "un"/"une". */
export function frPeriodOf(amount: number, unit: CalendarUnit | 'hours'): string {
  if (amount === 1) {
    return { hours: "d'une heure", days: "d'un jour", weeks: "d'une semaine", months: "d'un mois" }[unit];
  }
  return `de ${amountWords(amount, unit).fr}`;
}

/**
 * The standard 1182/71 sentence: which day is not counted and where the nominal period ends,
 * followed by the adjustments. `event` is a noun phrase ("receipt of the request" /
 * "la réception de la demande").
 */
export function describeCalendarPeriod(p: CalendarPeriod, event: Bilingual, timeZone: string): Bilingual {
  const ev = dates(p.eventDate);
  const last = dates(p.lastDay);
  const clampEn = p.monthEndClamped ? ' (that date does not exist in the final month, so its last day counts)' : '';
  const clampFr = p.monthEndClamped ? " (cette date n'existant pas dans le dernier mois, c'est son dernier jour qui compte)" : '';
  const adj = describeAdjustments(p);
  return bi(
    `The day of ${event.en} (${ev.en}, local date in ${timeZone}) is not counted (Regulation 1182/71, Art. 3(1)); ` +
      `${amountWords(p.amount, p.unit).en} later, the period ends at the end of ${last.en}${clampEn}. ${adj.en}`,
    `Le jour ${frDe(event.fr)} (${ev.fr}, date locale ${timeZone}) n'est pas compté (règlement 1182/71, art. 3, § 1) ; ` +
      `le délai ${frPeriodOf(p.amount, p.unit)} expire à la fin du ${last.fr}${clampFr}. ${adj.fr}`,
  );
}
