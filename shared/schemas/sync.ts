import { z } from 'zod';
import { IsoInstant } from './common';

/** TLS to the backend: verification of the server certificate is on unless the user says so. */
export const SslMode = z.enum(['verify-full', 'require', 'disable']);

export const BackendConnection = z.object({
  host: z.string().trim().min(1, 'Give the database host').max(255),
  port: z.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1, 'Give the database name').max(63),
  user: z.string().trim().min(1, 'Give the database user').max(63),
  sslMode: SslMode.default('verify-full'),
  /** PEM of the CA that signed the server certificate, when it is not a public one. */
  caCertificate: z.string().max(20_000).nullable().default(null),
});
export type BackendConnection = z.infer<typeof BackendConnection>;

/** Either the fields, or a postgres:// connection string (which may carry the password). */
export const ConnectInput = z.object({
  connection: BackendConnection.optional(),
  connectionString: z.string().trim().max(2_000).optional(),
  password: z.string().max(1_000).default(''),
});
export type ConnectInput = z.input<typeof ConnectInput>;

export const CreateWorkspaceInput = ConnectInput;
export const JoinWorkspaceInput = ConnectInput.extend({
  /** The invitation text a member sent (by email, say). */
  invitation: z.string().trim().min(10).max(5_000),
  /** The code sent separately (phone, SMS): it unwraps the workspace key. */
  code: z.string().trim().min(6).max(200),
});
export type JoinWorkspaceInput = z.input<typeof JoinWorkspaceInput>;

export const Invitation = z.object({
  invitation: z.string(),
  code: z.string(),
  expiresAt: IsoInstant,
});
export type Invitation = z.infer<typeof Invitation>;

export const SyncState = z.enum(['off', 'connecting', 'online', 'syncing', 'offline', 'error', 'removed']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  configured: z.boolean(),
  state: SyncState,
  workspaceId: z.string().nullable(),
  memberId: z.string().nullable(),
  backend: z.string().nullable(),
  lastSyncedAt: IsoInstant.nullable(),
  offlineSince: IsoInstant.nullable(),
  /** Local changes not yet on the backend. */
  pending: z.number().int(),
  progress: z.object({ phase: z.enum(['push', 'pull', 'files']), done: z.number().int(), total: z.number().int() }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  openConflicts: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/**
 * A member's role in a workspace (README › Roles). The creator of a workspace is its first
 * administrator; an invitation carries the role its (administrator) author chose; a role changes
 * only by a statement an administrator signed, carried in the workspace's operation log.
 */
export const MemberRole = z.enum(['administrator', 'dpo', 'security_lead', 'editor', 'reader', 'auditor']);
export type MemberRole = z.infer<typeof MemberRole>;
export const MEMBER_ROLES = MemberRole.options;

/** Who may invite, remove members and change roles. */
export function managesMembers(role: MemberRole | null | undefined): boolean {
  return role === 'administrator';
}

export const Member = z.object({
  memberId: z.string(),
  label: z.string(),
  joinedAt: IsoInstant,
  removedAt: IsoInstant.nullable(),
  isMe: z.boolean(),
  /** Null while the signed statement that gives it has not reached this machine (or did not verify). */
  role: MemberRole.nullable(),
  /** SHA-256 of the member's Ed25519 public key (hex), from its signed membership; null while unknown. */
  signingKeyFingerprint: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

/**
 * What this machine's member may change (README › Roles), from the signed membership it has
 * verified. A register that syncs with nobody, or with a workspace made before roles, keeps every
 * right (`enforced` false). `writes` lists the record types it may write ('all': every one).
 */
export const MemberPermissions = z.object({
  /** This register syncs with a workspace. */
  workspace: z.boolean(),
  /** Roles apply: the workspace has its signed membership (or this machine joined with a role). */
  enforced: z.boolean(),
  /** This machine's role; null when roles do not apply, or while its membership is not confirmed here (or was removed). */
  role: MemberRole.nullable(),
  writes: z.union([z.literal('all'), z.array(z.string())]),
  /** May invite, remove members and change roles. */
  managesMembers: z.boolean(),
});
export type MemberPermissions = z.infer<typeof MemberPermissions>;

/**
 * Settings of the whole workspace (every member's machine follows them; an administrator or a
 * DPO changes them). Separation of duties: the member who marks an action done may not also
 * verify it.
 */
export const WorkspaceSettings = z.object({
  separationOfDuties: z.boolean(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const InviteInput = z.object({ role: MemberRole });
export const SetRoleInput = z.object({ memberId: z.string(), role: MemberRole });
export type SetRoleInput = z.infer<typeof SetRoleInput>;

export const Conflict = z.object({
  id: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  reference: z.string().nullable(),
  field: z.string(),
  /** The value now in the register (the winner). */
  currentValue: z.unknown(),
  /** The value that lost, kept here. */
  losingValue: z.unknown(),
  losingActor: z.string(),
  losingDevice: z.string(),
  losingAt: IsoInstant,
  detectedAt: IsoInstant,
  resolvedAt: IsoInstant.nullable(),
  resolution: z.enum(['kept_current', 'took_losing']).nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const ResolveConflictInput = z.object({ id: z.string(), choice: z.enum(['kept_current', 'took_losing']) });

/**
 * Why this machine did not apply something from the workspace's log (README › Roles): an
 * operation (its author's signature, membership at that point of the log, role) or a membership
 * statement (its signature, its signer's right, the invitation it uses).
 */
export const QuarantineReason = z.enum([
  'unsigned',
  'not_member',
  'key_unconfirmed',
  'bad_signature',
  'removed',
  'role_forbidden',
  'not_administrator',
  'other_workspace',
  'rewrapped',
  'second_genesis',
  'unreadable',
  'invitation_expired',
  'invitation_used',
  'member_exists',
  'key_exists',
  'last_administrator',
  /** Separation of duties: the machine that marked the action done may not verify it too. */
  'duties_not_separated',
]);
export type QuarantineReason = z.infer<typeof QuarantineReason>;

export const QuarantinedItem = z.object({
  opId: z.string(),
  /** A register operation, or a membership statement (role, invitation, removal). */
  kind: z.enum(['operation', 'membership']),
  /** Its position in the workspace's log (null for a membership statement). */
  seq: z.number().int().nullable(),
  recordType: z.string(),
  recordId: z.string(),
  action: z.string(),
  /** The name its author's machine gave (as written in the operation, not verified). */
  actor: z.string().nullable(),
  /** The member id it claims as author, and that member's role here when it arrived. */
  authorId: z.string().nullable(),
  authorRole: MemberRole.nullable(),
  at: IsoInstant.nullable(),
  reason: QuarantineReason,
  quarantinedAt: IsoInstant.nullable(),
});
export type QuarantinedItem = z.infer<typeof QuarantinedItem>;
