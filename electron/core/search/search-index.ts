import type { Db } from '../db/open';
import type { SearchQuery, SearchResult } from '@shared/schemas/search';
import { SearchQuery as SearchQuerySchema } from '@shared/schemas/search';
import type { RecordType } from '@shared/schemas/record-types';
import { fold } from '@shared/text';

/** What a register tells the index about one record. */
export interface SearchDoc {
  reference: string;
  title: string;
  body: string;
  status: string | null;
  /** The record's main date (UTC ISO), for date filters and ordering. */
  date: string | null;
  owner?: string | null;
  regulator?: string | null;
  risk?: string | null;
  archived: boolean;
}

type Facets = Omit<SearchDoc, 'body' | 'title' | 'reference'>;

/**
 * The one full-text index (FTS5, inside the encrypted file) that every register writes to.
 * Accents are folded (remove_diacritics 2) so "reprimande" finds "réprimande".
 */
export class SearchIndex {
  constructor(private readonly db: Db) {}

  upsert(recordType: string, recordId: string, doc: SearchDoc): void {
    this.write(recordType, recordId, doc, null);
    // Attachments carry their parent's facets, so filters apply to them too.
    this.db
      .prepare('UPDATE search_docs SET status = ?, date = ?, owner = ?, regulator = ?, risk = ?, archived = ? WHERE parent_type = ? AND parent_id = ?')
      .run(...facetValues(doc), recordType, recordId);
  }

  /** Index an attached file's text under its parent record. */
  upsertAttachment(attachmentId: string, fileName: string, text: string, parent: { type: string; id: string }, archived: boolean): void {
    const p = this.db.prepare('SELECT * FROM search_docs WHERE record_type = ? AND record_id = ?').get(parent.type, parent.id) as
      | { status: string | null; date: string | null; owner: string | null; regulator: string | null; risk: string | null; archived: number }
      | undefined;
    this.write(
      'attachment',
      attachmentId,
      {
        reference: '',
        title: fileName,
        body: text,
        status: p?.status ?? null,
        date: p?.date ?? null,
        owner: p?.owner ?? null,
        regulator: p?.regulator ?? null,
        risk: p?.risk ?? null,
        archived: archived || Boolean(p?.archived),
      },
      parent,
    );
  }

