import type { Migration } from './types';

/** Step 3: reminders raised per clock, threshold and due instant; default reminder settings. */
export const remindersMigration: Migration = {
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
};
