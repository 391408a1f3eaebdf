import type { Migration } from './types';

/**
 * Step 17: breach exercises (drills). An incident recorded as a drill runs the real clocks and
 * reminders but stays out of the regulator's exports and the annual report (they read a period
 * by aware_at and leave drills out as they go: no index of its own is needed). A reminder that
 * fired for a drill's clock keeps the mark, so its notification and the alerts list say so.
 */
export const incidentDrillsMigration: Migration = {
  version: 17,
  description: 'incident drills',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN drill INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE clock_alerts ADD COLUMN drill INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
