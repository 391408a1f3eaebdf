/**
 * npm run bench -- sync [--quick | --volume s5] [--profile DIR]
 *
 * Sync against a real PostgreSQL (the tests' embedded one), each phase next to its floor measured
 * in the same run: the raw COPY of the very same sealed bytes into a plain PostgreSQL table.
 *   - push: machine A sends every operation of its register (read from its audit log, sealed)
 *   - pull: a new member B joins and pulls, decrypts and applies all of them
 *   - live: two running clients (B and C, each in its own process like the real machines)
 *     receive 1,000 changes made on A one after another
 * Volumes: --quick 10,000 operations; default S4 100,000; --volume s5 1,000,000 (ten times S4:
 * ten years of a large organisation's register operations). Results on stdout; the last line is
 *   pull/COPY ratio: <number>
 * --profile DIR writes a V8 CPU profile of the push, of the pull and of A during the live phase
 * (open in Chrome DevTools)
 * and prints the functions that took the most time in each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Workstation } from '../electron/core/workstation';
import { setUpWorkstation, tempDir } from '../test/support/workstation';
import { openPlain } from '../electron/core/db/open';
import { TestPostgres } from '../test/support/postgres';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const VOLUMES = { quick: 10_000, s4: 100_000, s5: 1_000_000 } as const;
type VolumeName = keyof typeof VOLUMES;
const volume: VolumeName = argv.includes('--quick') ? 'quick' : ((arg('--volume') as VolumeName | undefined) ?? 's4');
if (!(volume in VOLUMES)) throw new Error(`--volume must be one of ${Object.keys(VOLUMES).join(', ')}`);
const OPS = VOLUMES[volume];
const CHANGES = volume === 'quick' ? 100 : 1_000;
const profileDir = arg('--profile');

const log = (m: string) => process.stderr.write(m + '\n');
const secs = (ms: number) => (ms / 1000).toFixed(2);

async function client(name: string, cleanups: (() => Promise<void> | void)[]): Promise<{ ws: Workstation; dir: string }> {
  const t = tempDir(`privacyops-bench-${name}-`);
  const ws = await setUpWorkstation(t.dir);
  cleanups.push(async () => {
    await ws.shutdown();
    t.cleanup();
  });
  return { ws, dir: t.dir };
}

/**
 * Many records through the registers' bulk seam (the same rows, audit entries and index
 * documents as create() one by one, a batch per transaction): this bench measures sync, not
 * local writes.
 */
