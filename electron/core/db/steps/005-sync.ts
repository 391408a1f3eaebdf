import type { Migration } from './types';

/**
 * Step 5: what sync needs locally. Every audit entry becomes an operation with a hybrid logical
 * clock (hlc) and, per field it sets, the version it overwrote (bases) — which is how two
 * changes made apart are recognised as concurrent. field_versions holds the current version of
 * every field; conflicts keeps each losing value; sync_state the cursors.
 */
export const syncMigration: Migration = {
  version: 5,
  description: 'operation clocks, field versions, conflicts, sync cursors',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN hlc TEXT;
      ALTER TABLE audit_log ADD COLUMN bases TEXT;
      CREATE INDEX audit_by_device ON audit_log(device, seq);

      CREATE TABLE field_versions (
        record_type TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
        hlc TEXT NOT NULL, op_id TEXT NOT NULL,
        PRIMARY KEY (record_type, record_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY,
        record_type TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
        loser_op TEXT NOT NULL, loser_value TEXT NOT NULL, loser_actor TEXT NOT NULL,
        loser_device TEXT NOT NULL, loser_at TEXT NOT NULL, loser_hlc TEXT NOT NULL,
        winner_op TEXT NOT NULL, detected_at TEXT NOT NULL,
        resolved_at TEXT, resolved_by TEXT, resolution TEXT,
        UNIQUE (loser_op, field)
      ) STRICT;
      CREATE INDEX conflicts_open ON conflicts(resolved_at, record_type, record_id);

      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- Attachments whose bytes have not arrived yet (synced in chunks, resumable).
      ALTER TABLE attachments ADD COLUMN content_complete INTEGER NOT NULL DEFAULT 1;
    `);
  },
};
