import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import type { CoreHost } from '../../electron/core/host/core-host';
import type { JobProgress } from '@shared/schemas/export';
import { PASSPHRASE, SETUP, tempDir } from '../support/workstation';
import { startCore } from '../support/core';

/* Response bodies are inspected field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * The core runs in a worker thread behind the web host. Killed in the middle of a write (a large
 * import, one transaction), the host answers every call in flight CORE_STOPPED, tells the windows
 * (core.state over the WebSocket), restarts it on request, and every write it had acknowledged is
 * there afterwards — the interrupted transaction left nothing behind, the audit chain verifies.
 */
let core: CoreHost;
let host: WebHost;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const staticDir = join(t.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PrivacyOps</title>');
  core = await startCore(join(t.dir, 'data'));
  host = await startWebHost({ core, staticDir, log: () => {} });
});
afterAll(async () => {
  await host?.close();
  await core?.shutdown();
  cleanup?.();
});

async function call(method: string, body: unknown = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function events(): Promise<{ seen: { event: string; payload: Json }[]; next(event: string, pred?: (p: Json) => boolean): Promise<Json>; close(): void }> {
  const sock = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['privacyops', `bearer.${host.token}`], { headers: { Origin: `http://127.0.0.1:${host.port}` } });
  const seen: { event: string; payload: Json }[] = [];
  const waiters: { event: string; pred: (p: Json) => boolean; resolve: (p: Json) => void }[] = [];
  sock.on('message', (m) => {
    const msg = JSON.parse(String(m)) as { event: string; payload: Json };
    seen.push(msg);
    for (const w of [...waiters]) {
      if (w.event !== msg.event || !w.pred(msg.payload)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(msg.payload);
    }
  });
  await new Promise((resolve, reject) => {
    sock.on('open', resolve);
    sock.on('error', reject);
  });
  return {
    seen,
    next: (event, pred = () => true) => {
      const already = seen.find((m) => m.event === event && pred(m.payload));
      return already ? Promise.resolve(already.payload) : new Promise((resolve) => waiters.push({ event, pred, resolve }));
    },
    close: () => sock.close(),
  };
}

const complaint = (i: number) => ({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: `Personne ${i}`, rights: ['access'], summary: `Acknowledged complaint number ${i}` });

function importCsv(rows: number): string {
  const lines = ['receivedAt;channel;complainantLabel;rights;summary'];
  for (let i = 0; i < rows; i++) lines.push(`2018-08-01T09:00:00+02:00;email;Importée ${i};access;Interrupted import row ${i}`);
  return Buffer.from(lines.join('\n'), 'utf8').toString('base64');
}

describe('the core in its worker, killed mid-write', () => {
  it('reports it, restarts it, and loses nothing that was acknowledged', async () => {
    const live = await events();
    expect((await call('app.setup', SETUP)).status).toBe(200);
    expect((await call('core.state')).body).toMatchObject({ state: 'running', reason: null, restarts: 0 });

    // Ten writes, each acknowledged (200 with the record) before the next.
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await call('complaints.create', complaint(i));
      expect(r.status).toBe(200);
      acknowledged.push(r.body.id);
    }

    // A large import: one transaction the core is in the middle of when it is killed.
    const file = { register: 'complaints', fileName: 'interrupted.csv', contentBase64: importCsv(4_000) };
    const preview = await call('imports.preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.missingRequired).toEqual([]);
    expect(preview.body.invalid).toBe(0);

    let killedAt: JobProgress | null = null;
    const stop = core.on((event, payload) => {
      const p = payload as JobProgress;
      if (event === 'job.progress' && p.phase === 'writing' && p.done >= 300 && !killedAt) {
        killedAt = p;
        core.kill();
      }
    });
    const commit = call('imports.commit', { ...file, mapping: preview.body.mapping, jobId: 'import-to-kill' });
    // Writes sent while the import runs: answered before it writes (the import yields while it
    // checks rows) or stopped with it; either way, what was acknowledged must survive.
    const queued = [call('complaints.create', complaint(100)), call('complaints.create', complaint(101))];
    const [committed, ...others] = await Promise.all([commit, ...queued]);
    stop();

    expect(killedAt, 'the import was running when the core was killed').not.toBeNull();
    expect(killedAt!.done).toBeLessThan(killedAt!.total);
    expect(committed.status).toBe(503);
    expect(committed.body.error.code).toBe('CORE_STOPPED');
    for (const r of others) {
      if (r.status === 200) acknowledged.push(r.body.id);
      else expect(r.body.error.code).toBe('CORE_STOPPED');
    }
    // The windows hear it, and the host says so to anyone who asks.
    expect(await live.next('core.state', (p) => p.state === 'stopped')).toMatchObject({ state: 'stopped', reason: 'crashed' });
    expect((await call('core.state')).body).toMatchObject({ state: 'stopped', reason: 'crashed' });
    expect((await call('complaints.list')).body.error.code).toBe('CORE_STOPPED');

    // Restart: a new core opens the same folder (locked: there is no keychain in this test).
    const restarted = await call('core.restart');
    expect(restarted.body).toMatchObject({ state: 'running', restarts: 1 });
    expect(await live.next('core.state', (p) => p.state === 'running' && p.restarts === 1)).toBeTruthy();
    expect(await live.next('app.status', (p) => p.state === 'locked')).toMatchObject({ state: 'locked' });
    expect((await call('app.unlock', { passphrase: PASSPHRASE })).body.state).toBe('unlocked');

    // Every acknowledged write is there; nothing of the interrupted import or of the queued writes.
    const listed = await call('complaints.list', { limit: 200 });
    expect(listed.body.total).toBe(acknowledged.length);
    expect(listed.body.items.map((c: Json) => c.id).sort()).toEqual([...acknowledged].sort());
    expect((await call('search.query', { text: 'acknowledged complaint', limit: 200 })).body.total).toBe(acknowledged.length);
    expect((await call('search.query', { text: 'interrupted import' })).body.total).toBe(0);
    const verified = await call('audit.verify');
    expect(verified.body.ok).toBe(true);

    // And the register works on: the same import now goes through.
    const again = await call('imports.commit', { ...file, mapping: preview.body.mapping });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(4_000);
    expect((await call('complaints.list')).body.total).toBe(acknowledged.length + 4_000);
    live.close();
  }, 120_000);

  it('a core that cannot start says why, and the host stays up to say it', async () => {
    const t = tempDir();
    try {
      // A data folder that is a file: the Workstation cannot create it.
      const notADir = join(t.dir, 'file');
      writeFileSync(notADir, 'x');
      const broken = await startCore(join(notADir, 'data'));
      expect(broken.state()).toMatchObject({ state: 'stopped', reason: 'start-failed' });
      expect(broken.state().message).toMatch(/ENOTDIR|not a directory/i);
      await expect(broken.call('app.status', {})).rejects.toMatchObject({ code: 'CORE_STOPPED' });
      await broken.shutdown();
    } finally {
      t.cleanup();
    }
  });
});
