import type { Migration } from './types';

/**
 * Step 13: workspace roles (README › Roles). Who is in the workspace this register syncs with,
 * with the role and the Ed25519 signing key that the signed membership statements give them, as
 * verified on this machine; and every statement seen, with whether it was applied, is still
 * waiting for the statements it depends on (its signer's membership), or was refused and why.
 *
 * Workspaces made before roles existed have no statements: the first member on the backend's
 * list (its creator) issues the workspace's first statement on its next sync, becomes its
 * administrator and lists the other members of that moment, who become DPOs (not
 * administrators: no one gains the right to manage members by upgrading) once their machine
 * has proved to the creator's that it holds that member's key.
 */
export const workspaceMembersMigration: Migration = {
  version: 13,
  description: 'workspace members, roles and signed membership statements',
  up(db) {
    db.exec(`
      CREATE TABLE workspace_members (
        member_id TEXT PRIMARY KEY,
        role TEXT,
        signing_key TEXT,
        box_key TEXT NOT NULL,
        legacy INTEGER NOT NULL DEFAULT 0,
        invitation_id TEXT UNIQUE,
        role_statement TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE member_statements (
        op_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        member_id TEXT NOT NULL,
        body TEXT NOT NULL,
        sig TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'refused')),
        reason TEXT
      ) STRICT;
      CREATE INDEX member_statements_pending ON member_statements(state, op_id);
    `);
  },
};
