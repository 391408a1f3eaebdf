/**
 * The registers benchmark, started by run.ts.
 *
 * Builds the volume (S4: a year of a large organisation; S5: ten years) twice with the same core
 * code and the same seeded data, once in an encrypted (SQLCipher 4) register and once in a plain
 * SQLite file, then times the same calls on both — list, filter, sort, search, open a record,
 * save a record — through the API methods as the core serves them, and on the plain file the
 * floor of each call: the least SQL, written by hand, that returns the same page. All three are
 * interleaved (rotating which goes first) so drift on a shared machine hits them alike.
 * Progress goes to stderr, results to stdout.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { decryptedCopy, openEncryptedSession, openPlainSession, type BenchSession } from './plain-context';
import { bulkLoad, load, SimClock, type LoadStats, type Volume } from './generate';
import { Rng } from './prng';
import { buildCases, CATEGORIES, type Case, type Category, type IdsOf, type Outcome, type Register } from './workload';
import { fmt, int, pad, padEnd, summary, type Reporter } from './report';

export interface RegistersBenchOptions {
  root: string;
  key: Buffer;
  volume: Volume;
  volumeName: string;
  /** Build through the registers' own methods (as in use) or through their bulk-load seam. */
  build: 'registers' | 'bulk';
  iterations: number;
  warmup: number;
  verify: boolean;
  report: Reporter;
}

export interface RegistersBenchResult {
  encryptedPlain: number;
  appFloor: number;
}

const DATA_SEED = 20250101;
const WORKLOAD_SEED = 4;
const DAYS_PER_BATCH = 7;
const SIDES = ['encrypted', 'plain', 'floor'] as const;
type Side = (typeof SIDES)[number];
type Db = 'encrypted' | 'plain';
const DBS: Db[] = ['encrypted', 'plain'];
const REGISTERS: Register[] = ['complaints', 'letters', 'incidents', 'actions'];

