import { EventEmitter } from 'node:events';
import { hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEncrypted, openPlain, type Db } from '../electron/core/db/open';
import { migrate } from '../electron/core/db/migrations';
import { getMeta, setMeta } from '../electron/core/db/meta';
import { AuditLog } from '../electron/core/audit/audit-log';
import { SearchIndex } from '../electron/core/search/search-index';
import type { Clock, RegisterContext } from '../electron/core/registers/context';
import { ComplaintRegister } from '../electron/core/registers/complaints';
import { LetterRegister } from '../electron/core/registers/letters';
import { MatterRegister } from '../electron/core/registers/matters';
import { IncidentRegister } from '../electron/core/registers/incidents';
import { ActionRegister } from '../electron/core/registers/actions';
import { Links } from '../electron/core/registers/links';
import { Attachments } from '../electron/core/registers/attachments';
import { SavedViews } from '../electron/core/registers/saved-views';
import type { Registers } from '../electron/core/workstation';

/**
 * The bench's seam into the core: a RegisterContext and the registers over a database the bench
 * opened itself, so the very same register code runs over a plain SQLite file and over an
 * encrypted one.
 *
 * DUPLICATION (kept to the minimum, to be removed): `buildContext` repeats the body of
 * Workstation.openSession and `buildRegisters` repeats workstation.ts's private openRegisters.
 * If workstation.ts exported
 *   export function openRegisters(ctx: RegisterContext): Registers            (already written, just not exported)
 *   export function sessionContext(db: Db, audit: AuditLog, deviceId: string, clock: Clock, events: EventEmitter): RegisterContext
 *     (the `ctx` object literal of openSession, lifted out; openSession would call it)
 * this file would shrink to opening the database and calling those two.
 *
 * Left out on purpose: the session's sync trigger after each write (no backend is configured
 * here, so it would do nothing) and the clock service listening to record.changed; neither is
 * on the read path this bench measures.
 */

/** What the bench holds: the database, the context (for batching writes) and the registers. */
export interface BenchSession extends Registers {
  db: Db;
  ctx: RegisterContext;
  close(): void;
}

export const BENCH_USER = 'Claire Dubois (DPO)';

export const BENCH_ORGANISATION = {
  name: 'Exemple Télécom SA',
  role: 'controller',
  timeZone: 'Europe/Paris',
  country: 'FR',
  defaultRegulator: 'FR-CNIL',
};

/** Same as Workstation.openSession's ctx (workstation.ts), minus the key it keeps for the session. */
function buildContext(db: Db, audit: AuditLog, deviceId: string, clock: Clock, events: EventEmitter): RegisterContext {
  return {
    db,
    audit,
    search: new SearchIndex(db),
    clock,
    device: deviceId,
    actor: () => getMeta<string>(db, 'userName') ?? 'unknown',
    calendar: () => {
      const org = getMeta<{ timeZone?: string; country?: string }>(db, 'organisation');
      return { timeZone: org?.timeZone ?? 'Europe/Paris', country: org?.country ?? 'FR' };
    },
    write<T>(recordType: string, fn: () => T & { id: string }): T {
      if (db.inTransaction) return fn();
      let result: T & { id: string };
      try {
        result = db.transaction(fn)();
      } catch (e) {
        audit.resetHead();
        throw e;
      }
      audit.writeAnchor();
      events.emit('record.changed', { recordType, id: result.id });
      return result;
    },
  };
}

/** Same as openRegisters in workstation.ts. */
function buildRegisters(ctx: RegisterContext): Registers {
  const letters = new LetterRegister(ctx);
  return {
    complaints: new ComplaintRegister(ctx),
    letters,
    matters: new MatterRegister(ctx, letters),
    incidents: new IncidentRegister(ctx),
    actions: new ActionRegister(ctx),
    links: new Links(ctx),
    attachments: new Attachments(ctx),
    views: new SavedViews(ctx),
  };
}

function session(db: Db, dir: string, anchorSecret: Buffer, deviceId: string, clock: Clock): BenchSession {
  try {
    migrate(db);
    if (getMeta(db, 'userName') === null) {
      db.transaction(() => {
        setMeta(db, 'organisation', BENCH_ORGANISATION);
        setMeta(db, 'userName', BENCH_USER);
      })();
    }
    const anchorKey = Buffer.from(hkdfSync('sha256', anchorSecret, Buffer.alloc(0), 'privacyops audit anchor v1', 32));
    const audit = new AuditLog(db, join(dir, 'audit-head.json'), anchorKey, deviceId, () => clock.now().getTime());
    const ctx = buildContext(db, audit, deviceId, clock, new EventEmitter());
    return { db, ctx, ...buildRegisters(ctx), close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A plain (unencrypted) register file in `dir`, through the core's openPlain(). */
export function openPlainSession(dir: string, clock: Clock, deviceId = 'bench-device'): BenchSession {
  return session(openPlain(join(dir, 'register.db')), dir, Buffer.from('plain register: no key'), deviceId, clock);
}

/** An encrypted (SQLCipher 4) register file in `dir`, through the core's openEncrypted(). */
export function openEncryptedSession(dir: string, key: Buffer, clock: Clock, opts: { create: boolean }, deviceId = 'bench-device'): BenchSession {
  return session(openEncrypted(join(dir, 'register.db'), key, opts), dir, key, deviceId, clock);
}

export function newKey(): Buffer {
  return randomBytes(32);
}
