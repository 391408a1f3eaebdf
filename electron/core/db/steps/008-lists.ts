import type { Migration } from './types';

/** The rights a complaint can name (DataSubjectRight): one partial index each, see below. */
export const RIGHTS_INDEXED = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'objection_direct_marketing',
  'consent_withdrawal',
  'automated_decision',
] as const;

/**
 * Step 8: every filter and sort the lists offer is served by an index (test/integration/
 * list-plans.test.ts checks the plans).
 *
 * - One index per sort field, (sort key, id, archived_at): a page walks it in order, with or
 *   without archived records (archived_at is read from the index, not the table). They replace
 *   the partial indexes of step 6, which could not serve "include archived".
 * - For the filters, indexes that start with the filtered column and go on in the list's default
 *   order, so a filtered page is read in order too; a complaint's rights (a JSON list) get one
 *   partial index per right; the overdue filters get partial indexes over open records.
 * - Actions get owner_key, the owner folded (accents and case), kept by the register on every
 *   write, so "owner is Hélène" is an index seek instead of a function call per row.
 * - row_counts holds each register's number of records (all, and not archived), kept by
 *   triggers whatever writes the table (a register, sync, a bulk load), so an unfiltered list
 *   knows its exact total without counting.
 */
export const listsMigration: Migration = {
  version: 8,
  description: 'an index for every list filter and sort; folded action owners; row counts',
  up(db) {
    const rights = RIGHTS_INDEXED.map(
      (r) => `CREATE INDEX complaints_right_${r} ON complaints(received_at, id, archived_at) WHERE instr(rights, '"${r}"') > 0;`,
    ).join('\n');
    db.exec(`
      DROP INDEX complaints_sort_received; DROP INDEX complaints_sort_due; DROP INDEX complaints_sort_reference;
      DROP INDEX complaints_sort_status; DROP INDEX complaints_sort_label; DROP INDEX complaints_sort_channel;
      DROP INDEX letters_sort_reference; DROP INDEX letters_sort_date; DROP INDEX incidents_sort_aware;
      DROP INDEX incidents_sort_reference; DROP INDEX actions_sort_due; DROP INDEX actions_sort_reference;
      -- Superseded by the indexes below (same leading columns).
      DROP INDEX complaints_received; DROP INDEX complaints_due; DROP INDEX complaints_label;
      DROP INDEX letters_date; DROP INDEX letters_matter; DROP INDEX matters_opened; DROP INDEX incidents_aware;
      DROP INDEX actions_owner; DROP INDEX actions_origin;

      CREATE INDEX complaints_by_reference ON complaints(reference, id, archived_at);
      CREATE INDEX complaints_by_received ON complaints(received_at, id, archived_at);
      CREATE INDEX complaints_by_due ON complaints(response_due, id, archived_at);
      CREATE INDEX complaints_by_status ON complaints(status, id, archived_at);
      CREATE INDEX complaints_by_label ON complaints(complainant_label COLLATE NOCASE, id, archived_at);
      CREATE INDEX complaints_by_channel ON complaints(channel, id, archived_at);
      CREATE INDEX complaints_status_received ON complaints(status, received_at, id, archived_at);
      CREATE INDEX complaints_channel_received ON complaints(channel, received_at, id, archived_at);
      CREATE INDEX complaints_overdue_by_due ON complaints(response_due, id, archived_at) WHERE status NOT IN ('answered','closed');
      ${rights}

      CREATE INDEX letters_by_reference ON letters(reference, id, archived_at);
      CREATE INDEX letters_by_date ON letters(COALESCE(received_at, sent_at), id, archived_at);
      CREATE INDEX letters_by_reply_due ON letters(reply_due IS NULL, reply_due, id, archived_at);
      CREATE INDEX letters_by_reply_due_desc ON letters(reply_due IS NULL, reply_due DESC, id DESC, archived_at);
      CREATE INDEX letters_by_kind ON letters(kind, id, archived_at);
      CREATE INDEX letters_by_regulator ON letters(regulator, id, archived_at);
      CREATE INDEX letters_regulator_date ON letters(regulator, COALESCE(received_at, sent_at), id, archived_at);
      CREATE INDEX letters_kind_date ON letters(kind, COALESCE(received_at, sent_at), id, archived_at);
      CREATE INDEX letters_direction_date ON letters(direction, COALESCE(received_at, sent_at), id, archived_at);
      CREATE INDEX letters_matter_date ON letters(matter_id, COALESCE(received_at, sent_at), id, archived_at);

      CREATE INDEX matters_by_reference ON matters(reference, id, archived_at);
      CREATE INDEX matters_by_opened ON matters(opened_at, id, archived_at);
      CREATE INDEX matters_by_title ON matters(title COLLATE NOCASE, id, archived_at);
      CREATE INDEX matters_by_regulator ON matters(regulator, id, archived_at);
      CREATE INDEX matters_regulator_opened ON matters(regulator, opened_at, id, archived_at);
      CREATE INDEX matters_status_opened ON matters(status, opened_at, id, archived_at);

      CREATE INDEX incidents_by_reference ON incidents(reference, id, archived_at);
      CREATE INDEX incidents_by_aware ON incidents(aware_at, id, archived_at);
      CREATE INDEX incidents_by_authority_due ON incidents(authority_due, id, archived_at);
      CREATE INDEX incidents_by_risk ON incidents((CASE risk_level WHEN 'high' THEN 3 WHEN 'risk' THEN 2 WHEN 'unlikely' THEN 1 ELSE 0 END), id, archived_at);
      CREATE INDEX incidents_by_status ON incidents(status, id, archived_at);
      CREATE INDEX incidents_by_title ON incidents(title COLLATE NOCASE, id, archived_at);
      CREATE INDEX incidents_status_aware ON incidents(status, aware_at, id, archived_at);
      CREATE INDEX incidents_risk_aware ON incidents(risk_level, aware_at, id, archived_at);

      ALTER TABLE actions ADD COLUMN owner_key TEXT NOT NULL DEFAULT '';
      UPDATE actions SET owner_key = fold(owner);
      CREATE INDEX actions_by_reference ON actions(reference, id, archived_at);
      CREATE INDEX actions_by_due ON actions(due_at IS NULL, due_at, id, archived_at);
      CREATE INDEX actions_by_due_desc ON actions(due_at IS NULL, due_at DESC, id DESC, archived_at);
      CREATE INDEX actions_by_status ON actions(status, id, archived_at);
      CREATE INDEX actions_by_owner ON actions(owner COLLATE NOCASE, id, archived_at);
      CREATE INDEX actions_by_priority ON actions((CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END), id, archived_at);
      CREATE INDEX actions_by_title ON actions(title COLLATE NOCASE, id, archived_at);
      CREATE INDEX actions_status_due ON actions(status, due_at IS NULL, due_at, id, archived_at);
      CREATE INDEX actions_owner_due ON actions(owner_key, due_at IS NULL, due_at, id, archived_at);
      CREATE INDEX actions_origin_due ON actions(origin_id, due_at IS NULL, due_at, id, archived_at);
      CREATE INDEX actions_open_by_due ON actions(due_at IS NULL, due_at, id, archived_at) WHERE status IN ('planned','in_progress');

      CREATE TABLE row_counts (name TEXT PRIMARY KEY, total INTEGER NOT NULL, active INTEGER NOT NULL) STRICT;
    `);
    for (const t of ['complaints', 'letters', 'matters', 'incidents', 'actions']) {
      db.exec(`
        INSERT INTO row_counts (name, total, active) SELECT '${t}', count(*), count(*) FILTER (WHERE archived_at IS NULL) FROM ${t};
        CREATE TRIGGER ${t}_count_insert AFTER INSERT ON ${t} BEGIN
          UPDATE row_counts SET total = total + 1, active = active + (NEW.archived_at IS NULL) WHERE name = '${t}';
        END;
        CREATE TRIGGER ${t}_count_archive AFTER UPDATE OF archived_at ON ${t} WHEN (OLD.archived_at IS NULL) != (NEW.archived_at IS NULL) BEGIN
          UPDATE row_counts SET active = active + (NEW.archived_at IS NULL) - (OLD.archived_at IS NULL) WHERE name = '${t}';
        END;
        CREATE TRIGGER ${t}_count_delete AFTER DELETE ON ${t} BEGIN
          UPDATE row_counts SET total = total - 1, active = active - (OLD.archived_at IS NULL) WHERE name = '${t}';
        END;
      `);
    }
  },
};
