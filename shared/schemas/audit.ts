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

/**
 * What verify finds, first one only. The chain's own: altered, removed, reordered. Against the
 * sealed head in audit-head.json: truncated, or that seal missing / not this register's. Against
 * the head this machine signed at a push and the shared backend keeps (docs/decisions/005):
 * cut_after_push (fewer entries than it had then), rewritten_after_push (another entry there).
 */
export const AuditProblem = z.enum(['altered', 'removed', 'reordered', 'truncated', 'anchor_missing', 'anchor_unsealed', 'cut_after_push', 'rewritten_after_push']);
export type AuditProblem = z.infer<typeof AuditProblem>;

/**
 * How the chain was checked against the heads this machine signed at its pushes: against the
 * backend's (checked; none_yet when it holds none of this member's yet), against the copy kept
 * here because the backend was not reachable (local_copy), or not at all (unavailable).
 */
export const SignedHeadCheck = z.object({
  state: z.enum(['checked', 'none_yet', 'local_copy', 'unavailable']),
  /** The head checked against: how many entries the chain held, and when it was signed. */
  entries: z.number().int().nullable(),
  signedAt: z.string().nullable(),
  /** Heads on the backend claiming to be this member's whose signature or sealing does not verify: not counted. */
  refused: z.number().int(),
});
export type SignedHeadCheck = z.infer<typeof SignedHeadCheck>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  headHash: z.string(),
  firstBad: z
    .object({ seq: z.number().int(), problem: AuditProblem, detail: z.string() })
    .nullable(),
  /** Absent or null: the register syncs with no workspace (no signed heads to check against). */
  signedHead: SignedHeadCheck.nullable().optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const HistoryInput = z.object({ recordType: z.string(), recordId: z.string() });
export const HistoryResult = z.object({ entries: z.array(AuditEntry) });
