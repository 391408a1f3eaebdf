import { createHmac, createPrivateKey, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { ApiError } from '@shared/api/contract';
import { MemberRole, managesMembers, type QuarantineReason } from '@shared/schemas/sync';
import { mayWrite } from '@shared/sync/permissions';
import type { FieldChange } from '@shared/schemas/audit';
import type { RegisterContext } from '../registers/context';
import { fingerprintOf, signWith, verifySignature, type DeviceKey } from '../keys/device-key';
import type { SignaturePool } from './signature-pool';

/**
 * Who is in a workspace and with which role, from signed statements carried in the workspace's
 * own (end-to-end encrypted) operation log, as audit entries of record type `member`. Every
 * machine verifies each statement before it counts:
 *
 * - `genesis`: the creator's, self-signed; it becomes the administrator. Only one per workspace.
 * - `join`: a new member's key and role. It embeds the invitation an administrator signed (the
 *   role, the invitation id, a one-time invitation key) and is itself signed with that
 *   invitation key, whose private half travelled sealed under the code sent separately: only the
 *   person who had the code can turn an invitation into a membership, and only once.
 * - `role`, `remove`: signed by an administrator. The later statement (time-ordered id) wins.
 * - `enrol`, `admit`: for a workspace made before roles: a member of that time proves to the
 *   creator's machine that it holds that member's X25519 key; the creator then admits its new
 *   signing key (signed, like every membership change, by an administrator).
 *
 * A statement whose signer is not known here yet waits (`pending`) and is tried again after each
 * statement applied; one that cannot be valid (bad signature, another workspace, signer without
 * the right) is `refused`, with the reason, and never counts.
 */

const SIGNED_PREFIX = 'privacyops-member-v1|';
const Id = z.string().min(1).max(100);
const Key = z.string().min(1).max(200);

const Base = z.object({ v: z.literal(1), id: Id, ws: Id, member: Id, at: z.string().max(40) });
const InviteBody = z.object({
  v: z.literal(1),
  kind: z.literal('invite'),
  ws: Id,
  invitation: Id,
  role: MemberRole,
  by: Id,
  invitationKey: Key,
  expiresAt: z.string().max(40),
});
type InviteBody = z.infer<typeof InviteBody>;
const Signed = z.object({ body: z.string().max(20_000), sig: z.string().max(200) });
export type Signed = z.infer<typeof Signed>;

const Body = z.discriminatedUnion('kind', [
  Base.extend({ kind: z.literal('genesis'), signingKey: Key, boxKey: Key, legacy: z.array(z.object({ member: Id, boxKey: Key })).max(10_000) }),
  Base.extend({ kind: z.literal('join'), signingKey: Key, boxKey: Key, invite: Signed }),
  Base.extend({ kind: z.literal('role'), role: MemberRole, by: Id }),
  Base.extend({ kind: z.literal('remove'), by: Id }),
  Base.extend({ kind: z.literal('enrol'), signingKey: Key, proof: z.string().max(200) }),
  Base.extend({ kind: z.literal('admit'), signingKey: Key, by: Id }),
]);
type Body = z.infer<typeof Body>;
type Kind = Body['kind'];

/** The field of a `member` audit entry that carries the signed statement. */
export const STATEMENT_FIELD = 'statement';

/** Signs a statement's JSON with a PKCS#8 Ed25519 key, or with this machine's member key. */
export function signStatement(key: string | DeviceKey, body: unknown): Signed {
  const text = Buffer.from(SIGNED_PREFIX + JSON.stringify(body));
  return { body: JSON.stringify(body), sig: (typeof key === 'string' ? signWith(key, text) : key.sign(text)).toString('base64') };
}

function verifies(s: Signed, rawPublicB64: string): boolean {
  return verifySignature(Buffer.from(SIGNED_PREFIX + s.body), Buffer.from(s.sig, 'base64'), Buffer.from(rawPublicB64, 'base64'));
}

/** What a legacy member proves with: a MAC keyed by the X25519 secret it shares with the creator. */
export function enrolProof(myBoxPrivate: string, theirBoxPublic: string, ws: string, member: string, signingKey: string): string {
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: Buffer.from(myBoxPrivate, 'base64'), format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: Buffer.from(theirBoxPublic, 'base64'), format: 'der', type: 'spki' }),
  });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'privacyops-enrol-v1', 32));
  return createHmac('sha256', key).update(`${ws}|${member}|${signingKey}`).digest('base64');
}

