import { z } from 'zod';
import type { KeyStore } from '../keys/keychain';
import type { Db } from '../db/open';

/**
 * What sync must keep secret: the database password, this member's private key and the
 * workspace keys of every epoch seen. In the OS keychain when there is one; otherwise inside the
 * encrypted register (whose own key is then behind the recovery passphrase).
 */
export const SyncSecrets = z.object({
  password: z.string(),
  connectionString: z.string().nullable(),
  memberPublicKey: z.string(),
  memberPrivateKey: z.string(),
  /** epoch → hex key */
  keys: z.record(z.string(), z.string()),
});
export type SyncSecrets = z.infer<typeof SyncSecrets>;

export class SecretVault {
  constructor(
    private readonly keyStore: KeyStore,
    private readonly account: string,
    private readonly db: Db,
  ) {}

  async load(): Promise<SyncSecrets | null> {
    let raw: string | null = null;
    if (await this.keyStore.available()) raw = await this.keyStore.get(this.account).catch(() => null);
    if (!raw) raw = (this.db.prepare(`SELECT value FROM meta WHERE key = 'sync.secrets'`).get() as { value: string } | undefined)?.value ?? null;
    return raw ? SyncSecrets.parse(JSON.parse(raw)) : null;
  }

  async save(secrets: SyncSecrets): Promise<'keychain' | 'register'> {
    const raw = JSON.stringify(SyncSecrets.parse(secrets));
    if (await this.keyStore.available()) {
      try {
        await this.keyStore.set(this.account, raw);
        this.db.prepare(`DELETE FROM meta WHERE key = 'sync.secrets'`).run();
        return 'keychain';
      } catch {
        // fall through to the register
      }
    }
    this.db.prepare(`INSERT INTO meta (key, value) VALUES ('sync.secrets', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(raw);
    return 'register';
  }

  async clear(): Promise<void> {
    await this.keyStore.delete(this.account).catch(() => false);
    this.db.prepare(`DELETE FROM meta WHERE key = 'sync.secrets'`).run();
  }
}
