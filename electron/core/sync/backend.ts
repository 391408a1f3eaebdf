import pg from 'pg';
import { ApiError } from '@shared/api/contract';
import type { ConnectInput } from '@shared/schemas/sync';
import { ConnectInput as ConnectInputSchema } from '@shared/schemas/sync';
import { classifyBackendError, speaksPostgres } from './backend-errors';
import { BACKEND_SCHEMA_VERSION, CREATE_SCHEMA_SQL, NOTIFY_CHANNEL, RLS_SQL, SCHEMA } from './backend-schema';

export interface PushedOp {
  opId: string;
  epoch: number;
  payload: Buffer;
  /** The author's signature (null on operations pushed before signatures existed). */
  sig: Buffer | null;
}
export interface PulledOp extends PushedOp {
  seq: number;
}
/**
 * What a push did: how many operations it added, and the workspace's last sequence number
 * before and after (the added ones are exactly before+1…last, numbered in one locked transaction).
 */
export interface PushResult {
  added: number;
  before: number | null;
  last: number | null;
}

/** A signed audit head as the backend keeps it: in clear only the member and the entry count. */
export interface StoredAuditHead {
  id: string;
  memberId: string;
  entries: number;
  epoch: number;
  sealed: Buffer;
  sig: Buffer;
}

