import type { Migration } from './types';

/**
 * Step 14: operations from the workspace that this machine refused to apply (README › Roles):
 * a signature that does not verify, an author who was not a member at that point of the log, or
 * whose role does not allow that kind of record. Kept with the reason, listed under Sync, never
 * applied, never in the audit chain (which therefore still verifies).
 */
export const quarantineMigration: Migration = {
  version: 14,
  description: 'quarantined operations',
  up(db) {
    db.exec(`
      CREATE TABLE quarantine (
        op_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        author TEXT,
        author_role TEXT,
        actor TEXT NOT NULL,
        device TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL, -- a QuarantineReason (shared/schemas/sync.ts)
        op TEXT NOT NULL,
        quarantined_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
