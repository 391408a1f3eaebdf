import { z } from 'zod';
import { IsoInstant, RecordId } from './common';
import { RecordRef } from './record-types';

/** Attachments are stored inside the encrypted register; this is the most one file may weigh. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const AttachmentAdd = z.object({
  record: RecordRef,
  fileName: z.string().trim().min(1).max(255),
  mimeType: z.string().trim().max(200).default('application/octet-stream'),
  /** The file's bytes, base64. */
  contentBase64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB`),
});
export type AttachmentAdd = z.input<typeof AttachmentAdd>;

export const Attachment = z.object({
  id: RecordId,
  record: RecordRef,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Whether text could be extracted and indexed for search. */
  textIndexed: z.boolean(),
  createdAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentsOf = z.object({ record: RecordRef, includeArchived: z.boolean().default(false) });
export const AttachmentsResult = z.object({ attachments: z.array(Attachment) });
export const AttachmentContent = z.object({ attachment: Attachment, contentBase64: z.string() });
