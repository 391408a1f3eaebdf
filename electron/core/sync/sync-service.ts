import { createHash, randomBytes } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';
import { z } from 'zod';
import { ApiError } from '@shared/api/contract';
import {
  BackendConnection,
  ConnectInput,
  JoinWorkspaceInput,
  type Conflict,
  type Invitation,
  type Member,
  type MemberPermissions,
  type WorkspaceSettings,
  type MemberRole,
  QuarantinedItem,
  type QuarantineReason,
  type SyncStatus,
} from '@shared/schemas/sync';
import type { AuditEntry, FieldChange } from '@shared/schemas/audit';
import type { KeyStore } from '../keys/keychain';
import { suggestPassphrase } from '../keys/passphrase';
import { appendAudit, type RegisterContext } from '../registers/context';
import { CHUNK_BYTES } from '../registers/attachments';
import { extractText } from '../search/extract-text';
import { Backend, describeConnection, type PulledOp, type PushedOp } from './backend';
import { chunkAad, inviteKey, newMemberKeyPair, open, openFromMember, openOrExplain, opAad, opSignedBytes, seal, sealToMember } from './crypto';
import { OpApplier, RESOLVES_CONFLICT, type AnyRegister, type SyncOp } from './apply';
import { SecretVault, type SyncSecrets } from './secrets';
import { formatHlc } from './hlc';
import { DeviceKey, META_MEMBER_SIGNING_KEY, newEd25519 } from '../keys/device-key';
import { Membership, enrolProof, signStatement, type MembersView } from './membership';
import { LOCAL_RECORD_TYPES, allowsWrite, permissionsOf } from '@shared/sync/permissions';
import { dutiesSeparated, roleForbidden } from './role-forbidden';
import { WorkspaceRules } from './duties';
import { AuditHeads, type HeadsForVerify, type HeadsWorkspace } from './audit-heads';
import { SignaturePool, type ToVerify } from './signature-pool';
import type { AuditVerifyResult } from '@shared/schemas/audit';

/** Where this register syncs to (no secrets: those are in the vault). */
const SyncConfig = z.object({
  connection: BackendConnection.nullable(),
  hasConnectionString: z.boolean(),
  backend: z.string(),
  workspaceId: z.string(),
  memberId: z.string(),
  label: z.string(),
});
type SyncConfig = z.infer<typeof SyncConfig>;

/** What the code unwraps: the workspace key, and the invitation an administrator signed. */
const SealedInvitation = z.object({
  epoch: z.number().int(),
  key: z.string(),
  invite: z.object({ body: z.string(), sig: z.string() }).optional(),
  invitationPrivateKey: z.string().optional(),
});

type SealedInvitation = z.infer<typeof SealedInvitation>;

const InvitationPayload = z.object({
  v: z.literal(1),
  workspaceId: z.string(),
  invitationId: z.string(),
  connection: BackendConnection.nullable(),
});

const INVITE_PREFIX = 'PRIVACYOPS-INVITE-1.';
/** sync_state key prefix: where one of this machine's membership statements sits in the workspace's log. */
const STATEMENT_AT = 'statementAt:';
/** The first batch or page of a round (the first changes up or in at once), then the large ones. */
const FIRST_BATCH = 500;
const PUSH_BATCH = 8_000;
const FIRST_PAGE = 500;
/**
 * A pulled page is one local transaction: each commit writes out every index page its rows
 * touched, so fewer, larger pages cost less (bulk-loading 50,000 complaints took 27 % less in
 * pages of 25,000 than of 4,000 here). 20,000 operations are about 20 MiB sealed; two pages are
 * held at once (the one applied, the next one opened).
 */
const PULL_PAGE = 20_000;
const POLL_MS = 15_000;
/** Operations that describe this machine only (the local user's name, the recovery passphrase). */
const LOCAL_ONLY = LOCAL_RECORD_TYPES;

export interface SyncEvents {
  status(s: SyncStatus): void;
  changed(recordType: string, id: string): void;
}

/**
 * Offline-first sync of the operation log through a shared PostgreSQL backend, end to end
 * encrypted with the workspace key. Push: this device's operations not yet sent. Pull: every
 * operation after the last server sequence applied, applied in one local transaction per batch
 * together with the new cursor, so a crash at any point resumes without loss or duplicates.
 */
export class SyncService {
  private backend: Backend | null = null;
  private state: SyncStatus['state'] = 'off';
  private offlineSince: string | null = null;
  private progress: SyncStatus['progress'] = null;
  private error: SyncStatus['error'] = null;
  private running = false;
  private listening = false;
  private triggered = false;
  private wake: (() => void) | null = null;
  private roundInFlight: Promise<void> | null = null;
  /** While a push runs: how many of this device's operations it found unsent, and sent so far. */
  private pushing: { total: number; done: number } | null = null;
  private readonly vault: SecretVault;
  private readonly applier: OpApplier;
  /** Ed25519 work of pushes and pulls, on a thread of its own (signature-pool.ts). */
  private readonly signatures = new SignaturePool();
  /** Who is in the workspace and with which role, from the signed statements in its log. */
  readonly membership: Membership;
  /** The workspace's settings and separation of duties (duties.ts). */
  readonly rules: WorkspaceRules;
  /** This machine's signed audit heads on the backend (audit-heads.ts). */
  readonly heads: AuditHeads;

  constructor(
    private readonly ctx: RegisterContext,
    private readonly registers: Map<string, AnyRegister>,
    keyStore: KeyStore,
    profileId: string,
    private readonly deviceId: string,
    private readonly events: SyncEvents,
  ) {
    this.vault = new SecretVault(keyStore, `sync:${profileId}`, ctx.db);
    this.membership = new Membership(ctx, new DeviceKey(ctx.db, () => ctx.clock.now(), META_MEMBER_SIGNING_KEY), () => this.config());
    this.rules = new WorkspaceRules(ctx);
    this.applier = new OpApplier(ctx, registers, this.membership, this.rules);
    this.heads = new AuditHeads(ctx, this.membership);
  }

  // ---- local state -------------------------------------------------------------------------

  private config(): SyncConfig | null {
    const row = this.ctx.db.prepare(`SELECT value FROM meta WHERE key = 'sync.config'`).get() as { value: string } | undefined;
    return row ? SyncConfig.parse(JSON.parse(row.value)) : null;
  }

  private setConfig(c: SyncConfig | null) {
    if (c) this.ctx.db.prepare(`INSERT INTO meta (key, value) VALUES ('sync.config', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(c));
    else this.ctx.db.prepare(`DELETE FROM meta WHERE key = 'sync.config'`).run();
  }

  private cursor(key: 'pushedSeq' | 'pulledSeq' | 'lastSyncedAt'): string | null {
    return (this.ctx.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  private setCursor(key: 'pushedSeq' | 'pulledSeq' | 'lastSyncedAt' | string, value: string) {
    this.ctx.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  private pendingCount(): number {
    const after = Number(this.cursor('pushedSeq') ?? 0);
    // Two counts each served by an index alone (audit_by_device covers the first; the local-only
    // kinds are few, found through audit_by_record): one count with the record type in its filter
    // read every unsent entry's row, which a first push of 100,000 operations paid each time.
    const mine = this.ctx.db.prepare('SELECT count(*) AS n FROM audit_log WHERE device = ? AND seq > ?').get(this.deviceId, after) as { n: number };
    const localOnly = this.ctx.db
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE record_type IN (${LOCAL_ONLY.map(() => '?').join(',')}) AND +device = ? AND +seq > ?`)
      .get(...LOCAL_ONLY, this.deviceId, after) as { n: number };
    return mine.n - localOnly.n;
  }

