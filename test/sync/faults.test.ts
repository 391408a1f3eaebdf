import { describe, expect, it, onTestFinished, vi } from 'vitest';

// Thousands of operations through a real PostgreSQL on a shared two-core machine: generous limits.
vi.setConfig({ testTimeout: 240_000 });
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Workstation } from '../../electron/core/workstation';
import { Backend } from '../../electron/core/sync/backend';
import { PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';
import { syncHarness } from '../support/sync-harness';

const harness = syncHarness('fault');

async function client(name: string, dir?: string): Promise<{ ws: Workstation; dir: string }> {
  const t = dir ? { dir, cleanup: () => {} } : tempDir(`privacyops-fault-${name}-`);
  const ws = dir ? await startWorkstation(dir) : await setUpWorkstation(t.dir);
  if (dir) await ws.unlock(PASSPHRASE);
  harness.onCleanup(async () => {
    await ws.shutdown();
    t.cleanup();
  });
  return { ws, dir: t.dir };
}

/**
 * Many complaints through the registers' bulk seam (the rows, audit entries and index documents
 * create() writes, a batch per transaction): enough operations that sync needs several of its
 * pages (small first, then large) to carry them.
 */
function fill(ws: Workstation, n: number, tag: string) {
  for (let done = 0; done < n; done += 5_000) {
    const reserved = new Set<string>();
    const batch = [];
    for (let i = done; i < Math.min(n, done + 5_000); i++) {
      batch.push(
        ws.complaints.planned({ receivedAt: '2026-01-05T10:00:00+01:00', channel: 'web_form', complainantLabel: `${tag} ${i}`, rights: ['access'], summary: `${tag} request number ${i}` }, [], reserved),
      );
    }
    ws.complaints.bulkLoad(batch);
  }
}

/** Sync pages grow from 500 operations to 8,000: this many need four pages. */
const MANY = 12_000;

async function backendCounts(workspaceId: string) {
  const r = await harness.pg().admin<{ n: string; d: string; max: string }>(
    'SELECT count(*) AS n, count(DISTINCT op_id) AS d, coalesce(max(seq), 0) AS max FROM privacyops.ops WHERE workspace_id = $1',
    [workspaceId],
  );
  return { n: Number(r.rows[0]!.n), distinct: Number(r.rows[0]!.d), maxSeq: Number(r.rows[0]!.max) };
}

/**
 * Every test that stops the backend brings it back in its own cleanup, whether it passed or
 * failed, so one failure never turns the next tests into ECONNREFUSED.
 */
function restoreBackendAfterTest() {
  onTestFinished(async () => {
    if (!harness.pg().running) await harness.pg().restart();
  });
}

async function pair() {
  const a = await client('a');
  const b = await client('b');
  await a.ws.sync.createWorkspace(harness.pg().connection(), 'A');
  const inv = await a.ws.sync.createInvitation('dpo');
  await b.ws.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'B');
  return { a, b, workspaceId: a.ws.sync.status().workspaceId! };
}

