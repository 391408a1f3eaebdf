import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { startWebHost } from '../../electron/webhost/server';
import type { Alert, ClockBadge } from '@shared/schemas/clock';
import { SETUP, tempDir } from '../support/workstation';
import { startCore } from '../support/core';

/* Response bodies are inspected field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  while (cleanups.length) cleanups.pop()!();
});

/** Starts the real web host CLI (as `npm run serve` does) and resolves with the URL it prints. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: URL; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/webhost/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, url: new URL(line), stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${err}`)));
  });
}

function client(url: URL) {
  const token = url.searchParams.get('token')!;
  const base = `http://127.0.0.1:${url.port}`;
  return {
    token,
    async call(method: string, body: unknown = {}): Promise<{ status: number; body: Json }> {
      const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    async describe(): Promise<Json> {
      return (await fetch(`${base}/api`, { headers: { Authorization: `Bearer ${token}` } })).json();
    },
    events(): Promise<{ messages: { event: string; payload: Json }[]; next: (event: string, pred?: (p: Json) => boolean) => Promise<Json>; close: () => void }> {
      const sock = new WebSocket(`ws://127.0.0.1:${url.port}/api/events`, ['privacyops', `bearer.${token}`], { headers: { Origin: base } });
      const messages: { event: string; payload: Json }[] = [];
      const waiters: { event: string; pred: (p: Json) => boolean; resolve: (p: Json) => void }[] = [];
      sock.on('message', (m) => {
        const msg = JSON.parse(String(m)) as { event: string; payload: Json };
        messages.push(msg);
        for (const w of [...waiters]) {
          if (w.event === msg.event && w.pred(msg.payload)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(msg.payload);
          }
        }
      });
      return new Promise((resolve, reject) => {
        sock.on('open', () =>
          resolve({
            messages,
            next: (event, pred = () => true) => new Promise((res) => waiters.push({ event, pred, resolve: res })),
            close: () => sock.close(),
          }),
        );
        sock.on('error', reject);
      });
    },
  };
}

describe('test clock on the web host', () => {
  it('--clock starts the app clock at an instant; app.setClock jumps it and the reminder arrives over the WebSocket', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const { url, stderr } = await serve(['--data-dir', join(t.dir, 'data'), '--no-keychain', '--clock', '2026-03-27T22:30:00+01:00']);
    const api = client(url);
    expect((await api.call('app.setup', SETUP)).status).toBe(200);
    expect(stderr()).toContain('Test mode: the app clock started at 2026-03-27T21:30');

    const incident = await api.call('incidents.create', { title: 'Sauvegarde exposée', ourRole: 'processor', detectedAt: '2026-03-27T22:30:00+01:00', awareAt: '2026-03-27T22:30:00+01:00' });
    expect(incident.status).toBe(200);
    // The app's "now" is the test clock (seconds after 21:30Z), not the machine's.
    expect(incident.body.createdAt.slice(0, 15)).toBe('2026-03-27T21:3');
    const created = await api.call('incidents.addClient', { incidentId: incident.body.id, name: 'Client A' });
    expect(created.body.notifyDue).toBe('2026-03-29T21:30:00.000Z');

    const events = await api.events();
    const alert = events.next('clock.alert');
    const badge = events.next('clocks.badge', (b: ClockBadge) => b.dueWithin24h === 1);
    // Two seconds before the 24-hour reminder of Client A's 48-hour clock.
    const jumped = await api.call('app.setClock', { at: '2026-03-28T22:29:58+01:00' });
    expect(jumped.status).toBe(200);
    expect(jumped.body.now.slice(0, 19)).toBe('2026-03-28T21:29:58');
    expect(events.messages.filter((m) => m.event === 'clock.alert')).toEqual([]);
    const a = (await alert) as Alert;
    expect(a).toMatchObject({ threshold: 24, dueAt: '2026-03-29T21:30:00.000Z', party: 'Client A', missed: false, recordId: incident.body.id });
    // It fired at the threshold (the clock ran on in real time), not at the jump.
    expect(a.firedAt >= '2026-03-28T21:30:00.000Z' && a.firedAt < '2026-03-28T21:30:10.000Z').toBe(true);
    expect(await badge).toMatchObject({ dueWithin24h: 1, overdue: 0 });
    const listed = await api.call('alerts.list', { unacknowledgedOnly: true });
    expect(listed.body.alerts.map((x: Alert) => x.id)).toEqual([a.id]);
    const board = await api.call('clocks.list', {});
    expect(board.body.items.map((c: Json) => [c.party, c.state])).toEqual([['Client A', 'running']]);
    // Recording the notification meets the clock; the badge follows within a second or so.
    const cleared = events.next('clocks.badge', (b: ClockBadge) => b.dueWithin24h === 0);
    expect((await api.call('incidents.updateClient', { id: created.body.id, patch: { notifiedAt: '2026-03-28T22:35:00+01:00' } })).status).toBe(200);
    expect(await cleared).toMatchObject({ dueWithin24h: 0, overdue: 0 });
    expect((await api.call('clocks.list', {})).body.items).toEqual([]);
    events.close();

    await expect(api.call('app.setClock', { at: 'yesterday' })).resolves.toMatchObject({ status: 400 });
  }, 60_000);

  it('refuses a --clock without an offset', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    await expect(serve(['--data-dir', join(t.dir, 'data'), '--no-keychain', '--clock', '2026-03-28T21:00'])).rejects.toThrow(/--clock: .*not an ISO instant with an offset/);
  });

  it('without --clock, app.setClock does not exist and the API listing does not show it', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const staticDir = join(t.dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PrivacyOps</title>');
    const core = await startCore(join(t.dir, 'data'));
    const host = await startWebHost({ core, staticDir, log: () => {} });
    cleanups.push(() => void core.shutdown());
    try {
      const api = client(new URL(host.url));
      const r = await api.call('app.setClock', { at: '2026-03-28T21:29:58Z' });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('UNKNOWN_METHOD');
      const listing = await api.describe();
      expect(Object.keys(listing.methods)).toContain('clocks.list');
      expect(Object.keys(listing.methods)).not.toContain('app.setClock');
    } finally {
      await host.close();
    }
  });
});
