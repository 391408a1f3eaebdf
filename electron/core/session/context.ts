import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type { Organisation } from '@shared/schemas/profile';
import type { Db } from '../db/open';
import { AuditLog } from '../audit/audit-log';
import { SearchIndex } from '../search/search-index';
import type { Clock, RegisterContext } from '../registers/context';
import { getMeta } from '../db/meta';

export const AUDIT_ANCHOR_FILE = 'audit-head.json';

/** The audit head's sealing key, derived from the database key (or any secret of a plain file). */
export function auditAnchorKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'privacyops audit anchor v1', 32));
}

export interface SessionContextOptions {
  db: Db;
  /** The folder of the register: the audit head is sealed into `audit-head.json` there. */
  dataDir: string;
  /** The database key (or, for a plain file, any fixed secret): seals the audit head. */
  anchorSecret: Buffer;
  deviceId: string;
  clock: Clock;
  /** After each committed outer write: the record written (notify windows, trigger sync). */
  onCommit?: (recordType: string, id: string) => void;
  /**
   * The local member's write rights (README › Roles): gives the check of each record type
   * written. Read once per outer write (an import authorizes thousands of entries). Absent:
   * every right (a plain file, the bench).
   */
  writeCheck?: () => (change: Parameters<RegisterContext['authorize']>[0]) => void;
  /** This machine's workspace member id (null without sync): the author of its entries. Read once per outer write. */
  memberId?: () => string | null;
}

/**
 * What every register writes through: the database, its audit log and search index, who and
 * when, and `write`, the one transaction boundary (nested writes join the outer one; the outer
 * one seals the audit head and announces the change after commit).
 */
export function sessionContext(o: SessionContextOptions): RegisterContext {
  const { db, clock } = o;
  const audit = new AuditLog(db, join(o.dataDir, AUDIT_ANCHOR_FILE), auditAnchorKey(o.anchorSecret), o.deviceId, () => clock.now().getTime());
  // The check for the outer write under way (null between writes: read again at the next one).
  let check: RegisterContext['authorize'] | null = null;
  let member: { id: string | null } | null = null;
  let inWrite = false;
  return {
    db,
    audit,
    search: new SearchIndex(db),
    clock,
    device: o.deviceId,
    actor: () => getMeta<string>(db, 'userName') ?? 'unknown',
    calendar: () => {
      const org = getMeta<Organisation>(db, 'organisation');
      return { timeZone: org?.timeZone ?? 'Europe/Paris', country: org?.country ?? 'FR' };
    },
    authorize(change) {
      if (!o.writeCheck) return;
      if (!inWrite) return o.writeCheck()(change);
      (check ??= o.writeCheck())(change);
    },
    member() {
      if (!o.memberId) return null;
      if (!inWrite) return o.memberId();
      return (member ??= { id: o.memberId() }).id;
    },
    write<T>(recordType: string, fn: () => T & { id: string }): T {
      if (db.inTransaction) return fn();
      let result: T & { id: string };
      inWrite = true;
      try {
        result = db.transaction(fn)();
      } catch (e) {
        audit.resetHead();
        throw e;
      } finally {
        inWrite = false;
        check = null;
        member = null;
      }
      audit.writeAnchor();
      o.onCommit?.(recordType, result.id);
      return result;
    },
  };
}
