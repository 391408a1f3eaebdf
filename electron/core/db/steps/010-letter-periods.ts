import type { Migration } from './types';

/**
 * Step 10: a letter keeps the periods its regulator set ("within three months of notification")
 * beside the dates they give, as JSON ({amount, unit, from}) or NULL for a date typed by hand.
 * Existing letters have none: their dates stay as they were typed.
 */
export const letterPeriodsMigration: Migration = {
  version: 10,
  description: 'regulator-set periods on letters',
  up(db) {
    db.exec(`
      ALTER TABLE letters ADD COLUMN reply_period TEXT;
      ALTER TABLE letters ADD COLUMN compliance_period TEXT;
    `);
  },
};