  private write(recordType: string, recordId: string, doc: SearchDoc, parent: { type: string; id: string } | null) {
    const existing = this.db.prepare('SELECT rowid FROM search_docs WHERE record_type = ? AND record_id = ?').get(recordType, recordId) as
      | { rowid: number }
      | undefined;
    let rowid: number;
    if (existing) {
      rowid = existing.rowid;
      this.db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(rowid);
      this.db
        .prepare('UPDATE search_docs SET reference = ?, title = ?, status = ?, date = ?, owner = ?, regulator = ?, risk = ?, archived = ? WHERE rowid = ?')
        .run(doc.reference, doc.title, ...facetValues(doc), rowid);
    } else {
      rowid = Number(
        this.db
          .prepare(
            `INSERT INTO search_docs (record_type, record_id, reference, title, status, date, owner, regulator, risk, archived, parent_type, parent_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(recordType, recordId, doc.reference, doc.title, ...facetValues(doc), parent?.type ?? null, parent?.id ?? null).lastInsertRowid,
      );
    }
    this.db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, `${doc.reference} ${doc.title}`.trim(), doc.body);
  }

  /**
   * SQL fragment + params selecting the record ids of one type that match `text`, in the record
   * itself or in its attachments. Used as `id IN (<fragment>)` so filtering, sorting and paging
   * stay in one query.
   */
  matchClause(recordType: string, text: string): { sql: string; params: unknown[] } | null {
    const query = toFtsQuery(text);
    if (!query) return null;
    return {
      sql: `SELECT COALESCE(d.parent_id, d.record_id) FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
            WHERE search_fts MATCH ? AND COALESCE(d.parent_type, d.record_type) = ?`,
      params: [query, recordType],
    };
  }

  /** One search across every register, most relevant first (or newest first without words). */
  search(input: SearchQuery): SearchResult {
    const q = SearchQuerySchema.parse(input);
    const where: string[] = [];
    const params: unknown[] = [];
    const fts = toFtsQuery(q.text);
    if (!q.includeArchived) where.push('d.archived = 0');
    if (q.types?.length) {
      where.push(`COALESCE(d.parent_type, d.record_type) IN (${q.types.map(() => '?').join(',')})`);
      params.push(...q.types);
    }
    if (q.status?.length) {
      where.push(`d.status IN (${q.status.map(() => '?').join(',')})`);
      params.push(...q.status);
    }
    if (q.risk?.length) {
      where.push(`d.risk IN (${q.risk.map(() => '?').join(',')})`);
      params.push(...q.risk);
    }
    if (q.from) {
      where.push('d.date >= ?');
      params.push(new Date(q.from).toISOString());
    }
    if (q.to) {
      where.push('d.date < ?');
      params.push(new Date(q.to).toISOString());
    }
    if (q.owner) {
      where.push('fold(d.owner) = ?');
      params.push(fold(q.owner));
    }
    if (q.regulator) {
      where.push('d.regulator = ?');
      params.push(q.regulator);
    }

    const whereSql = where.length ? ` AND ${where.join(' AND ')}` : '';
    const matches = fts
      ? `SELECT COALESCE(d.parent_type, d.record_type) AS type, COALESCE(d.parent_id, d.record_id) AS id,
                CASE WHEN d.parent_id IS NOT NULL THEN d.title END AS att,
                snippet(search_fts, -1, '[[', ']]', '…', 16) AS snip, bm25(search_fts, 5.0, 1.0) AS rank
         FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
         WHERE search_fts MATCH ?${whereSql}`
      : `SELECT d.record_type AS type, d.record_id AS id, NULL AS att, '' AS snip, 0 AS rank
         FROM search_docs d WHERE d.parent_id IS NULL${whereSql}`;
    const allParams = fts ? [fts, ...params] : params;
    // One row per record: its best match (SQLite takes the bare columns from the min(rank) row).
    // MATERIALIZED: FTS5's auxiliary functions only work in the query that does the MATCH.
    const grouped = `WITH m AS MATERIALIZED (${matches}), g AS (SELECT type, id, att, snip, min(rank) AS rank FROM m GROUP BY type, id)`;
    const total = (this.db.prepare(`${grouped} SELECT count(*) AS n FROM g`).get(...allParams) as { n: number }).n;
    const rows = this.db
      .prepare(
        `${grouped} SELECT g.type, g.id, g.att, g.snip, p.reference, p.title, p.status, p.date
         FROM g JOIN search_docs p ON p.record_type = g.type AND p.record_id = g.id
         ORDER BY ${fts ? 'g.rank ASC' : 'p.date DESC'}, g.id
         LIMIT ? OFFSET ?`,
      )
      .all(...allParams, q.limit, q.offset) as {
      type: RecordType;
      id: string;
      att: string | null;
      snip: string;
      reference: string;
      title: string;
      status: string | null;
      date: string | null;
    }[];
    return {
      total,
      totalCapped: false,
      hits: rows.map((r) => ({
        type: r.type,
        id: r.id,
        reference: r.reference,
        title: r.title,
        status: r.status,
        date: r.date,
        snippet: r.snip,
        matchedAttachment: r.att,
      })),
    };
  }
}

function facetValues(doc: Facets): [string | null, string | null, string | null, string | null, string | null, number] {
  return [doc.status, doc.date, doc.owner ?? null, doc.regulator ?? null, doc.risk ?? null, doc.archived ? 1 : 0];
}

/**
 * Turns what a user types into a safe FTS5 query: every word must appear, the last one as a
 * prefix (search-as-you-type). Quotes keep FTS5 operators in user text from being interpreted.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