interface MemberRow {
  member_id: string;
  role: MemberRole | null;
  signing_key: string | null;
  box_key: string;
  legacy: number;
  invitation_id: string | null;
  role_statement: string;
  removed: number;
}

export interface VerifiedMember {
  memberId: string;
  role: MemberRole | null;
  signingKey: string | null;
  signingKeyFingerprint: string | null;
  boxKey: string;
  legacy: boolean;
  removed: boolean;
}

export interface StatementInfo {
  opId: string;
  kind: string;
  memberId: string;
  state: 'pending' | 'applied' | 'refused';
  reason: string | null;
}

/** Why a statement still waits: what it depends on has not been verified here yet. */
type Waiting = 'signer_unknown' | 'member_unknown';
type Verdict = { ok: true; apply(): void } | { ok: false; wait: true; reason: Waiting } | { ok: false; wait: false; reason: QuarantineReason };

/** What judging an operation reads of a member. */
interface CheckedMember {
  role: MemberRole | null;
  signingKey: string | null;
  removed: number;
}

/** The membership at some position of the log (viewWithout), for judging operations placed there. */
export interface MembersView {
  genesis: boolean;
  members: Map<string, CheckedMember>;
}

export class Membership {
  constructor(
    private readonly ctx: RegisterContext,
    private readonly memberKey: DeviceKey,
    private readonly workspace: () => { workspaceId: string; memberId: string } | null,
  ) {}

  // ---- reading -------------------------------------------------------------------------------

  member(memberId: string): VerifiedMember | null {
    const r = this.ctx.db.prepare('SELECT * FROM workspace_members WHERE member_id = ?').get(memberId) as MemberRow | undefined;
    return r ? toMember(r) : null;
  }

  all(): VerifiedMember[] {
    return (this.ctx.db.prepare('SELECT * FROM workspace_members ORDER BY member_id').all() as MemberRow[]).map(toMember);
  }

  /** This machine's role in its workspace, or null (not joined, removed, not confirmed yet). */
  myRole(): MemberRole | null {
    const me = this.workspace();
    const m = me ? this.member(me.memberId) : null;
    return m && !m.removed ? m.role : null;
  }

  /** Refuses with ROLE_FORBIDDEN unless this machine's member is an administrator. */
  requireAdministrator(what: string): void {
    const role = this.myRole();
    if (!managesMembers(role)) {
      throw new ApiError(
        'ROLE_FORBIDDEN',
        `Only an administrator of the workspace may ${what}; this member's role is ${role ?? 'not confirmed yet'}. Nothing was changed.`,
      );
    }
  }

  /**
   * Whether roles apply to this machine's own writes: the workspace has its signed membership,
   * or this machine joined with an invitation (its role counts once its join is verified). A
   * workspace made before roles has neither until its creator upgrades; its members keep every
   * right meanwhile, as their colleagues take their operations as before.
   */
  rolesApply(): boolean {
    const me = this.workspace();
    return (
      this.ctx.db
        .prepare(`SELECT 1 FROM member_statements WHERE (kind = 'genesis' AND state = 'applied') OR (kind = 'join' AND member_id = ?) LIMIT 1`)
        .get(me?.memberId ?? '') !== undefined
    );
  }

  hasGenesis(): boolean {
    return this.ctx.db.prepare(`SELECT 1 FROM member_statements WHERE kind = 'genesis' AND state = 'applied'`).get() !== undefined;
  }

  genesisMember(): VerifiedMember | null {
    const g = this.ctx.db.prepare(`SELECT member_id FROM member_statements WHERE kind = 'genesis' AND state = 'applied'`).get() as { member_id: string } | undefined;
    return g ? this.member(g.member_id) : null;
  }

