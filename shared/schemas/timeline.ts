import { z } from 'zod';
import { BilingualText, IsoInstant, RecordId } from './common';

export { BilingualText } from './common';

const text = (max: number) => z.string().trim().max(max);

/* ------------------------------------------------------------------------------------------ */
/* Entries the user adds to an incident's timeline (a call, a meeting, a decision…)            */
/* ------------------------------------------------------------------------------------------ */

export const TimelineEntryKind = z.enum(['call', 'meeting', 'decision', 'message', 'note', 'other']);
export type TimelineEntryKind = z.infer<typeof TimelineEntryKind>;

const entryShape = {
  incidentId: RecordId,
  /** When the call, meeting or decision took place (not when it was typed). */
  at: IsoInstant,
  kind: TimelineEntryKind,
  title: text(300).min(1, 'Say in a few words what happened'),
  details: text(20_000),
  /** Who did it or took part (e.g. "Claire Dubois, CISO, CNIL agent"); the typist is in the audit log. */
  actor: text(300),
};
export const TimelineEntryCreate = z.object({
  ...entryShape,
  details: entryShape.details.default(''),
  actor: entryShape.actor.default(''),
});
export type TimelineEntryCreate = z.input<typeof TimelineEntryCreate>;
export const TimelineEntryUpdate = z.object({ id: RecordId, patch: z.object(entryShape).omit({ incidentId: true }).partial() });
export type TimelineEntryUpdate = z.input<typeof TimelineEntryUpdate>;
export const TimelineEntry = z.object(entryShape).extend({
  id: RecordId,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/* ------------------------------------------------------------------------------------------ */
/* The timeline: events the app derives from the register and its audit log, plus user entries */
/* ------------------------------------------------------------------------------------------ */

export const TimelineEventKind = z.enum([
  'incident_recorded',
  'occurred_from',
  'occurred_to',
  'detected',
  'became_aware',
  'risk_assessed',
  'risk_changed',
  'decision_authority',
  'decision_data_subjects',
  'notification_sent',
  'status_changed',
  'client_added',
  'client_notified',
  'client_acknowledged',
  'client_authority_notified',
  'action_planned',
  'action_done',
  'action_verified',
  'action_cancelled',
  'letter_received',
  'letter_sent',
  'complaint_received',
  'complaint_answered',
  'user_entry',
]);
export type TimelineEventKind = z.infer<typeof TimelineEventKind>;

/** Coarse groups for filters and colours. */
export const TimelineCategory = z.enum(['incident', 'assessment', 'notification', 'client', 'action', 'letter', 'complaint', 'user']);
export type TimelineCategory = z.infer<typeof TimelineCategory>;

/** The record an event comes from (timeline_entry for user entries). */
export const TimelineSourceType = z.enum(['incident', 'notification', 'client', 'action', 'letter', 'complaint', 'timeline_entry']);
export type TimelineSourceType = z.infer<typeof TimelineSourceType>;

export const TimelineSource = z.object({
  type: TimelineSourceType,
  id: RecordId,
  /** The record's reference (I-2020-0001, A-2023-0004…) or, for notifications and clients, a label. */
  reference: z.string(),
});
export type TimelineSource = z.infer<typeof TimelineSource>;

export const TimelineEvent = z.object({
  /** Stable within the timeline: the same event keeps its id between calls. */
  id: z.string(),
  /** The instant the thing happened (a notification's sentAt, a letter's receipt…). */
  at: IsoInstant,
  /** When it was entered in the register (the audit entry), null when not known. */
  recordedAt: IsoInstant.nullable(),
  /** Who did it or recorded it. */
  actor: z.string(),
  kind: TimelineEventKind,
  category: TimelineCategory,
  /** app: derived from the register; user: an entry the user added. */
  origin: z.enum(['app', 'user']),
  /** For user entries: call, meeting, decision… */
  entryKind: TimelineEntryKind.nullable(),
  text: BilingualText,
  /** A few words for a visual timeline ("Initial notification CNIL", "Risk: high"). */
  short: BilingualText,
  /** Longer explanation (reasons, content), may be empty. */
  detail: BilingualText,
  source: TimelineSource,
  /** A milestone a manager needs to see on the visual timeline. */
  milestone: z.boolean(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const IncidentClockKind = z.enum(['authority', 'client', 'data_subjects', 'nis2_early_warning', 'nis2_notification', 'nis2_final_report']);
export type IncidentClockKind = z.infer<typeof IncidentClockKind>;

/**
 * How the timeline reports a clock (a reading of the one clock model, shared/clocks, for
 * management: with no hour count and not-required spelt out).
 * met: done before the deadline; late: done after it; running: not done, deadline ahead;
 * overdue: not done, deadline passed; no_deadline: the law sets no hour count (Art. 34, a
 * contract without a term); not_required: decided not to notify (reasons in detail).
 */
export const ClockResult = z.enum(['met', 'late', 'running', 'overdue', 'no_deadline', 'done_no_deadline', 'not_required']);
export type ClockResult = z.infer<typeof ClockResult>;

export const IncidentClock = z.object({
  id: z.string(),
  kind: IncidentClockKind,
  label: BilingualText,
  /** Whom it is owed to (authority name, client name, data subjects). */
  party: z.string(),
  startAt: IsoInstant,
  dueAt: IsoInstant.nullable(),
  metAt: IsoInstant.nullable(),
  state: ClockResult,
  /** Minutes between the deadline and when it was met (or now, when still running); positive = ahead. */
  marginMinutes: z.number().int().nullable(),
  /** "met 12 h before the deadline" / "respectée 12 h avant l'échéance". */
  summary: BilingualText,
  detail: BilingualText,
  /**
   * Decided not to notify in a workspace that separates duties, and not yet confirmed by another
   * member: not final, so the clock is reported as running (or overdue), not as not required.
   */
  awaitingConfirmation: z.boolean().default(false),
  /** Where the clock comes from (incident or affected client). */
  source: TimelineSource,
});
export type IncidentClock = z.infer<typeof IncidentClock>;

export const TimelineFilter = z.object({
  kinds: z.array(TimelineEventKind).optional(),
  categories: z.array(TimelineCategory).optional(),
  sourceTypes: z.array(TimelineSourceType).optional(),
  origin: z.enum(['app', 'user']).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
});
export type TimelineFilter = z.input<typeof TimelineFilter>;

export const TimelineQuery = TimelineFilter.extend({ incidentId: RecordId });
export type TimelineQuery = z.input<typeof TimelineQuery>;

export const Timeline = z.object({
  incident: z.object({ id: RecordId, reference: z.string(), title: z.string(), status: z.string(), riskLevel: z.string().nullable(), drill: z.boolean() }),
  /** "now" for running clocks. */
  at: IsoInstant,
  timeZone: z.string(),
  clocks: z.array(IncidentClock),
  /** Chronological, oldest first. */
  events: z.array(TimelineEvent),
  /** Events before filtering. */
  total: z.number().int(),
});
export type Timeline = z.infer<typeof Timeline>;

export const TimelineEntriesOf = z.object({ incidentId: RecordId, includeArchived: z.boolean().default(false) });
export const TimelineEntriesResult = z.object({ entries: z.array(TimelineEntry) });
