import { ApiError } from '@shared/api/contract';
import type { Db } from './open';
import { steps } from './steps';
import type { Migration } from './steps/types';

export type { Migration } from './steps/types';

/**
 * The schema runner. Each step (steps/NNN-name.ts, listed in steps/index.ts) runs in its own
 * transaction and bumps PRAGMA user_version with it, so a crash mid-upgrade leaves the previous
 * version intact. A register written by a newer build is refused before anything is written.
 */
export const migrations: readonly Migration[] = steps;

export const LATEST_SCHEMA_VERSION = latestOf(migrations);

function latestOf(list: readonly Migration[]): number {
  return list.reduce((v, m) => Math.max(v, m.version), 0);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Throws DATABASE_NEWER when `db` (read-only is enough) carries a schema this build does not
 * know. The workstation runs it on the read-only probe that checks the key, before the file is
 * opened for writing.
 */
export function refuseNewerSchema(db: Db, latest: number = LATEST_SCHEMA_VERSION): void {
  const found = schemaVersion(db);
  if (found > latest) {
    throw new ApiError(
      'DATABASE_NEWER',
      `This register was written by a newer version of PrivacyOps Workstation (schema ${found}, this app knows up to ${latest}). Update the app to open it; nothing was changed.`,
    );
  }
}

export function migrate(db: Db, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  refuseNewerSchema(db, latestOf(list));
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}
