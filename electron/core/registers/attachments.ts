import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { Attachment, AttachmentAdd, MAX_ATTACHMENT_BYTES } from '@shared/schemas/attachment';
import type { RecordRef, RecordType } from '@shared/schemas/record-types';
import { appendAudit, nowIso, type RegisterContext } from './context';
import { recordHeader } from './links';
import { extractText } from '../search/extract-text';

export const ATTACHMENT = 'attachment';
/** 1 MiB chunks: small enough to sync and resume, large enough to keep row counts low. */
export const CHUNK_BYTES = 1024 * 1024;

interface Row {
  id: string;
  record_type: RecordType;
  record_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  text_indexed: number;
  created_at: string;
  archived_at: string | null;
  archive_reason: string | null;
}

function fromRow(r: Row): Attachment {
  return {
    id: r.id,
    record: { type: r.record_type, id: r.record_id },
    fileName: r.file_name,
    mimeType: r.mime_type,
    size: r.size,
    sha256: r.sha256,
    textIndexed: r.text_indexed === 1,
    createdAt: r.created_at,
    archivedAt: r.archived_at,
    archiveReason: r.archive_reason,
  };
}

/** A file checked and its text extracted, ready to be written (Attachments.store). */
export interface PreparedAttachment {
  record: RecordRef;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  text: string | null;
}

/** Letters and evidence, stored inside the encrypted register; their text is searchable. */
export class Attachments {
  constructor(private readonly ctx: RegisterContext) {}

  async add(input: AttachmentAdd): Promise<Attachment> {
    const data = AttachmentAdd.parse(input);
    if (!recordHeader(this.ctx, data.record)) throw new ApiError('NOT_FOUND', `No ${data.record.type} with id ${data.record.id}`);
    return this.store(await this.prepare(data));
  }

  /**
   * The slow part of adding a file, outside any transaction: its checks and text extraction,
   * which may fail without touching the register. `store` then writes it synchronously, so a
   * caller can store several files and other changes in one transaction (a generated letter).
   */
  async prepare(input: AttachmentAdd): Promise<PreparedAttachment> {
    const data = AttachmentAdd.parse(input);
    const bytes = Buffer.from(data.contentBase64, 'base64');
    if (bytes.length === 0) throw new ApiError('VALIDATION_FAILED', `${data.fileName} is empty: there is nothing to attach.`);
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new ApiError('PAYLOAD_TOO_LARGE', `${data.fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB.`);
    }
    const text = await extractText(bytes, data.mimeType, data.fileName);
    return { record: data.record, fileName: data.fileName, mimeType: data.mimeType, bytes, text };
  }

  /** Writes a prepared file (on `record` when given: one made in the same transaction). Joins the caller's transaction. */
  store(p: PreparedAttachment, record: RecordRef = p.record): Attachment {
    const { bytes, text } = p;
    const a: Attachment = {
      id: uuidv7(),
      record,
      fileName: p.fileName,
      mimeType: p.mimeType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      textIndexed: text !== null && text.trim().length > 0,
      createdAt: nowIso(this.ctx.clock),
      archivedAt: null,
      archiveReason: null,
    };
    this.ctx.write(ATTACHMENT, () => {
      if (!recordHeader(this.ctx, a.record)) throw new ApiError('NOT_FOUND', `No ${a.record.type} with id ${a.record.id}`);
      this.ctx.db
        .prepare(
          `INSERT INTO attachments (id, record_type, record_id, file_name, mime_type, size, sha256, text_indexed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(a.id, a.record.type, a.record.id, a.fileName, a.mimeType, a.size, a.sha256, a.textIndexed ? 1 : 0, a.createdAt);
      const insert = this.ctx.db.prepare('INSERT INTO attachment_chunks (attachment_id, idx, data) VALUES (?, ?, ?)');
      for (let i = 0, idx = 0; i < bytes.length; i += CHUNK_BYTES, idx++) insert.run(a.id, idx, bytes.subarray(i, i + CHUNK_BYTES));
      this.ctx.search.upsertAttachment(a.id, a.fileName, text ?? '', a.record, false);
      appendAudit(this.ctx, ATTACHMENT, a.id, 'create', [
        { field: 'record', old: null, new: a.record },
        { field: 'fileName', old: null, new: a.fileName },
        { field: 'mimeType', old: null, new: a.mimeType },
        { field: 'size', old: null, new: a.size },
        { field: 'sha256', old: null, new: a.sha256 },
      ]);
      return { id: a.id };
    });
    return a;
  }

  get(id: string): Attachment {
    const row = this.ctx.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `No attachment with id ${id}`);
    return fromRow(row);
  }

  of(record: RecordRef, includeArchived = false): Attachment[] {
    return (
      this.ctx.db
        .prepare(`SELECT * FROM attachments WHERE record_type = ? AND record_id = ?${includeArchived ? '' : ' AND archived_at IS NULL'} ORDER BY created_at, id`)
        .all(record.type, record.id) as Row[]
    ).map(fromRow);
  }

  /** True when a filing lists this file among what it sent. */
  sentWithFiling(id: string): boolean {
    return !!this.ctx.db
      .prepare(`SELECT 1 FROM incident_notifications n, json_each(n.files) f WHERE json_extract(f.value, '$.attachmentId') = ? LIMIT 1`)
      .get(id);
  }

  /** The bytes, checked against the digest taken when the file came in. */
  content(id: string): { attachment: Attachment; bytes: Buffer } {
    const attachment = this.get(id);
    const chunks = this.ctx.db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY idx').all(id) as { data: Buffer }[];
    const bytes = Buffer.concat(chunks.map((c) => c.data));
    if (bytes.length !== attachment.size || createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
      throw new ApiError('CONFLICT', `The stored content of ${attachment.fileName} does not match its digest: it is incomplete or was altered.`);
    }
    return { attachment, bytes };
  }

  archive(id: string, reason: string, opts: { force?: boolean } = {}): Attachment {
    const a = this.get(id);
    if (a.archivedAt) throw new ApiError('CONFLICT', `${a.fileName} is already archived.`);
    if (!opts.force && this.sentWithFiling(id)) {
      throw new ApiError('CONFLICT', `${a.fileName} was sent with a filing: it is frozen with it and cannot be withdrawn.`);
    }
    const at = nowIso(this.ctx.clock);
    this.ctx.write(ATTACHMENT, () => {
      this.ctx.db.prepare('UPDATE attachments SET archived_at = ?, archive_reason = ? WHERE id = ?').run(at, reason, id);
      this.ctx.db.prepare(`UPDATE search_docs SET archived = 1 WHERE record_type = 'attachment' AND record_id = ?`).run(id);
      appendAudit(this.ctx, ATTACHMENT, id, 'archive', [
        { field: 'record', old: a.record, new: a.record },
        { field: 'archivedAt', old: null, new: at },
        { field: 'archiveReason', old: null, new: reason },
      ]);
      return { id };
    });
    return this.get(id);
  }
}
