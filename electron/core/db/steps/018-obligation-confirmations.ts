import type { Migration } from './types';

/**
 * Step 18: a second member's confirmation of a decision not to notify (README › Roles). In a
 * workspace that separates duties, an obligation decided "not required" stays open (its clock
 * runs) until another member confirms it; when and by whom is kept on the obligation. Rows
 * decided before this step carry none: without separation of duties none is needed.
 */
export const obligationConfirmationsMigration: Migration = {
  version: 18,
  description: 'obligation confirmations',
  up(db) {
    db.exec(`
      ALTER TABLE incident_obligations ADD COLUMN confirmed_at TEXT;
      ALTER TABLE incident_obligations ADD COLUMN confirmed_by TEXT;
    `);
  },
};
