import { z } from 'zod';
import { IsoInstant, RecordId, SortDir, listResult } from './common';

export const ActionStatus = z.enum(['planned', 'in_progress', 'done', 'verified', 'cancelled']);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const ActionPriority = z.enum(['low', 'medium', 'high', 'critical']);
export const ActionOriginType = z.enum(['incident', 'complaint', 'letter', 'matter', 'finding', 'other']);

const text = (max: number) => z.string().trim().max(max);

const fieldShape = {
  reference: text(60).optional(),
  title: text(300).min(1, 'Give the action a title'),
  description: text(20_000),
  owner: text(200).min(1, 'Every action needs an owner'),
  dueAt: IsoInstant.nullable(),
  priority: ActionPriority,
  originType: ActionOriginType.nullable(),
  /** The record the action comes from, when it is in the register. */
  originId: RecordId.nullable(),
  /** Free text for an origin outside the register (e.g. "CNIL report of 7 July 2022, finding 3"). */
  originNote: text(1_000),
  evidence: text(20_000),
  verificationNote: text(10_000),
};
export const ActionFields = z.object(fieldShape);
export const ActionCreate = z.object({
  ...fieldShape,
  description: fieldShape.description.default(''),
  dueAt: fieldShape.dueAt.default(null),
  priority: fieldShape.priority.default('medium'),
  originType: fieldShape.originType.default(null),
  originId: fieldShape.originId.default(null),
  originNote: fieldShape.originNote.default(''),
  evidence: fieldShape.evidence.default(''),
  verificationNote: fieldShape.verificationNote.default(''),
});
export type ActionCreate = z.input<typeof ActionCreate>;
export const ActionUpdate = z.object({ id: RecordId, patch: ActionFields.partial() });
export type ActionUpdate = z.input<typeof ActionUpdate>;

export const Action = ActionFields.extend({
  id: RecordId,
  reference: z.string(),
  status: ActionStatus,
  doneAt: IsoInstant.nullable(),
  verifiedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

export const ActionSetStatus = z.object({
  id: RecordId,
  status: ActionStatus,
  at: IsoInstant.optional(),
  /** Required to verify: what was checked. */
  note: text(10_000).optional(),
});

export const ActionListQuery = z.object({
  text: text(500).optional(),
  status: z.array(ActionStatus).optional(),
  owner: z.array(z.string()).optional(),
  originId: RecordId.optional(),
  dueBefore: IsoInstant.optional(),
  includeArchived: z.boolean().default(false),
  sort: z.object({ field: z.enum(['reference', 'dueAt', 'status', 'owner', 'priority', 'title']), dir: SortDir }).default({ field: 'dueAt', dir: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ActionListQuery = z.input<typeof ActionListQuery>;
export const ActionListResult = listResult(Action);
