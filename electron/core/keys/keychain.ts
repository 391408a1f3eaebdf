import { createRequire } from 'node:module';

/** Where the database key lives between runs. The OS keychain in production; tests use the real one too. */
export interface KeyStore {
  /** Whether a keychain answers at all on this machine/session. */
  available(): Promise<boolean>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'PrivacyOps Workstation';

type Keytar = typeof import('keytar');

/**
 * keytar talks to the Secret Service (Linux), Keychain (macOS) or Credential Vault (Windows).
 * It is loaded lazily: a machine without libsecret or without a session bus must still be able
 * to run the app, unlocking with the recovery passphrase instead.
 */
export class OsKeyStore implements KeyStore {
  private keytar: Keytar | null | undefined;

  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private load(): Keytar | null {
    if (this.keytar === undefined) {
      try {
        const require = createRequire(import.meta.url);
        this.keytar = require('keytar') as Keytar;
      } catch {
        this.keytar = null;
      }
    }
    return this.keytar;
  }

  async available(): Promise<boolean> {
    const k = this.load();
    if (!k) return false;
    if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) return false;
    try {
      await withTimeout(k.findCredentials(this.service), 5_000);
      return true;
    } catch {
      return false;
    }
  }

  async get(account: string): Promise<string | null> {
    const k = this.load();
    if (!k) return null;
    return withTimeout(k.getPassword(this.service, account), 10_000);
  }

  async set(account: string, secret: string): Promise<void> {
    const k = this.load();
    if (!k) throw new Error('No OS keychain is available');
    await withTimeout(k.setPassword(this.service, account, secret), 10_000);
  }

  async delete(account: string): Promise<boolean> {
    const k = this.load();
    if (!k) return false;
    return withTimeout(k.deletePassword(this.service, account), 10_000);
  }
}

/** A keychain that is never there: what `--no-keychain` and machines without one get. */
export class NoKeyStore implements KeyStore {
  async available() {
    return false;
  }
  async get() {
    return null;
  }
  async set(): Promise<void> {
    throw new Error('No OS keychain is available');
  }
  async delete() {
    return false;
  }
}

/** A locked Secret Service can block on a prompt forever; never let that hang the app. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`The OS keychain did not answer within ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
