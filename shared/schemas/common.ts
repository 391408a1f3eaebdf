import { z } from 'zod';

/** An instant with an explicit offset (or Z). Stored in UTC by the core. */
export const IsoInstant = z.iso.datetime({ offset: true });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** Time-ordered UUID (v7): ids sort by creation time, which keeps indexes and sync logs local. */
export const RecordId = z.uuid();
export type RecordId = z.infer<typeof RecordId>;

/** The two languages the app ships; every user-facing text comes in both. */
export const Lang = z.enum(['en', 'fr']);
export type Lang = z.infer<typeof Lang>;

/** The one bilingual text type of the app (schemas, the deadline engine, exports). */
export const BilingualText = z.object({ en: z.string(), fr: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

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

/**
 * How many records a list or search found. Counting every match of a broad query over years of
 * records costs more than the page itself, so the core counts exactly up to TOTAL_CAP and stops
 * there: when `totalCapped` is true, `total` is a lower bound (the cap) and the UI says
 * "more than 1,000". A smaller result is always counted exactly (`totalCapped` false).
 */
export const TOTAL_CAP = 1000;
export const ResultTotal = {
  total: z.number().int().min(0),
  totalCapped: z.boolean().describe('True when there are more than `total` results (total is then the cap, a lower bound).'),
};

/** A page of a register's list: its items and how many there are in all (see ResultTotal). */
export function listResult<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), ...ResultTotal });
}

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
