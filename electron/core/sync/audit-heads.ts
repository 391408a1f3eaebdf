import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { SignedHeadCheck } from '@shared/schemas/audit';
import type { SignedHead } from '../audit/audit-log';
import type { RegisterContext } from '../registers/context';
import { verifySignature } from '../keys/device-key';
import type { Backend, StoredAuditHead } from './backend';
import { open, seal } from './crypto';
import type { Membership } from './membership';

/**
 * Signed audit heads (docs/decisions/005-signed-audit-heads.md). At the end of every sync round
 * that pushed or pulled something, this machine signs, with its member key, what its audit chain
 * holds (how many entries, the last one's hash) and the backend keeps it beside the operations,
 * in a table its members' role may add to but not change. A log later cut short or rewritten on
 * this machine — even by someone holding the database key, who can recompute every hash and the
 * HMAC of audit-head.json — no longer reaches the furthest head it signed.
 */

/** How many of a member's heads to read, furthest first, looking for the first that verifies. */
const HEADS_READ = 20;
/** Where the latest verified head is kept here, for a Verify while the backend is out of reach. */
const LOCAL_COPY = 'auditHead.signed';

const Body = z.object({
  v: z.literal(1),
  id: z.string(),
  ws: z.string(),
  member: z.string(),
  device: z.string(),
  entries: z.number().int().nonnegative(),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
});
type Body = z.infer<typeof Body>;

const LocalCopy = z.object({ id: z.string(), memberId: z.string(), entries: z.number().int(), epoch: z.number().int(), sealed: z.string(), sig: z.string() });

export function headAad(workspaceId: string, h: { id: string; memberId: string; entries: number; epoch: number }): string {
  return `privacyops-audit-head-v1|${workspaceId}|${h.id}|${h.memberId}|${h.entries}|${h.epoch}`;
}

/** What the member signs: the head's routing fields and the SHA-256 of its sealed body (never the plaintext). */
export function headSignedBytes(workspaceId: string, h: { id: string; memberId: string; entries: number; sealed: Buffer }): Buffer {
  return Buffer.from(`privacyops-audit-head-sig-v1|${workspaceId}|${h.id}|${h.memberId}|${h.entries}|${createHash('sha256').update(h.sealed).digest('hex')}`);
}

/** What the verifier is given: the furthest head that verifies, and how the check went. */
export interface HeadsForVerify {
  head: SignedHead | null;
  check: SignedHeadCheck;
}

export interface HeadsWorkspace {
  workspaceId: string;
  memberId: string;
  /** The workspace key of an epoch (from the vault or this member's grant). */
  keyFor(epoch: number): Promise<Buffer>;
}

export class AuditHeads {
  /** The entry count of the last head signed in this session (a round signs when it moved). */
  private lastSigned: number | null = null;
  /** The check made at the end of the latest round of this session. */
  private latest: HeadsForVerify | null = null;

  constructor(
    private readonly ctx: RegisterContext,
    private readonly membership: Membership,
  ) {}

  /** Forget everything (leaving or joining a workspace). */
  reset(): void {
    this.lastSigned = null;
    this.latest = null;
    this.ctx.db.prepare('DELETE FROM sync_state WHERE key = ?').run(LOCAL_COPY);
  }

  /** The last check of this session, if a round made one. */
  cached(): HeadsForVerify | null {
    return this.latest;
  }

  /**
   * End of a round: signs the chain's head when it moved since the last one signed (always once
   * per session), then reads back the furthest head of this member that verifies.
   */
  async afterRound(backend: Backend, w: HeadsWorkspace, epoch: number): Promise<HeadsForVerify> {
    const entries = this.ctx.audit.count();
    if (entries > 0 && entries !== this.lastSigned) {
      await backend.putAuditHead(w.workspaceId, this.sign(w, epoch, await w.keyFor(epoch)));
      this.lastSigned = entries;
    } else if (this.latest) {
      // An idle round (the 15 s poll): nothing new signed, nothing to read again.
      return this.latest;
    }
    return this.check(backend, w);
  }

