import { z } from 'zod';
import { CustomRuleDefinitionSchema } from '../deadlines';
import { BilingualText, IsoInstant, Lang, RecordId } from './common';
import { RecordRef, RecordType } from './record-types';

/**
 * Clocks: every deadline of every record, as the board, the reminders and the calendar export see
 * it. A clock is derived from the stored records each time (never stored itself), so it cannot
 * drift from what the register says; it is met by recording the act (an answer, a notification, a
 * reply letter, an action done), never by ticking a box.
 */

export { BilingualText, Lang } from './common';

export const ClockKind = z.enum([
  /** Complaint: Art. 12(3) answer (one month, or three when extended). */
  'gdpr-12-response',
  /** Complaint, only when extended: the extension notice within the first month. */
  'gdpr-12-extension-notice',
  /** Letter: the reply date the regulator wrote. */
  'letter-reply',
  /** Letter: the compliance deadline of a formal notice or order. */
  'letter-compliance',
  /** Letter: the two-month window to appeal a CNIL decision before the Conseil d'État. */
  'conseil-etat-appeal',
  /** Incident: 72 hours to the supervisory authority (Art. 33(1)). */
  'gdpr-33-authority',
  /** Incident: 72 hours to the ICO (UK GDPR Art. 33), when UK data subjects are affected. */
  'uk-gdpr-33-ico',
  /** Incident, one per affected client: our contractual notice to the controller (Art. 33(2)). */
  'processor-to-controller',
  /** Incident: communication to data subjects (Art. 34), on the user's target. */
  'gdpr-34-data-subjects',
  'nis2-early-warning',
  'nis2-notification',
  'nis2-final-report',
  /** Action: its due date. */
  'action-due',
]);
export type ClockKind = z.infer<typeof ClockKind>;

export const ClockState = z.enum(['running', 'met_on_time', 'met_late', 'overdue', 'stopped']);
export type ClockState = z.infer<typeof ClockState>;

/** Why a clock no longer runs although its act was never recorded. */
export const StopReason = z.enum([
  /** The decision was not to notify (notifyAuthority / notifyDataSubjects = 'no'), reasons in the record. */
  'decided_not_to_notify',
  'incident_closed',
  'matter_closed',
  'complaint_closed',
  'action_cancelled',
  /** The regulator granted an extension: the extension letter's clock replaces this one. */
  'superseded',
  /** An appeal window that ended without an appeal: a right not used, not a duty missed. */
  'window_closed',
]);
export type StopReason = z.infer<typeof StopReason>;

export const Clock = z.object({
  /** Stable: `${recordType}:${recordId}:${kind}`, plus `:${partyId}` for per-client clocks. */
  id: z.string(),
  recordType: RecordType,
  recordId: RecordId,
  /** The record this one belongs to, when there is one (a letter's matter). */
  context: RecordRef.nullable(),
  reference: z.string(),
  title: z.string(),
  kind: ClockKind,
  /** The deadline rule that computed `due` (see shared/deadlines), or null for dates a person set. */
  rule: z.string().nullable(),
  label: BilingualText,
  basis: BilingualText,
  /** Something the reader must know about this clock (e.g. the response period was extended). */
  note: BilingualText.nullable(),
  startedAt: IsoInstant,
  /** The deadline in UTC; null for rules with no legal count (Art. 34, a contract without hours). */
  due: IsoInstant.nullable(),
  /** The user's own target for open rules (Art. 34), else null. */
  target: IsoInstant.nullable(),
  /**
   * The office's internal target for a day-counted legal or regulator deadline: the organisation's
   * internalLeadDays working days before its last day (null for hour clocks, actions, or 0 days).
   */
  internalTarget: IsoInstant.nullable(),
  /**
   * Where the law is unsettled, `due` is the earlier reading and this the later one, with why
   * (e.g. a Conseil d'État appeal notified on a date the month of expiry lacks).
   */
  outerBound: z.object({ due: IsoInstant, reason: BilingualText }).nullable(),
  /** When the act that meets the clock was recorded as done. */
  metAt: IsoInstant.nullable(),
  /** At the instant the clock was read; the renderer recomputes it live with clockState(). */
  state: ClockState,
  stoppedReason: StopReason.nullable(),
  /** False for a window the organisation may use but need not (an appeal): it ends, it is never overdue. */
  obligation: z.boolean(),
  /** null: not asked for this kind; false: the record has no reasons yet; true: reasons are recorded. */
  delayReasonsGiven: z.boolean().nullable(),
  /** Art. 33(1): a notification after 72 hours must come with the reasons for the delay, and none are recorded. */
  needsDelayReasons: z.boolean(),
  /** Who the clock runs towards, when the record has several (the client controller's name). */
  party: z.string().nullable(),
  partyId: RecordId.nullable(),
  /** The clock of a breach exercise (an incident recorded as a drill): shown and reminded as such. */
  drill: z.boolean(),
});
export type Clock = z.infer<typeof Clock>;

