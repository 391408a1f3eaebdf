/**
 * The backend's schema (PostgreSQL). It holds only what routing needs — workspace ids, operation
 * ids, server sequence numbers, key epochs, sizes, times — and sealed bytes. No record text, no
 * names, no file names. Row-level security keeps a workspace's rows to the database roles that
 * claimed it (FORCE: the owner too).
 */
/**
 * 2: every operation carries its author's signature (sig), over its sealed bytes.
 * 3: each member's signed audit heads (audit_heads; docs/decisions/005-signed-audit-heads.md).
 */
export const BACKEND_SCHEMA_VERSION = 3;
export const SCHEMA = 'privacyops';
export const NOTIFY_CHANNEL = 'privacyops_ops';

export const CREATE_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEMA}.meta (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE IF NOT EXISTS ${SCHEMA}.workspace_roles (
  workspace_id uuid NOT NULL, role_name name NOT NULL, PRIMARY KEY (workspace_id, role_name));

CREATE TABLE IF NOT EXISTS ${SCHEMA}.workspaces (
  id uuid PRIMARY KEY,
  last_seq bigint NOT NULL DEFAULT 0,
  key_epoch integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now());

CREATE TABLE IF NOT EXISTS ${SCHEMA}.members (
  workspace_id uuid NOT NULL REFERENCES ${SCHEMA}.workspaces(id),
  member_id uuid NOT NULL,
  public_key text NOT NULL,
  sealed_label bytea NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (workspace_id, member_id));

CREATE TABLE IF NOT EXISTS ${SCHEMA}.key_grants (
  workspace_id uuid NOT NULL REFERENCES ${SCHEMA}.workspaces(id),
  epoch integer NOT NULL,
  member_id uuid NOT NULL,
  sealed_key bytea NOT NULL,
  PRIMARY KEY (workspace_id, epoch, member_id));

CREATE TABLE IF NOT EXISTS ${SCHEMA}.invitations (
  workspace_id uuid NOT NULL REFERENCES ${SCHEMA}.workspaces(id),
  id uuid NOT NULL,
  salt bytea NOT NULL,
  sealed_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (workspace_id, id));

CREATE TABLE IF NOT EXISTS ${SCHEMA}.ops (
  workspace_id uuid NOT NULL REFERENCES ${SCHEMA}.workspaces(id),
  seq bigint NOT NULL,
  op_id uuid NOT NULL,
  key_epoch integer NOT NULL,
  size integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  payload bytea NOT NULL,
  sig bytea,
  PRIMARY KEY (workspace_id, seq),
  UNIQUE (workspace_id, op_id));
-- Schema 2: the author's Ed25519 signature over (workspace, operation id, clock, SHA-256 of the
-- sealed bytes). It names no one: the signing keys travel only inside the sealed log.
ALTER TABLE ${SCHEMA}.ops ADD COLUMN IF NOT EXISTS sig bytea;

-- Schema 3: what a member's machine's audit chain held when it pushed (count and head hash),
-- sealed with the workspace key and signed with the member key. In clear only what finding the
-- latest takes: the member (already in members) and how many entries the chain held.
CREATE TABLE IF NOT EXISTS ${SCHEMA}.audit_heads (
  workspace_id uuid NOT NULL REFERENCES ${SCHEMA}.workspaces(id),
  id uuid NOT NULL,
  member_id uuid NOT NULL,
  entries bigint NOT NULL,
  key_epoch integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sealed bytea NOT NULL,
  sig bytea NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE INDEX IF NOT EXISTS audit_heads_latest ON ${SCHEMA}.audit_heads (workspace_id, member_id, entries DESC);

CREATE TABLE IF NOT EXISTS ${SCHEMA}.chunks (
  workspace_id uuid NOT NULL REFERENCES ${SCHEMA}.workspaces(id),
  blob_id uuid NOT NULL,
  idx integer NOT NULL,
  key_epoch integer NOT NULL,
  size integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  payload bytea NOT NULL,
  PRIMARY KEY (workspace_id, blob_id, idx));
`;

const TABLES = ['workspaces', 'members', 'key_grants', 'invitations', 'ops', 'chunks'] as const;
/** Kept, never changed: members' roles may read and add signed heads, not update or delete them. */
const APPEND_ONLY = ['audit_heads'] as const;

/** Row-level security: every table's rows belong to the roles that claimed their workspace. */
export const RLS_SQL = `
-- Whether anyone has claimed a workspace: runs as the schema owner, who sees every claim.
CREATE OR REPLACE FUNCTION ${SCHEMA}.is_claimed(ws uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
  AS $$ SELECT EXISTS (SELECT 1 FROM ${SCHEMA}.workspace_roles WHERE workspace_id = ws) $$;
ALTER TABLE ${SCHEMA}.workspace_roles ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_roles ON ${SCHEMA}.workspace_roles;
CREATE POLICY own_roles ON ${SCHEMA}.workspace_roles FOR SELECT USING (role_name = current_user);
DROP POLICY IF EXISTS claim_new ON ${SCHEMA}.workspace_roles;
-- A role may claim a workspace nobody has claimed yet (the one it is creating), nothing else.
-- Further roles are mapped to a workspace by the database administrator (see the README).
CREATE POLICY claim_new ON ${SCHEMA}.workspace_roles FOR INSERT WITH CHECK (
  role_name = current_user AND NOT ${SCHEMA}.is_claimed(workspace_id));
${[...TABLES, ...APPEND_ONLY].map(
  (t) => `
ALTER TABLE ${SCHEMA}.${t} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${SCHEMA}.${t} FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS by_role ON ${SCHEMA}.${t};
CREATE POLICY by_role ON ${SCHEMA}.${t} USING (
  ${t === 'workspaces' ? 'id' : 'workspace_id'} IN (SELECT r.workspace_id FROM ${SCHEMA}.workspace_roles r WHERE r.role_name = current_user));`,
).join('\n')}
GRANT USAGE ON SCHEMA ${SCHEMA} TO PUBLIC;
GRANT SELECT ON ${SCHEMA}.meta TO PUBLIC;
GRANT EXECUTE ON FUNCTION ${SCHEMA}.is_claimed(uuid) TO PUBLIC;
GRANT SELECT, INSERT ON ${SCHEMA}.workspace_roles TO PUBLIC;
GRANT SELECT, INSERT, UPDATE ON ${TABLES.map((t) => `${SCHEMA}.${t}`).join(', ')} TO PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY.map((t) => `${SCHEMA}.${t}`).join(', ')} FROM PUBLIC;
GRANT SELECT, INSERT ON ${APPEND_ONLY.map((t) => `${SCHEMA}.${t}`).join(', ')} TO PUBLIC;
`;
