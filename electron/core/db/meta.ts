import type { Db } from './open';

/**
 * The meta table: the register's own settings (organisation, user name, reminder settings,
 * remembered import mappings, sync configuration…), one row per key. Every reader and writer goes
 * through here, so the SQL is written once. Values are JSON unless a caller stores its own text
 * (getMetaText / setMetaText, e.g. an already sealed blob).
 *
 * Writes join the caller's transaction when there is one (better-sqlite3 runs them in it).
 */

export function getMetaText(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

export function setMetaText(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The JSON value stored under `key`, or null when there is none. */
export function getMeta<T>(db: Db, key: string): T | null {
  const text = getMetaText(db, key);
  return text === null ? null : (JSON.parse(text) as T);
}

export function setMeta(db: Db, key: string, value: unknown): void {
  setMetaText(db, key, JSON.stringify(value));
}

/** Sets `key` only when it is not there yet; true when it was written. */
export function initMeta(db: Db, key: string, value: unknown): boolean {
  return db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(key, JSON.stringify(value)).changes > 0;
}

export function deleteMeta(db: Db, key: string): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(key);
}

/** Keys the core itself reads on every write: who is writing and in which calendar. */
export const META_USER_NAME = 'userName';
export const META_ORGANISATION = 'organisation';