describe('sync under faults', () => {
  it('the backend stops in the middle of a push: offline, then everything goes up once', async () => {
    restoreBackendAfterTest();
    const { a, b, workspaceId } = await pair();
    fill(a.ws, 1_600, 'push');
    let stopped: Promise<void> | null = null;
    const off = a.ws.on('sync.status', (s) => {
      if (!stopped && s.progress?.phase === 'push' && s.progress.done >= 500) stopped = harness.pg().stopHere();
    });
    await expect(a.ws.sync.syncNow()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    off();
    await stopped;
    expect(a.ws.sync.status()).toMatchObject({ state: 'offline', offlineSince: expect.any(String) });
    expect(a.ws.sync.status().pending).toBeGreaterThan(0);
    // Edits go on offline.
    a.ws.complaints.create({ receivedAt: '2026-01-06T10:00:00+01:00', channel: 'email', complainantLabel: 'offline', rights: ['erasure'], summary: 'made while the backend was down' });
    await harness.pg().restart();
    await a.ws.sync.syncNow();
    expect(a.ws.sync.status()).toMatchObject({ state: 'online', pending: 0, offlineSince: null });
    const counts = await backendCounts(workspaceId);
    expect(counts.n).toBe(counts.distinct);
    expect(counts.maxSeq).toBe(counts.n);
    await b.ws.sync.syncNow();
    expect(b.ws.complaints.list({}).total).toBe(1_601);
    expect(b.ws.audit.verify().ok).toBe(true);
  });

  it('the backend stops in the middle of a pull: nothing lost, nothing applied twice', async () => {
    restoreBackendAfterTest();
    const { a, b } = await pair();
    fill(a.ws, MANY, 'pull');
    await a.ws.sync.syncNow();
    let stopped: Promise<void> | null = null;
    const off = b.ws.on('sync.status', (s) => {
      if (!stopped && s.progress?.phase === 'pull' && s.progress.done >= 500) stopped = harness.pg().stopHere();
    });
    await expect(b.ws.sync.syncNow()).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    off();
    await stopped;
    const partial = b.ws.complaints.list({}).total;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(MANY);
    await harness.pg().restart();
    await b.ws.sync.syncNow();
    expect(b.ws.complaints.list({}).total).toBe(MANY);
    expect(new Set(b.ws.complaints.list({ limit: 500 }).items.map((c) => c.id)).size).toBe(500);
    expect(b.ws.audit.verify().ok).toBe(true);
  });

  it('a page with one damaged ciphertext is refused whole with a clear message; nothing of it reaches a register, and the pull resumes once the bytes are good', async () => {
    const { a, b, workspaceId } = await pair();
    fill(a.ws, 3_000, 'damaged');
    await a.ws.sync.syncNow();
    // Damage one operation well past the first page, in the middle of its sealed body.
    const ops = await harness.pg().admin<{ seq: string; op_id: string; payload: Buffer }>(
      'SELECT seq, op_id, payload FROM privacyops.ops WHERE workspace_id = $1 ORDER BY seq',
      [workspaceId],
    );
    const victim = ops.rows[1_200]!;
    const badSeq = Number(victim.seq);
    const damaged = Buffer.from(victim.payload);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x01;
    await harness.pg().admin('UPDATE privacyops.ops SET payload = $3 WHERE workspace_id = $1 AND seq = $2', [workspaceId, badSeq, damaged]);
    const victimRecord = a.ws.audit.entries(0, 100_000).find((e) => e.opId === victim.op_id)!.recordId;

    const refusal = (await b.ws.sync.syncNow().then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; message: string } | null;
    expect(refusal).toMatchObject({ code: 'WRONG_KEY', message: expect.stringContaining(`Operation ${badSeq} on the backend cannot be opened`) });
    expect(refusal!.message).toMatch(/altered or damaged on the backend/);
    expect(b.ws.sync.status()).toMatchObject({ state: 'error', error: { code: 'WRONG_KEY' } });
    // The message names the page refused: none of it was applied, everything before it was.
    const [, from, to] = /operations (\d+)–(\d+)/.exec(refusal!.message)!.map(Number) as [number, number, number];
    expect(from).toBeLessThanOrEqual(badSeq);
    expect(to).toBeGreaterThanOrEqual(badSeq);
    for (const r of ops.rows) {
      const seq = Number(r.seq);
      if (seq >= from && seq <= to) expect(b.ws.audit.hasOp(r.op_id), `operation ${seq} of the refused page`).toBe(false);
      if (seq < from) expect(b.ws.audit.hasOp(r.op_id), `operation ${seq} before it`).toBe(true);
    }
    expect(() => b.ws.complaints.get(victimRecord)).toThrow();
    expect(b.ws.complaints.list({}).total).toBeLessThan(3_000);
    expect(b.ws.audit.verify().ok).toBe(true);

    // Still damaged: the same clear error, about the same operation; nothing of it applied.
    await expect(b.ws.sync.syncNow()).rejects.toMatchObject({ code: 'WRONG_KEY', message: expect.stringContaining(`Operation ${badSeq} on the backend`) });
    expect(b.ws.audit.hasOp(victim.op_id)).toBe(false);

    // Repaired: the pull resumes where it stopped and ends with everything, once.
    await harness.pg().admin('UPDATE privacyops.ops SET payload = $3 WHERE workspace_id = $1 AND seq = $2', [workspaceId, badSeq, victim.payload]);
    await b.ws.sync.syncNow();
    expect(b.ws.sync.status()).toMatchObject({ state: 'online', error: null });
    expect(b.ws.complaints.list({}).total).toBe(3_000);
    expect(b.ws.complaints.get(victimRecord).id).toBe(victimRecord);
    expect(b.ws.audit.verify().ok).toBe(true);
    for (const r of ops.rows) expect(b.ws.audit.hasOp(r.op_id)).toBe(true);
  });

  it('a client process killed in the middle of a sync resumes without loss or duplicates', async () => {
    const { a, b } = await pair();
    const bDir = b.dir;
    await b.ws.shutdown();
    fill(a.ws, MANY, 'kill');
    await a.ws.sync.syncNow();

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/sync-child.ts', import.meta.url)), bDir], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const killed = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        if (/progress pull ([5-9]\d\d|1\d\d\d)/.test(d.toString())) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killed, `the child finished before it could be killed: ${err}`).toBe(true);
    await new Promise((r) => child.once('exit', r));

    const again = await client('b-again', bDir);
    const half = again.ws.complaints.list({}).total;
    expect(half).toBeLessThan(MANY);
    await again.ws.sync.syncNow();
    expect(again.ws.complaints.list({}).total).toBe(MANY);
    expect(again.ws.audit.verify().ok).toBe(true);
    const labels = new Set<string>();
    for (let off = 0; off < MANY; off += 500) for (const c of again.ws.complaints.list({ limit: 500, offset: off }).items) labels.add(c.complainantLabel);
    expect(labels.size).toBe(MANY);
  });

  it('two clients pushing at the same moment, many times over: no pulled cursor ever skips an operation', async () => {
    const { a, workspaceId } = await pair();
    const conn = harness.pg().connection();
    const [p1, p2, reader] = await Promise.all([Backend.connect(conn), Backend.connect(conn), Backend.connect(conn)]);
    const pushed = new Set<string>();
    const pulled: string[] = [];
    let cursor = await reader.lastSeq(workspaceId);
    const base = cursor;
    let pushing = true;
    const readLoop = (async () => {
      while (pushing || cursor < (await reader.lastSeq(workspaceId))) {
        const batch = await reader.pull(workspaceId, cursor, 1000);
        for (const op of batch) {
          // Every pulled batch continues exactly where the cursor was.
          expect(op.seq).toBe(cursor + 1);
          cursor = op.seq;
          pulled.push(op.opId);
        }
      }
    })();
    const pushRounds = async (b: Backend, tag: number) => {
      for (let round = 0; round < 40; round++) {
        const ops = Array.from({ length: 10 }, (_, i) => {
          const opId = `00000000-0000-4000-8${tag}00-${String(round * 100 + i).padStart(12, '0')}`;
          pushed.add(opId);
          return { opId, epoch: 1, payload: Buffer.from(`opaque ${tag}-${round}-${i}`), sig: null };
        });
        await b.push(workspaceId, ops);
      }
    };
    await Promise.all([pushRounds(p1, 1), pushRounds(p2, 2)]);
    pushing = false;
    await readLoop;
    await Promise.all([p1.close(), p2.close(), reader.close()]);
    expect(pulled.length).toBe(800);
    expect(new Set(pulled)).toEqual(pushed);
    expect(cursor).toBe(base + 800);
    // A retried push (the same ids again) adds nothing.
    const again = await Backend.connect(conn);
    expect((await again.push(workspaceId, [...pushed].slice(0, 5).map((opId) => ({ opId, epoch: 1, payload: Buffer.from('x'), sig: null })))).added).toBe(0);
    await again.close();
    await a.ws.sync.syncNow().catch(() => {});
  });
});
