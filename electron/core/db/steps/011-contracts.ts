import type { Migration } from './types';

/**
 * Step 11: client contracts become a register of their own (shared/registers/contracts.ts).
 * - client_contracts (step 9) gains what the register keeps beside the notice terms: the day the
 *   data processing agreement was signed, the countries of the client's data subjects, and
 *   whether the contract is active or ended.
 * - Its list is read like every other list (test/integration/list-plans.test.ts): one index per
 *   sort (sort key, id, archived_at), the filters' indexes going on in the default order (name),
 *   and its number of records in row_counts, kept by triggers.
 */
export const contractsMigration: Migration = {
  version: 11,
  description: 'client contracts register: DPA date, countries, status; list indexes and row counts',
  up(db) {
    db.exec(`
      ALTER TABLE client_contracts ADD COLUMN dpa_signed_on TEXT;
      ALTER TABLE client_contracts ADD COLUMN countries TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE client_contracts ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
      UPDATE client_contracts SET notice_hours = 48 WHERE notice_hours IS NULL;

      CREATE INDEX client_contracts_by_reference ON client_contracts(reference, id, archived_at);
      CREATE INDEX client_contracts_by_hours ON client_contracts(notice_hours, id, archived_at);
      CREATE INDEX client_contracts_by_dpa ON client_contracts(dpa_signed_on IS NULL, dpa_signed_on, id, archived_at);
      CREATE INDEX client_contracts_by_dpa_desc ON client_contracts(dpa_signed_on IS NULL, dpa_signed_on DESC, id DESC, archived_at);
      CREATE INDEX client_contracts_by_status ON client_contracts(status, id, archived_at);
      CREATE INDEX client_contracts_status_name ON client_contracts(status, name COLLATE NOCASE, id, archived_at);
      CREATE INDEX client_contracts_language_name ON client_contracts(language, name COLLATE NOCASE, id, archived_at);

      INSERT INTO row_counts (name, total, active) SELECT 'client_contracts', count(*), count(*) FILTER (WHERE archived_at IS NULL) FROM client_contracts;
      CREATE TRIGGER client_contracts_count_insert AFTER INSERT ON client_contracts BEGIN
        UPDATE row_counts SET total = total + 1, active = active + (NEW.archived_at IS NULL) WHERE name = 'client_contracts';
      END;
      CREATE TRIGGER client_contracts_count_archive AFTER UPDATE OF archived_at ON client_contracts WHEN (OLD.archived_at IS NULL) != (NEW.archived_at IS NULL) BEGIN
        UPDATE row_counts SET active = active + (NEW.archived_at IS NULL) - (OLD.archived_at IS NULL) WHERE name = 'client_contracts';
      END;
      CREATE TRIGGER client_contracts_count_delete AFTER DELETE ON client_contracts BEGIN
        UPDATE row_counts SET total = total - 1, active = active - (OLD.archived_at IS NULL) WHERE name = 'client_contracts';
      END;
    `);
  },
};
