import type { Migration } from './types';

/**
 * Step 15: the organisation's own redaction profiles (README › Redaction profiles), defined field
 * by field in Settings › Redaction. Kept in the encrypted register like its other settings; each
 * change is audited as a `settings` entry. Names are unique in each language (case ignored).
 */
export const redactionProfilesMigration: Migration = {
  version: 15,
  description: 'custom redaction profiles',
  up(db) {
    db.exec(`
      CREATE TABLE redaction_profiles (
        id TEXT PRIMARY KEY,
        name_en TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        rules TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX redaction_profiles_name_en ON redaction_profiles(name_en COLLATE NOCASE);
      CREATE UNIQUE INDEX redaction_profiles_name_fr ON redaction_profiles(name_fr COLLATE NOCASE);
    `);
  },
};
