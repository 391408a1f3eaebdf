import { z } from 'zod';
import { IsoInstant, RecordId } from './common';
import { RecordHeader, RecordRef } from './record-types';

export const LinkCreate = z.object({ from: RecordRef, to: RecordRef, note: z.string().trim().max(500).default('') });
export type LinkCreate = z.input<typeof LinkCreate>;

/** A link as seen from one record: the other side, whichever way it was made. */
export const LinkView = z.object({ id: RecordId, other: RecordHeader, note: z.string(), createdAt: IsoInstant });
export type LinkView = z.infer<typeof LinkView>;

export const LinkRemove = z.object({ id: RecordId, reason: z.string().trim().min(3, 'Say why the link is removed') });
export const LinksOf = z.object({ record: RecordRef });
export const LinksResult = z.object({ links: z.array(LinkView) });
