import type { Db } from '../db/open';

/**
 * The register's own settings and identity (organisation, user name, …) as JSON values in the
 * `meta` table, inside the encrypted file.
 */
export function getMeta<T>(db: Db, key: string): T | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setMeta(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