  /** What this machine's member may change, from the membership verified here (README › Roles). */
  permissions(): MemberPermissions {
    const c = this.config();
    if (!c) return permissionsOf({ workspace: false, enforced: false, role: null });
    return permissionsOf({ workspace: true, enforced: this.membership.rolesApply(), role: this.membership.myRole() });
  }

  /** This machine's member id in its workspace (null without sync): the author of its own entries. */
  memberId(): string | null {
    return this.config()?.memberId ?? null;
  }

  /** Whether this member may verify an action in the workspace's separation of duties (README › Roles). */
  actionDuties(actionId: string): { separated: boolean; doneHere: boolean } {
    const c = this.config();
    if (!c) return { separated: false, doneHere: false };
    return this.rules.actionDuties(actionId, { author: c.memberId, device: this.deviceId });
  }

  mayWrite(recordType: string): boolean {
    return allowsWrite(this.permissions(), recordType);
  }

  /**
   * The check of the register's write path (RegisterContext.authorize): ROLE_FORBIDDEN for what
   * the role does not allow; DUTIES_SEPARATED, when the workspace separates duties, for verifying
   * an action this member marked done or confirming a decision not to notify it recorded.
   */
  writeCheck(): RegisterContext['authorize'] {
    const p = this.permissions();
    const settings = p.workspace ? this.rules.settings() : null;
    if (p.writes === 'all' && !settings?.separationOfDuties) return () => {};
    const me = { author: this.memberId(), device: this.deviceId };
    return (change) => {
      if (!allowsWrite(p, change.recordType)) throw roleForbidden(p, change.recordType);
      if (settings && this.rules.refusal(change, me, settings)) throw dutiesSeparated(change.recordType);
    };
  }

  /** Changes the workspace's settings (an administrator or a DPO: the write path checks the role). */
  setWorkspaceSettings(next: WorkspaceSettings): WorkspaceSettings {
    this.requireConfig();
    return this.rules.set(next);
  }

  /** How many signatures this machine made or checked on the signature thread, and on its own thread (tests, bench). */
  signatureWork(): { thread: number; inline: number } {
    return { ...this.signatures.done };
  }

  status(): SyncStatus {
    const c = this.config();
    return {
      configured: c !== null,
      state: c ? this.state : 'off',
      workspaceId: c?.workspaceId ?? null,
      memberId: c?.memberId ?? null,
      backend: c?.backend ?? null,
      lastSyncedAt: this.cursor('lastSyncedAt'),
      offlineSince: this.offlineSince,
      pending: this.pushing ? Math.max(0, this.pushing.total - this.pushing.done) : this.pendingCount(),
      progress: this.progress,
      error: this.error,
      openConflicts: (this.ctx.db.prepare('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL').get() as { n: number }).n,
    };
  }

  private setState(state: SyncStatus['state'], error: ApiError | null = null) {
    this.state = state;
    this.error = error ? { code: error.code, message: error.message } : null;
    if (state === 'offline') this.offlineSince ??= this.ctx.clock.now().toISOString();
    if (state === 'online' || state === 'syncing') this.offlineSince = null;
    this.events.status(this.status());
  }

  private async secrets(): Promise<SyncSecrets> {
    const s = await this.vault.load();
    if (!s) throw new ApiError('WRONG_KEY', 'The workspace key is missing from this machine (keychain and register). Join the workspace again with a new invitation.');
    return s;
  }

  private connectInput(c: SyncConfig, s: SyncSecrets): ConnectInput {
    return c.hasConnectionString && s.connectionString ? { connectionString: s.connectionString, password: s.password } : { connection: c.connection!, password: s.password };
  }

  // ---- setting up ----------------------------------------------------------------------------

  /** First member: creates the schema if needed, the workspace and its first key. */
  async createWorkspace(input: ConnectInput, label: string): Promise<SyncStatus> {
    if (this.config()) throw new ApiError('CONFLICT', 'This register already syncs with a workspace. Disconnect it first.');
    const conn = ConnectInput.parse(input);
    const backend = await Backend.connect(conn);
    try {
      await backend.ensureSchema();
      const workspaceId = uuidv4();
      const memberId = uuidv4();
      const key = randomBytes(32);
      const pair = newMemberKeyPair();
      await backend.createWorkspace(workspaceId);
      await backend.addMember(workspaceId, memberId, pair.publicKey, seal(key, Buffer.from(label), `label|${workspaceId}|${memberId}`));
      await backend.putKeyGrant(workspaceId, 1, memberId, sealToMember(pair.publicKey, key, `grant|${workspaceId}|1|${memberId}`));
      await this.vault.save({
        password: conn.password,
        connectionString: conn.connectionString ?? null,
        memberPublicKey: pair.publicKey,
        memberPrivateKey: pair.privateKey,
        keys: { '1': key.toString('hex') },
      });
      this.membership.reset();
      this.rules.reset();
      this.heads.reset();
      this.setConfig({ connection: conn.connection ?? null, hasConnectionString: Boolean(conn.connectionString), backend: describeConnection(conn), workspaceId, memberId, label });
      this.issueGenesis(memberId, pair.publicKey, []);
    } finally {
      await backend.close();
    }
    await this.syncNow();
    return this.status();
  }

  /** An invitation (to send by email) and its code (to send by phone or SMS). */
  async createInvitation(role: MemberRole, validDays = 7): Promise<Invitation> {
    const c = this.requireConfig();
    this.membership.requireAdministrator('invite a colleague');
    const s = await this.secrets();
    const backend = await Backend.connect(this.connectInput(c, s));
    try {
      const epoch = await backend.workspaceEpoch(c.workspaceId);
      const key = await this.keyFor(backend, c, s, epoch);
      const code = suggestPassphrase(6);
      const salt = randomBytes(16);
      const invitationId = uuidv4();
      const expiresAt = new Date(this.ctx.clock.now().getTime() + validDays * 86_400_000);
      // A one-time key: its private half goes sealed under the code, so only the invitee can
      // sign the membership this invitation (signed by this administrator) gives.
      const once = newEd25519();
      const invite = this.membership.signInvitation({ invitation: invitationId, role, invitationKey: once.publicKey, expiresAt: expiresAt.toISOString() });
      const sealedInvitation: SealedInvitation = { epoch, key: key.toString('hex'), invite, invitationPrivateKey: once.privateKey };
      const sealed = seal(await inviteKey(code, salt), Buffer.from(JSON.stringify(sealedInvitation)), `invite|${c.workspaceId}|${invitationId}`);
      await backend.putInvitation(c.workspaceId, invitationId, salt, sealed, expiresAt);
      const payload = { v: 1 as const, workspaceId: c.workspaceId, invitationId, connection: c.connection };
      return { invitation: INVITE_PREFIX + Buffer.from(JSON.stringify(payload)).toString('base64url'), code, expiresAt: expiresAt.toISOString() };
    } finally {
      await backend.close();
    }
  }

