import { z } from 'zod';
import { IsoInstant } from './common';

export const FieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const AuditAction = z.enum(['create', 'update', 'status', 'archive', 'restore', 'profile', 'import']);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * One append-only entry. The same entry is a record's history, feeds incident timelines and is
 * the unit that sync carries (opId is globally unique; device + actor say who and where).
 */
export const AuditEntry = z.object({
  seq: z.number().int(),
  opId: z.string(),
  at: IsoInstant,
  actor: z.string(),
  device: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  action: AuditAction,
  changes: z.array(FieldChange),
  /** Hybrid logical clock of the operation (null on entries written before sync existed). */
  hlc: z.string().nullable(),
  /** Per field set: the version (hlc) it overwrote; how concurrent changes are recognised. */
  bases: z.record(z.string(), z.string()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditProblem = z.enum(['altered', 'removed', 'reordered', 'truncated']);

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  headHash: z.string(),
  firstBad: z
    .object({ seq: z.number().int(), problem: AuditProblem, detail: z.string() })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const HistoryInput = z.object({ recordType: z.string(), recordId: z.string() });
export const HistoryResult = z.object({ entries: z.array(AuditEntry) });
