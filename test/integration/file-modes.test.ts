// A profile's files are readable by their owner only (issue 11): the register and its -wal/-shm
// were created 644 under the default umask while profile.json and audit-head.json were 600.
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const modeOf = (path: string) => statSync(path).mode & 0o777;
const modes = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, modeOf(join(dir, f)).toString(8)]));

describe.skipIf(process.platform === 'win32')('profile file modes', () => {
  it('creates every file of the profile mode 600 under a permissive umask, and closes up a register an earlier version left 644', async () => {
    const previous = process.umask(0o022);
    cleanups.push(() => process.umask(previous));
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = await setUpWorkstation(t.dir);
    ws.complaints.create({ receivedAt: '2026-03-02T10:00:00+01:00', channel: 'email', complainantLabel: 'M. R.', rights: ['access'], summary: 'Access' });
    const files = modes(t.dir);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['register.db', 'register.db-wal', 'register.db-shm', 'profile.json', 'audit-head.json']));
    for (const [name, mode] of Object.entries(files)) expect({ name, mode }).toEqual({ name, mode: statSync(join(t.dir, name)).isDirectory() ? '700' : '600' });
    expect(modeOf(t.dir).toString(8)).toBe('700');
    ws.close();

    // As an earlier version left it.
    for (const f of ['register.db', 'register.db-wal', 'register.db-shm']) {
      try {
        chmodSync(join(t.dir, f), 0o644);
      } catch {
        /* a sidecar removed at close */
      }
    }
    const again = await startWorkstation(t.dir);
    cleanups.push(() => again.close());
    await again.unlock(PASSPHRASE);
    expect(again.complaints.list({}).total).toBe(1);
    for (const f of ['register.db', 'register.db-wal', 'register.db-shm']) expect({ f, mode: modeOf(join(t.dir, f)).toString(8) }).toEqual({ f, mode: '600' });
  });
});
