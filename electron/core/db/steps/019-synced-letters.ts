import type { Migration } from './types';

/** A random UUID (version 4 layout), in SQL: this step imports nothing but its types. */
const UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/**
 * Step 19: template versions and generated letters travel through the workspace's operation log
 * (README › Letters), as records of their own (`letter_template`, `composed_letter`).
 * - letter_template_versions: a version is now a row with its own id and the hybrid logical clock
 *   of the operation that saved it (`hlc`); its number is no longer stored but counted, on every
 *   machine the same way, in clock order (electron/core/templates/numbering.ts), so two versions
 *   saved apart are both kept. Rows from before this step keep their order (`prior_version`) and
 *   an empty clock until the session publishes them as operations
 *   (session.ts, at each opening while the member's role allows it).
 * - composed_letters: the version's id (NULL: the built-in version 1), so a letter keeps naming
 *   the text it came from when a colleague's concurrent save renumbers the versions; `published`
 *   is 0 for a letter generated before this step, until the session publishes it.
 */
export const syncedLettersMigration: Migration = {
  version: 19,
  description: 'template versions and generated letters as operations',
  up(db) {
    db.exec(`
      CREATE TABLE letter_template_versions_19 (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        prior_version INTEGER,
        name_en TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        subject_en TEXT NOT NULL,
        subject_fr TEXT NOT NULL,
        body_en TEXT NOT NULL,
        body_fr TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL
      ) STRICT;
      INSERT INTO letter_template_versions_19 (id, template_id, hlc, prior_version, name_en, name_fr, subject_en, subject_fr, body_en, body_fr, saved_at, saved_by)
        SELECT ${UUID}, template_id, '', version, name_en, name_fr, subject_en, subject_fr, body_en, body_fr, saved_at, saved_by FROM letter_template_versions;
      DROP TABLE letter_template_versions;
      ALTER TABLE letter_template_versions_19 RENAME TO letter_template_versions;
      CREATE INDEX letter_template_versions_order ON letter_template_versions(template_id, hlc, prior_version, id);

      ALTER TABLE composed_letters ADD COLUMN template_version_id TEXT;
      ALTER TABLE composed_letters ADD COLUMN published INTEGER NOT NULL DEFAULT 1;
      UPDATE composed_letters SET published = 0,
        template_version_id = (SELECT v.id FROM letter_template_versions v WHERE v.template_id = composed_letters.template_id AND v.prior_version = composed_letters.template_version);
    `);
  },
};
