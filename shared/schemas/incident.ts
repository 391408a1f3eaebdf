import { z } from 'zod';
import { BilingualText, IsoInstant, RecordId, SortDir, listResult } from './common';

export const IncidentRole = z.enum(['controller', 'processor', 'joint']);
export const BreachNature = z.enum(['confidentiality', 'integrity', 'availability']);
export const RiskLevel = z.enum(['unlikely', 'risk', 'high']);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const Decision = z.enum(['pending', 'yes', 'no']);

/**
 * As processor we decide neither on the authority nor on the data subjects: the controllers do,
 * once told under Art. 33(2). An undecided decision is theirs then, not a task of ours left open.
 */
export function controllersDecide(i: { ourRole: string }, decision: z.infer<typeof Decision>): boolean {
  return decision === 'pending' && i.ourRole === 'processor';
}
export const IncidentStatus = z.enum(['open', 'contained', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** Art. 9 and 10 categories: flagged because they raise the risk and the notification duty. */
export const SPECIAL_DATA_CATEGORIES = ['health', 'biometric', 'genetic', 'racial_ethnic', 'political', 'religious', 'trade_union', 'sex_life', 'criminal'] as const;
export const DataCategory = z.enum([
  'identification',
  'contact',
  'financial',
  'location',
  'online_identifiers',
  'credentials',
  'communications',
  'call_recordings',
  'official_documents',
  ...SPECIAL_DATA_CATEGORIES,
  'other',
]);
export type DataCategory = z.infer<typeof DataCategory>;

const text = (max: number) => z.string().trim().max(max);
const count = z.number().int().nonnegative().max(1e10).nullable();

/** What GDPR Art. 33(3) and 33(5) require a breach register to show. */
const fieldShape = {
  reference: text(60).optional(),
  title: text(300).min(1, 'Give the incident a title'),
  ourRole: IncidentRole,
  /** When the event was first detected (by a tool, a person, a third party). */
  detectedAt: IsoInstant.nullable(),
  /**
   * When the organisation became reasonably certain that a breach occurred: the Art. 33 and NIS2
   * clocks start here (the processor's client clocks start at detection).
   */
  awareAt: IsoInstant,
  /** Why awareness came later than detection (asked whenever it does, and kept). */
  awarenessDelayReason: text(5_000),
  /** False when no personal data is concerned: no GDPR obligation, only NIS2 can apply. */
  personalData: z.boolean(),
  /** Countries (ISO 3166-1 alpha-2) where the affected people are: UK data subjects bring UK GDPR in. */
  memberStates: z.array(z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code such as FR')).max(60),
  occurredFrom: IsoInstant.nullable(),
  occurredTo: IsoInstant.nullable(),
  howDiscovered: text(5_000),
  nature: z.array(BreachNature),
  dataCategories: z.array(DataCategory),
  dataSubjectCategories: text(2_000),
  approxSubjects: count,
  approxRecords: count,
  likelyConsequences: text(10_000),
  riskLevel: RiskLevel.nullable(),
  /** The supervisory authority concerned (regulator id). */
  authority: text(100).nullable(),
  notifyAuthority: Decision,
  notifyAuthorityReasons: text(10_000),
  notifyDataSubjects: Decision,
  notifyDataSubjectsReasons: text(10_000),
  /** Art. 34 has no hour count: the target the team sets itself. */
  dataSubjectsTarget: IsoInstant.nullable(),
  /** Reasons for a notification made after 72 hours (Art. 33(1)). */
  delayReasons: text(10_000),
  nis2InScope: z.boolean(),
  measuresTaken: text(20_000),
  measuresProposed: text(20_000),
  lead: text(200),
  facts: text(50_000),
  /**
   * A breach exercise: played through the real clocks and reminders, marked as a drill wherever it
   * appears, and kept out of the regulator's exports and the annual report. Set when the incident
   * is recorded and never changed after (a real breach must not leave the register as a drill).
   */
  drill: z.boolean(),
};
export const IncidentFields = z.object(fieldShape);
export const IncidentCreate = z.object({
  ...fieldShape,
  detectedAt: fieldShape.detectedAt.default(null),
  awarenessDelayReason: fieldShape.awarenessDelayReason.default(''),
  personalData: fieldShape.personalData.default(true),
  memberStates: fieldShape.memberStates.default([]),
  occurredFrom: fieldShape.occurredFrom.default(null),
  occurredTo: fieldShape.occurredTo.default(null),
  howDiscovered: fieldShape.howDiscovered.default(''),
  nature: fieldShape.nature.default([]),
  dataCategories: fieldShape.dataCategories.default([]),
  dataSubjectCategories: fieldShape.dataSubjectCategories.default(''),
  approxSubjects: fieldShape.approxSubjects.default(null),
  approxRecords: fieldShape.approxRecords.default(null),
  likelyConsequences: fieldShape.likelyConsequences.default(''),
  riskLevel: fieldShape.riskLevel.default(null),
  authority: fieldShape.authority.default(null),
  notifyAuthority: fieldShape.notifyAuthority.default('pending'),
  notifyAuthorityReasons: fieldShape.notifyAuthorityReasons.default(''),
  notifyDataSubjects: fieldShape.notifyDataSubjects.default('pending'),
  notifyDataSubjectsReasons: fieldShape.notifyDataSubjectsReasons.default(''),
  dataSubjectsTarget: fieldShape.dataSubjectsTarget.default(null),
  delayReasons: fieldShape.delayReasons.default(''),
  nis2InScope: fieldShape.nis2InScope.default(false),
  measuresTaken: fieldShape.measuresTaken.default(''),
  measuresProposed: fieldShape.measuresProposed.default(''),
  lead: fieldShape.lead.default(''),
  facts: fieldShape.facts.default(''),
  drill: fieldShape.drill.default(false),
});
export type IncidentCreate = z.input<typeof IncidentCreate>;
export const IncidentUpdate = z.object({ id: RecordId, patch: IncidentFields.partial() });
export type IncidentUpdate = z.input<typeof IncidentUpdate>;

export const Incident = IncidentFields.extend({
  id: RecordId,
  reference: z.string(),
  status: IncidentStatus,
  specialCategories: z.boolean(),
  /** Art. 33(1): 72 hours after awareness; null when we are the processor (the authority clock is our clients'). */
  authorityDue: IsoInstant.nullable(),
  /** When the first (initial) notification to the authority went out: meets the clock. */
  authorityNotifiedAt: IsoInstant.nullable(),
  dataSubjectsNotifiedAt: IsoInstant.nullable(),
  closedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const NotificationRecipient = z.enum(['authority', 'data_subjects', 'nis2_csirt', 'client', 'other']);
export const NotificationPhase = z.enum(['initial', 'complementary', 'final']);
export const NotificationMethod = z.enum(['online_form', 'email', 'letter', 'phone', 'website', 'other']);

const notificationShape = {
  incidentId: RecordId,
  recipient: NotificationRecipient,
  recipientName: text(200),
  phase: NotificationPhase,
  sentAt: IsoInstant,
  method: NotificationMethod,
  /** The recipient's own reference (e.g. the CNIL's notification number), added when known. */
  reference: text(200),
  content: text(50_000),
};

/** How a filing stood against its clock, fixed when it was recorded. */
export const FilingTimeliness = z.enum(['on_time', 'late', 'no_deadline', 'not_judged']);
export type FilingTimeliness = z.infer<typeof FilingTimeliness>;

/**
 * A filing (stored as a notification): what was sent, to whom, when and how, frozen once recorded
 * and sealed in the audit log by its hash. Only the recipient's reference, its acknowledgement and
 * the outcome can be added afterwards.
 */
export const Notification = z.object(notificationShape).extend({
  id: RecordId,
  /** The obligation it meets (null for notifications recorded before obligations existed). */
  obligationId: RecordId.nullable(),
  /** Citable: NOT-2026-0003. */
  filingRef: z.string(),
  /** A complementary or final filing chains to the first filing of its obligation. */
  previousId: RecordId.nullable(),
  /** SHA-256 of what was sent (text, recipient, channel, time and the attached files' digests). */
  contentHash: z.string(),
  /** The deadline this filing was judged against when it was recorded. */
  dueAtFiling: IsoInstant.nullable(),
  timeliness: FilingTimeliness,
  /** Mandatory when the filing was late. */
  lateReasons: z.string(),
  /** What the pre-filing check found missing when it was recorded (Art. 33(3), phased under 33(4)). */
  gaps: z.array(z.string()),
  /** The files sent with it (attachments of the incident, frozen with the filing). */
  files: z.array(z.object({ attachmentId: RecordId, fileName: z.string(), sha256: z.string(), size: z.number().int() })),
  outcome: z.string(),
  acknowledgedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** An attachment sent with a filing, frozen with it. */
export const FilingFile = z.object({ fileName: z.string().trim().min(1).max(255), mimeType: z.string().max(200).default('application/octet-stream'), contentBase64: z.string() });

/** Recording a filing: what was sent; the app assigns the reference, the hash and the timeliness. */
export const NotificationCreate = z.object({
  ...notificationShape,
  recipientName: notificationShape.recipientName.default(''),
  reference: notificationShape.reference.default(''),
  content: notificationShape.content.default(''),
  /** The obligation it meets; when omitted, the incident's obligation for this recipient (if there is one). */
  obligationId: RecordId.nullable().default(null),
  lateReasons: z.string().trim().max(10_000).default(''),
  files: z.array(FilingFile).max(20).default([]),
  /** Recording knowingly with what the pre-filing check found missing (a phased notification). */
  acceptGaps: z.boolean().default(false),
});
export type NotificationCreate = z.input<typeof NotificationCreate>;

export const FROZEN_MESSAGE = 'A filing is frozen once recorded: what was sent, to whom, when and how cannot change; only the recipient’s reference, its acknowledgement and the outcome can be added. Record a complementary filing instead.';

/** After recording, only these can be added: the recipient's reference, acknowledgement, outcome. */
export const NotificationUpdate = z.object({
  id: RecordId,
  patch: z
    .object(
      { reference: notificationShape.reference, acknowledgedAt: IsoInstant.nullable(), outcome: text(20_000) },
      { error: (iss) => (iss.code === 'unrecognized_keys' ? FROZEN_MESSAGE : undefined) },
    )
    .partial()
    .strict(),
});

/** What a filing would lack if recorded now (GDPR Art. 33(3), the CNIL online form). */
export const FilingCheckInput = z.object({ incidentId: RecordId, obligationId: RecordId.nullable().default(null), phase: NotificationPhase, sentAt: IsoInstant, content: text(50_000).default('') });
export const FilingCheck = z.object({
  /** Codes of what is missing (nature, categories, approx_subjects, approx_records, dpo_contact, consequences, measures, recipient). */
  gaps: z.array(z.object({ code: z.string(), label: BilingualText })),
  /** The deadline the filing would be judged against, and whether it would be late. */
  due: IsoInstant.nullable(),
  late: z.boolean(),
  lateReasonsRequired: z.boolean(),
});
export type FilingCheck = z.infer<typeof FilingCheck>;

/** When we are the processor: each client controller, its contractual clock and its answers. */
const clientShape = {
  incidentId: RecordId,
  name: text(200).min(1, 'Name the client'),
  contact: text(300),
  /** Hours agreed in the contract; null when the contract sets none ("without undue delay"). */
  contractHours: z.number().int().min(1).max(720).nullable(),
  notifiedAt: IsoInstant.nullable(),
  notifiedHow: text(300),
  acknowledgedAt: IsoInstant.nullable(),
  /** What the client tells us of its own Art. 33 notification. */
  authorityNotifiedAt: IsoInstant.nullable(),
  authorityReference: text(200),
  notes: text(10_000),
  /** The client's entry in the client-contracts register, when it has one. */
  contractId: RecordId.nullable(),
  /** The language the client's notice is written in. */
  language: z.enum(['fr', 'en']),
};
export const AffectedClientCreate = z.object({
  ...clientShape,
  contact: clientShape.contact.default(''),
  contractHours: clientShape.contractHours.default(48),
  notifiedAt: clientShape.notifiedAt.default(null),
  notifiedHow: clientShape.notifiedHow.default(''),
  acknowledgedAt: clientShape.acknowledgedAt.default(null),
  authorityNotifiedAt: clientShape.authorityNotifiedAt.default(null),
  authorityReference: clientShape.authorityReference.default(''),
  notes: clientShape.notes.default(''),
  contractId: clientShape.contractId.default(null),
  language: clientShape.language.default('fr'),
});
export type AffectedClientCreate = z.input<typeof AffectedClientCreate>;
/**
 * incidents.addClient: a client picked from the client-contracts register (contractId) takes its
 * name, contact, notice hours and language from its contract unless they are given; without a
 * contract they are given or default as in AffectedClientCreate.
 */
export const AffectedClientAdd = AffectedClientCreate.extend({
  name: clientShape.name.optional(),
  contact: clientShape.contact.optional(),
  contractHours: clientShape.contractHours.optional(),
  language: clientShape.language.optional(),
}).refine((c) => c.contractId !== null || c.name !== undefined, { message: 'Name the client', path: ['name'] });
export type AffectedClientAdd = z.input<typeof AffectedClientAdd>;
export const AffectedClientUpdate = z.object({ id: RecordId, patch: z.object(clientShape).omit({ incidentId: true }).partial() });
export const AffectedClient = z.object(clientShape).extend({
  id: RecordId,
  /** detectedAt (or awareAt) + contractHours, elapsed. */
  notifyDue: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type AffectedClient = z.infer<typeof AffectedClient>;

export const IncidentDetail = z.object({ incident: Incident, notifications: z.array(Notification), clients: z.array(AffectedClient) });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const IncidentSetStatus = z.object({ id: RecordId, status: IncidentStatus, at: IsoInstant.optional() });

export const IncidentListQuery = z.object({
  text: text(500).optional(),
  status: z.array(IncidentStatus).optional(),
  risk: z.array(RiskLevel).optional(),
  awareFrom: IsoInstant.optional(),
  awareTo: IsoInstant.optional(),
  includeArchived: z.boolean().default(false),
  sort: z.object({ field: z.enum(['reference', 'awareAt', 'authorityDue', 'riskLevel', 'status', 'title']), dir: SortDir }).default({ field: 'awareAt', dir: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type IncidentListQuery = z.input<typeof IncidentListQuery>;
export const IncidentListResult = listResult(Incident);
