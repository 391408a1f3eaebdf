import { z } from 'zod';
import { IsoInstant, RecordId, SortDir, listResult } from './common';

export const LetterDirection = z.enum(['inbound', 'outbound']);
export type LetterDirection = z.infer<typeof LetterDirection>;

/** What a letter is in a procedure with a regulator. */
export const LetterKind = z.enum([
  'request_for_information',
  'inspection_notice',
  'complaint_forwarded',
  'findings',
  'reprimand',
  'formal_notice',
  'sanction',
  'extension_granted',
  'closure',
  'our_reply',
  'our_observations',
  'appeal_lodged',
  'appeal_decision',
  'other',
]);
export type LetterKind = z.infer<typeof LetterKind>;

/** Letters that are decisions of the regulator, against which an appeal lies. */
export const APPEALABLE_KINDS: readonly LetterKind[] = ['reprimand', 'formal_notice', 'sanction'];

const text = (max: number) => z.string().trim().max(max);

/** The letter's dates a regulator-set period can run from. */
export const LetterDateField = z.enum(['sentAt', 'receivedAt', 'notifiedAt']);
export type LetterDateField = z.infer<typeof LetterDateField>;

/**
 * A period a regulator set in its letter ("dans un délai de trois mois à compter de la
 * notification", "an extension of one month"): the engine counts it from one of the letter's
 * dates (shared/correspondence/deadlines.ts), so the date is never typed by hand when the letter
 * states a period.
 */
export const LetterPeriod = z.object({
  amount: z.number().int('A period is a whole number of days, weeks or months').min(1, 'A period is at least 1').max(366),
  unit: z.enum(['days', 'weeks', 'months']),
  from: LetterDateField,
});
export type LetterPeriod = z.infer<typeof LetterPeriod>;

const fieldShape = {
  reference: text(60).optional(),
  /** An id from the regulator list (e.g. FR-CNIL) or a custom name. */
  regulator: text(100).min(1, 'Name the regulator'),
  direction: LetterDirection,
  kind: LetterKind,
  /** Date on the letter / when we sent it. */
  sentAt: IsoInstant.nullable(),
  receivedAt: IsoInstant.nullable(),
  /** Formal notification (e.g. registered mail delivery): starts appeal periods. */
  notifiedAt: IsoInstant.nullable(),
  /** The regulator's own references: SAN-2023-008, complaint numbers… */
  regulatorRefs: z.array(text(100).min(1)).max(20),
  subject: text(500).min(1, 'Give the letter a subject'),
  summary: text(50_000),
  /** A reply date the regulator wrote in the letter. */
  replyDue: IsoInstant.nullable(),
  /** A compliance deadline set by a formal notice or order. */
  complianceDue: IsoInstant.nullable(),
  /** When set, replyDue is counted from the letter by this period (the core recomputes it). */
  replyPeriod: LetterPeriod.nullable(),
  /** When set, complianceDue is counted from the letter by this period. */
  compliancePeriod: LetterPeriod.nullable(),
  /** Sanction amount in euros. */
  amountEur: z.number().nonnegative().max(1e11).nullable(),
  matterId: RecordId.nullable(),
  inReplyTo: RecordId.nullable(),
};
export const LetterFields = z.object(fieldShape);

const PERIOD_NEEDS_DATE: Record<LetterDateField, string> = {
  sentAt: 'The period runs from the date of the letter: give that date',
  receivedAt: 'The period runs from receipt: give the date the letter was received',
  notifiedAt: 'The period runs from notification: give the date the letter was notified',
};

export const LetterCreate = z
  .object({
    ...fieldShape,
    sentAt: fieldShape.sentAt.default(null),
    receivedAt: fieldShape.receivedAt.default(null),
    notifiedAt: fieldShape.notifiedAt.default(null),
    regulatorRefs: fieldShape.regulatorRefs.default([]),
    summary: fieldShape.summary.default(''),
    replyDue: fieldShape.replyDue.default(null),
    complianceDue: fieldShape.complianceDue.default(null),
    replyPeriod: fieldShape.replyPeriod.default(null),
    compliancePeriod: fieldShape.compliancePeriod.default(null),
    amountEur: fieldShape.amountEur.default(null),
    matterId: fieldShape.matterId.default(null),
    inReplyTo: fieldShape.inReplyTo.default(null),
  })
  .superRefine((l, ctx) => {
    if (!l.sentAt && !l.receivedAt) ctx.addIssue({ code: 'custom', path: ['sentAt'], message: 'Give the date the letter was sent or received' });
    for (const key of ['replyPeriod', 'compliancePeriod'] as const) {
      const period = l[key];
      if (period && !l[period.from]) ctx.addIssue({ code: 'custom', path: [period.from], message: PERIOD_NEEDS_DATE[period.from] });
    }
  });
export type LetterCreate = z.input<typeof LetterCreate>;

export const LetterUpdate = z.object({ id: RecordId, patch: LetterFields.partial() });
export type LetterUpdate = z.input<typeof LetterUpdate>;

export const Letter = LetterFields.extend({
  id: RecordId,
  reference: z.string(),
  /** When our answer to this letter went out (an outbound letter in reply): meets replyDue. */
  answeredAt: IsoInstant.nullable(),
  /** Two months (délai franc) before the Conseil d'État from notification, for CNIL decisions. */
  appealDue: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Letter = z.infer<typeof Letter>;

export const LetterListQuery = z.object({
  text: text(500).optional(),
  regulator: z.array(z.string()).optional(),
  kind: z.array(LetterKind).optional(),
  direction: LetterDirection.optional(),
  matterId: RecordId.optional(),
  includeArchived: z.boolean().default(false),
  sort: z.object({ field: z.enum(['reference', 'date', 'replyDue', 'kind', 'regulator']), dir: SortDir }).default({ field: 'date', dir: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type LetterListQuery = z.input<typeof LetterListQuery>;
export const LetterListResult = listResult(Letter);
