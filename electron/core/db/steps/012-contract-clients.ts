import type { Migration } from './types';

/** Step 12: the affected clients picked from a client contract, found from the contract's page. */
export const contractClientsMigration: Migration = {
  version: 12,
  description: 'affected clients by client contract',
  up(db) {
    db.exec(`CREATE INDEX incident_clients_contract ON incident_clients(contract_id, incident_id) WHERE contract_id IS NOT NULL;`);
  },
};
