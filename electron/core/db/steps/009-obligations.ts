import type { Db, Migration } from './types';

/**
 * Step 9: notification obligations and filings (docs/decisions/004).
 * - incident_obligations: one row per incident, regime and recipient, unique by key.
 * - incident_notifications become filings: the obligation they meet, a citable reference
 *   (NOT-2026-0003), the filing they complement, the hash that seals what was sent, the deadline
 *   and timeliness fixed when they were recorded, the reasons for lateness, and what can still be
 *   added afterwards (outcome, acknowledgement).
 * - incidents: whether personal data is concerned, the countries of the people affected, why
 *   awareness came later than detection; authority_due may be empty (a processor owes no
 *   authority clock of its own).
 * - client_contracts: the client controllers we process for, with their notice terms;
 *   incident_clients point at theirs.
 */
/** Meta key set when incidents predate obligations: the session proposes theirs once (session.ts). */
export const OBLIGATIONS_BACKFILL = 'obligationsBackfill';

export const obligationsMigration: Migration = {
  version: 9,
  description: 'notification obligations, filings, client contracts',
  up(db) {
    dropNotNull(db, 'incidents', 'authority_due TEXT NOT NULL', 'authority_due TEXT');
    db.exec(`
      UPDATE incidents SET authority_due = NULL WHERE our_role = 'processor';
      ALTER TABLE incidents ADD COLUMN personal_data INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE incidents ADD COLUMN member_states TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE incidents ADD COLUMN awareness_delay_reason TEXT NOT NULL DEFAULT '';

      CREATE TABLE incident_obligations (
        id TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), key TEXT NOT NULL,
        regime TEXT NOT NULL, recipient_kind TEXT NOT NULL, recipient_id TEXT, recipient_name TEXT NOT NULL,
        contract_hours INTEGER, decision TEXT NOT NULL, rationale TEXT NOT NULL, proposed_by TEXT NOT NULL,
        superseded_at TEXT, superseded_reason TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, archived_at TEXT, archive_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX incident_obligations_key ON incident_obligations(incident_id, key);

      ALTER TABLE incident_notifications ADD COLUMN obligation_id TEXT;
      ALTER TABLE incident_notifications ADD COLUMN filing_ref TEXT NOT NULL DEFAULT '';
      ALTER TABLE incident_notifications ADD COLUMN previous_id TEXT;
      ALTER TABLE incident_notifications ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE incident_notifications ADD COLUMN due_at_filing TEXT;
      ALTER TABLE incident_notifications ADD COLUMN timeliness TEXT NOT NULL DEFAULT 'not_judged';
      ALTER TABLE incident_notifications ADD COLUMN late_reasons TEXT NOT NULL DEFAULT '';
      ALTER TABLE incident_notifications ADD COLUMN gaps TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE incident_notifications ADD COLUMN files TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE incident_notifications ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
      ALTER TABLE incident_notifications ADD COLUMN acknowledged_at TEXT;
      CREATE INDEX incident_notifications_obligation ON incident_notifications(obligation_id, sent_at);
      CREATE INDEX incident_notifications_filing_ref ON incident_notifications(filing_ref);

      CREATE TABLE client_contracts (
        id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, name TEXT NOT NULL, notice_hours INTEGER,
        channel TEXT NOT NULL, contacts TEXT NOT NULL, language TEXT NOT NULL, contract_ref TEXT NOT NULL,
        notes TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, archived_at TEXT, archive_reason TEXT
      ) STRICT;
      CREATE INDEX client_contracts_by_name ON client_contracts(name COLLATE NOCASE, id, archived_at);
      ALTER TABLE incident_clients ADD COLUMN contract_id TEXT;
      ALTER TABLE incident_clients ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';
    `);
    if (db.prepare('SELECT 1 FROM incidents LIMIT 1').get()) {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(OBLIGATIONS_BACKFILL, 'true');
    }
  },
};

/**
 * Removes a NOT NULL constraint in place, the way SQLite documents for changes that do not touch
 * stored rows ("Making Other Kinds Of Table Schema Changes"): edit the table's SQL in the schema
 * and bump schema_version, inside the migration's transaction; then check the file.
 */
function dropNotNull(db: Db, table: string, before: string, after: string): void {
  const row = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined;
  if (!row) throw new Error(`migration: no table ${table}`);
  if (!row.sql.includes(before)) {
    if (row.sql.includes(after)) return;
    throw new Error(`migration: ${table} does not declare "${before}"`);
  }
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?`).run(row.sql.replace(before, after), table);
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
  const check = db.pragma(`quick_check(${table})`, { simple: true });
  if (check !== 'ok') throw new Error(`migration: ${table} failed its check after the change (${String(check)})`);
}
