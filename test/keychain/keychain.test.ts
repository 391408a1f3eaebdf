import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { OsKeyStore } from '../../electron/core/keys/keychain';
import { keychainAccount } from '../../electron/core/workstation';
import { readProfileFile } from '../../electron/core/profile-file';
import { PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';

/**
 * Against the real Secret Service (gnome-keyring under dbus-run-session, as `npm test` runs it).
 * Where no keychain answers, these tests fail when PRIVACYOPS_REQUIRE_KEYCHAIN is set (CI and
 * npm test) and are skipped otherwise (a plain `npx vitest` on a desktop without one).
 */
const store = new OsKeyStore('PrivacyOps Workstation (tests)');
let available = false;
beforeAll(async () => {
  available = await store.available();
  if (!available && process.env.PRIVACYOPS_REQUIRE_KEYCHAIN) {
    throw new Error('No Secret Service answers, but PRIVACYOPS_REQUIRE_KEYCHAIN is set: run under dbus-run-session with gnome-keyring (npm test does).');
  }
});

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('OS keychain (Secret Service)', () => {
  it('stores, reads and deletes a secret', async (t) => {
    if (!available) t.skip();
    const account = `roundtrip-${randomUUID()}`;
    const secret = randomBytes(32).toString('hex');
    await store.set(account, secret);
    cleanups.push(() => void store.delete(account));
    expect(await store.get(account)).toBe(secret);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
  });

  it('keeps the database key there and reopens the register without a passphrase', async (t) => {
    if (!available) t.skip();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const ws = await setUpWorkstation(dir, { keyStore: store });
    const profileId = ws.profile().profileId;
    cleanups.push(() => void store.delete(keychainAccount(profileId)));
    expect(await store.get(keychainAccount(profileId))).toMatch(/^[0-9a-f]{64}$/);
    const c = ws.complaints.create({ receivedAt: '2020-10-01T09:40:00+02:00', channel: 'phone', complainantLabel: 'J. D.', rights: ['access'], summary: 'Keychain round trip' });
    ws.close();

    const again = await startWorkstation(dir, { keyStore: store });
    expect(again.status()).toMatchObject({ state: 'unlocked', keychainAvailable: true });
    expect(again.complaints.get(c.id).summary).toBe('Keychain round trip');
    again.close();
  });

  it('recovers with the passphrase after the keychain entry is deleted, and puts the key back', async (t) => {
    if (!available) t.skip();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const ws = await setUpWorkstation(dir, { keyStore: store });
    const c = ws.complaints.create({ receivedAt: '2020-10-01T09:40:00+02:00', channel: 'post', complainantLabel: 'A. B.', rights: ['erasure'], summary: 'Survives a lost keychain' });
    ws.close();
    const account = keychainAccount(readProfileFile(dir)!.profileId);
    cleanups.push(() => void store.delete(account));
    expect(await store.delete(account)).toBe(true);

    const locked = await startWorkstation(dir, { keyStore: store });
    expect(locked.status()).toMatchObject({ state: 'locked', lockReason: 'keychain-missing-key' });
    await expect(locked.unlock('wrong wrong wrong wrong')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(await store.get(account)).toBeNull();
    await locked.unlock(PASSPHRASE);
    expect(locked.complaints.get(c.id).summary).toBe('Survives a lost keychain');
    locked.close();

    expect(await store.get(account)).toMatch(/^[0-9a-f]{64}$/);
    const next = await startWorkstation(dir, { keyStore: store });
    expect(next.status().state).toBe('unlocked');
    next.close();
  });

  it('says so when the keychain holds a key that does not open the register', async (t) => {
    if (!available) t.skip();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    (await setUpWorkstation(dir, { keyStore: store })).close();
    const account = keychainAccount(readProfileFile(dir)!.profileId);
    cleanups.push(() => void store.delete(account));
    await store.set(account, randomBytes(32).toString('hex'));
    const ws = await startWorkstation(dir, { keyStore: store });
    expect(ws.status()).toMatchObject({ state: 'locked', lockReason: 'keychain-wrong-key' });
    await ws.unlock(PASSPHRASE);
    expect(ws.status().state).toBe('unlocked');
    ws.close();
  });
});
