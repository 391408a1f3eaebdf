import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { basename } from 'node:path';
import type { AuditAction, AuditEntry, AuditProblem, AuditVerifyResult, FieldChange, SignedHeadCheck } from '@shared/schemas/audit';
import type { Db } from '../db/open';
import { canonicalJson } from './canonical-json';
import { HlcClock } from '../sync/hlc';

export const GENESIS_HASH = '0'.repeat(64);

export interface AppendInput {
  /** Set for operations that come from another device; generated for local ones. */
  opId?: string;
  hlc?: string;
  bases?: Record<string, string> | null;
  at: string;
  actor: string;
  device: string;
  recordType: string;
  recordId: string;
  action: AuditAction;
  changes: FieldChange[];
  /**
   * The entry creates a record that did not exist (a new id): no field has a version yet, so
   * there is nothing to look up, and the whole record gets this entry's version at once.
   */
  fresh?: boolean;
  /**
   * The workspace member who made it (migration 20; not hashed): this machine's member for a
   * local entry (absent without sync), the verified author of a colleague's operation (absent
   * when nothing proved it: operations from before roles).
   */
  author?: string | null;
}

/** Who made an audit entry, as separation of duties compares it: its author member (null when unknown) and its machine. */
export interface EntryAuthor {
  author: string | null;
  device: string;
}

/**
 * Whether two changes were made by the same member (README › Roles, separation of duties): by
 * their author member ids — bound to the member's key by the operation's signature, which every
 * machine verifies before it applies a colleague's — when both are known; otherwise (an entry from
 * before migration 20, or before roles) by the machine each names.
 */
export function sameMember(a: EntryAuthor, b: EntryAuthor): boolean {
  return a.author && b.author ? a.author === b.author : a.device === b.device;
}

/** What a signed audit head says of this machine's chain: how many entries, the last one's hash, when. */
export interface SignedHead {
  entries: number;
  hash: string;
  signedAt: string | null;
}

/** The version row that stands for every field a record's creation set (see fieldVersion). */
export const ALL_FIELDS = '*';

interface Row {
  seq: number;
  op_id: string;
  at: string;
  actor: string;
  device: string;
  record_type: string;
  record_id: string;
  action: string;
  changes: string;
  prev_hash: string;
  hash: string;
  hlc: string | null;
  bases: string | null;
}

/** What the hash covers: everything in the entry but its local position (seq) and its own hash. */
export function entryHash(prevHash: string, e: Omit<AuditEntry, 'seq' | 'hash' | 'prevHash' | 'hlc' | 'bases'> & { hlc?: string | null; bases?: Record<string, string> | null }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        opId: e.opId,
        at: e.at,
        actor: e.actor,
        device: e.device,
        recordType: e.recordType,
        recordId: e.recordId,
        action: e.action,
        changes: e.changes,
        // Absent (not null) on entries from before sync, so their hashes stay what they were.
        hlc: e.hlc ?? undefined,
        bases: e.bases ?? undefined,
      }),
    )
    .digest('hex');
}

/**
 * A device's entries of a few record types after a position (sync's membership statements), read
 * through audit_by_record: these kinds are few, while audit_by_device made a first push read
 * every entry of the device to find its handful of statements. The unary + keeps the planner off
 * audit_by_device (test/integration/list-plans.test.ts checks the plan).
 */
export function ownEntriesOfSql(types: number): string {
  return `SELECT * FROM audit_log WHERE record_type IN (${Array.from({ length: types }, () => '?').join(',')}) AND +device = ? AND +seq > ? ORDER BY seq`;
}

