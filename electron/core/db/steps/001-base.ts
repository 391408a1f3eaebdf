import type { Migration } from './types';

/** Step 1: meta, the audit log, the search index, complaints. */
export const baseMigration: Migration = {
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
};
