import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEncrypted, openPlain, type Db } from '../electron/core/db/open';
import { migrate } from '../electron/core/db/migrations';
import { getMeta, setMeta } from '../electron/core/db/meta';
import type { Clock, RegisterContext } from '../electron/core/registers/context';
import { sessionContext } from '../electron/core/session/context';
import { openRegisters, type Registers } from '../electron/core/session/registers';

/**
 * The bench's seam into the core: the session's own register context (sessionContext) and
 * registers (openRegisters) over a database the bench opened itself, so the very same register
 * code runs over a plain SQLite file and over an encrypted one. Left out: sync and the clock
 * service (no backend is configured here; neither is on the paths this bench measures).
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

function session(db: Db, dir: string, anchorSecret: Buffer, deviceId: string, clock: Clock): BenchSession {
  try {
    migrate(db);
    if (getMeta(db, 'userName') === null) {
      db.transaction(() => {
        setMeta(db, 'organisation', BENCH_ORGANISATION);
        setMeta(db, 'userName', BENCH_USER);
      })();
    }
    const ctx = sessionContext({ db, dataDir: dir, anchorSecret, deviceId, clock });
    return { db, ctx, ...openRegisters(ctx), close: () => db.close() };
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

/**
 * The encrypted register of `fromDir` (closed, so its WAL is checkpointed) as a plain file in
 * `toDir`: the file copied, then decrypted in place with SQLite3 Multiple Ciphers' `rekey` to an
 * empty key (every page rewritten in clear). The same records, audit log and index, byte for byte
 * the same content, in a fraction of the time a second build takes at S5.
 */
export function decryptedCopy(fromDir: string, toDir: string, key: Buffer): void {
  const to = join(toDir, 'register.db');
  copyFileSync(join(fromDir, 'register.db'), to);
  const db = openEncrypted(to, key, { create: false });
  try {
    // rekey rewrites the file through the rollback journal, not the WAL.
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`);
  } finally {
    db.close();
  }
}

export function newKey(): Buffer {
  return randomBytes(32);
}