  /** Where an invitation points, so the UI can fill in the connection fields. */
  static readInvitation(invitation: string): z.infer<typeof InvitationPayload> {
    const text = invitation.trim();
    if (!text.startsWith(INVITE_PREFIX)) throw new ApiError('VALIDATION_FAILED', 'This is not a PrivacyOps Workstation invitation (it should start with PRIVACYOPS-INVITE-1.).');
    try {
      return InvitationPayload.parse(JSON.parse(Buffer.from(text.slice(INVITE_PREFIX.length), 'base64url').toString('utf8')));
    } catch {
      throw new ApiError('VALIDATION_FAILED', 'The invitation text is damaged: copy it again, whole.');
    }
  }

  async join(input: JoinWorkspaceInput, label: string): Promise<SyncStatus> {
    if (this.config()) throw new ApiError('CONFLICT', 'This register already syncs with a workspace. Disconnect it first.');
    const data = JoinWorkspaceInput.parse(input);
    const inv = SyncService.readInvitation(data.invitation);
    const conn = ConnectInput.parse(
      data.connectionString
        ? { connectionString: data.connectionString, password: data.password }
        : { connection: data.connection ?? inv.connection ?? undefined, password: data.password },
    );
    const backend = await Backend.connect(conn);
    try {
      await backend.ensureSchema();
      const stored = await backend.invitation(inv.workspaceId, inv.invitationId);
      if (!stored) throw new ApiError('NOT_FOUND', 'This invitation is not on the backend (or this database role cannot see its workspace). Ask for a new one.');
      if (stored.usedAt) throw new ApiError('CONFLICT', 'This invitation was already used. Ask for a new one.');
      if (stored.expiresAt.getTime() < this.ctx.clock.now().getTime()) throw new ApiError('CONFLICT', 'This invitation has expired. Ask for a new one.');
      let grant: SealedInvitation;
      try {
        grant = SealedInvitation.parse(JSON.parse(open(await inviteKey(data.code, stored.salt), stored.sealedKey, `invite|${inv.workspaceId}|${inv.invitationId}`).toString('utf8')));
      } catch {
        throw new ApiError('WRONG_KEY', 'The code does not open this invitation. Check the words you were sent separately; nothing was changed.');
      }
      const { invite, invitationPrivateKey } = grant;
      if (!invite || !invitationPrivateKey) {
        throw new ApiError('CONFLICT', 'This invitation was made by a version of the app without workspace roles: it gives no role. Ask for a new invitation from an administrator whose app is up to date; nothing was changed.');
      }
      const memberId = uuidv4();
      const pair = newMemberKeyPair();
      const key = Buffer.from(grant.key, 'hex');
      await backend.addMember(inv.workspaceId, memberId, pair.publicKey, seal(key, Buffer.from(label), `label|${inv.workspaceId}|${memberId}`));
      await backend.putKeyGrant(inv.workspaceId, grant.epoch, memberId, sealToMember(pair.publicKey, key, `grant|${inv.workspaceId}|${grant.epoch}|${memberId}`));
      await backend.markInvitationUsed(inv.workspaceId, inv.invitationId);
      await this.vault.save({
        password: conn.password,
        connectionString: conn.connectionString ?? null,
        memberPublicKey: pair.publicKey,
        memberPrivateKey: pair.privateKey,
        keys: { [String(grant.epoch)]: grant.key },
      });
      this.membership.reset();
      this.rules.reset();
      this.heads.reset();
      this.setConfig({
        connection: conn.connection ?? null,
        hasConnectionString: Boolean(conn.connectionString),
        backend: describeConnection(conn),
        workspaceId: inv.workspaceId,
        memberId,
        label,
      });
      // Signed with the invitation's one-time key; it counts once this machine (and every
      // other) has verified the inviting administrator's own membership.
      const signingKey = this.membership.mySigningKey();
      this.membership.issue('join', memberId, { signingKey, boxKey: pair.publicKey, invite }, (body) => signStatement(invitationPrivateKey, body));
    } finally {
      await backend.close();
    }
    await this.syncNow();
    return this.status();
  }

  async members(): Promise<Member[]> {
    const c = this.requireConfig();
    const s = await this.secrets();
    const backend = await Backend.connect(this.connectInput(c, s));
    try {
      const list = await backend.members(c.workspaceId);
      return list.map((m) => {
        const verified = this.membership.member(m.memberId);
        return {
          memberId: m.memberId,
          label: this.openLabel(s, c.workspaceId, m.memberId, m.sealedLabel),
          joinedAt: m.joinedAt.toISOString(),
          removedAt: m.removedAt?.toISOString() ?? null,
          isMe: m.memberId === c.memberId,
          role: verified && !verified.removed ? verified.role : null,
          signingKeyFingerprint: verified?.signingKeyFingerprint ?? null,
        };
      });
    } finally {
      await backend.close();
    }
  }

  private openLabel(s: SyncSecrets, ws: string, memberId: string, sealed: Buffer): string {
    for (const hex of Object.values(s.keys)) {
      try {
        return open(Buffer.from(hex, 'hex'), sealed, `label|${ws}|${memberId}`).toString('utf8');
      } catch {
        // try the next epoch's key
      }
    }
    return '(unknown)';
  }

  /** Removes a member; from now on changes use a new key that member never receives. */
  async removeMember(memberId: string): Promise<void> {
    const c = this.requireConfig();
    if (memberId === c.memberId) throw new ApiError('VALIDATION_FAILED', 'To leave the workspace, disconnect this machine instead.');
    this.membership.requireAdministrator('remove a member');
    this.refuseLastAdministrator(memberId, null);
    const s = await this.secrets();
    const backend = await Backend.connect(this.connectInput(c, s));
    try {
      const epoch = await backend.workspaceEpoch(c.workspaceId);
      const members = await backend.members(c.workspaceId);
      if (!members.some((m) => m.memberId === memberId && !m.removedAt)) throw new ApiError('NOT_FOUND', 'No active member with that id.');
      const next = epoch + 1;
      const key = randomBytes(32);
      // Sealed to the X25519 key each member's signed membership gives, not to whatever key the
      // backend's list holds now.
      const grants = members
        .filter((m) => !m.removedAt && m.memberId !== memberId)
        .map((m) => {
          const boxKey = this.membership.member(m.memberId)?.boxKey ?? m.publicKey;
          return { memberId: m.memberId, sealedKey: sealToMember(boxKey, key, `grant|${c.workspaceId}|${next}|${m.memberId}`) };
        });
      await backend.removeMemberAndRotate(c.workspaceId, memberId, next, grants);
      await this.vault.save({ ...s, keys: { ...s.keys, [String(next)]: key.toString('hex') } });
      this.membership.issue('remove', memberId, { by: c.memberId });
    } finally {
      await backend.close();
    }
  }