  /** Reads this member's heads from the backend, furthest first, and keeps the first that verifies. */
  async check(backend: Backend, w: HeadsWorkspace): Promise<HeadsForVerify> {
    const rows = await backend.auditHeads(w.workspaceId, w.memberId, HEADS_READ);
    let refused = 0;
    let found: { row: StoredAuditHead; body: Body } | null = null;
    for (const row of rows) {
      const body = await this.open(w, row);
      if (!body) {
        refused++;
        continue;
      }
      found = { row, body };
      break;
    }
    if (found) this.keepLocally(found.row);
    const result: HeadsForVerify = found
      ? { head: { entries: found.body.entries, hash: found.body.head, signedAt: found.body.at }, check: { state: 'checked', entries: found.body.entries, signedAt: found.body.at, refused } }
      : { head: null, check: { state: 'none_yet', entries: null, signedAt: null, refused } };
    this.latest = result;
    return result;
  }

  /** The copy kept here of the latest verified head, verified again (for a Verify while offline). */
  async fromLocalCopy(w: HeadsWorkspace): Promise<HeadsForVerify> {
    const raw = this.ctx.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(LOCAL_COPY) as { value: string } | undefined;
    const parsed = raw ? LocalCopy.safeParse(safeJson(raw.value)) : null;
    const body = parsed?.success
      ? await this.open(w, { ...parsed.data, sealed: Buffer.from(parsed.data.sealed, 'base64'), sig: Buffer.from(parsed.data.sig, 'base64') }).catch(() => null)
      : null;
    if (!body) return { head: null, check: { state: 'unavailable', entries: null, signedAt: null, refused: 0 } };
    return { head: { entries: body.entries, hash: body.head, signedAt: body.at }, check: { state: 'local_copy', entries: body.entries, signedAt: body.at, refused: 0 } };
  }

  private sign(w: HeadsWorkspace, epoch: number, key: Buffer): StoredAuditHead {
    const id = uuidv7();
    const entries = this.ctx.audit.count();
    const body: Body = { v: 1, id, ws: w.workspaceId, member: w.memberId, device: this.ctx.device, entries, head: this.ctx.audit.headHash(), at: this.ctx.clock.now().toISOString() };
    const routing = { id, memberId: w.memberId, entries, epoch };
    const sealed = seal(key, Buffer.from(JSON.stringify(body)), headAad(w.workspaceId, routing));
    return { ...routing, sealed, sig: this.membership.signBytes(headSignedBytes(w.workspaceId, { ...routing, sealed })) };
  }

  /**
   * A head's body when it is this member's: signed with its member key (as its verified
   * membership gives it, else this machine's own), sealed with the workspace key for exactly
   * these routing fields, and saying what they say. Null for anything else (not counted).
   */
  private async open(w: HeadsWorkspace, row: StoredAuditHead): Promise<Body | null> {
    const signingKey = this.membership.member(w.memberId)?.signingKey ?? this.membership.mySigningKey();
    if (!verifySignature(headSignedBytes(w.workspaceId, row), row.sig, Buffer.from(signingKey, 'base64'))) return null;
    let plain: Buffer;
    try {
      plain = open(await w.keyFor(row.epoch), row.sealed, headAad(w.workspaceId, row));
    } catch {
      return null;
    }
    const body = Body.safeParse(safeJson(plain.toString('utf8')));
    if (!body.success) return null;
    const b = body.data;
    return b.id === row.id && b.ws === w.workspaceId && b.member === w.memberId && b.entries === row.entries ? b : null;
  }

  private keepLocally(row: StoredAuditHead): void {
    const value = JSON.stringify({ id: row.id, memberId: row.memberId, entries: row.entries, epoch: row.epoch, sealed: row.sealed.toString('base64'), sig: row.sig.toString('base64') });
    this.ctx.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(LOCAL_COPY, value);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
