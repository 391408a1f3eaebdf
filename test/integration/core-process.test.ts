import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName } from '@shared/api/contract';
import { CoreHost } from '../../electron/core/host/core-host';
import { utilityProcessCore } from '../../electron/main/core-process';
import { forwardCall } from '../../electron/main/ipc';
import { forkNodeUtility } from '../support/utility-process';
import { FAST_SCRYPT, PASSPHRASE, SETUP, tempDir } from '../support/workstation';

/**
 * The desktop host's core: electron/core/host/utility-entry.ts in its own process, driven by the
 * main process's CoreHost through core-process.ts, every call carried as ipc.ts carries a
 * window's. Electron's utilityProcess.fork is the one thing not here (no Electron binary on the
 * build machines): a Node child process with the same parentPort stands in for it.
 */
const ENTRY = fileURLToPath(new URL('../../electron/core/host/utility-entry.ts', import.meta.url));

let dir: string;
let cleanup: () => void;
let core: CoreHost;
const seen: { event: EventName; payload: unknown }[] = [];
const said: string[] = [];

const start = () =>
  CoreHost.start(
    utilityProcessCore(forkNodeUtility, ENTRY, { forward: (c) => said.push(c) }),
    { dataDir: dir, host: 'electron', version: '0.0.0-test', keychain: false, scryptParams: FAST_SCRYPT },
    { log: () => {}, testMode: true },
  );

beforeAll(async () => {
  const t = tempDir();
  dir = join(t.dir, 'data');
  cleanup = t.cleanup;
  core = await start();
  core.on((event, payload) => seen.push({ event, payload }));
});
afterAll(async () => {
  await core?.shutdown();
  cleanup?.();
});

describe('the core in its own process (desktop host)', () => {
  it('starts, and runs in another process than the host', async () => {
    expect(core.state()).toMatchObject({ state: 'running', reason: null });
    const status = await forwardCall(core, 'app.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'needs-setup', host: 'electron' } });
  });

  it('carries calls and their answers, and events back', async () => {
    const setup = await forwardCall(core, 'app.setup', SETUP);
    expect(setup.ok).toBe(true);
    expect(seen.some((e) => e.event === 'app.status' && (e.payload as { state: string }).state === 'unlocked')).toBe(true);
    const created = await forwardCall(core, 'complaints.create', {
      receivedAt: '2026-03-01T10:00:00+01:00',
      channel: 'email',
      complainantLabel: 'M. R.',
      rights: ['access'],
      summary: 'Saved in the utility process',
    });
    expect(created).toMatchObject({ ok: true, value: { reference: expect.stringMatching(/^C-\d{4}-0001$/) } });
  });

  it('refuses in the main process what the contract does not allow, with the contract code', async () => {
    expect(await forwardCall(core, 'app.nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await forwardCall(core, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await forwardCall(core, 'complaints.create', { channel: 'carrier pigeon' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(bad.ok === false && bad.error.issues?.length).toBeGreaterThan(0);
  });

  it('the lock the OS asks for (screen locked, suspend) locks the register, saying why', async () => {
    const before = seen.length;
    core.lock('system');
    await expect.poll(() => seen.slice(before).find((e) => e.event === 'app.status')?.payload).toMatchObject({ state: 'locked', lockReason: 'system' });
    expect(await forwardCall(core, 'complaints.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await forwardCall(core, 'app.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('a crash: the call in flight and those after it answer CORE_STOPPED, the windows hear core.state', async () => {
    const before = seen.length;
    core.kill();
    await expect.poll(() => core.state().state).toBe('stopped');
    expect(core.state().reason).toBe('crashed');
    expect(seen.slice(before).find((e) => e.event === 'core.state')?.payload).toMatchObject({ state: 'stopped', reason: 'crashed' });
    expect(await forwardCall(core, 'complaints.list', {})).toMatchObject({ ok: false, error: { code: 'CORE_STOPPED' } });
  });

  it('restarts (core.restart, as the window\'s Restart button calls it): locked, then open with the data', async () => {
    const restarted = await forwardCall(core, 'core.restart', {});
    expect(restarted).toMatchObject({ ok: true, value: { state: 'running', restarts: 1 } });
    expect(await forwardCall(core, 'app.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    await forwardCall(core, 'app.unlock', { passphrase: PASSPHRASE });
    const list = await forwardCall(core, 'complaints.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('shutdown waits until the core has closed the register; the next start finds it intact', async () => {
    await core.shutdown();
    expect(core.state().state).toBe('stopped');
    core = await start();
    await forwardCall(core, 'app.unlock', { passphrase: PASSPHRASE });
    expect(await forwardCall(core, 'audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    expect(await forwardCall(core, 'complaints.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('a core that cannot start says why, from what it wrote before it died', async () => {
    const broken = await CoreHost.start(
      utilityProcessCore(forkNodeUtility, join(dir, 'no-such-entry.ts'), { forward: () => {} }),
      { dataDir: dir, host: 'electron', version: '0.0.0-test', keychain: false },
      { log: () => {} },
    );
    expect(broken.state()).toMatchObject({ state: 'stopped', reason: 'start-failed' });
    expect(broken.state().message).toMatch(/no-such-entry|Cannot find/);
  });
});