  statements(): StatementInfo[] {
    return (this.ctx.db.prepare('SELECT op_id, kind, member_id, state, reason FROM member_statements ORDER BY op_id').all() as {
      op_id: string;
      kind: string;
      member_id: string;
      state: StatementInfo['state'];
      reason: string | null;
    }[]).map((r) => ({ opId: r.op_id, kind: r.kind, memberId: r.member_id, state: r.state, reason: r.reason }));
  }

  /** Enrolment requests of legacy members still waiting for the creator's admission. */
  pendingEnrolments(): { memberId: string; signingKey: string; proof: string }[] {
    const rows = this.ctx.db
      .prepare(
        `SELECT s.body FROM member_statements s JOIN workspace_members m ON m.member_id = s.member_id
         WHERE s.kind = 'enrol' AND s.state = 'applied' AND m.legacy = 1 AND m.signing_key IS NULL AND m.removed = 0 ORDER BY s.op_id`,
      )
      .all() as { body: string }[];
    return rows.map((r) => {
      const b = JSON.parse(r.body) as { member: string; signingKey: string; proof: string };
      return { memberId: b.member, signingKey: b.signingKey, proof: b.proof };
    });
  }

  /** Whether this member's enrolment with this signing key is in the log (someone else's claim does not count). */
  hasEnrolled(memberId: string, signingKey: string): boolean {
    return this.ctx.db
      .prepare(`SELECT 1 FROM member_statements WHERE kind = 'enrol' AND member_id = ? AND json_extract(body, '$.signingKey') = ?`)
      .get(memberId, signingKey) !== undefined;
  }

  /** This machine's member signing key (public half, raw base64). */
  mySigningKey(): string {
    return this.memberKey.info().publicKey;
  }

  // ---- writing (this machine's statements) ----------------------------------------------------

  /**
   * Writes a statement as this machine's operation (so it syncs like any other) and applies it
   * here in the same transaction. `sign` gets the body with its id and returns it signed.
   */
  issue(kind: Kind, memberId: string, body: Record<string, unknown>, sign?: (body: Record<string, unknown>) => Signed): Signed {
    const w = this.workspace();
    if (!w) throw new ApiError('CONFLICT', 'This register does not sync yet: create or join a workspace first.');
    const id = uuidv7();
    const full = { v: 1, id, ws: w.workspaceId, member: memberId, at: this.ctx.clock.now().toISOString(), kind, ...body };
    const signed = sign ? sign(full) : this.signAsMe(full);
    const change: FieldChange = { field: STATEMENT_FIELD, old: null, new: signed };
    this.ctx.write('member', () => {
      this.ctx.audit.append({
        opId: id,
        at: full.at,
        actor: this.ctx.actor(),
        device: this.ctx.device,
        author: w.memberId,
        recordType: 'member',
        recordId: memberId,
        action: kind === 'remove' ? 'archive' : kind === 'genesis' || kind === 'join' ? 'create' : 'update',
        changes: [change],
      });
      this.ingest(id, change.new);
      return { id: memberId };
    });
    return signed;
  }

  /** This machine's member signature over an operation's signed bytes (crypto.ts, opSignedBytes). */
  signBytes(data: Buffer): Buffer {
    return this.memberKey.sign(data);
  }

  /** The same signatures for many operations, made on the signature thread (signature-pool.ts). */
  signMany(pool: SignaturePool, datas: readonly Buffer[]): Promise<Buffer[]> {
    return pool.sign(this.memberKey.privateKeyObject(), datas);
  }

  signAsMe(body: unknown): Signed {
    return signStatement(this.memberKey, body);
  }

  /** An invitation signed by this (administrator) member: the role it gives and its one-time key. */
  signInvitation(body: Omit<InviteBody, 'v' | 'kind' | 'by' | 'ws'>): Signed {
    const w = this.workspace()!;
    return this.signAsMe({ v: 1, kind: 'invite', ws: w.workspaceId, by: w.memberId, ...body } satisfies InviteBody);
  }

  /** Forgets the workspace's members, what was quarantined from it and this machine's member key (leaving, or before joining another). */
  reset(): void {
    this.ctx.db.exec('DELETE FROM workspace_members; DELETE FROM member_statements; DELETE FROM quarantine;');
    this.memberKey.forget();
  }

