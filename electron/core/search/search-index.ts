import type { Db } from '../db/open';

/**
 * The one full-text index (FTS5, inside the encrypted file) that every register writes to.
 * Accents are folded (remove_diacritics 2) so "reprimande" finds "réprimande".
 */
export class SearchIndex {
  constructor(private readonly db: Db) {}

  upsert(recordType: string, recordId: string, title: string, body: string): void {
    const existing = this.db
      .prepare('SELECT rowid FROM search_docs WHERE record_type = ? AND record_id = ?')
      .get(recordType, recordId) as { rowid: number } | undefined;
    let rowid: number;
    if (existing) {
      rowid = existing.rowid;
      this.db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(rowid);
    } else {
      rowid = Number(this.db.prepare('INSERT INTO search_docs (record_type, record_id) VALUES (?, ?)').run(recordType, recordId).lastInsertRowid);
    }
    this.db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, body);
  }

  /**
   * SQL fragment + params selecting the record ids of one type that match `text`.
   * Used as `id IN (<fragment>)` so filtering, sorting and paging stay in one query.
   */
  matchClause(recordType: string, text: string): { sql: string; params: unknown[] } | null {
    const query = toFtsQuery(text);
    if (!query) return null;
    return {
      sql: `SELECT d.record_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ? AND d.record_type = ?`,
      params: [query, recordType],
    };
  }
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