  /**
   * Changes a member's role: a statement signed with this (administrator) member's key, applied
   * here at once and on every other machine once verified there.
   */
  setRole(memberId: string, role: MemberRole): void {
    const c = this.requireConfig();
    this.membership.requireAdministrator('change a role');
    const m = this.membership.member(memberId);
    if (!m || m.removed) throw new ApiError('NOT_FOUND', 'No active member with that id whose membership is confirmed on this machine.');
    if (m.role === role) return;
    this.refuseLastAdministrator(memberId, role);
    this.membership.issue('role', memberId, { role, by: c.memberId });
  }

  /** The workspace keeps at least one administrator: the last one cannot be demoted or removed. */
  private refuseLastAdministrator(memberId: string, newRole: MemberRole | null): void {
    const m = this.membership.member(memberId);
    if (m?.role === 'administrator' && newRole !== 'administrator' && this.membership.activeAdministrators() <= 1) {
      throw new ApiError('CONFLICT', 'This is the workspace’s last administrator: make another member administrator first. Nothing was changed.');
    }
  }

  private issueGenesis(memberId: string, boxKey: string, legacy: { member: string; boxKey: string }[]): void {
    this.membership.issue('genesis', memberId, { signingKey: this.membership.mySigningKey(), boxKey, legacy });
  }

  /**
   * A workspace made before roles existed: its creator (the first member on the backend's list)
   * issues the first statement, naming the members of that moment (they become DPOs); each of
   * those proves to the creator's machine that it holds its member key, and the creator admits
   * its signing key. Runs after each pull; does nothing once everyone is enrolled.
   */
  private async migrateToRoles(backend: Backend, c: SyncConfig, s: SyncSecrets): Promise<boolean> {
    if (!this.membership.hasGenesis()) {
      const active = (await backend.members(c.workspaceId)).filter((m) => !m.removedAt);
      if (active[0]?.memberId !== c.memberId) return false; // the creator's machine has not upgraded yet
      this.issueGenesis(c.memberId, s.memberPublicKey, active.slice(1).map((m) => ({ member: m.memberId, boxKey: m.publicKey })));
      return true;
    }
    let issued = false;
    const genesis = this.membership.genesisMember();
    const me = this.membership.member(c.memberId);
    const signingKey = this.membership.mySigningKey();
    if (genesis && me?.legacy && !me.signingKey && !me.removed && !this.membership.hasEnrolled(c.memberId, signingKey)) {
      this.membership.issue('enrol', c.memberId, { signingKey, proof: enrolProof(s.memberPrivateKey, genesis.boxKey, c.workspaceId, c.memberId, signingKey) });
      issued = true;
    }
    if (genesis?.memberId === c.memberId && this.membership.myRole() === 'administrator') {
      for (const e of this.membership.pendingEnrolments()) {
        const legacy = this.membership.member(e.memberId)!;
        // A proof that does not check is someone else claiming that member: not admitted.
        if (enrolProof(s.memberPrivateKey, legacy.boxKey, c.workspaceId, e.memberId, e.signingKey) !== e.proof) continue;
        this.membership.issue('admit', e.memberId, { signingKey: e.signingKey, by: c.memberId });
        issued = true;
      }
    }
    return issued;
  }

  /** Stops syncing on this machine; the local register stays as it is. */
  async disconnect(): Promise<void> {
    await this.stop();
    await this.vault.clear();
    this.membership.reset();
    this.heads.reset();
    this.setConfig(null);
    for (const k of ['pushedSeq', 'pulledSeq', 'lastSyncedAt']) this.ctx.db.prepare('DELETE FROM sync_state WHERE key = ?').run(k);
    this.state = 'off';
    this.events.status(this.status());
  }

  private requireConfig(): SyncConfig {
    const c = this.config();
    if (!c) throw new ApiError('CONFLICT', 'This register does not sync yet: create or join a workspace first.');
    return c;
  }

  /** The key of an epoch: from the vault, else from this member's grant on the backend. */
  private async keyFor(backend: Backend, c: SyncConfig, s: SyncSecrets, epoch: number): Promise<Buffer> {
    const known = s.keys[String(epoch)];
    if (known) return Buffer.from(known, 'hex');
    const grant = await backend.keyGrant(c.workspaceId, epoch, c.memberId);
    if (!grant) {
      const me = (await backend.members(c.workspaceId)).find((m) => m.memberId === c.memberId);
      if (!me || me.removedAt) {
        throw new ApiError('REVOKED', `This machine was removed from the workspace${me?.removedAt ? ` on ${me.removedAt.toISOString().slice(0, 10)}` : ''}. Its register stays as it was; ask a member for a new invitation to rejoin.`);
      }
      throw new ApiError('WRONG_KEY', `No workspace key (epoch ${epoch}) was granted to this machine yet. Ask a member to sync once, then try again.`);
    }
    let key: Buffer;
    try {
      key = openFromMember(s.memberPrivateKey, grant, `grant|${c.workspaceId}|${epoch}|${c.memberId}`);
    } catch {
      throw new ApiError('WRONG_KEY', 'The workspace key granted to this machine cannot be opened with its private key. Join the workspace again.');
    }
    await this.vault.save({ ...s, keys: { ...s.keys, [String(epoch)]: key.toString('hex') } });
    s.keys[String(epoch)] = key.toString('hex');
    return key;
  }

  // ---- the audit chain against its signed heads ----------------------------------------------

  /**
   * audit.verify for a register that syncs: the chain, then its end against the furthest head
   * this machine signed at a push (the backend's, read by the latest round of this session, else
   * read now, else the copy kept here when the backend is out of reach), then audit-head.json.
   */
  async verifyAudit(): Promise<AuditVerifyResult> {
    const c = this.config();
    if (!c) return this.ctx.audit.verify(null);
    return this.ctx.audit.verify(await this.headsForVerify(c));
  }

  private async headsForVerify(c: SyncConfig): Promise<HeadsForVerify> {
    const cached = this.heads.cached();
    if (cached) return cached;
    const s = await this.vault.load().catch(() => null);
    if (!s) return { head: null, check: { state: 'unavailable', entries: null, signedAt: null, refused: 0 } };
    if (this.state !== 'offline') {
      try {
        const backend = await Backend.connect(this.connectInput(c, s));
        try {
          return await this.heads.check(backend, this.headsWorkspace(backend, c, s));
        } finally {
          await backend.close();
        }
      } catch {
        // Out of reach: the copy kept here says how far the chain had reached.
      }
    }
    return this.heads.fromLocalCopy(this.headsWorkspace(null, c, s));
  }

  private headsWorkspace(backend: Backend | null, c: SyncConfig, s: SyncSecrets): HeadsWorkspace {
    return {
      workspaceId: c.workspaceId,
      memberId: c.memberId,
      keyFor: async (epoch) => {
        if (backend) return this.keyFor(backend, c, s, epoch);
        const known = s.keys[String(epoch)];
        if (!known) throw new ApiError('WRONG_KEY', `No workspace key of epoch ${epoch} on this machine.`);
        return Buffer.from(known, 'hex');
      },
    };
  }