  // ---- applying (any machine's statements) ----------------------------------------------------

  /** Call inside a transaction, with the `new` value of a `member` entry's statement field. */
  ingest(opId: string, value: unknown): void {
    if (this.ctx.db.prepare('SELECT 1 FROM member_statements WHERE op_id = ?').get(opId)) return;
    const signed = Signed.safeParse(value);
    let body: Body | null = null;
    if (signed.success) {
      try {
        const parsed = Body.safeParse(JSON.parse(signed.data.body));
        if (parsed.success) body = parsed.data;
      } catch {
        body = null;
      }
    }
    const insert = this.ctx.db.prepare('INSERT INTO member_statements (op_id, kind, member_id, body, sig, state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)');
    if (!signed.success || !body) {
      insert.run(opId, 'unreadable', '', signed.success ? signed.data.body.slice(0, 2000) : '', '', 'refused', 'unreadable');
      return;
    }
    insert.run(opId, body.kind, body.member, signed.data.body, signed.data.sig, 'pending', null);
    this.settle();
  }

  /**
   * Judges this machine's own statement `opId` again at its place in the log, once it has come
   * back in a pulled page (call inside the page's transaction): it was applied here when it was
   * made, before the statements this machine has taken since — which the log places before it.
   * When there are such statements, it and this machine's later ones (`own`) are moved after them
   * and the membership is replayed in that order, as every other machine took it, so a statement
   * whose signer lost the right in between is refused here too, and one that a statement of ours
   * refused here out of order is applied. Returns whether the membership was replayed.
   */
  placeOwn(opId: string, own: ReadonlySet<string>): boolean {
    const db = this.ctx.db;
    const rows = db.prepare('SELECT op_id, body, sig, kind FROM member_statements ORDER BY rowid').all() as { op_id: string; body: string; sig: string; kind: string }[];
    const at = rows.findIndex((r) => r.op_id === opId);
    if (at < 0) return false;
    const since = rows.slice(at + 1);
    const taken = since.filter((r) => !own.has(r.op_id));
    if (taken.length === 0) return false;
    const order = [...rows.slice(0, at), ...taken, rows[at]!, ...since.filter((r) => own.has(r.op_id))];
    db.exec('DELETE FROM workspace_members; DELETE FROM member_statements;');
    for (const r of order) this.ingest(r.op_id, r.kind === 'unreadable' ? null : { body: r.body, sig: r.sig });
    return true;
  }

  /** Tries every waiting statement again until none more applies (a signer's join may have arrived). */
  private settle(): void {
    const update = this.ctx.db.prepare('UPDATE member_statements SET state = ?, reason = ? WHERE op_id = ?');
    for (let progressed = true; progressed; ) {
      progressed = false;
      const pending = this.ctx.db.prepare(`SELECT op_id, body, sig FROM member_statements WHERE state = 'pending' ORDER BY op_id`).all() as { op_id: string; body: string; sig: string }[];
      for (const p of pending) {
        const body = Body.parse(JSON.parse(p.body));
        const v = this.judge(p.op_id, body, { body: p.body, sig: p.sig });
        if (v.ok) {
          v.apply();
          update.run('applied', null, p.op_id);
          progressed = true;
        } else if (!v.wait) {
          update.run('refused', v.reason, p.op_id);
        } else {
          update.run('pending', v.reason, p.op_id);
        }
      }
    }
  }