export const OPEN_CLOCK_STATES: readonly ClockState[] = ['running', 'overdue'];

export const ClockListQuery = z.object({
  /** Default: the board, i.e. clocks still running or overdue. */
  states: z.array(ClockState).min(1).default(['running', 'overdue']),
  /** A register; 'matter' also matches the clocks of a matter's letters. */
  recordType: RecordType.optional(),
  /** Only clocks with a due instant before this one (open-target clocks have none). */
  dueBefore: IsoInstant.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type ClockListQuery = z.input<typeof ClockListQuery>;

export const ClockListResult = z.object({ at: IsoInstant, items: z.array(Clock), total: z.number().int() });
export type ClockListResult = z.infer<typeof ClockListResult>;

export const ClocksOfRecord = z.object({ recordType: RecordType, recordId: RecordId });
export type ClocksOfRecord = z.infer<typeof ClocksOfRecord>;

export const ClocksIcsInput = z.object({ lang: Lang.default('en') });
export const ClocksIcs = z.object({ fileName: z.string(), content: z.string() });
export type ClocksIcs = z.infer<typeof ClocksIcs>;

/** Hours before the due instant at which a reminder fires; 0 is "at expiry". */
export const ReminderThreshold = z.number().min(0).max(24 * 60);
export const ReminderSettings = z.object({
  thresholdsHours: z.array(ReminderThreshold).max(12),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { thresholdsHours: [24, 12, 4, 1, 0] };

/** One reminder that fired: a threshold of a clock reached. */
export const Alert = z.object({
  id: RecordId,
  clockId: z.string(),
  recordType: RecordType,
  recordId: RecordId,
  /** Hours before the due instant (0 = the deadline itself). */
  threshold: z.number(),
  firedAt: IsoInstant,
  dueAt: IsoInstant,
  reference: z.string(),
  title: z.string(),
  label: BilingualText,
  party: z.string().nullable(),
  /** The threshold was reached while the app was closed or locked: shown at the next start. */
  missed: z.boolean(),
  /** A reminder of a breach exercise: said so in its title, so nobody takes it for a real breach. */
  drill: z.boolean(),
  acknowledgedAt: IsoInstant.nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = z.object({
  unacknowledgedOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AlertListQuery = z.input<typeof AlertListQuery>;
export const AlertListResult = z.object({ alerts: z.array(Alert) });

/** For the tray/dock badge: clocks due within the next 24 hours (and, apart, those already overdue). */
export const ClockBadge = z.object({ at: IsoInstant, dueWithin24h: z.number().int(), overdue: z.number().int() });
export type ClockBadge = z.infer<typeof ClockBadge>;

export const SetClockInput = z.object({ at: IsoInstant });
export const SetClockResult = z.object({ now: IsoInstant });

/** Deadline rules the app knows: built in (shared/deadlines) and the organisation's own. */
export const RuleInfo = z.object({
  id: z.string(),
  label: BilingualText,
  kind: z.enum(['hours', 'calendar', 'open']),
  builtIn: z.boolean(),
  definition: CustomRuleDefinitionSchema.nullable(),
});
export type RuleInfo = z.infer<typeof RuleInfo>;
export const RuleListResult = z.object({ rules: z.array(RuleInfo) });
export { CustomRuleDefinitionSchema as CustomRuleInput };
export const RuleIdInput = z.object({ id: z.string().min(1).max(64) });
