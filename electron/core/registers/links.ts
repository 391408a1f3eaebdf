import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { LinkCreate, type LinkView } from '@shared/schemas/link';
import type { RecordHeader, RecordRef, RecordType } from '@shared/schemas/record-types';
import { appendAudit, nowIso, type RegisterContext } from './context';

export const LINK = 'link';

/** The name, status and archive state of any record, from the shared search documents. */
export function recordHeader(ctx: RegisterContext, ref: RecordRef): RecordHeader | null {
  const row = ctx.db.prepare('SELECT reference, title, status, archived FROM search_docs WHERE record_type = ? AND record_id = ?').get(ref.type, ref.id) as
    | { reference: string; title: string; status: string | null; archived: number }
    | undefined;
  return row ? { ...ref, reference: row.reference, title: row.title, status: row.status, archived: row.archived === 1 } : null;
}

interface Row {
  id: string;
  from_type: RecordType;
  from_id: string;
  to_type: RecordType;
  to_id: string;
  note: string;
  created_at: string;
}

/** Links between any two records, shown from both sides; removed with a reason, never deleted. */
export class Links {
  constructor(private readonly ctx: RegisterContext) {}

  create(input: LinkCreate): LinkView {
    const { from, to, note } = LinkCreate.parse(input);
    if (from.type === to.type && from.id === to.id) throw new ApiError('VALIDATION_FAILED', 'A record cannot be linked to itself.');
    const a = recordHeader(this.ctx, from);
    const b = recordHeader(this.ctx, to);
    if (!a) throw new ApiError('NOT_FOUND', `No ${from.type} with id ${from.id}`);
    if (!b) throw new ApiError('NOT_FOUND', `No ${to.type} with id ${to.id}`);
    const existing = this.ctx.db
      .prepare(
        `SELECT id FROM links WHERE removed_at IS NULL AND ((from_type = ? AND from_id = ? AND to_type = ? AND to_id = ?) OR (from_type = ? AND from_id = ? AND to_type = ? AND to_id = ?))`,
      )
      .get(from.type, from.id, to.type, to.id, to.type, to.id, from.type, from.id);
    if (existing) throw new ApiError('CONFLICT', `${a.reference} and ${b.reference} are already linked.`);
    const id = uuidv7();
    const at = nowIso(this.ctx.clock);
    this.ctx.write(LINK, () => {
      this.ctx.db.prepare('INSERT INTO links (id, from_type, from_id, to_type, to_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, from.type, from.id, to.type, to.id, note, at);
      appendAudit(this.ctx, LINK, id, 'create', [
        { field: 'from', old: null, new: from },
        { field: 'to', old: null, new: to },
        ...(note ? [{ field: 'note', old: null, new: note }] : []),
      ]);
      return { id };
    });
    return { id, other: b, note, createdAt: at };
  }

  remove(id: string, reason: string): void {
    const row = this.ctx.db.prepare('SELECT * FROM links WHERE id = ? AND removed_at IS NULL').get(id) as Row | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `No active link with id ${id}`);
    this.ctx.write(LINK, () => {
      this.ctx.db.prepare('UPDATE links SET removed_at = ?, remove_reason = ? WHERE id = ?').run(nowIso(this.ctx.clock), reason, id);
      appendAudit(this.ctx, LINK, id, 'archive', [
        { field: 'from', old: { type: row.from_type, id: row.from_id }, new: { type: row.from_type, id: row.from_id } },
        { field: 'to', old: { type: row.to_type, id: row.to_id }, new: { type: row.to_type, id: row.to_id } },
        { field: 'removeReason', old: null, new: reason },
      ]);
      return { id };
    });
  }

  of(ref: RecordRef): LinkView[] {
    const rows = this.ctx.db
      .prepare('SELECT * FROM links WHERE removed_at IS NULL AND ((from_type = ? AND from_id = ?) OR (to_type = ? AND to_id = ?)) ORDER BY created_at, id')
      .all(ref.type, ref.id, ref.type, ref.id) as Row[];
    const out: LinkView[] = [];
    for (const r of rows) {
      const otherRef = r.from_type === ref.type && r.from_id === ref.id ? { type: r.to_type, id: r.to_id } : { type: r.from_type, id: r.from_id };
      const other = recordHeader(this.ctx, otherRef);
      if (other) out.push({ id: r.id, other, note: r.note, createdAt: r.created_at });
    }
    return out;
  }
}
