import { z } from 'zod';

/** An instant with an explicit offset (or Z). Stored in UTC by the core. */
export const IsoInstant = z.iso.datetime({ offset: true });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** Time-ordered UUID (v7): ids sort by creation time, which keeps indexes and sync logs local. */
export const RecordId = z.uuid();
export type RecordId = z.infer<typeof RecordId>;

export const SortDir = z.enum(['asc', 'desc']);
export type SortDir = z.infer<typeof SortDir>;

export const Paging = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

/** Withdrawal/archival instead of deletion: the register is evidence. */
export const ArchiveInput = z.object({
  id: RecordId,
  reason: z.string().trim().min(3, 'A reason of at least 3 characters is required'),
});
export type ArchiveInput = z.infer<typeof ArchiveInput>;

export const IdInput = z.object({ id: RecordId });
export type IdInput = z.infer<typeof IdInput>;

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