  // ---- the round -----------------------------------------------------------------------------

  /** One full round now: push, upload files, pull, download files. */
  async syncNow(): Promise<SyncStatus> {
    if (this.roundInFlight) await this.roundInFlight.catch(() => {});
    this.roundInFlight = this.round();
    try {
      await this.roundInFlight;
    } finally {
      this.roundInFlight = null;
    }
    return this.status();
  }

  private async round(): Promise<void> {
    const c = this.requireConfig();
    const s = await this.secrets();
    try {
      if (!this.backend) {
        this.setState('connecting');
        this.backend = await Backend.connect(this.connectInput(c, s));
        this.listening = false;
        this.backend.onClose(() => {
          this.backend = null;
        });
      }
      const backend = this.backend;
      // In the background loop, listen for colleagues' pushes on this connection.
      if (this.running && !this.listening) {
        await backend.listen(c.workspaceId, (lastSeq) => {
          // Our own push announces itself too: nothing to fetch when we already hold that far.
          if (lastSeq !== null && lastSeq <= Number(this.cursor('pulledSeq') ?? 0)) return;
          this.trigger();
        });
        this.listening = true;
      }
      await backend.ensureSchema();
      this.setState('syncing');
      const epoch = await backend.workspaceEpoch(c.workspaceId);
      const key = await this.keyFor(backend, c, s, epoch);
      await this.push(backend, c, epoch, key);
      await this.uploadFiles(backend, c, epoch, key);
      await this.pull(backend, c, s);
      await this.migrateToRoles(backend, c, s);
      // What the pull confirmed (this machine's membership) or the migration issued goes up now.
      await this.push(backend, c, epoch, key);
      // Then the chain's head, signed, beside the operations (docs/decisions/005).
      await this.heads.afterRound(backend, this.headsWorkspace(backend, c, s), epoch);
      await this.downloadFiles(backend, c, s);
      this.setCursor('lastSyncedAt', this.ctx.clock.now().toISOString());
      this.progress = null;
      this.setState('online');
    } catch (e) {
      this.progress = null;
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', (e as Error).message);
      if (this.backend && err.code === 'BACKEND_UNAVAILABLE') {
        await this.backend.close();
        this.backend = null;
      }
      this.setState(err.code === 'BACKEND_UNAVAILABLE' ? 'offline' : err.code === 'REVOKED' ? 'removed' : 'error', err);
      throw err;
    }
  }

  /** Seals and signs this device's entries as operations (the signatures made on the signature thread). */
  private async sealOps(rows: AuditEntry[], c: SyncConfig, epoch: number, key: Buffer): Promise<PushedOp[]> {
    const sealed = rows.map((r) => {
      const op = toSyncOp(r, c.memberId);
      const payload = seal(key, Buffer.from(JSON.stringify(op)), opAad(c.workspaceId, op.opId, epoch));
      return { opId: op.opId, epoch, payload, signed: opSignedBytes(c.workspaceId, op.opId, op.hlc, payload) };
    });
    const sigs = await this.membership.signMany(
      this.signatures,
      sealed.map((o) => o.signed),
    );
    return sealed.map((o, i) => ({ opId: o.opId, epoch: o.epoch, payload: o.payload, sig: sigs[i]! }));
  }

  private async push(backend: Backend, c: SyncConfig, epoch: number, key: Buffer): Promise<void> {
    // Membership statements go first (the backend skips them when the batches below carry them
    // again): a colleague verifying this machine's operations needs its membership before them.
    const statements = this.ctx.audit.ownEntriesOf(this.deviceId, Number(this.cursor('pushedSeq') ?? 0), ['member']);
    if (statements.length > 0) {
      await backend.push(c.workspaceId, await this.sealOps(statements, c, epoch, key));
      // Where they landed: colleagues' operations placed before them are judged without them (applyPage).
      for (const [opId, seq] of await backend.seqsOf(c.workspaceId, statements.map((e) => e.opId))) this.setCursor(`${STATEMENT_AT}${opId}`, String(seq));
    }
    // Not confirmed yet (just joined, or a member from before roles awaiting the creator):
    // colleagues would refuse the rest, so it waits here until this machine's role is verified.
    if (this.membership.hasGenesis() && !this.membership.myRole()) return;
    const total = this.pendingCount();
    if (total === 0) {
      this.skipForeignEntries();
      return;
    }
    // Counting what is left scans the unsent part of the log: once per push, not per batch.
    this.pushing = { total, done: 0 };
    // The next batch is read, sealed and signed while this one is on the wire (its signatures on
    // the signature thread); the cursor moves only once the backend has committed a batch.
    const prepare = (after: number, size: number) => {
      const rows = this.ctx.audit.ownEntries(this.deviceId, after, size, LOCAL_ONLY);
      return { rows, ops: rows.length > 0 ? this.sealOps(rows, c, epoch, key) : Promise.resolve([]) };
    };
    let size = FIRST_BATCH;
    let batch = prepare(Number(this.cursor('pushedSeq') ?? 0), size);
    try {
      for (;;) {
        // A batch read ahead may have been read before entries written since (during the await
        // below): read again now, in the same tick as moving the cursor past foreign entries, so
        // that no entry of ours written meanwhile is skipped unsent.
        if (batch.rows.length === 0) batch = prepare(Number(this.cursor('pushedSeq') ?? 0), size);
        const { rows } = batch;
        if (rows.length === 0) {
          this.skipForeignEntries();
          return;
        }
        const ops = await batch.ops;
        const pulledBefore = Number(this.cursor('pulledSeq') ?? 0);
        const pushing = backend.push(c.workspaceId, ops);
        // Small first, so the first changes are up at once; then large, near the wire's pace.
        size = Math.min(size * 4, PUSH_BATCH);
        batch = prepare(rows[rows.length - 1]!.seq, size);
        // Not awaited when this batch's push fails: handled then, the next round reads it again.
        batch.ops.catch(() => {});
        const pushed = await pushing;
        // After the backend committed: a crash before this line only means the batch is pushed
        // again next time, and the backend skips operations it already has.
        this.ctx.db.transaction(() => {
          this.setCursor('pushedSeq', String(rows[rows.length - 1]!.seq));
          // The operations just numbered are ours: when we held everything before them, there
          // is nothing to pull back (pulling them would only find them applied already).
          if (pushed.added > 0 && pushed.before === pulledBefore && Number(this.cursor('pulledSeq') ?? 0) === pulledBefore) {
            this.setCursor('pulledSeq', String(pushed.last));
          }
        })();
        this.pushing.done += rows.length;
        this.progress = { phase: 'push', done: this.pushing.done, total: Math.max(total, this.pushing.done) };
        this.events.status(this.status());
      }
    } finally {
      this.pushing = null;
    }
  }