export async function registersBench(o: RegistersBenchOptions): Promise<RegistersBenchResult> {
  const { log, out } = o.report;
  const dirs: Record<Db, string> = { encrypted: join(o.root, 'encrypted'), plain: join(o.root, 'plain') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const open = new Set<BenchSession>();
  const openSide = (side: Db, clock: SimClock, create: boolean) => {
    const s = side === 'encrypted' ? openEncryptedSession(dirs.encrypted, o.key, clock, { create }) : openPlainSession(dirs.plain, clock);
    open.add(s);
    return s;
  };
  const closeSide = (s: BenchSession) => {
    s.close();
    open.delete(s);
  };
  const fileMb = (side: Db) => {
    const db = join(dirs[side], 'register.db');
    let bytes = statSync(db).size;
    if (existsSync(`${db}-wal`)) bytes += statSync(`${db}-wal`).size;
    return bytes / 1024 / 1024;
  };
  const v = o.volume;
  const totalRecords = v.complaints + v.letters + v.incidents + v.actions;

  try {
    // 0. Warm the code paths up (JIT, time zone and holiday tables) on a throw-away register, so the
    //    first register built does not pay for it.
    {
      const dir = join(o.root, 'warm-up');
      mkdirSync(dir);
      const clock = new SimClock();
      const s = openPlainSession(dir, clock);
      open.add(s);
      log('Warming up the write path on a throw-away register');
      const tiny = { complaints: 400, letters: 40, incidents: 20, actions: 160 };
      if (o.build === 'bulk') bulkLoad(s, clock, tiny, DATA_SEED + 1, { progress: () => {} });
      else load(s, clock, tiny, DATA_SEED + 1, { daysPerBatch: 30, progress: () => {} });
      closeSide(s);
      rmSync(dir, { recursive: true, force: true });
    }

    // 1. Build both registers with the same seed. A bulk build (S5) builds the encrypted one and
    //    takes a decrypted copy of it as the plain one: the same content, and an hour less.
    const loads = {} as Record<Db, LoadStats & { auditEntries: number; verifyMs: number; chainOk: boolean }>;
    let copyMs: number | null = null;
    for (const side of DBS) {
      if (side === 'plain' && o.build === 'bulk') {
        log(`Making the plain register a decrypted copy of the encrypted one in ${dirs.plain}`);
        const t = performance.now();
        decryptedCopy(dirs.encrypted, dirs.plain, o.key);
        copyMs = performance.now() - t;
        loads.plain = { ...loads.encrypted, ms: copyMs, verifyMs: NaN };
        continue;
      }
      log(`Building the ${side} register: ${int(totalRecords)} records (${o.volumeName}, ${o.build === 'bulk' ? 'bulk-load seam' : 'register methods'}) in ${dirs[side]}`);
      const clock = new SimClock();
      const s = openSide(side, clock, true);
      const stats = o.build === 'bulk' ? bulkLoad(s, clock, v, DATA_SEED, { progress: log }) : load(s, clock, v, DATA_SEED, { daysPerBatch: DAYS_PER_BATCH, progress: log });
      // The chain built must verify.
      const t = performance.now();
      const verified = o.verify ? s.ctx.audit.verify() : null;
      loads[side] = { ...stats, auditEntries: verified?.count ?? s.ctx.audit.count(), verifyMs: verified ? performance.now() - t : NaN, chainOk: verified?.ok ?? true };
      closeSide(s);
    }

    // 1b. Both files read once end to end, so the OS holds both alike. A copy made just now would
    //     otherwise sit in the OS cache while the file it was copied from had been pushed out,
    //     and the comparison would time the disk for one side only (a machine in use has read both).
    for (const side of DBS) {
      const t = performance.now();
      const mb = readThrough(join(dirs[side], 'register.db'));
      log(`Read the ${side} register through the OS cache (${fmt(mb, 0)} MB, ${fmt((performance.now() - t) / 1000, 1)} s)`);
    }

    // 2. Reopen both, as the app does at unlock (cold SQLite cache, WAL checkpointed on close).
    const sessions = {} as Record<Db, BenchSession>;
    const openMs = {} as Record<Db, number>;
    for (const side of DBS) {
      const t = performance.now();
      sessions[side] = openSide(side, new SimClock(), false);
      openMs[side] = performance.now() - t;
    }

    // 3. The records opened and saved: a sample of references, and their ids on each register.
    const refRng = new Rng(WORKLOAD_SEED + 7);
    const references = {} as Record<Register, string[]>;
    for (const reg of REGISTERS) {
      const n = (sessions.plain.db.prepare(`SELECT count(*) AS n FROM ${reg}`).get() as { n: number }).n;
      // Active records only: an archived record cannot be saved (restore it first).
      const pick = sessions.plain.db.prepare(`SELECT reference FROM ${reg} WHERE rowid = ? AND archived_at IS NULL`);
      references[reg] = Array.from({ length: 200 }, () => (pick.get(1 + refRng.int(n)) as { reference: string } | undefined)?.reference).filter((r): r is string => !!r);
    }
    const idMaps = {} as Record<Db, Map<string, string>>;
    for (const side of DBS) {
      const m = new Map<string, string>();
      for (const reg of REGISTERS) {
        const get = sessions[side].db.prepare(`SELECT id FROM ${reg} WHERE reference = ?`);
        for (const ref of references[reg]) m.set(`${reg}:${ref}`, (get.get(ref) as { id: string }).id);
      }
      idMaps[side] = m;
    }
    const idsOf = (side: Db): IdsOf => (reg, ref) => idMaps[side].get(`${reg}:${ref}`)!;

    // 4. The same calls on all three, interleaved. Wall time is the latency; the process's CPU
    //    time per call is kept too, as a cross-check on a shared machine.
    type Timing = { wall: number; cpu: number };
    const runOne = (c: Case, side: Side): { t: Timing; r: Outcome } => {
      const cpu = process.cpuUsage();
      const wall = process.hrtime.bigint();
      const r = side === 'floor' ? c.floor(sessions.plain.db, idsOf('plain')) : c.run(sessions[side], idsOf(side));
      const w = Number(process.hrtime.bigint() - wall) / 1e6;
      const u = process.cpuUsage(cpu);
      return { t: { wall: w, cpu: (u.user + u.system) / 1000 }, r };
    };
    const same = (a: Outcome, b: Outcome, unordered: boolean) => {
      const ka = unordered ? [...a.keys].sort() : a.keys;
      const kb = unordered ? [...b.keys].sort() : b.keys;
      return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
    };
    const runAll = (cases: Case[], record: boolean) => {
      const times: Record<Side, Timing>[] = [];
      const mismatches: string[] = [];
      cases.forEach((c, i) => {
        const order = [...SIDES.slice(i % 3), ...SIDES.slice(0, i % 3)];
        const t: Partial<Record<Side, Timing>> = {};
        const r: Partial<Record<Side, Outcome>> = {};
        for (const side of order) ({ t: t[side], r: r[side] } = runOne(c, side));
        times.push(t as Record<Side, Timing>);
        if (!record) return;
        if (r.encrypted!.total !== r.plain!.total || !same(r.encrypted!, r.plain!, false)) mismatches.push(`${c.label}: encrypted and plain registers differ (totals ${r.encrypted!.total} / ${r.plain!.total})`);
        // Search ties in rank may come in another order; the floor's page is checked as a set there.
        if (!same(r.plain!, r.floor!, c.unordered ?? false)) mismatches.push(`${c.label}: the floor's page differs from the app's (${r.floor!.keys.length} vs ${r.plain!.keys.length} rows)`);
      });
      return { times, mismatches };
    };

    const casesFor = (n: number, seed: number) => buildCases(v, n, seed, references);
    log(`Warming up (${o.warmup} calls of each kind on each register and the floor)`);
    runAll(
      casesFor(o.warmup, WORKLOAD_SEED + 1).filter((c) => c.category !== 'save'),
      false,
    );
    log(`Timing ${o.iterations} calls of each kind: ${CATEGORIES.join(', ')}`);
    const cases = casesFor(o.iterations, WORKLOAD_SEED);
    const { times, mismatches } = runAll(cases, true);
    for (const m of mismatches.slice(0, 20)) log(`  warning: ${m}`);

    const byCategory = new Map<Category, Record<Side, number[]> & { cpu: Record<Side, number[]> }>();
    const byLabel = new Map<string, { category: Category; t: Record<Side, number[]> }>();
    cases.forEach((c, i) => {
      const cat = byCategory.get(c.category) ?? { encrypted: [], plain: [], floor: [], cpu: { encrypted: [], plain: [], floor: [] } };
      const lab = byLabel.get(c.label) ?? { category: c.category, t: { encrypted: [], plain: [], floor: [] } };
      for (const side of SIDES) {
        cat[side].push(times[i]![side].wall);
        cat.cpu[side].push(times[i]![side].cpu);
        lab.t[side].push(times[i]![side].wall);
      }
      byCategory.set(c.category, cat);
      byLabel.set(c.label, lab);
    });

    // ---------------------------------------------------------------------------------------
    // Report (stdout).
    const require = createRequire(import.meta.url);
    const versions = sessions.plain.db.prepare('SELECT sqlite_version() AS sqlite, sqlite3mc_version() AS mc').get() as { sqlite: string; mc: string };
    const pkg = require('better-sqlite3-multiple-ciphers/package.json') as { version: string };
    out(`PrivacyOps Workstation bench: ${o.volumeName}`);
    out(
      `${int(v.complaints)} complaints, ${int(v.letters)} letters, ${int(v.incidents)} incidents, ${int(v.actions)} actions; ` +
        `Node ${process.version}, better-sqlite3-multiple-ciphers ${pkg.version}, SQLite ${versions.sqlite}, ${versions.mc} (SQLCipher 4 format)`,
    );
    out();
    out(o.build === 'bulk' ? 'Load through the registers’ bulk-load seam (records, audit entries and index documents as the app writes them)' : `Load through the registers' create/setStatus methods (audit log and FTS index built as in use), one transaction per ${DAYS_PER_BATCH} days`);
    out(`${padEnd('', 10)}${pad('records', 10)}${pad('writes', 10)}${pad('audit', 10)}${pad('time s', 9)}${pad('records/s', 11)}${pad('writes/s', 10)}${pad('file MB', 9)}${pad('verify s', 10)}${pad('open ms', 9)}`);
    for (const side of o.build === 'bulk' ? (['encrypted'] as const) : DBS) {
      const l = loads[side];
      out(
        `${padEnd(side, 10)}${pad(int(l.records), 10)}${pad(int(l.writes), 10)}${pad(int(l.auditEntries), 10)}${pad(fmt(l.ms / 1000, 1), 9)}` +
          `${pad(int(l.records / (l.ms / 1000)), 11)}${pad(int(l.writes / (l.ms / 1000)), 10)}${pad(fmt(fileMb(side), 1), 9)}${pad(fmt(l.verifyMs / 1000, 1), 10)}${pad(fmt(openMs[side], 0), 9)}` +
          (l.chainOk ? '' : '  AUDIT CHAIN BROKEN'),
      );
    }
    if (copyMs !== null) {
      out(`${padEnd('plain', 10)}a decrypted copy of the encrypted register (PRAGMA rekey = ''), made in ${fmt(copyMs / 1000, 1)} s: ${fmt(fileMb('plain'), 1)} MB, opened in ${fmt(openMs.plain, 0)} ms`);
    } else {
      out(`${padEnd('enc/plain', 10)}${pad('', 39)}${pad(fmt(loads.encrypted.ms / loads.plain.ms), 9)}${pad('', 30)}${pad(fmt(loads.encrypted.verifyMs / loads.plain.verifyMs), 10)}${pad(fmt(openMs.encrypted / openMs.plain), 9)}`);
    }
    out();

    out(`Latency per call in ms (${o.iterations} calls each, pages of 50, after ${o.warmup} warm-up calls); floor = hand-written SQL for the same page on the plain file`);
    out(`${padEnd('', 8)}${pad('encrypted', 16)}${pad('plain', 16)}${pad('floor', 16)}${pad('enc/plain', 11)}${pad('app/floor', 11)}${pad('enc/floor', 11)}${pad('CPU e/p', 9)}`);
    out(`${padEnd('', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('p50', 8)}${pad('p95', 8)}${pad('p95', 11)}${pad('p95', 11)}${pad('p95', 11)}${pad('p95', 9)}`);
    let worstEncPlain = 0;
    let worstAppFloor = 0;
    let worstEncFloor = 0;
    for (const cat of CATEGORIES) {
      const t = byCategory.get(cat)!;
      const e = summary(t.encrypted);
      const p = summary(t.plain);
      const f = summary(t.floor);
      const cpu95 = summary(t.cpu.encrypted).p95 / summary(t.cpu.plain).p95;
      worstEncPlain = Math.max(worstEncPlain, e.p95 / p.p95);
      worstAppFloor = Math.max(worstAppFloor, p.p95 / f.p95);
      worstEncFloor = Math.max(worstEncFloor, e.p95 / f.p95);
      out(
        `${padEnd(cat, 8)}${pad(fmt(e.p50), 8)}${pad(fmt(e.p95), 8)}${pad(fmt(p.p50), 8)}${pad(fmt(p.p95), 8)}${pad(fmt(f.p50), 8)}${pad(fmt(f.p95), 8)}` +
          `${pad(fmt(e.p95 / p.p95), 11)}${pad(fmt(p.p95 / f.p95), 11)}${pad(fmt(e.p95 / f.p95), 11)}${pad(fmt(cpu95), 9)}`,
      );
    }
    out();
    out('Detail by call (ms)');
    out(`${padEnd('', 36)}${pad('n', 4)}${pad('enc p50', 9)}${pad('enc p95', 9)}${pad('plain p95', 10)}${pad('floor p95', 10)}${pad('enc/plain', 10)}${pad('app/floor', 10)}`);
    for (const cat of CATEGORIES) {
      for (const [label, { category, t }] of byLabel) {
        if (category !== cat) continue;
        const e = summary(t.encrypted);
        const p = summary(t.plain);
        const f = summary(t.floor);
        out(`${padEnd(`${cat}: ${label}`, 36)}${pad(String(e.n), 4)}${pad(fmt(e.p50), 9)}${pad(fmt(e.p95), 9)}${pad(fmt(p.p95), 10)}${pad(fmt(f.p95), 10)}${pad(fmt(e.p95 / p.p95), 10)}${pad(fmt(p.p95 / f.p95), 10)}`);
      }
    }
    out();
    if (mismatches.length) out(`${mismatches.length} calls returned different pages (see stderr).`);
    out(`Worst encrypted app / plain floor p95 ratio (both effects together): ${fmt(worstEncFloor)}`);
    return { encryptedPlain: worstEncPlain, appFloor: worstAppFloor };
  } finally {
    for (const s of open) {
      try {
        s.close();
      } catch {
        /* already closed */
      }
    }
  }
}

/** Reads a file from start to end (into the OS page cache); returns its size in MB. */
function readThrough(path: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
  let total = 0;
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) total += n;
  } finally {
    closeSync(fd);
  }
  return total / 1024 / 1024;
}
