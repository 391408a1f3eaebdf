/**
 * The registers benchmark (npm run bench [-- --quick]), started by run.ts.
 *
 * Builds the S4 volume (a year of a large organisation) twice with the same core code and the
 * same seeded data, once in an encrypted (SQLCipher 4) register and once in a plain SQLite
 * file, then times the same list / filter / sort / search calls on both, interleaved.
 * Progress goes to stderr, results to stdout; the last line is
 * `encrypted/plain p95 ratio: <worst of the four>`.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { newKey, openEncryptedSession, openPlainSession, type BenchSession } from './plain-context';
import type { ComplaintCreate } from '@shared/schemas/complaint';
import { BENCH_NOW, load, S4, SimClock, type LoadStats, type Volume } from './generate';
import { Rng } from './prng';
import { TextMaker } from './corpus';
import { buildCases, CATEGORIES, type Case, type Category } from './workload';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SCALE = QUICK ? 0.1 : 1;
/** Calls timed per kind (list, filter, sort, search) and warm-up calls; --quick is a smoke test. */
const ITERATIONS = QUICK ? 100 : 200;
const WARMUP = QUICK ? 10 : 20;
const DATA_SEED = 20250101;
const WORKLOAD_SEED = 4;
const DAYS_PER_BATCH = 7;

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const out = (line = '') => process.stdout.write(`${line}\n`);

type Side = 'encrypted' | 'plain';
const SIDES: Side[] = ['encrypted', 'plain'];