function bulkCreate(ws: Workstation, n: number) {
  const chunk = 10_000;
  for (let done = 0; done < n; done += chunk) {
    const reserved = new Set<string>();
    const batch = [];
    for (let i = done; i < Math.min(n, done + chunk); i++) {
      batch.push(
        ws.complaints.planned(
          {
            receivedAt: '2026-01-05T10:00:00+01:00',
            channel: i % 3 === 0 ? 'regulator' : 'web_form',
            regulator: i % 3 === 0 ? 'FR-CNIL' : null,
            complainantLabel: `Personne ${i}`,
            rights: ['access'],
            summary: `Demande d'accès numéro ${i} concernant les données de facturation et les enregistrements d'appels`,
          },
          [],
          reserved,
        ),
      );
    }
    ws.complaints.bulkLoad(batch);
    if ((done / chunk) % 10 === 9 || done + chunk >= n) log(`  created ${Math.min(n, done + chunk).toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
}

/** Times fn; with --profile, also records a CPU profile of it. */
async function phase<T>(name: string, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let session: Session | null = null;
  if (profileDir) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(profileDir!, { recursive: true });
    const file = join(profileDir!, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    log(`  profile of ${name}: ${file}`);
    printTop(name, profile);
  }
  return { ms, value };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time, with where they are. */
function printTop(name: string, profile: { nodes: ProfileNode[]; samples?: number[] }) {
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const url = n.callFrame.url.replace(/^.*\/(node_modules\/|electron\/|bench\/|test\/)/, '$1');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
  }
  const top = [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  log(`  top self time in ${name} (of ${total} samples):`);
  for (const [k, v] of top) log(`    ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

/** A running client in its own process (as on its own machine), which reports how many complaints it has. */
function liveClient(dir: string): { child: ChildProcess; count: () => number; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sync-live-client.ts', import.meta.url)), dir], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let n = -1;
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const lines = buf.split('\n');
    buf = lines.pop()!;
    for (const l of lines) {
      const m = /^complaints (\d+)$/.exec(l);
      if (m) n = Number(m[1]);
      if (l === 'ready') onReady();
    }
  });
  return { child, count: () => n, ready };
}

async function main() {
  const cleanups: (() => Promise<void> | void)[] = [];
  log('Starting PostgreSQL…');
  const server = await TestPostgres.start();
  const children: ChildProcess[] = [];
  try {
    const { ws: a } = await client('a', cleanups);
    await a.sync.createWorkspace(server.connection(), 'A');
    const workspaceId = a.sync.status().workspaceId!;
    log(`Creating ${OPS.toLocaleString('en')} operations on A…`);
    // The local floor: the same records written into A's register through the registers' bulk
    // seam (rows, indexes, audit chain, full-text index, a batch per transaction), as a pull must.
    const tLocal = performance.now();
    bulkCreate(a, OPS - 1);
    const localMs = performance.now() - tLocal;
    log('A pushes them…');
    const push = await phase('push', () => a.sync.syncNow());

    const { ws: b, dir: bDir } = await client('b', cleanups);
    const inv = await a.sync.createInvitation('dpo');
    log('New member B joins and pulls everything…');
    const pull = await phase('pull', () => b.sync.join({ ...server.connection(), invitation: inv.invitation, code: inv.code }, 'B'));
    const pulled = b.complaints.list({ limit: 1 }).total;
    if (pulled !== OPS - 1) throw new Error(`B has ${pulled} complaints, expected ${OPS - 1}`);
    if (!b.audit.verify().ok) throw new Error("B's audit chain does not verify after the pull");

    // The floor: COPY the very same sealed payloads into a plain table.
    log('The floor: raw COPY of the same sealed bytes…');
    const raw = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres', password: 'postgres', database: 'privacyops' });
    await raw.connect();
    const lines: string[] = [];
    let bytes = 0;
    for (let after = 0; ; ) {
      const page = await raw.query<{ seq: string; op_id: string; payload: Buffer }>(
        'SELECT seq, op_id, payload FROM privacyops.ops WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT 50000',
        [workspaceId, after],
      );
      if (page.rows.length === 0) break;
      for (const r of page.rows) {
        bytes += r.payload.length;
        lines.push(`${r.op_id}\t\\\\x${r.payload.toString('hex')}\n`);
      }
      after = Number(page.rows[page.rows.length - 1]!.seq);
    }
    await raw.query('CREATE TABLE copy_floor (op_id uuid, payload bytea)');
    let t = performance.now();
    await pipeline(Readable.from(lines), raw.query(copyFrom('COPY copy_floor (op_id, payload) FROM STDIN')));
    const copyMs = performance.now() - t;
    lines.length = 0;
    await raw.query('DROP TABLE copy_floor');
    await raw.end();

    log(`Two running clients (own processes) receive ${CHANGES} changes from A…`);
    await b.shutdown();
    const { ws: c, dir: cDir } = await client('c', cleanups);
    const inv2 = await a.sync.createInvitation('dpo');
    await c.sync.join({ ...server.connection(), invitation: inv2.invitation, code: inv2.code }, 'C');
    await c.shutdown();
    const live = [liveClient(bDir), liveClient(cDir)];
    children.push(...live.map((l) => l.child));
    await Promise.all(live.map((l) => l.ready));
    a.sync.start();
    await new Promise((r) => setTimeout(r, 1_500));
    const target = OPS - 1 + CHANGES;
    t = performance.now();
    let madeMs = 0;
    let createMs = 0;
    const { value: reachedAt } = await phase('live', async () => {
      // One change after another, as people make them: each its own transaction, the event loop
      // free in between (a real window's edits are separate calls).
      for (let i = 0; i < CHANGES; i++) {
        const c0 = performance.now();
        a.complaints.create({ receivedAt: '2026-02-01T09:00:00+01:00', channel: 'email', complainantLabel: `Live ${i}`, rights: ['erasure'], summary: `Live change ${i}` });
        createMs += performance.now() - c0;
        await new Promise((r) => setImmediate(r));
      }
      madeMs = performance.now() - t;
      const reached = async (l: (typeof live)[number]) => {
        while (l.count() < target) await new Promise((r) => setTimeout(r, 10));
        return performance.now() - t;
      };
      return Promise.all(live.map(reached));
    });
    const [bMs, cMs] = reachedAt;
    const liveMs = Math.max(bMs!, cMs!);

    // The live phase's floor on this disk: as many durable commits (WAL, synchronous = FULL, as
    // the register) of one small row each, one after another, in a plain SQLite file beside A's.
    const floorDir = tempDir('privacyops-bench-commits-');
    cleanups.push(() => floorDir.cleanup());
    const commits = openPlain(join(floorDir.dir, 'commits.db'));
    commits.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insertOne = commits.prepare('INSERT INTO t (v) VALUES (?)');
    const one = commits.transaction((v: string) => insertOne.run(v));
    t = performance.now();
    for (let i = 0; i < CHANGES; i++) one(`change ${i}`);
    const commitsMs = performance.now() - t;
    commits.close();

    console.log(`Sync benchmark (${volume}: ${OPS.toLocaleString('en')} operations, ${(bytes / 1024 / 1024).toFixed(1)} MiB sealed)`);
    console.log(`  push of ${OPS.toLocaleString('en')} operations by A:            ${secs(push.ms)} s  (${Math.round(OPS / (push.ms / 1000))} ops/s)`);
    console.log(`  new member pulls and applies them:           ${secs(pull.ms)} s  (${Math.round(OPS / (pull.ms / 1000))} ops/s)`);
    console.log(`  raw COPY of the same bytes into PostgreSQL:  ${secs(copyMs)} s`);
    console.log(`  the same records written locally in bulk:    ${secs(localMs)} s (A's register, before the push)`);
    console.log(`  ${CHANGES} live changes made on A in ${secs(madeMs)} s (the creates alone: ${secs(createMs)} s); all reached B / C after ${secs(bMs!)} s / ${secs(cMs!)} s`);
    console.log(`  the last change reached both ${secs(liveMs - madeMs)} s after it was made`);
    console.log(`  floor: ${CHANGES} durable commits of one row each on this disk: ${secs(commitsMs)} s`);
    console.log(`push/COPY ratio: ${(push.ms / copyMs).toFixed(2)}`);
    console.log(`live ${CHANGES} changes s: ${secs(liveMs)}`);
    console.log(`live/durable commits ratio: ${(liveMs / commitsMs).toFixed(2)}`);
    console.log(`pull/local bulk write ratio: ${(pull.ms / localMs).toFixed(2)}`);
    console.log(`pull/COPY ratio: ${(pull.ms / copyMs).toFixed(2)}`);
  } finally {
    for (const ch of children) {
      ch.stdin?.end();
      await new Promise((r) => (ch.exitCode !== null ? r(null) : ch.once('exit', r)));
    }
    while (cleanups.length) await cleanups.pop()!();
    await server.destroy();
  }
}

export const runSyncBench = main;