  private judge(opId: string, b: Body, s: Signed): Verdict {
    const w = this.workspace();
    const refuse = (reason: QuarantineReason): Verdict => ({ ok: false, wait: false, reason });
    const wait = (reason: Waiting): Verdict => ({ ok: false, wait: true, reason });
    if (b.id !== opId) return refuse('rewrapped');
    if (!w || b.ws !== w.workspaceId) return refuse('other_workspace');
    const db = this.ctx.db;
    const existing = this.member(b.member);
    switch (b.kind) {
      case 'genesis': {
        if (this.hasGenesis()) return refuse('second_genesis');
        if (!verifies(s, b.signingKey)) return refuse('bad_signature');
        return {
          ok: true,
          apply: () => {
            db.prepare(`INSERT INTO workspace_members (member_id, role, signing_key, box_key, role_statement) VALUES (?, 'administrator', ?, ?, ?)`).run(b.member, b.signingKey, b.boxKey, b.id);
            const legacy = db.prepare(`INSERT OR IGNORE INTO workspace_members (member_id, role, box_key, legacy, role_statement) VALUES (?, 'dpo', ?, 1, ?)`);
            for (const l of b.legacy) if (l.member !== b.member) legacy.run(l.member, l.boxKey, b.id);
          },
        };
      }
      case 'join': {
        const invite = InviteBody.safeParse(safeJson(b.invite.body));
        if (!invite.success) return refuse('unreadable');
        const inv = invite.data;
        if (inv.ws !== b.ws) return refuse('other_workspace');
        const inviter = this.member(inv.by);
        if (!inviter?.signingKey) return wait('signer_unknown');
        if (!verifies(b.invite, inviter.signingKey)) return refuse('bad_signature');
        if (inviter.removed || !managesMembers(inviter.role)) return refuse('not_administrator');
        if (!verifies(s, inv.invitationKey)) return refuse('bad_signature');
        if (b.at > inv.expiresAt) return refuse('invitation_expired');
        if (existing) return refuse('member_exists');
        if (db.prepare('SELECT 1 FROM workspace_members WHERE invitation_id = ?').get(inv.invitation)) return refuse('invitation_used');
        return {
          ok: true,
          apply: () =>
            db
              .prepare('INSERT INTO workspace_members (member_id, role, signing_key, box_key, invitation_id, role_statement) VALUES (?, ?, ?, ?, ?, ?)')
              .run(b.member, inv.role, b.signingKey, b.boxKey, inv.invitation, b.id),
        };
      }
      case 'enrol': {
        if (!existing) return wait('member_unknown');
        if (!existing.legacy || existing.signingKey) return refuse('key_exists');
        if (!verifies(s, b.signingKey)) return refuse('bad_signature');
        // A request only: the creator's machine checks the proof and admits the key.
        return { ok: true, apply: () => {} };
      }
      case 'role':
      case 'remove':
      case 'admit': {
        const signer = this.member(b.by);
        if (!signer?.signingKey) return wait('signer_unknown');
        if (!verifies(s, signer.signingKey)) return refuse('bad_signature');
        if (signer.removed || !managesMembers(signer.role)) return refuse('not_administrator');
        if (!existing) return wait('member_unknown');
        if (b.kind === 'admit') {
          if (!existing.legacy || existing.signingKey) return refuse('key_exists');
          return { ok: true, apply: () => db.prepare('UPDATE workspace_members SET signing_key = ? WHERE member_id = ?').run(b.signingKey, b.member) };
        }
        if (b.kind === 'remove' && existing.role === 'administrator' && !existing.removed && this.activeAdministrators() <= 1) {
          return refuse('last_administrator');
        }
        if (b.kind === 'remove') return { ok: true, apply: () => db.prepare('UPDATE workspace_members SET removed = 1 WHERE member_id = ?').run(b.member) };
        if (existing.removed) return refuse('removed');
        const current = db.prepare('SELECT role_statement FROM workspace_members WHERE member_id = ?').get(b.member) as { role_statement: string };
        // Two administrators changing one role apart: the later statement wins, on every machine.
        if (current.role_statement > b.id) return { ok: true, apply: () => {} };
        if (b.role !== 'administrator' && existing.role === 'administrator' && this.activeAdministrators() <= 1) {
          return refuse('last_administrator');
        }
        return { ok: true, apply: () => db.prepare('UPDATE workspace_members SET role = ?, role_statement = ? WHERE member_id = ?').run(b.role, b.id, b.member) };
      }
    }
  }

  /**
   * Why a colleague's operation must not be applied at this point of the log, or null when it may:
   * its author's signature over its sealed bytes, its author's membership now (statements before
   * it in the log have been applied), and the permission table for its author's role. Before a
   * workspace has its first statement (made before roles), operations are taken as they were.
   */
  refusal(op: { author?: string; recordType: string }, sig: Buffer | null, signed: Buffer, view?: MembersView): QuarantineReason | null {
    return this.checkOp(op, sig, signed, view).reason;
  }

