import type { Migration } from './types';

/**
 * Step 6: indexes measured by `npm run bench` at the S4 volume. Each list's sort is (column, id),
 * so a page walks an index instead of sorting the table — which, in an encrypted file, also
 * means decrypting a few pages instead of all of them. The hlc index keeps unlock from reading
 * the whole audit log to find the last clock.
 */
export const indexMigration: Migration = {
  version: 6,
  description: 'sort indexes for every list, audit log clock index',
  up(db) {
    db.exec(`
      CREATE INDEX audit_hlc ON audit_log(hlc);
      -- Partial: the lists show the active register unless asked for archived records too, and
      -- a count of the active records reads the smallest of these indexes, not the table.
      CREATE INDEX complaints_sort_received ON complaints(received_at, id) WHERE archived_at IS NULL;
      CREATE INDEX complaints_sort_due ON complaints(response_due, id) WHERE archived_at IS NULL;
      CREATE INDEX complaints_sort_reference ON complaints(reference, id) WHERE archived_at IS NULL;
      CREATE INDEX complaints_sort_status ON complaints(status, id) WHERE archived_at IS NULL;
      CREATE INDEX complaints_sort_label ON complaints(complainant_label COLLATE NOCASE, id) WHERE archived_at IS NULL;
      CREATE INDEX complaints_sort_channel ON complaints(channel, id) WHERE archived_at IS NULL;
      CREATE INDEX letters_sort_reference ON letters(reference, id) WHERE archived_at IS NULL;
      CREATE INDEX letters_sort_date ON letters(COALESCE(received_at, sent_at), id) WHERE archived_at IS NULL;
      CREATE INDEX incidents_sort_aware ON incidents(aware_at, id) WHERE archived_at IS NULL;
      CREATE INDEX incidents_sort_reference ON incidents(reference, id) WHERE archived_at IS NULL;
      CREATE INDEX actions_sort_due ON actions(due_at IS NULL, due_at, id) WHERE archived_at IS NULL;
      CREATE INDEX actions_sort_reference ON actions(reference, id) WHERE archived_at IS NULL;
    `);
  },
};
