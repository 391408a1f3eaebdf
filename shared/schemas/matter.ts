import { z } from 'zod';
import { IsoInstant, RecordId, SortDir, listResult } from './common';
import { Letter } from './letter';

/** One procedure with a regulator: the letters of a matter are its steps. */
export const MatterKind = z.enum(['complaint', 'inspection_on_site', 'inspection_online', 'inspection_documents', 'breach_follow_up', 'formal_notice', 'sanction_procedure', 'other']);
export type MatterKind = z.infer<typeof MatterKind>;

export const MatterStatus = z.enum(['open', 'closed']);

const text = (max: number) => z.string().trim().max(max);

const fieldShape = {
  reference: text(60).optional(),
  regulator: text(100).min(1, 'Name the regulator'),
  kind: MatterKind,
  title: text(300).min(1, 'Give the matter a title'),
  openedAt: IsoInstant,
  regulatorRefs: z.array(text(100).min(1)).max(20),
  summary: text(50_000),
  /** Appeal lodged against the decision, and its outcome, in plain words. */
  appeal: text(5_000),
};
export const MatterFields = z.object(fieldShape);
export const MatterCreate = z.object({
  ...fieldShape,
  regulatorRefs: fieldShape.regulatorRefs.default([]),
  summary: fieldShape.summary.default(''),
  appeal: fieldShape.appeal.default(''),
});
export type MatterCreate = z.input<typeof MatterCreate>;
export const MatterUpdate = z.object({ id: RecordId, patch: MatterFields.partial() });
export type MatterUpdate = z.input<typeof MatterUpdate>;

export const Matter = MatterFields.extend({
  id: RecordId,
  reference: z.string(),
  status: MatterStatus,
  closedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Matter = z.infer<typeof Matter>;

/** A deadline a regulator set, with what superseded it (an extension it granted). */
export const MatterDeadline = z.object({
  letterId: RecordId,
  letterReference: z.string(),
  kind: z.enum(['reply', 'compliance', 'appeal']),
  due: IsoInstant,
  metAt: IsoInstant.nullable(),
  supersededBy: RecordId.nullable(),
});
export type MatterDeadline = z.infer<typeof MatterDeadline>;

export const MatterDetail = z.object({ matter: Matter, letters: z.array(Letter), deadlines: z.array(MatterDeadline) });
export type MatterDetail = z.infer<typeof MatterDetail>;

export const MatterSetStatus = z.object({ id: RecordId, status: MatterStatus, at: IsoInstant.optional() });

export const MatterListQuery = z.object({
  text: text(500).optional(),
  regulator: z.array(z.string()).optional(),
  status: z.array(MatterStatus).optional(),
  includeArchived: z.boolean().default(false),
  sort: z.object({ field: z.enum(['reference', 'openedAt', 'title', 'regulator']), dir: SortDir }).default({ field: 'openedAt', dir: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type MatterListQuery = z.input<typeof MatterListQuery>;
export const MatterListResult = listResult(Matter);
