/**
 * npm run bench -- sync
 * How long a new member takes to pull a workspace of 100,000 operations, and how long 1,000
 * changes take to reach two other running clients — against a real PostgreSQL (embedded), with
 * the raw COPY of the same sealed bytes into PostgreSQL as the floor. Last line:
 *   pull/COPY ratio: <number>
 * --quick runs a tenth of it.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Workstation } from '../electron/core/workstation';
import { setUpWorkstation, tempDir } from '../test/support/workstation';
import { TestPostgres } from '../test/support/postgres';

const quick = process.argv.includes('--quick');
const OPS = quick ? 10_000 : 100_000;
const CHANGES = quick ? 100 : 1_000;

const log = (m: string) => process.stderr.write(m + '\n');
const secs = (ms: number) => (ms / 1000).toFixed(2);

async function client(name: string, cleanups: (() => Promise<void> | void)[]): Promise<Workstation> {
  const t = tempDir(`privacyops-bench-${name}-`);
  const ws = await setUpWorkstation(t.dir);
  cleanups.push(async () => {
    await ws.shutdown();
    t.cleanup();
  });
  return ws;
}

/**
 * Many records through the registers' bulk seam (the same rows, audit entries and index
 * documents as create() one by one, a batch per transaction): this bench measures sync, not
 * local writes.
 */
function bulkCreate(ws: Workstation, n: number) {
  const chunk = 5_000;
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
    log(`  created ${Math.min(n, done + chunk)} / ${n}`);
  }
}

async function main() {
  const cleanups: (() => Promise<void> | void)[] = [];
  log('Starting PostgreSQL…');
  const server = await TestPostgres.start();
  try {
    const a = await client('a', cleanups);
    await a.sync.createWorkspace(server.connection(), 'A');
    const workspaceId = a.sync.status().workspaceId!;
    log(`Creating ${OPS} operations on A…`);
    bulkCreate(a, OPS - 1);
    let t = performance.now();
    await a.sync.syncNow();
    const pushMs = performance.now() - t;

    const b = await client('b', cleanups);
    const inv = await a.sync.createInvitation();
    log('New member B joins and pulls everything…');
    t = performance.now();
    await b.sync.join({ ...server.connection(), invitation: inv.invitation, code: inv.code }, 'B');
    const pullMs = performance.now() - t;
    const pulled = b.complaints.list({ limit: 1 }).total;
    if (pulled !== OPS - 1) throw new Error(`B has ${pulled} complaints, expected ${OPS - 1}`);

    // The floor: COPY the very same sealed payloads into a plain table.
    const payloads = await server.admin<{ op_id: string; payload: Buffer }>('SELECT op_id, payload FROM privacyops.ops WHERE workspace_id = $1 ORDER BY seq', [workspaceId]);
    const bytes = payloads.rows.reduce((s, r) => s + r.payload.length, 0);
    const raw = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres', password: 'postgres', database: 'privacyops' });
    await raw.connect();
    await raw.query('CREATE TABLE copy_floor (op_id uuid, payload bytea)');
    t = performance.now();
    const stream = raw.query(copyFrom('COPY copy_floor (op_id, payload) FROM STDIN'));
    await pipeline(
      Readable.from((function* () {
        for (const r of payloads.rows) yield `${r.op_id}\t\\\\x${r.payload.toString('hex')}\n`;
      })()),
      stream,
    );
    const copyMs = performance.now() - t;
    await raw.end();

    log(`Two running clients receive ${CHANGES} changes from A…`);
    const c = await client('c', cleanups);
    const inv2 = await a.sync.createInvitation();
    await c.sync.join({ ...server.connection(), invitation: inv2.invitation, code: inv2.code }, 'C');
    for (const w of [a, b, c]) w.sync.start();
    await new Promise((r) => setTimeout(r, 1_500));
    const target = b.complaints.list({ limit: 1 }).total + CHANGES;
    t = performance.now();
    for (let i = 0; i < CHANGES; i++) {
      a.complaints.create({ receivedAt: '2026-02-01T09:00:00+01:00', channel: 'email', complainantLabel: `Live ${i}`, rights: ['erasure'], summary: `Live change ${i}` });
    }
    const reached = async (w: Workstation) => {
      while (w.complaints.list({ limit: 1 }).total < target) await new Promise((r) => setTimeout(r, 50));
      return performance.now() - t;
    };
    const [bMs, cMs] = await Promise.all([reached(b), reached(c)]);

    const ratio = pullMs / copyMs;
    console.log(`Sync benchmark (${quick ? 'quick, ' : ''}${OPS.toLocaleString('en')} operations, ${(bytes / 1024 / 1024).toFixed(1)} MiB sealed)`);
    console.log(`  push of ${OPS.toLocaleString('en')} operations by A:            ${secs(pushMs)} s`);
    console.log(`  new member pulls and applies them:           ${secs(pullMs)} s  (${Math.round(OPS / (pullMs / 1000))} ops/s)`);
    console.log(`  raw COPY of the same bytes into PostgreSQL:  ${secs(copyMs)} s`);
    console.log(`  ${CHANGES} live changes reach B / C:              ${secs(bMs)} s / ${secs(cMs)} s`);
    console.log(`pull/COPY ratio: ${ratio.toFixed(2)}`);
  } finally {
    while (cleanups.length) await cleanups.pop()!();
    await server.destroy();
  }
}

export const runSyncBench = main;
