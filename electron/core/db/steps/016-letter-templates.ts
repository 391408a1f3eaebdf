import type { Migration } from './types';

/**
 * Step 16: letter templates (README › Letters). Each save of a template in Settings › Letters is a
 * new row (version 2, 3, …; version 1 is the built-in text, kept as data in shared/letters), so a
 * generated letter can always say which text it came from. `composed_letters` records each letter
 * generated: the template and version, the record, its two attachments (PDF and text) and what
 * it did to the record's clock. Both stay on this machine (like the other settings); the
 * attachments and the record changes sync as usual.
 */
export const letterTemplatesMigration: Migration = {
  version: 16,
  description: 'letter templates and generated letters',
  up(db) {
    db.exec(`
      CREATE TABLE letter_template_versions (
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        name_en TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        subject_en TEXT NOT NULL,
        subject_fr TEXT NOT NULL,
        body_en TEXT NOT NULL,
        body_fr TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        PRIMARY KEY (template_id, version)
      ) STRICT;
      CREATE TABLE composed_letters (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        lang TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        client_id TEXT,
        subject TEXT NOT NULL,
        pdf_attachment_id TEXT NOT NULL,
        text_attachment_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        outbound_letter_id TEXT,
        sent_at TEXT NOT NULL,
        effect TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX composed_letters_by_record ON composed_letters(record_type, record_id, created_at);
    `);
  },
};