function toEntry(r: Row): AuditEntry {
  return {
    seq: r.seq,
    opId: r.op_id,
    at: r.at,
    actor: r.actor,
    device: r.device,
    recordType: r.record_type,
    recordId: r.record_id,
    action: r.action as AuditAction,
    changes: JSON.parse(r.changes) as FieldChange[],
    hlc: r.hlc,
    bases: r.bases ? (JSON.parse(r.bases) as Record<string, string>) : null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The append-only, hash-chained log of every change. Each entry names the previous entry's
 * hash, so altering, removing or reordering any entry breaks the chain from there on. The head
 * (count and hash) is also kept outside the database in an HMAC-sealed anchor file, which is
 * what catches entries cut off the end.
 */
export class AuditLog {
  private head: { seq: number; hash: string } | undefined;

  private readonly hlc: HlcClock;

  constructor(
    private readonly db: Db,
    private readonly anchorPath: string,
    private readonly anchorKey: Buffer,
    device: string,
    wall: () => number,
  ) {
    const last = db.prepare('SELECT max(hlc) AS h FROM audit_log').get() as { h: string | null };
    this.hlc = new HlcClock(device, wall, last.h);
  }

  private currentHead(): { seq: number; hash: string } {
    if (!this.head) {
      const row = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      this.head = row ?? { seq: 0, hash: GENESIS_HASH };
    }
    return this.head;
  }

  /**
   * Must be called inside the transaction that makes the change it describes. Also moves each
   * field's version to this operation, remembering the version it overwrote (bases).
   */
  append(input: AppendInput): AuditEntry {
    const head = this.currentHead();
    const hlc = input.hlc ?? this.hlc.next();
    if (input.hlc) this.hlc.observe(input.hlc);
    const bases = input.bases !== undefined ? input.bases : input.fresh ? null : this.basesOf(input.recordType, input.recordId, input.changes);
    const { fresh, author, ...entry } = input;
    const base = { ...entry, opId: input.opId ?? uuidv7(), hlc, bases };
    const hash = entryHash(head.hash, base);
    const info = this.db
      .prepare(
        `INSERT INTO audit_log (op_id, at, actor, device, record_type, record_id, action, changes, prev_hash, hash, hlc, bases, author)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        base.opId,
        base.at,
        base.actor,
        base.device,
        base.recordType,
        base.recordId,
        base.action,
        JSON.stringify(base.changes),
        head.hash,
        hash,
        hlc,
        bases ? JSON.stringify(bases) : null,
        author ?? null,
      );
    const seq = Number(info.lastInsertRowid);
    this.head = { seq, hash };
    // A local change is the newest version of every field it sets; for remote operations the
    // sync applier decides field by field which version wins.
    if (!input.hlc) this.setFieldVersions(input.recordType, input.recordId, fresh ? [ALL_FIELDS] : input.changes.map((c) => c.field), hlc, base.opId);
    return { ...base, seq, prevHash: head.hash, hash };
  }

  private basesOf(recordType: string, recordId: string, changes: FieldChange[]): Record<string, string> | null {
    const out: Record<string, string> = {};
    for (const c of changes) {
      const v = this.fieldVersion(recordType, recordId, c.field);
      if (v) out[c.field] = v.hlc;
    }
    return Object.keys(out).length ? out : null;
  }

  /** The version each field now has (for local operations, and remote ones that won). */
  setFieldVersions(recordType: string, recordId: string, fields: string[], hlc: string, opId: string): void {
    const put = this.db.prepare(
      `INSERT INTO field_versions (record_type, record_id, field, hlc, op_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (record_type, record_id, field) DO UPDATE SET hlc = excluded.hlc, op_id = excluded.op_id`,
    );
    for (const f of fields) put.run(recordType, recordId, f, hlc, opId);
  }

  /**
   * A field's current version: its own row when it changed since the record was created, else
   * the creation's ('*', one row per record instead of one per field: a year of records would
   * otherwise keep a million version rows).
   */
  fieldVersion(recordType: string, recordId: string, field: string): { hlc: string; opId: string } | null {
    const row = this.db
      .prepare(`SELECT hlc, op_id FROM field_versions WHERE record_type = ? AND record_id = ? AND field IN (?, '${ALL_FIELDS}') ORDER BY field = '${ALL_FIELDS}' LIMIT 1`)
      .get(recordType, recordId, field) as { hlc: string; op_id: string } | undefined;
    return row ? { hlc: row.hlc, opId: row.op_id } : null;
  }

  hasOp(opId: string): boolean {
    return this.db.prepare('SELECT 1 FROM audit_log WHERE op_id = ?').get(opId) !== undefined;
  }

  /** Forget the cached head (after a rolled-back transaction). */
  resetHead(): void {
    this.head = undefined;
  }

  /**
   * How many entries the log holds, in constant time: entries are numbered 1, 2, 3… (seq is the
   * rowid; the log is append-only and a rolled-back append frees its number), so the head's seq
   * is the count. A log someone cut entries out of no longer verifies anyway (verify walks it).
   */
  count(): number {
    return this.currentHead().seq;
  }

  /**
   * Called after a committed transaction: seal the new head outside the database. Overwritten in
   * place and not fsynced: the database commit before it is durable, so after a crash the seal
   * can only be older than the log (an older seal is still a true one), never ahead of it; a seal
   * torn by a crash fails its MAC and reads as none, as a deleted one always did (verify reads it
   * on this same thread, never half written). Renames and fsyncs cost more than the whole write
   * they followed (bench: about 1 ms of a 3 ms save).
   */
  writeAnchor(): void {
    const head = this.currentHead();
    const body = { count: head.seq, hash: head.hash };
    writeFileSync(this.anchorPath, JSON.stringify({ ...body, mac: this.mac(body) }) + '\n', { mode: 0o600 });
  }

  private mac(body: { count: number; hash: string }): string {
    return createHmac('sha256', this.anchorKey).update(canonicalJson(body)).digest('hex');
  }

  headHash(): string {
    return this.currentHead().hash;
  }

  /**
   * A record's history: its own entries plus those of the records that hang off it (links,
   * attachments, an incident's notifications and clients), oldest first.
   */
  history(recordType: string, recordId: string, related: { recordType: string; idsSql: string; params: unknown[] }[] = []): AuditEntry[] {
    const clauses = ['(record_type = ? AND record_id = ?)'];
    const params: unknown[] = [recordType, recordId];
    for (const r of related) {
      clauses.push(`(record_type = ? AND record_id IN (${r.idsSql}))`);
      params.push(r.recordType, ...r.params);
    }
    return (this.db.prepare(`SELECT * FROM audit_log WHERE ${clauses.join(' OR ')} ORDER BY seq`).all(...params) as Row[]).map(toEntry);
  }

  /** This device's own operations after a position, leaving out local-only kinds (sync's outbox). */
  ownEntries(device: string, afterSeq: number, limit: number, excludeTypes: readonly string[]): AuditEntry[] {
    return (
      this.db
        .prepare(`SELECT * FROM audit_log WHERE seq > ? AND device = ? AND record_type NOT IN (${excludeTypes.map(() => '?').join(',')}) ORDER BY seq LIMIT ?`)
        .all(afterSeq, device, ...excludeTypes, limit) as Row[]
    ).map(toEntry);
  }

  /** This device's entries of the given record types after a position (sync sends member statements first). */
  ownEntriesOf(device: string, afterSeq: number, types: readonly string[]): AuditEntry[] {
    return (this.db.prepare(ownEntriesOfSql(types.length)).all(...types, device, afterSeq) as Row[]).map(toEntry);
  }

  entries(afterSeq = 0, limit = 10_000): AuditEntry[] {
    return (this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Row[]).map(toEntry);
  }

  /** The entries at these positions, in chain order (what an evidence bundle carries in full). */
  entriesAt(seqs: readonly number[]): AuditEntry[] {
    const out: AuditEntry[] = [];
    const get = this.db.prepare('SELECT * FROM audit_log WHERE seq = ?');
    for (const seq of [...new Set(seqs)].sort((a, b) => a - b)) {
      const row = get.get(seq) as Row | undefined;
      if (row) out.push(toEntry(row));
    }
    return out;
  }

  /** Position and hashes only (no content) of the entries at these positions: a bundle's withheld neighbours. */
  linksAt(seqs: readonly number[]): { seq: number; prevHash: string; hash: string }[] {
    const get = this.db.prepare('SELECT seq, prev_hash, hash FROM audit_log WHERE seq = ?');
    return [...new Set(seqs)]
      .sort((a, b) => a - b)
      .map((seq) => get.get(seq) as { seq: number; prev_hash: string; hash: string } | undefined)
      .filter((r) => r !== undefined)
      .map((r) => ({ seq: r.seq, prevHash: r.prev_hash, hash: r.hash }));
  }

  /** Positions of every entry about these records (by type and id). */
  seqsOf(recordType: string, ids: readonly string[]): number[] {
    if (ids.length === 0) return [];
    const q = this.db.prepare(`SELECT seq FROM audit_log WHERE record_type = ? AND record_id = ?`);
    return ids.flatMap((id) => (q.all(recordType, id) as { seq: number }[]).map((r) => r.seq));
  }

  /**
   * Walks the whole chain and reports the first entry that does not fit; then checks its end
   * against the head this machine signed at its latest push (`signed`, from the sync: undefined
   * when the caller has none to give, null when the register syncs with no workspace), and
   * against the sealed head in audit-head.json, whose absence is a finding of its own.
   */
  verify(signed?: { head: SignedHead | null; check: SignedHeadCheck } | null): AuditVerifyResult {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>;
    let expectedPrev = GENESIS_HASH;
    let prevSeq = 0;
    let count = 0;
    const seen = new Map<string, number>();
    const all: AuditEntry[] = [];
    for (const r of rows) all.push(toEntry(r));
    const laterHashes = new Set(all.map((e) => e.hash));

    for (const e of all) {
      count++;
      const recomputed = entryHash(e.prevHash, e);
      if (recomputed !== e.hash) {
        return this.bad(count, e.seq, 'altered', `Entry ${e.seq} (${e.action} of ${e.recordType} ${e.recordId}) no longer matches its hash: its content was changed.`);
      }
      if (e.prevHash !== expectedPrev) {
        if (seen.has(e.prevHash) || laterHashes.has(e.prevHash)) {
          return this.bad(count, e.seq, 'reordered', `Entry ${e.seq} follows an entry other than the one it was written after: entries were reordered.`);
        }
        return this.bad(count, e.seq, 'removed', `Entry ${e.seq} was written after an entry that is no longer in the log${e.seq !== prevSeq + 1 ? ` (entries ${prevSeq + 1}–${e.seq - 1} are missing)` : ''}.`);
      }
      seen.set(e.hash, e.seq);
      expectedPrev = e.hash;
      prevSeq = e.seq;
    }

    const signedHead = signed === undefined ? undefined : signed ? signed.check : null;
    const done = (r: AuditVerifyResult): AuditVerifyResult => (signedHead === undefined ? r : { ...r, signedHead });
    // Against the head this machine signed at a push, kept on the shared backend: someone holding
    // the database key can recompute every hash and the seal below, not that signature's place
    // in a log they cannot cut (docs/decisions/005-signed-audit-heads.md).
    const head = signed?.head;
    if (head && head.entries > 0) {
      const when = head.signedAt ? ` on ${head.signedAt}` : '';
      if (head.entries > count) {
        return done(
          this.bad(
            count,
            prevSeq + 1,
            'cut_after_push',
            `The log ends at entry ${count} but held ${head.entries} entries when this machine pushed${when} (the head it signed then, kept by the shared backend): the last ${head.entries - count} were removed, whatever the local seal says.`,
          ),
        );
      }
      const at = all[head.entries - 1];
      if (at && at.hash !== head.hash) {
        return done(
          this.bad(
            count,
            at.seq,
            'rewritten_after_push',
            `Entry ${at.seq} is not the entry this machine's chain held at that position when it pushed${when} (the head it signed then, kept by the shared backend): the log was rewritten up to there and its hashes recomputed.`,
          ),
        );
      }
    }

    const anchor = this.readAnchor();
    if (anchor === 'missing' && count > 0) {
      return done(
        this.bad(count, prevSeq, 'anchor_missing', `The sealed head (${basename(this.anchorPath)}) is missing: entries cut off the end of the log could not be detected on this machine alone. The next change seals the head again.`),
      );
    }
    if (anchor === 'unsealed') {
      return done(
        this.bad(
          count,
          prevSeq,
          'anchor_unsealed',
          `The sealed head (${basename(this.anchorPath)}) does not carry this register's seal: it was replaced, or damaged (a crash while it was written does this). Entries cut off the end could not be detected on this machine alone. The next change seals the head again.`,
        ),
      );
    }
    if (typeof anchor === 'object') {
      if (anchor.count > count) {
        return done(this.bad(count, prevSeq + 1, 'truncated', `The log ends at entry ${count} but had reached ${anchor.count} entries: the last ${anchor.count - count} were removed.`));
      }
      const atAnchor = all[anchor.count - 1];
      if (anchor.count > 0 && atAnchor && atAnchor.hash !== anchor.hash) {
        return done(this.bad(count, atAnchor.seq, 'altered', `Entry ${atAnchor.seq} is not the entry last sealed at that position.`));
      }
    }
    return done({ ok: true, count, headHash: expectedPrev, firstBad: null });
  }

  private bad(count: number, seq: number, problem: AuditProblem, detail: string): AuditVerifyResult {
    return { ok: false, count, headHash: this.currentHead().hash, firstBad: { seq, problem, detail } };
  }

  /** The sealed head, or why there is none: no file, or a file without this register's seal. */
  private readAnchor(): { count: number; hash: string } | 'missing' | 'unsealed' {
    if (!existsSync(this.anchorPath)) return 'missing';
    try {
      const a = JSON.parse(readFileSync(this.anchorPath, 'utf8')) as { count: number; hash: string; mac: string };
      if (typeof a.count !== 'number' || typeof a.hash !== 'string' || a.mac !== this.mac({ count: a.count, hash: a.hash })) return 'unsealed';
      return { count: a.count, hash: a.hash };
    } catch {
      return 'unsealed';
    }
  }
}
