import { z } from 'zod';
import { IsoInstant, RecordId, ResultTotal } from './common';
import { RecordType } from './record-types';

/** One search across every register, filtered on what all records share. */
export const SearchQuery = z.object({
  text: z.string().trim().max(500).default(''),
  types: z.array(RecordType).optional(),
  status: z.array(z.string()).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  owner: z.string().trim().max(200).optional(),
  regulator: z.string().trim().max(100).optional(),
  risk: z.array(z.string()).optional(),
  includeArchived: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z.object({
  type: RecordType,
  id: RecordId,
  reference: z.string(),
  title: z.string(),
  status: z.string().nullable(),
  date: IsoInstant.nullable(),
  /** Text around the match, with the matched words between [[ and ]]. */
  snippet: z.string(),
  /** Set when the words were found in an attached file rather than the record itself. */
  matchedAttachment: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;
/** A page of hits; `total` counts records (not documents), capped as ResultTotal says. */
export const SearchResult = z.object({ hits: z.array(SearchHit), ...ResultTotal });
export type SearchResult = z.infer<typeof SearchResult>;

export const SavedView = z.object({ id: RecordId, name: z.string(), query: SearchQuery, createdAt: IsoInstant });
export type SavedView = z.infer<typeof SavedView>;
export const SavedViewCreate = z.object({ name: z.string().trim().min(1).max(100), query: SearchQuery });
export const SavedViewsResult = z.object({ views: z.array(SavedView) });

export const DashboardCounts = z.object({ open: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int() });
export const Dashboard = z.object({
  at: IsoInstant,
  registers: z.object({
    complaint: DashboardCounts,
    letter: DashboardCounts,
    matter: DashboardCounts,
    incident: DashboardCounts,
    action: DashboardCounts,
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;
