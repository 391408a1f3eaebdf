import { chmodSync, closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '@shared/api/contract';
import { fold } from '@shared/text';

export type Db = BetterSqlite3.Database;

const require = createRequire(import.meta.url);
// better-sqlite3-multiple-ciphers has the better-sqlite3 API (and types) with SQLCipher built in.
const Database = require('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;

/**
 * Opens (or creates) the register with a raw 256-bit key in SQLCipher 4 format, so any
 * SQLCipher 4 tool can read it with the same key. A wrong key is detected on the first read,
 * before anything is written: the file is opened read-only for that check, and `check` runs on
 * that read-only connection too (the schema runner refuses a newer schema there).
 */
export function openEncrypted(path: string, key: Buffer, opts: { create: boolean; check?: (probe: Db) => void }): Db {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes');
  if (!opts.create) assertKeyOpens(path, key, opts.check);
  // SQLite gives -wal and -shm the mode of the database file: create that file readable by its
  // owner only, before SQLite would create it with the process umask (644 by default).
  if (opts.create && !existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  const db = new Database(path, { fileMustExist: !opts.create });
  try {
    applyKey(db, key);
    db.pragma('journal_mode = WAL');
    ownerOnly(path);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${cacheKibFor(fileBytes(path))}`);
    registerFunctions(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * SQLite's page cache for an encrypted register, in KiB: a quarter of the file, at least 64 MiB
 * and at most 1 GiB. Every page read from an encrypted file is decrypted (and its HMAC checked);
 * a plain file is served from the OS cache, an encrypted one only from SQLite's own. With a cache
 * far smaller than the file, the lists' sorts and filters decrypt the same index pages call after
 * call: at S5 (a 4.5 GB register, 64 MiB cache) sort and filter p95 were 5.1 and 3.8 times the
 * plain file's; the same calls at a tenth of the volume with the cache cut to the same proportion
 * showed the same effect, and it falls away as the cache grows (README › Benchmarks). The cache
 * is filled only by pages actually read, so a small register never uses more than it needs.
 */
export function cacheKibFor(fileBytes: number): number {
  const MIB = 1024;
  return Math.min(1024 * MIB, Math.max(64 * MIB, Math.ceil(fileBytes / 4 / 1024)));
}

/** The register's size on disk with its write-ahead log (0 for a file not created yet). */
function fileBytes(path: string): number {
  let bytes = 0;
  for (const f of [path, `${path}-wal`]) {
    try {
      bytes += statSync(f).size;
    } catch {
      /* not there yet */
    }
  }
  return bytes;
}

/**
 * The register and its -wal/-shm readable and writable by their owner only (mode 600), also for a
 * register created by an earlier version with the default umask. Encrypted as they are, their
 * size and timing still say something, and other accounts on the machine have no business there.
 * (On Windows chmod only sets the read-only flag; the profile folder's ACL is what protects it.)
 */
export function ownerOnly(path: string): void {
  if (process.platform === 'win32') return;
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if ((statSync(f).mode & 0o777) !== 0o600) chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

function applyKey(db: Db, key: Buffer) {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

function assertKeyOpens(path: string, key: Buffer, check?: (probe: Db) => void) {
  // A read-only connection to a WAL file creates its -wal and -shm files but cannot remove them
  // when it closes; it leaves them as it found them (a refused register keeps its folder as it was).
  const sidecars = [`${path}-wal`, `${path}-shm`] as const;
  const hadSidecars = sidecars.some((f) => existsSync(f));
  let probe: Db;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new ApiError('NOT_FOUND', `The register file ${path} cannot be opened: ${(e as Error).message}`);
  }
  try {
    try {
      applyKey(probe, key);
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_NOTADB') {
        throw new ApiError('WRONG_KEY', 'This key does not open the register (it is not the key this file was encrypted with). Nothing was changed.');
      }
      throw e;
    }
    check?.(probe);
  } finally {
    probe.close();
    if (!hadSidecars && existsSync(sidecars[0]) && statSync(sidecars[0]).size === 0) {
      for (const f of sidecars) rmSync(f, { force: true });
    }
  }
}

export function openPlain(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // As durable as the encrypted register, and zeroing freed cells as it does, so the two compare
  // like for like (bench): the difference measured is the encryption.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  registerFunctions(db);
  return db;
}

/**
 * Prepared statements are reused: preparing costs more than running a small statement, and the
 * registers run the same few hundred statements all day (and sync, thousands per second). A
 * statement still busy iterating is never handed out twice.
 */
function cacheStatements(db: Db) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = db.prepare.bind(db);
  (db as { prepare: Db['prepare'] }).prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) return hit;
    const stmt = prepare(sql);
    if (!hit && cache.size < 2_000) cache.set(sql, stmt);
    return stmt;
  }) as Db['prepare'];
}

/** SQLite's NOCASE folds ASCII only; names in a French office need accents folded too. */
function registerFunctions(db: Db) {
  cacheStatements(db);
  db.function('fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : v));
}