  /**
   * The refusal above, and the operation's author when it passed (its signature verified against
   * that member's key; null before the workspace has roles: nothing proves who made it then).
   */
  checkOp(
    op: { author?: string; recordType: string },
    sig: Buffer | null,
    signed: Buffer,
    view?: MembersView,
    /** The key (base64) this operation's signature was already verified under, on the signature thread. */
    verifiedUnder?: string,
  ): { reason: QuarantineReason | null; author: string | null } {
    if (!(view ? view.genesis : this.hasGenesis())) return { reason: null, author: null };
    const reason = this.checked(op, sig, signed, view, verifiedUnder);
    return { reason, author: reason === null ? (op.author ?? null) : null };
  }

  private checked(op: { author?: string; recordType: string }, sig: Buffer | null, signed: Buffer, view?: MembersView, verifiedUnder?: string): QuarantineReason | null {
    if (!sig) return 'unsigned';
    // Only what the check needs (no fingerprint): this runs for every pulled operation.
    const m = !op.author
      ? undefined
      : view
        ? view.members.get(op.author)
        : (this.ctx.db.prepare('SELECT role, signing_key AS signingKey, removed FROM workspace_members WHERE member_id = ?').get(op.author) as CheckedMember | undefined);
    if (!m) return 'not_member';
    if (!m.signingKey) return 'key_unconfirmed';
    if (verifiedUnder !== m.signingKey && !verifySignature(signed, sig, Buffer.from(m.signingKey, 'base64'))) return 'bad_signature';
    if (m.removed) return 'removed';
    if (!mayWrite(m.role, op.recordType)) return 'role_forbidden';
    return null;
  }

  /** Each member's signing key (base64) as this machine holds them now: what a page about to be applied is checked against ahead. */
  signingKeys(): Map<string, string> {
    const rows = this.ctx.db.prepare('SELECT member_id, signing_key FROM workspace_members WHERE signing_key IS NOT NULL').all() as { member_id: string; signing_key: string }[];
    return new Map(rows.map((r) => [r.member_id, r.signing_key]));
  }

  /**
   * The members as the log gives them without these statements (this machine's own, placed later
   * in the log than the operation being judged, or not on it yet): replayed inside a savepoint
   * that is rolled back, so nothing here changes. Other statements are replayed in the order this
   * machine took them in.
   */
  viewWithout(opIds: readonly string[]): MembersView {
    const db = this.ctx.db;
    const left = new Set(opIds);
    const kept = (db.prepare('SELECT op_id, body, sig, kind FROM member_statements ORDER BY rowid').all() as { op_id: string; body: string; sig: string; kind: string }[]).filter(
      (r) => !left.has(r.op_id),
    );
    db.exec('SAVEPOINT members_view');
    try {
      db.exec('DELETE FROM workspace_members; DELETE FROM member_statements;');
      for (const r of kept) this.ingest(r.op_id, r.kind === 'unreadable' ? null : { body: r.body, sig: r.sig });
      const rows = db.prepare('SELECT member_id, role, signing_key AS signingKey, removed FROM workspace_members').all() as (CheckedMember & { member_id: string })[];
      return { genesis: this.hasGenesis(), members: new Map(rows.map((r) => [r.member_id, { role: r.role, signingKey: r.signingKey, removed: r.removed }])) };
    } finally {
      db.exec('ROLLBACK TO members_view; RELEASE members_view');
    }
  }

  activeAdministrators(): number {
    return (this.ctx.db.prepare(`SELECT count(*) AS n FROM workspace_members WHERE role = 'administrator' AND removed = 0`).get() as { n: number }).n;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toMember(r: MemberRow): VerifiedMember {
  return {
    memberId: r.member_id,
    role: r.role,
    signingKey: r.signing_key,
    signingKeyFingerprint: r.signing_key ? fingerprintOf(Buffer.from(r.signing_key, 'base64')) : null,
    boxKey: r.box_key,
    legacy: r.legacy === 1,
    removed: r.removed === 1,
  };
}
