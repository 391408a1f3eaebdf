/**
 * Public types of the deadline rules engine. Pure type declarations: no runtime imports, so the
 * renderer and the core can both depend on them without pulling anything in.
 */
import type { BilingualText } from '../schemas/common';
import type { OrgCalendar } from './org-calendar';
import type { PeriodUnit } from './units';

export type { OrgCalendar } from './org-calendar';

/** Every user-facing string comes in both languages the app ships (the app's one bilingual type). */
export type Bilingual = BilingualText;

export interface DeadlineResult {
  /** The rule id that produced this result. */
  rule: string;
  /** The start instant, re-expressed in the organisation's zone (ISO with offset). */
  from: string;
  /**
   * The legal deadline: the instant at which the period is over (for day-based periods, the local
   * midnight that ends the last day, after moving off weekends and holidays). null when the rule has
   * no legal hour or day count (Art. 34, Art. 33(2) without a contract term).
   */
  deadline: string | null;
  /**
   * For hour rules the same as deadline; for day-based rules the end of the last day BEFORE moving
   * off weekends and holidays (the date staff should aim for); for open rules the user's own target.
   */
  target: string | null;
  basis: Bilingual;
  explanation: Bilingual;
  /**
   * Where the legal reading is disputed: `deadline` is the earlier reading and this the later one,
   * with the reason. Absent when the law is settled for this start.
   */
  outerBound?: { deadline: string; reason: Bilingual };
}

export interface RuleOptions {
  /** processor-to-controller: hours agreed in the client contract; null = no contract term. */
  hours?: number | null;
  /** Open rules (Art. 34, ...): the target instant the user set, ISO with an offset. */
  target?: string | null;
}

export type BuiltInRuleId =
  | 'gdpr-33-authority'
  | 'processor-to-controller'
  | 'gdpr-34-data-subjects'
  | 'gdpr-12-response'
  | 'gdpr-12-extended'
  | 'nis2-early-warning'
  | 'nis2-notification'
  | 'nis2-final-report'
  | 'uk-gdpr-33-ico'
  | 'uk-gdpr-12-response'
  | 'conseil-etat-appeal';

/**
 * hours: elapsed time from the exact instant; calendar: days/weeks/months under 1182/71 (or a
 * national equivalent); open: no legal count, the deadline is null.
 */
export type RuleKind = 'hours' | 'calendar' | 'open';

export interface DeadlineRule {
  id: string;
  label: Bilingual;
  kind: RuleKind;
  compute(from: string, cal: OrgCalendar, opts?: RuleOptions): DeadlineResult;
}

export type { CalendarUnit, PeriodUnit } from './units';

export interface CustomRuleDefinition {
  id: string;
  label: Bilingual;
  amount: number;
  unit: PeriodUnit;
  /** The event the period runs from, as a noun phrase: {en: 'the client's request', fr: 'la demande du client'}. */
  event: Bilingual;
}
