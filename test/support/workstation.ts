import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Workstation, type WorkstationOptions } from '../../electron/core/workstation';
import { NoKeyStore, type KeyStore } from '../../electron/core/keys/keychain';
import type { SetupInput } from '@shared/schemas/profile';
import type { Clock } from '../../electron/core/registers/context';

/** Cheap scrypt for tests that are not about the KDF (production cost is 2^17). */
export const FAST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

export const PASSPHRASE = 'correct-horse-battery-staple-cnil';

export const SETUP: SetupInput = {
  organisation: {
    name: 'Exemple Télécom SA',
    role: 'controller',
    timeZone: 'Europe/Paris',
    country: 'FR',
    defaultRegulator: 'FR-CNIL',
  },
  userName: 'Claire Dubois (DPO)',
  recoveryPassphrase: PASSPHRASE,
};

export function tempDir(prefix = 'privacyops-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startWorkstation(dataDir: string, over: Partial<WorkstationOptions> = {}): Promise<Workstation> {
  return Workstation.start({
    dataDir,
    keyStore: over.keyStore ?? new NoKeyStore(),
    host: 'web',
    version: '0.0.0-test',
    scryptParams: FAST_SCRYPT,
    ...over,
  });
}

export async function setUpWorkstation(dataDir: string, over: Partial<WorkstationOptions> & { keyStore?: KeyStore } = {}) {
  const ws = await startWorkstation(dataDir, over);
  await ws.setup(SETUP);
  return ws;
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private t: Date) {}
  now() {
    return new Date(this.t);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
  /** Lets time pass until `iso` (a minute after, as a user records what just happened); never goes back. */
  passTo(iso: string) {
    const t = Date.parse(iso) + 60_000;
    if (t > this.t.getTime()) this.t = new Date(t);
  }
}

export function fileDigest(path: string): string | null {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
}
