/**
 * The deadlines a regulator's letter sets, computed once for the core (what is stored) and the
 * form (what the user sees before saving): the period the letter states, counted from one of its
 * dates, and the appeal window against a decision.
 */
import { calendarPeriodFromInstant, describeCalendarPeriod } from '../deadlines/calendar-period';
import { parseInstant } from '../deadlines/instant';
import type { Bilingual, DeadlineResult, OrgCalendar } from '../deadlines/types';
import { amountWords, bi } from '../deadlines/wording';
import { computeDeadline } from '../deadlines/registry';
import { findRegulator } from '../reference/regulators';
import { APPEALABLE_KINDS, type Letter, type LetterDateField, type LetterPeriod } from '../schemas/letter';

/** The calendar a regulator's own deadlines follow: its zone and holidays, or the organisation's for one not in the catalogue. */
export function regulatorCalendar(regulator: string, org: OrgCalendar): OrgCalendar {
  const reg = findRegulator(regulator);
  return reg ? { timeZone: reg.timeZone, country: reg.holidayCountry } : org;
}

const EVENT: Record<LetterDateField, Bilingual> = {
  sentAt: bi('the date of the letter', 'la date du courrier'),
  receivedAt: bi('receipt of the letter', 'la réception du courrier'),
  notifiedAt: bi('notification of the letter', 'la notification du courrier'),
};

/** "Period set by the regulator's letter: 3 months from notification of the letter", in both languages. */
export function letterPeriodBasis(period: LetterPeriod): Bilingual {
  const a = amountWords(period.amount, period.unit);
  const event = EVENT[period.from];
  return bi(`Period set by the regulator's letter: ${a.en} from ${event.en}`, `Délai fixé par le courrier du régulateur : ${a.fr} à compter de ${event.fr}`);
}

type DatedLetter = Pick<Letter, 'regulator' | 'sentAt' | 'receivedAt' | 'notifiedAt'>;

/**
 * The last instant of a period the letter sets, under Regulation 1182/71 on the regulator's
 * calendar (the day of the event is not counted; a last day off work moves to the next working
 * day), with the engine's reasoning. Null when the date it runs from is not known yet.
 */
export function letterPeriodDue(letter: DatedLetter, period: LetterPeriod, org: OrgCalendar): DeadlineResult | null {
  const from = letter[period.from];
  if (!from) return null;
  const cal = regulatorCalendar(letter.regulator, org);
  const p = calendarPeriodFromInstant(parseInstant(from), period.amount, period.unit, cal);
  return {
    rule: 'regulator-period',
    from,
    deadline: p.deadline,
    target: p.target,
    basis: letterPeriodBasis(period),
    explanation: describeCalendarPeriod(p, EVENT[period.from], cal.timeZone),
  };
}

/** replyDue and complianceDue as the letter's periods make them (a date typed by hand stays when no period is set). */
export function letterDues<T extends DatedLetter & Pick<Letter, 'replyDue' | 'complianceDue' | 'replyPeriod' | 'compliancePeriod'>>(
  letter: T,
  org: OrgCalendar,
): { replyDue: string | null; complianceDue: string | null } {
  const due = (period: LetterPeriod | null, typed: string | null) => (period ? (letterPeriodDue(letter, period, org)?.deadline ?? null) : typed);
  return { replyDue: due(letter.replyPeriod, letter.replyDue), complianceDue: due(letter.compliancePeriod, letter.complianceDue) };
}

export type AppealFacts = Pick<Letter, 'kind' | 'direction' | 'regulator' | 'notifiedAt' | 'receivedAt'>;

/**
 * The appeal window against a regulator's decision. The app knows the French one (two months,
 * délai franc, before the Conseil d'État, from notification, or receipt when no notification is
 * recorded); others are entered as deadlines. Null when no window applies; `result` null when it
 * applies but its start is not known.
 */
export function appealWindow(l: AppealFacts): { from: 'notified' | 'received' | null; result: DeadlineResult | null } | null {
  if (l.direction !== 'inbound' || !APPEALABLE_KINDS.includes(l.kind) || l.regulator !== 'FR-CNIL') return null;
  const from = l.notifiedAt ?? l.receivedAt;
  if (!from) return { from: null, result: null };
  return { from: l.notifiedAt ? 'notified' : 'received', result: appealDeadline(from) };
}

/** The Conseil d'État appeal counted from a date on the CNIL's calendar (with its outer bound). */
export function appealDeadline(from: string): DeadlineResult {
  const reg = findRegulator('FR-CNIL')!;
  return computeDeadline('conseil-etat-appeal', from, { timeZone: reg.timeZone, country: reg.holidayCountry });
}
