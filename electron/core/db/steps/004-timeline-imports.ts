import type { Migration } from './types';

/** Step 4: incident timeline entries; keys of imported rows (re-imports create no duplicates). */
export const timelineImportsMigration: Migration = {
  version: 4,
  description: 'incident timeline entries; keys of imported rows (re-imports create no duplicates)',
  up(db) {
    db.exec(`
      CREATE TABLE timeline_entries (
        id TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), at TEXT NOT NULL, kind TEXT NOT NULL,
        title TEXT NOT NULL, details TEXT NOT NULL, actor TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, archived_at TEXT, archive_reason TEXT
      ) STRICT;
      CREATE INDEX timeline_entries_incident ON timeline_entries(incident_id, at);

      -- A row imported without a reference is known again by a digest of its mapped values.
      CREATE TABLE import_keys (
        register TEXT NOT NULL, key TEXT NOT NULL, record_id TEXT NOT NULL, import_id TEXT NOT NULL,
        PRIMARY KEY (register, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
