import type { Db } from '../db/open';
import type { SearchQuery, SearchResult } from '@shared/schemas/search';
import { SearchQuery as SearchQuerySchema } from '@shared/schemas/search';
import type { RecordType } from '@shared/schemas/record-types';
import { fold } from '@shared/text';
import { TOTAL_CAP } from '@shared/schemas/common';

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

  /** A document for a record just created (no document, no attachments yet): the bulk load's path. */
  insertNew(recordType: string, recordId: string, doc: SearchDoc): void {
    const rowid = Number(
      this.db
        .prepare(
          `INSERT INTO search_docs (record_type, record_id, reference, title, status, date, owner, regulator, risk, archived, parent_type, parent_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
        )
        .run(recordType, recordId, doc.reference, doc.title, ...facetValues(doc)).lastInsertRowid,
    );
    this.db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, `${doc.reference} ${doc.title}`.trim(), doc.body);
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
    const title = `${doc.reference} ${doc.title}`.trim();
    if (existing) {
      rowid = existing.rowid;
      this.db
        .prepare('UPDATE search_docs SET reference = ?, title = ?, status = ?, date = ?, owner = ?, regulator = ?, risk = ?, archived = ? WHERE rowid = ?')
        .run(doc.reference, doc.title, ...facetValues(doc), rowid);
      // Most changes (a status, a date) leave the words as they were: then the full-text
      // index is left alone instead of tokenising the record out and in again. (`rowid = ?`
      // without MATCH is a keyed read of FTS5's content; a rowid range would scan the index.)
      const indexed = this.db.prepare('SELECT title, body FROM search_fts WHERE rowid = ?').get(rowid) as { title: string; body: string } | undefined;
      if (indexed && indexed.title === title && indexed.body === doc.body) return;
      this.db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(rowid);
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
    this.db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, doc.body);
  }

  /**
   * SQL fragment + params selecting the record ids of one type that match `text`, in the record
   * itself or in its attachments. Used as `id IN (<fragment>)` so filtering, sorting and paging
   * stay in one query.
   */
  matchClause(recordType: string, text: string): { sql: string; params: unknown[]; alone: (includeArchived: boolean) => { sql: string; params: unknown[] } } | null {
    const query = toFtsQuery(text);
    if (!query) return null;
    return {
      sql: `SELECT COALESCE(d.parent_id, d.record_id) FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
            WHERE search_fts MATCH ? AND COALESCE(d.parent_type, d.record_type) = ?`,
      params: [query, recordType],
      // The same records, one row each, without reading the register: a record's own document
      // says whether it is archived.
      alone: (includeArchived) => ({
        sql: `SELECT DISTINCT COALESCE(d.parent_id, d.record_id) FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
              ${includeArchived ? '' : 'JOIN search_docs p ON p.record_type = COALESCE(d.parent_type, d.record_type) AND p.record_id = COALESCE(d.parent_id, d.record_id) AND p.archived = 0'}
              WHERE search_fts MATCH ? AND COALESCE(d.parent_type, d.record_type) = ?`,
        params: [query, recordType],
      }),
    };
  }

  /**
   * One search across every register, most relevant first (or newest first without words).
   *
   * Designed for its floor: the ranked matches come straight from FTS5 (`ORDER BY rank`, the
   * rank being bm25 with the title weighted 5 — see migration 7), read only as far as the page
   * needs; snippets are built for the rows returned, and the total is counted only up to
   * TOTAL_CAP. A record matched by itself and by its attachments is one hit: its best-ranked
   * document. Equal ranks are ordered by record id, so pages never overlap.
   */
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
    return fts ? this.ranked(fts, where, params, q.offset, q.limit) : this.newest(where, params, q.offset, q.limit);
  }

  private ranked(fts: string, where: string[], params: unknown[], offset: number, limit: number): SearchResult {
    const and = where.length ? ` AND ${where.join(' AND ')}` : '';
    // With a LIMIT, SQLite keeps only the best rows in a small top-N sorter instead of sorting
    // every match (tens of thousands for a common word): that sort was most of the gap to the
    // floor. A record can match several times (its own text and its attachments), and the last
    // rank's ties must all be in, so when the rows run out before the page is settled the
    // window is widened and read again (rare: it takes more duplicates than page rows).
    // Snippets come from the same statement: FTS5 builds them only for the rows the top-N keeps,
    // where one snippet query per hit re-ran the whole MATCH fifty times (70 % of a search).
    const matches = this.db.prepare(
      `SELECT search_fts.rank AS rank, COALESCE(d.parent_type, d.record_type) AS type, COALESCE(d.parent_id, d.record_id) AS id,
              d.parent_id IS NOT NULL AS inAttachment, d.title AS title, snippet(search_fts, -1, '[[', ']]', '…', 16) AS snip
       FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
       WHERE search_fts MATCH ?${and} ORDER BY rank LIMIT ?`,
    );
    const need = offset + limit;
    let window = need * 2 + 16;
    let best: Map<string, { rank: number; type: RecordType; id: string; att: string | null; snip: string }>;
    for (;;) {
      const rows = matches.all(fts, ...params, window) as { rank: number; type: RecordType; id: string; inAttachment: number; title: string; snip: string }[];
      // Each record once, at its best rank; read on until the page is full and its last rank's ties are in.
      best = new Map();
      let lastRank = Number.NaN;
      let settled = rows.length < window;
      for (const m of rows) {
        if (best.size >= need && m.rank !== lastRank) {
          settled = true;
          break;
        }
        const key = `${m.type}\u0000${m.id}`;
        if (best.has(key)) continue;
        best.set(key, { rank: m.rank, type: m.type, id: m.id, att: m.inAttachment ? m.title : null, snip: m.snip });
        lastRank = m.rank;
      }
      if (settled) break;
      window *= 4;
    }
    const page = [...best.values()].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(offset, need);
    const hits = page.map((h) => {
      const header = this.header(h.type, h.id);
      return {
        type: h.type,
        id: h.id,
        reference: header?.reference ?? '',
        title: header?.title ?? '',
        status: header?.status ?? null,
        date: header?.date ?? null,
        snippet: h.snip,
        matchedAttachment: h.att,
      };
    });
    const counted =
      best.size > TOTAL_CAP
        ? best.size
        : (
            this.db
              .prepare(
                `SELECT count(*) AS n FROM (SELECT DISTINCT COALESCE(d.parent_type, d.record_type), COALESCE(d.parent_id, d.record_id)
                 FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ?${and} LIMIT ${TOTAL_CAP + 1})`,
              )
              .get(fts, ...params) as { n: number }
          ).n;
    return { hits, ...capped(counted) };
  }

  /** Without words: the records themselves, newest first (search_docs_newest walks that order). */
  private newest(where: string[], params: unknown[], offset: number, limit: number): SearchResult {
    const and = where.length ? ` AND ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(
        `SELECT d.record_type AS type, d.record_id AS id, d.reference, d.title, d.status, d.date FROM search_docs d
         WHERE d.parent_id IS NULL${and} ORDER BY d.date DESC, d.record_id LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as { type: RecordType; id: string; reference: string; title: string; status: string | null; date: string | null }[];
    const counted = (
      this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_docs d WHERE d.parent_id IS NULL${and} LIMIT ${TOTAL_CAP + 1})`).get(...params) as { n: number }
    ).n;
    return { hits: rows.map((r) => ({ ...r, snippet: '', matchedAttachment: null })), ...capped(counted) };
  }

  /** A record's own document: what a hit shows of it. */
  private header(type: string, id: string): { reference: string; title: string; status: string | null; date: string | null } | undefined {
    return this.db.prepare('SELECT reference, title, status, date FROM search_docs WHERE record_type = ? AND record_id = ?').get(type, id) as
      | { reference: string; title: string; status: string | null; date: string | null }
      | undefined;
  }
}

/** Exact up to the cap; beyond it, the cap as a lower bound. */
export function capped(counted: number): { total: number; totalCapped: boolean } {
  return counted > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: counted, totalCapped: false };
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
