import type { Db } from '../db/open';
import type { ObligationRecord } from '@shared/schemas/obligation';
import { sameMember, type EntryAuthor } from '../audit/audit-log';

/** The audit entry that made an obligation's standing decision: by which member, on which machine, at which clock. */
export interface DecisionEntry {
  author: string | null;
  device: string;
  hlc: string | null;
}

/**
 * A decision not to notify, when the workspace separates duties (README › Roles), is final only
 * once a second member has confirmed it: until then it is "awaiting confirmation" and its clock
 * keeps running. Without sync, or with the setting off, a decision is final at once; one made
 * before the setting was turned on stays final (its position in the log, as for every rule).
 * `separatedSince`: the log clock from which the setting is on (null: off).
 */
export function awaitingConfirmation(o: Pick<ObligationRecord, 'decision' | 'confirmedAt' | 'supersededAt'>, decision: DecisionEntry | null, separatedSince: string | null): boolean {
  if (separatedSince === null || o.decision !== 'not_required' || o.confirmedAt !== null || o.supersededAt !== null) return false;
  return decision?.hlc != null && decision.hlc > separatedSince;
}

/**
 * The entry that recorded the obligation's standing decision (its latest audit entry changing
 * the decision or the reasons for it: both make what is confirmed), or null. Who made it is
 * compared by member (audit-log.ts sameMember), as for actions.
 */
export function decisionEntry(db: Db, obligationId: string): DecisionEntry | null {
  const row = db
    .prepare(
      `SELECT author, device, hlc FROM audit_log INDEXED BY audit_by_record WHERE record_type = 'obligation' AND record_id = ?
         AND EXISTS (SELECT 1 FROM json_each(changes) WHERE json_extract(value, '$.field') IN ('decision', 'rationale'))
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(obligationId) as DecisionEntry | undefined;
  return row ?? null;
}

/** Whether this member (`me`: its member id and machine) recorded the obligation's standing decision. */
export function decidedBy(db: Db, obligationId: string, me: EntryAuthor): boolean {
  const d = decisionEntry(db, obligationId);
  return d !== null && sameMember(d, me);
}

/**
 * The log clock of the latest change that turned separation of duties on, while it is on (`on`:
 * sync/duties.ts separatesDuties); null when off.
 */
export function separatedSince(db: Db, on: boolean): string | null {
  if (!on) return null;
  const row = db
    .prepare(
      `SELECT max(hlc) AS hlc FROM audit_log INDEXED BY audit_by_record WHERE record_type = 'settings'
         AND EXISTS (SELECT 1 FROM json_each(changes) WHERE json_extract(value, '$.field') = 'separationOfDuties' AND json_extract(value, '$.new') = 1)`,
    )
    .get() as { hlc: string | null };
  return row.hlc ?? '';
}

/** Whether an obligation's decision not to notify is still awaiting a second member, as this register stands. */
export function isAwaitingConfirmation(db: Db, o: Pick<ObligationRecord, 'id' | 'decision' | 'confirmedAt' | 'supersededAt'>, since: string | null): boolean {
  // The entry is read only when it can matter (the clocks board reads every obligation).
  return awaitingConfirmation(o, since === null || o.decision !== 'not_required' || o.confirmedAt !== null ? null : decisionEntry(db, o.id), since);
}

/** Whether a change (local or a colleague's) records a confirmation. */
export function confirms(changes: readonly { field: string; new: unknown }[]): boolean {
  return changes.some((c) => c.field === 'confirmedAt' && c.new !== null && c.new !== undefined);
}