/** A short, password-free description of where the backend is, for status lines. */
export function describeConnection(input: ConnectInput): string {
  const c = ConnectInputSchema.parse(input);
  if (c.connection) return `${c.connection.user}@${c.connection.host}:${c.connection.port}/${c.connection.database}`;
  try {
    const u = new URL(c.connectionString ?? '');
    return `${decodeURIComponent(u.username)}@${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export function clientConfig(input: ConnectInput): pg.ClientConfig {
  const c = ConnectInputSchema.parse(input);
  const base: pg.ClientConfig = { connectionTimeoutMillis: 8_000, query_timeout: 60_000, application_name: 'PrivacyOps Workstation' };
  if (c.connectionString) {
    return { ...base, connectionString: c.connectionString, ...(c.password ? { password: c.password } : {}) };
  }
  if (!c.connection) throw new ApiError('VALIDATION_FAILED', 'Give the backend connection, or a postgres:// connection string.');
  const k = c.connection;
  const ssl =
    k.sslMode === 'disable' ? false : k.sslMode === 'require' ? { rejectUnauthorized: false } : { rejectUnauthorized: true, ...(k.caCertificate ? { ca: k.caCertificate } : {}) };
  return { ...base, host: k.host, port: k.port, database: k.database, user: k.user, password: c.password, ssl };
}

/**
 * One connection to the shared backend. Every method is one round trip or one transaction;
 * what it sends is already sealed.
 */
export class Backend {
  private constructor(
    private readonly client: pg.Client,
    readonly where: string,
  ) {}

  static async connect(input: ConnectInput): Promise<Backend> {
    const where = describeConnection(input);
    const client = new pg.Client(clientConfig(input));
    // An error on an idle connection (backend killed) must not crash the app.
    client.on('error', () => {});
    try {
      await client.connect();
      const v = await client.query<{ server_version: string }>('SHOW server_version');
      if (!v.rows[0]?.server_version) throw new Error('no server_version');
    } catch (e) {
      await client.end().catch(() => {});
      // No SQLSTATE and no socket error code: ask the server whether it speaks PostgreSQL at all.
      const needsProbe = !(e as { code?: string }).code && !(e as { severity?: string }).severity;
      const isPostgres = needsProbe ? await speaksPostgres(client.host, client.port) : null;
      throw classifyBackendError(e, where, 'connect', isPostgres);
    }
    return new Backend(client, where);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }

  private async q<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.client.query<R>(sql, params);
    } catch (e) {
      throw classifyBackendError(e, this.where, 'session');
    }
  }

  private async tx<T>(fn: () => Promise<T>): Promise<T> {
    await this.q('BEGIN');
    try {
      const r = await fn();
      await this.q('COMMIT');
      return r;
    } catch (e) {
      await this.client.query('ROLLBACK').catch(() => {});
      throw classifyBackendError(e, this.where, 'session');
    }
  }

  /** Creates or upgrades the schema when the role may; otherwise says what is missing. */
  async ensureSchema(): Promise<void> {
    const exists = await this.q<{ ok: boolean }>(`SELECT to_regclass('${SCHEMA}.meta') IS NOT NULL AS ok`);
    // The version found (null: no schema yet), for a refusal that says which case it is.
    let found: number | null = null;
    if (exists.rows[0]?.ok) {
      const v = await this.q<{ value: string }>(`SELECT value FROM ${SCHEMA}.meta WHERE key = 'schema_version'`);
      const version = Number(v.rows[0]?.value ?? 0);
      found = version;
      if (version > BACKEND_SCHEMA_VERSION) {
        throw new ApiError(
          'BACKEND_INCOMPATIBLE',
          `The shared backend was set up by a newer PrivacyOps Workstation (backend schema ${version}; this app knows ${BACKEND_SCHEMA_VERSION}). Update the app; your local register was not touched.`,
        );
      }
      if (version === BACKEND_SCHEMA_VERSION) return;
    }
    try {
      await this.tx(async () => {
        await this.q(CREATE_SCHEMA_SQL);
        await this.q(RLS_SQL);
        await this.q(`INSERT INTO ${SCHEMA}.meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(BACKEND_SCHEMA_VERSION)]);
      });
    } catch (e) {
      const err = classifyBackendError(e, this.where, 'session');
      if (err.code === 'BACKEND_PERMISSION') {
        const who = await this.q<{ u: string; d: string; owner: string | null }>(
          `SELECT current_user AS u, current_database() AS d, (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '${SCHEMA}') AS owner`,
        ).catch(() => null);
        const u = who?.rows[0]?.u ?? 'this role';
        const d = who?.rows[0]?.d ?? 'the database';
        const owner = who?.rows[0]?.owner ?? null;
        if (found !== null) {
          // The schema is there, older than this app: only its owner may upgrade it.
          throw new ApiError(
            'BACKEND_PERMISSION',
            `The shared backend's PrivacyOps schema is at version ${found}; this app needs version ${BACKEND_SCHEMA_VERSION}, and the role "${u}" may not upgrade it: only the schema's owner${owner ? ` ("${owner}")` : ''} may. Ask your IT team to open the app once with that role (it upgrades the schema by itself; see the README, "Setting up the shared backend"). Nothing was changed on the backend; your local register was not touched and its changes wait on this machine.`,
          );
        }
        throw new ApiError(
          'BACKEND_PERMISSION',
          `The backend has no PrivacyOps schema yet and the role "${u}" may not create it. Ask your IT team to run, as the database owner: GRANT CREATE ON DATABASE "${d}" TO "${u}"; (or create it once with an owner role — see the README, "Setting up the shared backend").`,
        );
      }
      throw err;
    }
  }

  async createWorkspace(workspaceId: string): Promise<void> {
    await this.tx(async () => {
      await this.q(`INSERT INTO ${SCHEMA}.workspace_roles (workspace_id, role_name) VALUES ($1, current_user)`, [workspaceId]);
      await this.q(`INSERT INTO ${SCHEMA}.workspaces (id) VALUES ($1)`, [workspaceId]);
    });
  }

  async workspaceEpoch(workspaceId: string): Promise<number> {
    const r = await this.q<{ key_epoch: number }>(`SELECT key_epoch FROM ${SCHEMA}.workspaces WHERE id = $1`, [workspaceId]);
    if (!r.rows[0]) {
      throw new ApiError('BACKEND_PERMISSION', `Workspace ${workspaceId} is not visible to this database role: it does not exist there, or the role was not given access to it.`);
    }
    return r.rows[0].key_epoch;
  }

  async addMember(workspaceId: string, memberId: string, publicKey: string, sealedLabel: Buffer): Promise<void> {
    await this.q(
      `INSERT INTO ${SCHEMA}.members (workspace_id, member_id, public_key, sealed_label) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, member_id) DO UPDATE SET public_key = excluded.public_key, sealed_label = excluded.sealed_label`,
      [workspaceId, memberId, publicKey, sealedLabel],
    );
  }

  async members(workspaceId: string): Promise<{ memberId: string; publicKey: string; sealedLabel: Buffer; joinedAt: Date; removedAt: Date | null }[]> {
    const r = await this.q<{ member_id: string; public_key: string; sealed_label: Buffer; joined_at: Date; removed_at: Date | null }>(
      `SELECT member_id, public_key, sealed_label, joined_at, removed_at FROM ${SCHEMA}.members WHERE workspace_id = $1 ORDER BY joined_at`,
      [workspaceId],
    );
    return r.rows.map((m) => ({ memberId: m.member_id, publicKey: m.public_key, sealedLabel: m.sealed_label, joinedAt: m.joined_at, removedAt: m.removed_at }));
  }

  /** Removes a member and installs the next key epoch, granted to the remaining members only. */
  async removeMemberAndRotate(workspaceId: string, memberId: string, nextEpoch: number, grants: { memberId: string; sealedKey: Buffer }[]): Promise<void> {
    await this.tx(async () => {
      const cur = await this.q<{ key_epoch: number }>(`SELECT key_epoch FROM ${SCHEMA}.workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
      if (cur.rows[0]?.key_epoch !== nextEpoch - 1) throw new ApiError('CONFLICT', 'Another member changed the workspace key at the same moment; try again.');
      await this.q(`UPDATE ${SCHEMA}.members SET removed_at = now() WHERE workspace_id = $1 AND member_id = $2 AND removed_at IS NULL`, [workspaceId, memberId]);
      for (const g of grants) {
        await this.q(`INSERT INTO ${SCHEMA}.key_grants (workspace_id, epoch, member_id, sealed_key) VALUES ($1, $2, $3, $4)`, [workspaceId, nextEpoch, g.memberId, g.sealedKey]);
      }
      await this.q(`UPDATE ${SCHEMA}.workspaces SET key_epoch = $2 WHERE id = $1`, [workspaceId, nextEpoch]);
    });
  }

  async keyGrant(workspaceId: string, epoch: number, memberId: string): Promise<Buffer | null> {
    const r = await this.q<{ sealed_key: Buffer }>(`SELECT sealed_key FROM ${SCHEMA}.key_grants WHERE workspace_id = $1 AND epoch = $2 AND member_id = $3`, [workspaceId, epoch, memberId]);
    return r.rows[0]?.sealed_key ?? null;
  }

  async putKeyGrant(workspaceId: string, epoch: number, memberId: string, sealedKey: Buffer): Promise<void> {
    await this.q(
      `INSERT INTO ${SCHEMA}.key_grants (workspace_id, epoch, member_id, sealed_key) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, epoch, member_id) DO NOTHING`,
      [workspaceId, epoch, memberId, sealedKey],
    );
  }

  async putInvitation(workspaceId: string, id: string, salt: Buffer, sealedKey: Buffer, expiresAt: Date): Promise<void> {
    await this.q(`INSERT INTO ${SCHEMA}.invitations (workspace_id, id, salt, sealed_key, expires_at) VALUES ($1, $2, $3, $4, $5)`, [workspaceId, id, salt, sealedKey, expiresAt]);
  }

  async invitation(workspaceId: string, id: string): Promise<{ salt: Buffer; sealedKey: Buffer; expiresAt: Date; usedAt: Date | null } | null> {
    const r = await this.q<{ salt: Buffer; sealed_key: Buffer; expires_at: Date; used_at: Date | null }>(
      `SELECT salt, sealed_key, expires_at, used_at FROM ${SCHEMA}.invitations WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    const row = r.rows[0];
    return row ? { salt: row.salt, sealedKey: row.sealed_key, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  async markInvitationUsed(workspaceId: string, id: string): Promise<void> {
    await this.q(`UPDATE ${SCHEMA}.invitations SET used_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }

  /**
   * Appends operations in one statement, however many: the ids, epochs and sealed bytes travel
   * as three arrays in PostgreSQL's binary array format (no hex, no per-row parameters; COPY is
   * not allowed into a table under forced row-level security). The workspace row is locked for
   * the whole transaction, so sequence numbers are handed out in commit order: a reader that has
   * seen seq N has seen everything below N. Operations already there (a retried push) are skipped
   * without leaving a gap in the numbering, so pushing is idempotent.
   */
  async push(workspaceId: string, ops: PushedOp[]): Promise<PushResult> {
    if (ops.length === 0) return { added: 0, before: null, last: null };
    const ids = binaryArray(UUID_OID, ops.map((o) => uuidBytes(o.opId)));
    const epochs = binaryArray(INT4_OID, ops.map((o) => int4Bytes(o.epoch)));
    const payloads = binaryArray(BYTEA_OID, ops.map((o) => o.payload));
    const sigs = binaryArray(BYTEA_OID, ops.map((o) => o.sig ?? Buffer.alloc(0)));
    return this.tx(async () => {
      const ws = await this.q<{ last_seq: string }>(`SELECT last_seq FROM ${SCHEMA}.workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
      if (!ws.rows[0]) throw new ApiError('BACKEND_PERMISSION', `Workspace ${workspaceId} is not visible to this database role.`);
      const last = ws.rows[0].last_seq;
      // Window functions run after WHERE: the fresh operations are numbered last+1, last+2… in
      // the order given, with no gap where a known one was left out.
      const inserted = await this.q(
        `INSERT INTO ${SCHEMA}.ops (workspace_id, seq, op_id, key_epoch, size, payload, sig)
         SELECT $1::uuid, $2::bigint + row_number() OVER (ORDER BY t.ord), t.op_id, t.epoch, length(t.payload), t.payload, NULLIF(t.sig, ''::bytea)
         FROM unnest($3::uuid[], $4::int4[], $5::bytea[], $6::bytea[]) WITH ORDINALITY AS t(op_id, epoch, payload, sig, ord)
         WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.ops o WHERE o.workspace_id = $1::uuid AND o.op_id = t.op_id)`,
        [workspaceId, last, ids, epochs, payloads, sigs],
      );
      const added = inserted.rowCount ?? 0;
      const seq = Number(last) + added;
      if (added > 0) {
        await this.q(`UPDATE ${SCHEMA}.workspaces SET last_seq = $2 WHERE id = $1`, [workspaceId, seq]);
        // Listeners learn the workspace and how far it now goes.
        await this.q(`SELECT pg_notify($1, $2)`, [NOTIFY_CHANNEL, `${workspaceId} ${seq}`]);
      }
      return { added, before: Number(last), last: seq };
    });
  }

  /**
   * One page of operations after a server sequence number, in order (keyset paging on the
   * primary key: every page is an index range read, however far into the log it starts).
   */
  async pull(workspaceId: string, afterSeq: number, limit: number): Promise<PulledOp[]> {
    const r = await this.q<{ seq: string; op_id: string; key_epoch: number; payload: Buffer; sig: Buffer | null }>(
      `SELECT seq, op_id, key_epoch, payload, sig FROM ${SCHEMA}.ops WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [workspaceId, afterSeq, limit],
    );
    return r.rows.map((o) => ({ seq: Number(o.seq), opId: o.op_id, epoch: o.key_epoch, payload: o.payload, sig: o.sig }));
  }

  /** Keeps a member's signed audit head (docs/decisions/005): added, never updated. */
  async putAuditHead(workspaceId: string, h: StoredAuditHead): Promise<void> {
    await this.q(
      `INSERT INTO ${SCHEMA}.audit_heads (workspace_id, id, member_id, entries, key_epoch, sealed, sig) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [workspaceId, h.id, h.memberId, h.entries, h.epoch, h.sealed, h.sig],
    );
  }

  /**
   * A member's signed audit heads, the most entries first (then the latest): the first that
   * verifies is the furthest that member's chain is known to have reached. Anyone with the team's
   * password may add rows here, so the caller verifies each and goes on past those that fail.
   */
  async auditHeads(workspaceId: string, memberId: string, limit: number): Promise<StoredAuditHead[]> {
    const r = await this.q<{ id: string; member_id: string; entries: string; key_epoch: number; sealed: Buffer; sig: Buffer; created_at: Date }>(
      `SELECT id, member_id, entries, key_epoch, sealed, sig, created_at FROM ${SCHEMA}.audit_heads WHERE workspace_id = $1 AND member_id = $2 ORDER BY entries DESC, created_at DESC LIMIT $3`,
      [workspaceId, memberId, limit],
    );
    return r.rows.map((h) => ({ id: h.id, memberId: h.member_id, entries: Number(h.entries), epoch: h.key_epoch, sealed: h.sealed, sig: h.sig }));
  }

  /** Where these operations sit in the workspace's log (those the backend holds). */
  async seqsOf(workspaceId: string, opIds: readonly string[]): Promise<Map<string, number>> {
    if (opIds.length === 0) return new Map();
    const r = await this.q<{ op_id: string; seq: string }>(`SELECT op_id, seq FROM ${SCHEMA}.ops WHERE workspace_id = $1 AND op_id = ANY($2::uuid[])`, [workspaceId, opIds]);
    return new Map(r.rows.map((o) => [o.op_id, Number(o.seq)]));
  }

  async lastSeq(workspaceId: string): Promise<number> {
    const r = await this.q<{ last_seq: string }>(`SELECT last_seq FROM ${SCHEMA}.workspaces WHERE id = $1`, [workspaceId]);
    return Number(r.rows[0]?.last_seq ?? 0);
  }

  async chunkIndexes(workspaceId: string, blobId: string): Promise<number[]> {
    const r = await this.q<{ idx: number }>(`SELECT idx FROM ${SCHEMA}.chunks WHERE workspace_id = $1 AND blob_id = $2 ORDER BY idx`, [workspaceId, blobId]);
    return r.rows.map((x) => x.idx);
  }

  async putChunk(workspaceId: string, blobId: string, idx: number, epoch: number, payload: Buffer): Promise<void> {
    await this.q(
      `INSERT INTO ${SCHEMA}.chunks (workspace_id, blob_id, idx, key_epoch, size, payload) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [workspaceId, blobId, idx, epoch, payload.length, payload],
    );
  }

  async getChunk(workspaceId: string, blobId: string, idx: number): Promise<{ epoch: number; payload: Buffer } | null> {
    const r = await this.q<{ key_epoch: number; payload: Buffer }>(`SELECT key_epoch, payload FROM ${SCHEMA}.chunks WHERE workspace_id = $1 AND blob_id = $2 AND idx = $3`, [
      workspaceId,
      blobId,
      idx,
    ]);
    return r.rows[0] ? { epoch: r.rows[0].key_epoch, payload: r.rows[0].payload } : null;
  }

  /**
   * Changes from colleagues arrive at once: every push that added operations NOTIFYs
   * `<workspace> <last seq>` (older clients sent the workspace alone).
   */
  async listen(workspaceId: string, onChange: (lastSeq: number | null) => void): Promise<void> {
    this.client.on('notification', (n) => {
      if (n.channel !== NOTIFY_CHANNEL || !n.payload) return;
      const [ws, seq] = n.payload.split(' ');
      if (ws === workspaceId) onChange(seq ? Number(seq) : null);
    });
    await this.q(`LISTEN ${NOTIFY_CHANNEL}`);
  }

  onClose(fn: (e?: Error) => void): void {
    this.client.on('end', () => fn());
    this.client.on('error', (e) => fn(e));
  }
}

const UUID_OID = 2950;
const INT4_OID = 23;
const BYTEA_OID = 17;

function uuidBytes(id: string): Buffer {
  const b = Buffer.from(id.replace(/-/g, ''), 'hex');
  if (b.length !== 16) throw new ApiError('INTERNAL', `Not an operation id: ${id}`);
  return b;
}

function int4Bytes(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(n, 0);
  return b;
}

/**
 * A one-dimensional array without nulls in PostgreSQL's binary format (what array_recv reads):
 * dimensions, null flag, element type, length and lower bound, then each element as its length
 * and bytes. pg sends a Buffer parameter as binary, and the cast in the statement gives its type.
 */
export function binaryArray(elementOid: number, items: readonly Buffer[]): Buffer {
  let size = 20;
  for (const it of items) size += 4 + it.length;
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0);
  out.writeInt32BE(0, 4);
  out.writeInt32BE(elementOid, 8);
  out.writeInt32BE(items.length, 12);
  out.writeInt32BE(1, 16);
  let at = 20;
  for (const it of items) {
    out.writeInt32BE(it.length, at);
    it.copy(out, at + 4);
    at += 4 + it.length;
  }
  return out;
}
