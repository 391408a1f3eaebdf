import { z } from 'zod';

/** The registers a record can belong to; links, attachments and search speak in these. */
export const RecordType = z.enum(['complaint', 'letter', 'matter', 'incident', 'action', 'contract']);
export type RecordType = z.infer<typeof RecordType>;

export const RecordRef = z.object({ type: RecordType, id: z.uuid() });
export type RecordRef = z.infer<typeof RecordRef>;

/** A record as other records show it: enough to name it and open it. */
export const RecordHeader = RecordRef.extend({
  reference: z.string(),
  title: z.string(),
  status: z.string().nullable(),
  archived: z.boolean(),
});
export type RecordHeader = z.infer<typeof RecordHeader>;