  /** Nothing of ours left: move the push cursor past other devices' entries too. */
  private skipForeignEntries(): void {
    const after = Number(this.cursor('pushedSeq') ?? 0);
    const max = this.ctx.audit.count();
    if (max > after) this.setCursor('pushedSeq', String(max));
  }

  /**
   * Pulls every operation after the cursor, page by page (keyset pages on the server sequence,
   * small first, then large), pipelined: the next page travels and is opened while this one is
   * applied. A page is applied whole or not at all: every operation of it is opened and checked
   * before the first is applied, and its operations and the cursor that says they are applied
   * commit in one local transaction.
   */
  private async pull(backend: Backend, c: SyncConfig, s: SyncSecrets): Promise<void> {
    const start = Number(this.cursor('pulledSeq') ?? 0);
    const last = await backend.lastSeq(c.workspaceId);
    if (last <= start) return;
    const fetch = (after: number, size: number): Promise<OpenedPage> => backend.pull(c.workspaceId, after, size).then((rows) => this.openPage(backend, c, s, rows));
    let size = FIRST_PAGE;
    let page: OpenedPage = await fetch(start, size);
    while (page.ops.length > 0) {
      // The next page is fetched and opened (its signatures handed to the signature thread)
      // before this one is applied, so that its signatures are checked while this one is
      // written. A next page that fails (the backend gone, a damaged operation) is reported only
      // once this one is applied, as before.
      size = Math.min(size * 4, PULL_PAGE);
      const next: { page: OpenedPage } | { error: unknown } | null =
        page.lastSeq < last ? await fetch(page.lastSeq, size).then((p) => ({ page: p }), (error: unknown) => ({ error })) : null;
      const changed = this.applyPage(page.ops, page.lastSeq, await page.verified);
      for (const ch of changed) this.events.changed(ch.type, ch.id);
      this.progress = { phase: 'pull', done: page.lastSeq - start, total: Math.max(1, last - start) };
      this.events.status(this.status());
      if (!next) break;
      if ('error' in next) throw next.error;
      page = next.page;
    }
  }

