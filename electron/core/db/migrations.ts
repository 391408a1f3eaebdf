import type { Db } from './open';
import { syncMigration } from './migration-sync';
import { indexMigration } from './migration-indexes';
import { searchMigration } from './migration-search';
import { listsMigration } from './migration-lists';
import { obligationsMigration } from './migration-obligations';

/**
 * Versioned schema. Each step runs in its own transaction and bumps PRAGMA user_version, so a
 * crash mid-upgrade leaves the previous version intact. Never edit a shipped step: add one.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'meta, audit log, search index, complaints',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY,
          op_id TEXT NOT NULL UNIQUE,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          device TEXT NOT NULL,
          record_type TEXT NOT NULL,
          record_id TEXT NOT NULL,
          action TEXT NOT NULL,
          changes TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_by_record ON audit_log(record_type, record_id, seq);
        -- Append-only inside the database too; the hash chain catches anyone who drops these.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        -- One full-text index for every register; search_docs maps a record to its FTS rowid so
        -- re-indexing a record is a keyed delete, not a scan.
        -- It also carries the facets every register shares (status, date, owner, regulator,
        -- risk), so one query searches and filters across registers. Attachments are documents
        -- of their own that point at their parent record and carry its facets.
        CREATE TABLE search_docs (
          rowid INTEGER PRIMARY KEY,
          record_type TEXT NOT NULL,
          record_id TEXT NOT NULL,
          reference TEXT NOT NULL DEFAULT '',
          title TEXT NOT NULL DEFAULT '',
          status TEXT,
          date TEXT,
          owner TEXT,
          regulator TEXT,
          risk TEXT,
          archived INTEGER NOT NULL DEFAULT 0,
          parent_type TEXT,
          parent_id TEXT,
          UNIQUE (record_type, record_id)
        ) STRICT;
        CREATE INDEX search_docs_parent ON search_docs(parent_type, parent_id);
        CREATE INDEX search_docs_date ON search_docs(date);
        CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;

        CREATE TABLE complaints (
          id TEXT PRIMARY KEY,
          reference TEXT NOT NULL UNIQUE,
          received_at TEXT NOT NULL,
          channel TEXT NOT NULL,
          regulator TEXT,
          regulator_reference TEXT,
          complainant_label TEXT NOT NULL,
          complainant_contact TEXT NOT NULL,
          rights TEXT NOT NULL,
          summary TEXT NOT NULL,
          outcome TEXT NOT NULL,
          extension_notice_at TEXT,
          extension_reason TEXT NOT NULL,
          status TEXT NOT NULL,
          response_due TEXT NOT NULL,
          answered_at TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          archived_at TEXT,
          archive_reason TEXT
        ) STRICT;
        CREATE INDEX complaints_received ON complaints(received_at);
        CREATE INDEX complaints_due ON complaints(response_due);
        CREATE INDEX complaints_status ON complaints(status, response_due);
        CREATE INDEX complaints_label ON complaints(complainant_label);
      `);
    },
  },
  {
    version: 2,
    description: 'correspondence, matters, incidents (notifications, affected clients), actions, links, attachments, saved views',
    up(db) {
      const archived = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, archived_at TEXT, archive_reason TEXT`;
      db.exec(`
        CREATE TABLE matters (
          id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, regulator TEXT NOT NULL, kind TEXT NOT NULL,
          title TEXT NOT NULL, opened_at TEXT NOT NULL, regulator_refs TEXT NOT NULL, summary TEXT NOT NULL,
          appeal TEXT NOT NULL, status TEXT NOT NULL, closed_at TEXT, ${archived}
        ) STRICT;
        CREATE INDEX matters_opened ON matters(opened_at);

        CREATE TABLE letters (
          id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, regulator TEXT NOT NULL, direction TEXT NOT NULL,
          kind TEXT NOT NULL, sent_at TEXT, received_at TEXT, notified_at TEXT, regulator_refs TEXT NOT NULL,
          subject TEXT NOT NULL, summary TEXT NOT NULL, reply_due TEXT, compliance_due TEXT, amount_eur REAL,
          matter_id TEXT REFERENCES matters(id), in_reply_to TEXT REFERENCES letters(id),
          answered_at TEXT, appeal_due TEXT, ${archived}
        ) STRICT;
        CREATE INDEX letters_date ON letters(COALESCE(received_at, sent_at));
        CREATE INDEX letters_matter ON letters(matter_id);
        CREATE INDEX letters_reply ON letters(in_reply_to);
        CREATE INDEX letters_reply_due ON letters(reply_due);

        CREATE TABLE incidents (
          id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL, our_role TEXT NOT NULL,
          detected_at TEXT, aware_at TEXT NOT NULL, occurred_from TEXT, occurred_to TEXT, how_discovered TEXT NOT NULL,
          nature TEXT NOT NULL, data_categories TEXT NOT NULL, data_subject_categories TEXT NOT NULL,
          approx_subjects INTEGER, approx_records INTEGER, likely_consequences TEXT NOT NULL, risk_level TEXT,
          authority TEXT, notify_authority TEXT NOT NULL, notify_authority_reasons TEXT NOT NULL,
          notify_data_subjects TEXT NOT NULL, notify_data_subjects_reasons TEXT NOT NULL, data_subjects_target TEXT,
          delay_reasons TEXT NOT NULL, nis2_in_scope INTEGER NOT NULL, measures_taken TEXT NOT NULL,
          measures_proposed TEXT NOT NULL, lead TEXT NOT NULL, facts TEXT NOT NULL, status TEXT NOT NULL,
          special_categories INTEGER NOT NULL, authority_due TEXT NOT NULL, authority_notified_at TEXT,
          data_subjects_notified_at TEXT, closed_at TEXT, ${archived}
        ) STRICT;
        CREATE INDEX incidents_aware ON incidents(aware_at);
        CREATE INDEX incidents_status ON incidents(status, authority_due);

        CREATE TABLE incident_notifications (
          id TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), recipient TEXT NOT NULL,
          recipient_name TEXT NOT NULL, phase TEXT NOT NULL, sent_at TEXT NOT NULL, method TEXT NOT NULL,
          reference TEXT NOT NULL, content TEXT NOT NULL, ${archived}
        ) STRICT;
        CREATE INDEX incident_notifications_incident ON incident_notifications(incident_id, sent_at);

        CREATE TABLE incident_clients (
          id TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), name TEXT NOT NULL,
          contact TEXT NOT NULL, contract_hours INTEGER, notified_at TEXT, notified_how TEXT NOT NULL,
          acknowledged_at TEXT, authority_notified_at TEXT, authority_reference TEXT NOT NULL, notes TEXT NOT NULL,
          notify_due TEXT, ${archived}
        ) STRICT;
        CREATE INDEX incident_clients_incident ON incident_clients(incident_id);

        CREATE TABLE actions (
          id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT NOT NULL,
          owner TEXT NOT NULL, due_at TEXT, priority TEXT NOT NULL, origin_type TEXT, origin_id TEXT,
          origin_note TEXT NOT NULL, evidence TEXT NOT NULL, verification_note TEXT NOT NULL, status TEXT NOT NULL,
          done_at TEXT, verified_at TEXT, ${archived}
        ) STRICT;
        CREATE INDEX actions_due ON actions(status, due_at);
        CREATE INDEX actions_owner ON actions(owner COLLATE NOCASE);
        CREATE INDEX actions_origin ON actions(origin_id);

        CREATE TABLE links (
          id TEXT PRIMARY KEY, from_type TEXT NOT NULL, from_id TEXT NOT NULL, to_type TEXT NOT NULL, to_id TEXT NOT NULL,
          note TEXT NOT NULL, created_at TEXT NOT NULL, removed_at TEXT, remove_reason TEXT
        ) STRICT;
        CREATE INDEX links_from ON links(from_type, from_id);
        CREATE INDEX links_to ON links(to_type, to_id);

        CREATE TABLE attachments (
          id TEXT PRIMARY KEY, record_type TEXT NOT NULL, record_id TEXT NOT NULL, file_name TEXT NOT NULL,
          mime_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, text_indexed INTEGER NOT NULL,
          created_at TEXT NOT NULL, archived_at TEXT, archive_reason TEXT
        ) STRICT;
        CREATE INDEX attachments_record ON attachments(record_type, record_id);
        -- File bytes live in the encrypted database too, in chunks so sync can resume mid-file.
        CREATE TABLE attachment_chunks (
          attachment_id TEXT NOT NULL REFERENCES attachments(id), idx INTEGER NOT NULL, data BLOB NOT NULL,
          PRIMARY KEY (attachment_id, idx)
        ) STRICT;

        CREATE TABLE saved_views (id TEXT PRIMARY KEY, name TEXT NOT NULL, query TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
      `);
    },
  },
  {
    version: 3,
    description: 'reminders: alerts raised per clock, threshold and due instant; reminder settings',
    up(db) {
      db.exec(`
        -- Clocks are derived from the records; what is stored is which reminders were raised,
        -- keyed by the due instant too, so a deadline that moves re-arms its reminders.
        CREATE TABLE clock_alerts (
          id TEXT PRIMARY KEY, clock_id TEXT NOT NULL, record_type TEXT NOT NULL, record_id TEXT NOT NULL,
          threshold_hours REAL NOT NULL, due TEXT NOT NULL, moment TEXT NOT NULL, fired_at TEXT NOT NULL,
          reference TEXT NOT NULL, title TEXT NOT NULL, label TEXT NOT NULL, party TEXT,
          missed INTEGER NOT NULL, acknowledged_at TEXT,
          UNIQUE (clock_id, threshold_hours, due)
        ) STRICT;
        CREATE INDEX clock_alerts_fired ON clock_alerts(fired_at);
        -- The clocks board and the reminder checks read open complaints only (electron/core/clocks;
        -- open actions already have actions_due).
        CREATE INDEX complaints_open_due ON complaints(response_due)
          WHERE archived_at IS NULL AND answered_at IS NULL AND status NOT IN ('answered','closed');
      `);
      db.prepare(`INSERT INTO meta (key, value) VALUES ('reminderSettings', ?) ON CONFLICT(key) DO NOTHING`).run(
        JSON.stringify({ thresholdsHours: [24, 12, 4, 1, 0] }),
      );
    },
  },
  {
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
  },
  syncMigration,
  indexMigration,
  searchMigration,
  listsMigration,
  obligationsMigration,
];

export const LATEST_SCHEMA_VERSION = migrations.reduce((v, m) => Math.max(v, m.version), 0);

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, list: Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = list.reduce((v, m) => Math.max(v, m.version), 0);
  if (from > latest) {
    throw new Error(
      `This register was written by a newer version of PrivacyOps Workstation (schema ${from}, this app knows ${latest}). Update the app; nothing was changed.`,
    );
  }
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}