const root = mkdtempSync(join(tmpdir(), 'privacyops-bench-'));
const open = new Set<BenchSession>();
function cleanup() {
  for (const s of open) {
    try {
      s.close();
    } catch {
      /* already closed */
    }
  }
  open.clear();
  rmSync(root, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

const key = newKey();
const dirs: Record<Side, string> = { encrypted: join(root, 'encrypted'), plain: join(root, 'plain') };
for (const d of Object.values(dirs)) mkdirSync(d);

function openSide(side: Side, clock: SimClock, create: boolean): BenchSession {
  const s = side === 'encrypted' ? openEncryptedSession(dirs.encrypted, key, clock, { create }) : openPlainSession(dirs.plain, clock);
  open.add(s);
  return s;
}

function closeSide(s: BenchSession) {
  s.close();
  open.delete(s);
}

function fileMb(side: Side): number {
  const db = join(dirs[side], 'register.db');
  let bytes = statSync(db).size;
  if (existsSync(`${db}-wal`)) bytes += statSync(`${db}-wal`).size;
  return bytes / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-');
const pad = (s: string, w: number) => s.padStart(w);
const padEnd = (s: string, w: number) => s.padEnd(w);

// ---------------------------------------------------------------------------------------------

const volume: Volume = {
  complaints: Math.round(S4.complaints * SCALE),
  letters: Math.round(S4.letters * SCALE),
  incidents: Math.round(S4.incidents * SCALE),
  actions: Math.round(S4.actions * SCALE),
};
const totalRecords = volume.complaints + volume.letters + volume.incidents + volume.actions;
const started = performance.now();

// 0. Warm the code paths up (JIT, time zone and holiday tables) on a throw-away register, so the
//    first register built does not pay for it.
{
  const dir = join(root, 'warm-up');
  mkdirSync(dir);
  const clock = new SimClock();
  const s = openPlainSession(dir, clock);
  open.add(s);
  const tiny = { complaints: 400, letters: 40, incidents: 20, actions: 160 };
  log('Warming up the write path on a throw-away register');
  load(s, clock, tiny, DATA_SEED + 1, { daysPerBatch: 30, progress: () => {} });
  closeSide(s);
  rmSync(dir, { recursive: true, force: true });
}

// 1. Build both registers with the same seed, through the registers' own write methods.
const loads = {} as Record<Side, LoadStats & { auditEntries: number; verifyMs: number; chainOk: boolean }>;
for (const side of SIDES) {
  log(`Building the ${side} register: ${int(totalRecords)} records (${QUICK ? '1/10 of ' : ''}S4) in ${dirs[side]}`);
  const clock = new SimClock();
  const s = openSide(side, clock, true);
  const stats = load(s, clock, volume, DATA_SEED, { daysPerBatch: DAYS_PER_BATCH, progress: log });
  // The chain built through the registers must verify (skipped by --quick to stay short).
  const t = performance.now();
  const verified = QUICK ? null : s.ctx.audit.verify();
  loads[side] = { ...stats, auditEntries: verified?.count ?? NaN, verifyMs: verified ? performance.now() - t : NaN, chainOk: verified?.ok ?? true };
  closeSide(s);
}

// 2. Reopen both, as the app does at unlock (cold SQLite cache, WAL checkpointed on close).
const sessions = {} as Record<Side, BenchSession>;
const openMs = {} as Record<Side, number>;
for (const side of SIDES) {
  const t = performance.now();
  sessions[side] = openSide(side, new SimClock(), false);
  openMs[side] = performance.now() - t;
}

// 3. The same calls on both, interleaved (alternating which goes first) so drift hits both alike.
//    Wall time is the latency; the process's CPU time per call is kept too, as a cross-check on a
//    shared machine (other processes stretch wall time, not CPU time).
type Timing = { wall: number; cpu: number };
function runAll(cases: Case[], record: boolean) {
  const times: Record<Side, Timing>[] = [];
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const order = i % 2 === 0 ? SIDES : [...SIDES].reverse();
    const totals: Partial<Record<Side, number>> = {};
    const t: Partial<Record<Side, Timing>> = {};
    for (const side of order) {
      const cpu = process.cpuUsage();
      const wall = process.hrtime.bigint();
      totals[side] = c.run(sessions[side]);
      const w = Number(process.hrtime.bigint() - wall) / 1e6;
      const u = process.cpuUsage(cpu);
      t[side] = { wall: w, cpu: (u.user + u.system) / 1000 };
    }
    times.push(t as Record<Side, Timing>);
    if (record && totals.encrypted !== totals.plain) mismatches.push(`${c.label}: encrypted ${totals.encrypted} vs plain ${totals.plain}`);
  });
  return { times, mismatches };
}

log(`Warming up (${WARMUP} calls of each kind on each register)`);
runAll(buildCases(volume, WARMUP, WORKLOAD_SEED + 1), false);
log(`Timing ${ITERATIONS} calls of each kind: ${CATEGORIES.join(', ')}`);
const cases = buildCases(volume, ITERATIONS, WORKLOAD_SEED);
const { times, mismatches } = runAll(cases, true);
for (const m of mismatches.slice(0, 10)) log(`  warning: different result totals for ${m}`);

// 4. What a save in the UI costs at this volume: one record per transaction (commit, audit anchor).
//    Not part of the ratio; the registers keep these extra records, nothing is timed after them.
const SINGLE = QUICK ? 10 : 30;
const single: Record<'create' | 'status', Record<Side, number[]>> = { create: { encrypted: [], plain: [] }, status: { encrypted: [], plain: [] } };
{
  const rng = new Rng(WORKLOAD_SEED + 2);
  const text = new TextMaker(rng);
  for (let i = 0; i < SINGLE; i++) {
    const input: ComplaintCreate = {
      receivedAt: BENCH_NOW.toISOString(),
      channel: 'email',
      complainantLabel: text.complainantLabel(),
      rights: ['access'],
      summary: text.paragraph('complaint', i % 2 ? 'en' : 'fr', 2, 3),
    };
    for (const side of i % 2 === 0 ? SIDES : [...SIDES].reverse()) {
      let t = process.hrtime.bigint();
      const c = sessions[side].complaints.create(input);
      single.create[side].push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      sessions[side].complaints.setStatus({ id: c.id, status: 'in_progress' });
      single.status[side].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
}

const byCategory = new Map<Category, Record<Side, number[]> & { cpu: Record<Side, number[]> }>();
const byLabel = new Map<string, { category: Category; t: Record<Side, number[]> }>();
cases.forEach((c, i) => {
  const cat = byCategory.get(c.category) ?? { encrypted: [], plain: [], cpu: { encrypted: [], plain: [] } };
  const lab = byLabel.get(c.label) ?? { category: c.category, t: { encrypted: [], plain: [] } };
  for (const side of SIDES) {
    cat[side].push(times[i]![side].wall);
    cat.cpu[side].push(times[i]![side].cpu);
    lab.t[side].push(times[i]![side].wall);
  }
  byCategory.set(c.category, cat);
  byLabel.set(c.label, lab);
});

// ---------------------------------------------------------------------------------------------
// Report (stdout).

const require = createRequire(import.meta.url);
const versions = sessions.plain.db.prepare('SELECT sqlite_version() AS sqlite, sqlite3mc_version() AS mc').get() as { sqlite: string; mc: string };
const pkg = require('better-sqlite3-multiple-ciphers/package.json') as { version: string };

out(`PrivacyOps Workstation bench: S4 volume${QUICK ? ' at 1/10 (--quick)' : ''}`);
out(
  `${int(volume.complaints)} complaints, ${int(volume.letters)} letters, ${int(volume.incidents)} incidents, ${int(volume.actions)} actions; ` +
    `Node ${process.version}, better-sqlite3-multiple-ciphers ${pkg.version}, SQLite ${versions.sqlite}, ${versions.mc} (SQLCipher 4 format)`,
);
out();
out(`Load through the registers' create/setStatus methods (audit log and FTS index built as in use), one transaction per ${DAYS_PER_BATCH} days`);
out(`${padEnd('', 10)}${pad('records', 9)}${pad('writes', 9)}${pad('audit', 9)}${pad('time s', 9)}${pad('records/s', 11)}${pad('writes/s', 10)}${pad('file MB', 9)}${pad('verify s', 10)}${pad('open ms', 9)}`);
for (const side of SIDES) {
  const l = loads[side];
  out(
    `${padEnd(side, 10)}${pad(int(l.records), 9)}${pad(int(l.writes), 9)}${pad(int(l.auditEntries), 9)}${pad(fmt(l.ms / 1000, 1), 9)}` +
      `${pad(int(l.records / (l.ms / 1000)), 11)}${pad(int(l.writes / (l.ms / 1000)), 10)}${pad(fmt(fileMb(side), 1), 9)}${pad(fmt(l.verifyMs / 1000, 1), 10)}${pad(fmt(openMs[side], 0), 9)}` +
      (l.chainOk ? '' : '  AUDIT CHAIN BROKEN'),
  );
}
out(`${padEnd('enc/plain', 10)}${pad('', 36)}${pad(fmt(loads.encrypted.ms / loads.plain.ms), 9)}${pad('', 30)}${pad(fmt(loads.encrypted.verifyMs / loads.plain.verifyMs), 10)}${pad(fmt(openMs.encrypted / openMs.plain), 9)}`);
out();

out(`Latency per call in ms (${ITERATIONS} calls each, pages of 50, after ${WARMUP} warm-up calls)`);
out(`${padEnd('', 10)}${pad('encrypted', 18)}${pad('plain', 18)}${pad('encrypted/plain', 18)}${pad('CPU time', 11)}`);
out(`${padEnd('', 10)}${pad('p50', 9)}${pad('p95', 9)}${pad('p50', 9)}${pad('p95', 9)}${pad('p50', 9)}${pad('p95', 9)}${pad('p95 ratio', 11)}`);
let worst = 0;
for (const cat of CATEGORIES) {
  const t = byCategory.get(cat)!;
  const e = summary(t.encrypted);
  const p = summary(t.plain);
  const r50 = e.p50 / p.p50;
  const r95 = e.p95 / p.p95;
  const cpu95 = summary(t.cpu.encrypted).p95 / summary(t.cpu.plain).p95;
  worst = Math.max(worst, r95);
  out(`${padEnd(cat, 10)}${pad(fmt(e.p50), 9)}${pad(fmt(e.p95), 9)}${pad(fmt(p.p50), 9)}${pad(fmt(p.p95), 9)}${pad(fmt(r50), 9)}${pad(fmt(r95), 9)}${pad(fmt(cpu95), 11)}`);
}
out();

out('Detail by call (ms)');
out(`${padEnd('', 34)}${pad('n', 4)}${pad('enc p50', 9)}${pad('enc p95', 9)}${pad('plain p50', 11)}${pad('plain p95', 11)}${pad('p95 ratio', 11)}`);
for (const cat of CATEGORIES) {
  for (const [label, { category, t }] of byLabel) {
    if (category !== cat) continue;
    const e = summary(t.encrypted);
    const p = summary(t.plain);
    out(`${padEnd(`${cat}: ${label}`, 34)}${pad(String(e.n), 4)}${pad(fmt(e.p50), 9)}${pad(fmt(e.p95), 9)}${pad(fmt(p.p50), 11)}${pad(fmt(p.p95), 11)}${pad(fmt(e.p95 / p.p95), 11)}`);
  }
}
out();
out(`Single writes in ms, one transaction each like a save in the UI (${SINGLE} each, not in the ratio)`);
out(`${padEnd('', 34)}${pad('n', 4)}${pad('enc p50', 9)}${pad('enc p95', 9)}${pad('plain p50', 11)}${pad('plain p95', 11)}${pad('p95 ratio', 11)}`);
for (const [name, t] of [['complaint create', single.create], ['complaint status', single.status]] as const) {
  const e = summary(t.encrypted);
  const p = summary(t.plain);
  out(`${padEnd(name, 34)}${pad(String(e.n), 4)}${pad(fmt(e.p50), 9)}${pad(fmt(e.p95), 9)}${pad(fmt(p.p50), 11)}${pad(fmt(p.p95), 11)}${pad(fmt(e.p95 / p.p95), 11)}`);
}
out();
if (mismatches.length) out(`${mismatches.length} calls returned different totals on the two registers (see stderr).`);
out(`Total run time ${fmt((performance.now() - started) / 1000, 0)} s.`);

for (const side of SIDES) closeSide(sessions[side]);
out(`encrypted/plain p95 ratio: ${worst.toFixed(2)}`);
