import { z } from 'zod';
import { IsoInstant, RecordId, SortDir, listResult } from './common';

export const ComplaintChannel = z.enum(['email', 'post', 'web_form', 'phone', 'regulator']);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** GDPR Arts. 15-22 and 7(3): the rights a data subject can invoke. */
export const DataSubjectRight = z.enum([
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'objection_direct_marketing',
  'consent_withdrawal',
  'automated_decision',
]);
export type DataSubjectRight = z.infer<typeof DataSubjectRight>;

export const ComplaintStatus = z.enum(['received', 'in_progress', 'awaiting_information', 'answered', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

const text = (max: number) => z.string().trim().max(max);

/** Fields the user edits. Complainant data is minimised on purpose: a label and a contact, no more. */
const fieldShape = {
  reference: text(60).optional(),
  receivedAt: IsoInstant,
  channel: ComplaintChannel,
  /** Only for channel "regulator": which authority forwarded it and its own complaint number. */
  regulator: text(100).nullable(),
  regulatorReference: text(100).nullable(),
  complainantLabel: text(200).min(1, 'Give the complainant a label (e.g. initials or a pseudonym)'),
  complainantContact: text(300),
  rights: z.array(DataSubjectRight).min(1, 'Select at least one right concerned'),
  summary: text(20_000).min(1, 'Summarise the complaint'),
  outcome: text(20_000),
  /** When the extension notice (Art. 12(3), two further months) was sent to the data subject. */
  extensionNoticeAt: IsoInstant.nullable(),
  extensionReason: text(2_000),
};
export const ComplaintFields = z.object(fieldShape);

export const ComplaintCreate = z
  .object({
    ...fieldShape,
    regulator: fieldShape.regulator.default(null),
    regulatorReference: fieldShape.regulatorReference.default(null),
    complainantContact: fieldShape.complainantContact.default(''),
    outcome: fieldShape.outcome.default(''),
    extensionNoticeAt: fieldShape.extensionNoticeAt.default(null),
    extensionReason: fieldShape.extensionReason.default(''),
  })
  .superRefine((c, ctx) => {
    if (c.channel === 'regulator' && !c.regulator) {
      ctx.addIssue({ code: 'custom', path: ['regulator'], message: 'Name the regulator that forwarded the complaint' });
    }
  });
export type ComplaintCreate = z.input<typeof ComplaintCreate>;

/** A patch names only what changes (no defaults, or a patch would reset untouched fields). */
export const ComplaintUpdate = z.object({
  id: RecordId,
  patch: ComplaintFields.partial(),
});
export type ComplaintUpdate = z.input<typeof ComplaintUpdate>;

export const ComplaintSetStatus = z.object({
  id: RecordId,
  status: ComplaintStatus,
  /** When answering: the instant the answer was sent (defaults to now). It is what meets the clock. */
  at: IsoInstant.optional(),
  note: text(2_000).optional(),
});
export type ComplaintSetStatus = z.input<typeof ComplaintSetStatus>;

export const Complaint = ComplaintFields.extend({
  id: RecordId,
  reference: z.string(),
  status: ComplaintStatus,
  /** Art. 12(3) deadline (one month, or three when extended), end of the last day, in UTC. */
  responseDue: IsoInstant,
  answeredAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Complaint = z.infer<typeof Complaint>;

export const ComplaintSortField = z.enum(['reference', 'receivedAt', 'responseDue', 'status', 'complainantLabel', 'channel']);
export type ComplaintSortField = z.infer<typeof ComplaintSortField>;

export const ComplaintListQuery = z.object({
  /** Full-text query: every word must match (prefix match on the last one). */
  text: text(500).optional(),
  status: z.array(ComplaintStatus).optional(),
  channel: z.array(ComplaintChannel).optional(),
  right: z.array(DataSubjectRight).optional(),
  receivedFrom: IsoInstant.optional(),
  receivedTo: IsoInstant.optional(),
  overdueAt: IsoInstant.optional().describe('Only open complaints whose response is due before this instant'),
  includeArchived: z.boolean().default(false),
  sort: z
    .object({ field: ComplaintSortField, dir: SortDir })
    .default({ field: 'receivedAt', dir: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ComplaintListQuery = z.input<typeof ComplaintListQuery>;

export const ComplaintListResult = listResult(Complaint);
export type ComplaintListResult = z.infer<typeof ComplaintListResult>;
