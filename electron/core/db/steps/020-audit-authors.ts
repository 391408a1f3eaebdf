import type { Migration } from './types';

/**
 * Step 20: the member who made each audit entry (README › Roles, separation of duties). For an
 * entry made here, this machine's workspace member id when it was made (null without sync); for
 * a colleague's operation, the author whose signature this machine verified before applying it
 * (null on operations from before roles, whose author nothing proves). Not part of the entry's
 * hash: it is what this machine knows of the entry, not what the entry says, and hashes of the
 * entries already written stay what they were. Entries written before this step carry none
 * (separation of duties compares those by machine, as it did).
 */
export const auditAuthorsMigration: Migration = {
  version: 20,
  description: 'audit entry authors',
  up(db) {
    db.exec(`ALTER TABLE audit_log ADD COLUMN author TEXT;`);
  },
};