  /**
   * Opens a page of sealed operations, all of them before any is applied: one that does not
   * open (altered or damaged on the backend, or sealed with another key) refuses the whole page,
   * naming it, and nothing of the page reaches the register.
   */
  private async openPage(backend: Backend, c: SyncConfig, s: SyncSecrets, rows: PulledOp[]): Promise<OpenedPage> {
    if (rows.length === 0) return { ops: [], lastSeq: 0, verified: Promise.resolve([]) };
    const keys = new Map<number, Buffer>();
    for (const r of rows) if (!keys.has(r.epoch)) keys.set(r.epoch, await this.keyFor(backend, c, s, r.epoch));
    const first = rows[0]!.seq;
    const lastSeq = rows[rows.length - 1]!.seq;
    const refused = (r: PulledOp, why: string) =>
      new ApiError(
        'WRONG_KEY',
        `Operation ${r.seq} on the backend ${why}. Nothing of its batch (operations ${first}–${lastSeq}) was applied to your register; the next sync starts again from operation ${first}.`,
      );
    const ops = new Array<OpenedOp>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      let plain: Buffer;
      try {
        plain = open(keys.get(r.epoch)!, r.payload, opAad(c.workspaceId, r.opId, r.epoch));
      } catch {
        throw refused(r, 'cannot be opened with this workspace key: it was altered or damaged on the backend, or sealed with another key');
      }
      const op = parseOp(plain);
      if (!op || op.opId !== r.opId) throw refused(r, 'opened, but is not the operation it was sealed as');
      ops[i] = { op, seq: r.seq, sig: r.sig, signed: opSignedBytes(c.workspaceId, op.opId, op.hlc, r.payload) };
    }
    return { ops, lastSeq, verified: this.verifyAhead(ops) };
  }

  /**
   * Checks, on the signature thread, each operation's signature under the key its author has
   * here now; resolves, for each operation of the page, to the key it verified under (or nothing). Only a
   * shortcut: applyPage still judges every operation at its place in the log (Membership.refusal),
   * and verifies inline one whose author's key is unknown here yet or has changed since.
   */
  private verifyAhead(ops: readonly OpenedOp[]): Promise<(string | undefined)[]> {
    const keys = this.membership.signingKeys();
    const checked: { index: number; key: string }[] = [];
    const items: ToVerify[] = [];
    ops.forEach(({ op, sig, signed }, index) => {
      const key = op.author ? keys.get(op.author) : undefined;
      if (!key || !sig || op.recordType === 'member') return;
      checked.push({ index, key });
      items.push({ data: signed, sig, key: Buffer.from(key, 'base64') });
    });
    return this.signatures.verify(items).then((ok) => {
      // By position in the page, not by operation id: a page could carry one id twice.
      const verified = new Array<string | undefined>(ops.length);
      for (let i = 0; i < ok.length; i++) if (ok[i]) verified[checked[i]!.index] = checked[i]!.key;
      return verified;
    });
  }

  /**
   * Applies one page and moves the cursor to its end, in one local transaction. Operation by
   * operation, in log order, each is verified first (its author's signature, membership and role
   * as the statements before it in the log make them): one that fails goes to quarantine with the
   * reason, and is neither applied nor written to the audit log.
   */
  private applyPage(ops: OpenedOp[], lastSeq: number, verified: readonly (string | undefined)[] = []): { type: string; id: string }[] {
    const changed: { type: string; id: string }[] = [];
    const quarantine = this.ctx.db.prepare(
      `INSERT OR IGNORE INTO quarantine (op_id, seq, author, author_role, actor, device, record_type, record_id, action, at, reason, op, quarantined_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const own = this.ownStatementPositions();
    const me = this.config()?.memberId;
    const inQuarantine = this.ctx.db.prepare('SELECT 1 FROM quarantine WHERE op_id = ?');
    let view: { key: string; members: MembersView } | null = null;
    // The membership changes within a page only when one of its member statements is applied:
    // counting those here keys the cached view without a query per operation.
    let statementsApplied = 0;
    let ownIds: Set<string> | null = null;
    try {
      this.ctx.db.transaction(() => {
        for (const [index, { op, seq, sig, signed }] of ops.entries()) {
          const known = this.ctx.audit.hasOp(op.opId);
          // This machine's own statement, back at its place in the log: judged there, after the
          // statements taken here since it was made, as every other machine judges it.
          if (known && op.recordType === 'member' && op.device === this.deviceId && this.membership.placeOwn(op.opId, (ownIds ??= this.ownStatementIds()))) {
            statementsApplied++;
            changed.push({ type: op.recordType, id: op.recordId });
            continue;
          }
          // Applied here already: only this machine's own operations matter, when they reached
          // the log after a statement that forbids them (below, like a colleague's).
          if (known && (op.device !== this.deviceId || op.author !== me || op.recordType === 'member' || inQuarantine.get(op.opId) !== undefined)) continue;
          // This machine's own statements count from where they sit in the log, as on every other
          // machine: an operation a colleague placed before them is judged without them.
          const later = own.filter((s) => s.seq === null || s.seq > seq).map((s) => s.opId);
          let members: MembersView | undefined;
          if (later.length > 0 && op.recordType !== 'member') {
            const key = `${later.join(',')}|${statementsApplied}`;
            if (view?.key !== key) view = { key, members: this.membership.viewWithout(later) };
            members = view.members;
          }
          // Its author, once its signature verified against that member's key (null before roles:
          // nothing proves who made it). Separation of duties compares members by it.
          let author: string | null = null;
          let reason: QuarantineReason | null = null;
          if (op.recordType !== 'member') {
            const judged = this.membership.checkOp(op, sig, signed, members, verified[index]);
            author = judged.author;
            reason = judged.reason ?? this.rules.refusal(op, { author, device: op.device });
          }
          if (reason) {
            const now = this.ctx.clock.now().toISOString();
            const role = op.author ? (this.membership.member(op.author)?.role ?? null) : null;
            quarantine.run(op.opId, seq, op.author ?? null, role, op.actor, op.device, op.recordType, op.recordId, op.action, op.at, reason, JSON.stringify(op), now);
            // Colleagues refused this machine's own operation: it is undone here too, so that
            // every machine holds the same registers (its entry stays in this audit chain).
            if (known && this.applier.undoRefusedOwn(op)) changed.push({ type: op.recordType, id: op.recordId });
            continue;
          }
          if (known) continue;
          this.applier.applyNew({ ...op, author: author ?? undefined });
          if (op.recordType === 'member') statementsApplied++;
          changed.push({ type: op.recordType, id: op.recordId });
        }
        this.setCursor('pulledSeq', String(lastSeq));
      })();
    } finally {
      this.ctx.audit.resetHead();
    }
    this.ctx.audit.writeAnchor();
    return changed;
  }

  /** The ids of every membership statement this machine made. */
  private ownStatementIds(): Set<string> {
    const rows = this.ctx.db
      .prepare(`SELECT op_id FROM audit_log INDEXED BY audit_by_record WHERE record_type = 'member' AND device = ?`)
      .all(this.deviceId) as { op_id: string }[];
    return new Set(rows.map((r) => r.op_id));
  }

  /**
   * This machine's membership statements and where each sits in the workspace's log (null: not
   * pushed yet). Statements from before positions were recorded count as placed before everything.
   */
  private ownStatementPositions(): { opId: string; seq: number | null }[] {
    const pushed = Number(this.cursor('pushedSeq') ?? 0);
    const rows = this.ctx.db
      .prepare(
        `SELECT l.op_id, l.seq AS local, s.value AS at FROM audit_log l INDEXED BY audit_by_record LEFT JOIN sync_state s ON s.key = ? || l.op_id
         WHERE l.record_type = 'member' AND l.device = ?`,
      )
      .all(STATEMENT_AT, this.deviceId) as { op_id: string; local: number; at: string | null }[];
    return rows
      .map((r) => ({ opId: r.op_id, seq: r.at !== null ? Number(r.at) : r.local > pushed ? null : 0 }))
      .filter((r) => r.seq !== 0);
  }

  private async uploadFiles(backend: Backend, c: SyncConfig, epoch: number, key: Buffer): Promise<void> {
    const mine = this.ctx.db
      .prepare(
        // From the attachments (a few) to each one's creation, not from this device's entries in
        // the log (all of them, every round: a fifth of a live round's time at S4).
        `SELECT a.id, a.size FROM attachments a
         WHERE a.content_complete = 1 AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.key = 'uploaded:' || a.id)
           AND EXISTS (SELECT 1 FROM audit_log l INDEXED BY audit_by_record WHERE l.record_type = 'attachment' AND l.record_id = a.id AND l.action = 'create' AND l.device = ?)`,
      )
      .all(this.deviceId) as { id: string; size: number }[];
    let done = 0;
    for (const a of mine) {
      const present = new Set(await backend.chunkIndexes(c.workspaceId, a.id));
      const chunks = this.ctx.db.prepare('SELECT idx, data FROM attachment_chunks WHERE attachment_id = ? ORDER BY idx').iterate(a.id) as IterableIterator<{ idx: number; data: Buffer }>;
      for (const ch of chunks) {
        if (present.has(ch.idx)) continue; // resumes where an interrupted upload stopped
        await backend.putChunk(c.workspaceId, a.id, ch.idx, epoch, seal(key, ch.data, chunkAad(c.workspaceId, a.id, ch.idx, epoch)));
      }
      this.setCursor(`uploaded:${a.id}`, '1');
      this.progress = { phase: 'files', done: ++done, total: mine.length };
    }
  }

  private async downloadFiles(backend: Backend, c: SyncConfig, s: SyncSecrets): Promise<void> {
    const pending = this.ctx.db.prepare('SELECT id, record_type, record_id, file_name, mime_type, size, sha256 FROM attachments WHERE content_complete = 0').all() as {
      id: string;
      record_type: string;
      record_id: string;
      file_name: string;
      mime_type: string;
      size: number;
      sha256: string;
    }[];
    for (const a of pending) {
      const count = Math.ceil(a.size / CHUNK_BYTES);
      const have = new Set((this.ctx.db.prepare('SELECT idx FROM attachment_chunks WHERE attachment_id = ?').all(a.id) as { idx: number }[]).map((r) => r.idx));
      let complete = true;
      for (let idx = 0; idx < count; idx++) {
        if (have.has(idx)) continue;
        const got = await backend.getChunk(c.workspaceId, a.id, idx);
        if (!got) {
          complete = false; // not uploaded yet by its author: next round
          break;
        }
        const key = await this.keyFor(backend, c, s, got.epoch);
        const bytes = openOrExplain(key, got.payload, chunkAad(c.workspaceId, a.id, idx, got.epoch), `A chunk of ${a.file_name}`);
        this.ctx.db.prepare('INSERT OR IGNORE INTO attachment_chunks (attachment_id, idx, data) VALUES (?, ?, ?)').run(a.id, idx, bytes);
      }
      if (!complete) continue;
      const all = Buffer.concat((this.ctx.db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY idx').all(a.id) as { data: Buffer }[]).map((r) => r.data));
      if (all.length !== a.size || createHash('sha256').update(all).digest('hex') !== a.sha256) {
        // Bad bytes never count as the file: drop them and fetch again next round.
        this.ctx.db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ?').run(a.id);
        continue;
      }
      const text = await extractText(all, a.mime_type, a.file_name);
      this.ctx.db.transaction(() => {
        this.ctx.db.prepare('UPDATE attachments SET content_complete = 1, text_indexed = ? WHERE id = ?').run(text?.trim() ? 1 : 0, a.id);
        this.ctx.search.upsertAttachment(a.id, a.file_name, text ?? '', { type: a.record_type, id: a.record_id }, false);
      })();
      this.setCursor(`uploaded:${a.id}`, '1');
      this.events.changed('attachment', a.id);
    }
  }

  // ---- running in the background -------------------------------------------------------------

  /** Keeps syncing: on every local change, on colleagues' notifications, and every 15 s. */
  start(): void {
    if (this.running || !this.config()) return;
    this.running = true;
    void this.loop();
  }

  /** A local change or a colleague's: run a round soon. */
  trigger(): void {
    // A change during a round is not lost: the loop runs another round right after.
    this.triggered = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    let backoff = 1_000;
    while (this.running) {
      let wait = POLL_MS;
      this.triggered = false;
      try {
        await this.syncNow();
        backoff = 1_000;
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'INTERNAL';
        // Offline: retry soon, then less often. Other errors need a person; retry slowly.
        wait = code === 'BACKEND_UNAVAILABLE' ? backoff : 60_000;
        backoff = Math.min(backoff * 2, 30_000);
        if (code === 'REVOKED') this.running = false;
      }
      if (!this.running) break;
      if (this.triggered && wait === POLL_MS) {
        this.triggered = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        t.unref?.();
        this.wake = () => {
          clearTimeout(t);
          // At once: edits made while this round runs go up together in the next one.
          resolve();
        };
      });
      this.wake = null;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    if (this.roundInFlight) await this.roundInFlight.catch(() => {});
    await this.backend?.close();
    this.backend = null;
    await this.signatures.close();
  }

  // ---- quarantine ----------------------------------------------------------------------------

  /**
   * What this machine refused from the workspace's log, newest first: operations (never applied,
   * not in the audit chain) and membership statements that did not verify (kept in the history,
   * never counted).
   */
  quarantined(): QuarantinedItem[] {
    const ops = this.ctx.db.prepare('SELECT * FROM quarantine ORDER BY seq DESC').all() as {
      op_id: string;
      seq: number;
      author: string | null;
      author_role: string | null;
      actor: string;
      record_type: string;
      record_id: string;
      action: string;
      at: string;
      reason: string;
      quarantined_at: string;
    }[];
    const statements = this.ctx.db
      .prepare(
        `SELECT s.op_id, s.kind, s.member_id, s.reason, l.actor, l.at, json_extract(s.body, '$.by') AS by FROM member_statements s
         LEFT JOIN audit_log l ON l.op_id = s.op_id WHERE s.state = 'refused' ORDER BY s.op_id DESC`,
      )
      .all() as { op_id: string; kind: string; member_id: string; reason: string; actor: string | null; at: string | null; by: string | null }[];
    return [
      ...ops.map((q) =>
        QuarantinedItem.parse({
          opId: q.op_id,
          kind: 'operation',
          seq: q.seq,
          recordType: q.record_type,
          recordId: q.record_id,
          action: q.action,
          actor: q.actor,
          authorId: q.author,
          authorRole: q.author_role,
          at: q.at,
          reason: q.reason,
          quarantinedAt: q.quarantined_at,
        }),
      ),
      ...statements.map((r) =>
        QuarantinedItem.parse({
          opId: r.op_id,
          kind: 'membership',
          seq: null,
          recordType: 'member',
          recordId: r.member_id,
          action: r.kind,
          actor: r.actor,
          authorId: r.by,
          authorRole: r.by ? (this.membership.member(r.by)?.role ?? null) : null,
          at: r.at,
          reason: r.reason,
          quarantinedAt: null,
        }),
      ),
    ];
  }

  // ---- conflicts -----------------------------------------------------------------------------

  conflicts(includeResolved = false): Conflict[] {
    const rows = this.ctx.db
      .prepare(`SELECT * FROM conflicts ${includeResolved ? '' : 'WHERE resolved_at IS NULL'} ORDER BY detected_at DESC, id`)
      .all() as ConflictRow[];
    return rows.map((r) => {
      const header = this.ctx.db.prepare('SELECT reference FROM search_docs WHERE record_type = ? AND record_id = ?').get(r.record_type, r.record_id) as { reference: string } | undefined;
      const current = this.registers.get(r.record_type)?.find(r.record_id) as Record<string, unknown> | null | undefined;
      return {
        id: r.id,
        recordType: r.record_type,
        recordId: r.record_id,
        reference: header?.reference ?? null,
        field: r.field,
        currentValue: current ? (current[r.field] ?? null) : null,
        losingValue: JSON.parse(r.loser_value) as unknown,
        losingActor: r.loser_actor,
        losingDevice: r.loser_device,
        losingAt: r.loser_at,
        detectedAt: r.detected_at,
        resolvedAt: r.resolved_at,
        resolution: (r.resolution as Conflict['resolution']) ?? null,
      };
    });
  }

  /**
   * Settles a conflict: keep what is there, or take the value that lost (a new change, which
   * syncs like any other). Either way an operation records the decision for every machine.
   */
  resolveConflict(id: string, choice: 'kept_current' | 'took_losing', registers: Map<string, AnyRegister>): void {
    const r = this.ctx.db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
    if (!r) throw new ApiError('NOT_FOUND', `No conflict with id ${id}`);
    if (r.resolved_at) throw new ApiError('CONFLICT', 'This conflict was already settled.');
    const marker: FieldChange = { field: RESOLVES_CONFLICT, old: null, new: r.loser_op };
    this.ctx.write(r.record_type, () => {
      if (choice === 'took_losing') {
        const register = registers.get(r.record_type);
        if (!register) throw new ApiError('CONFLICT', 'This kind of record cannot take the other value here.');
        register.setField(r.record_id, r.field, JSON.parse(r.loser_value), [marker]);
      } else {
        appendAudit(this.ctx, r.record_type, r.record_id, 'update', [marker]);
      }
      this.ctx.db
        .prepare('UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?')
        .run(this.ctx.clock.now().toISOString(), this.ctx.actor(), choice, id);
      return { id: r.record_id };
    });
    this.trigger();
  }
}

interface ConflictRow {
  id: string;
  record_type: string;
  record_id: string;
  field: string;
  loser_op: string;
  loser_value: string;
  loser_actor: string;
  loser_device: string;
  loser_at: string;
  winner_op: string;
  detected_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

function toSyncOp(e: AuditEntry, author: string): SyncOp {
  return {
    author,
    opId: e.opId,
    // Entries from before sync existed get a clock from their time and position.
    hlc: e.hlc ?? formatHlc({ ms: Date.parse(e.at), counter: e.seq % 1_000_000, device: e.device }),
    at: e.at,
    actor: e.actor,
    device: e.device,
    recordType: e.recordType,
    recordId: e.recordId,
    action: e.action,
    changes: e.changes,
    bases: e.bases,
  };
}

interface OpenedOp {
  op: SyncOp;
  seq: number;
  sig: Buffer | null;
  /** What its author signed (crypto.ts, opSignedBytes). */
  signed: Buffer;
}

interface OpenedPage {
  ops: OpenedOp[];
  lastSeq: number;
  /** For each operation (same position), the key its signature verified under on the signature thread. */
  verified: Promise<(string | undefined)[]>;
}

/** An opened operation's JSON, or null when it is not an operation this version can read. */
function parseOp(plain: Buffer): SyncOp | null {
  try {
    const op = JSON.parse(plain.toString('utf8')) as SyncOp | null;
    return op && typeof op.opId === 'string' && typeof op.recordType === 'string' && typeof op.recordId === 'string' && Array.isArray(op.changes) ? op : null;
  } catch {
    return null;
  }
}
