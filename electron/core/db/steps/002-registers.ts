import type { Migration } from './types';

/** Step 2: correspondence, matters, incidents (notifications, affected clients), actions, links, attachments, saved views. */
export const registersMigration: Migration = {
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
};
