import type { Migration } from './types';

/**
 * Step 7: search reads its best-ranked page straight from FTS5. `ORDER BY rank` is what FTS5
 * sorts by itself; the rank is set here to what search always used, bm25 with the title (and
 * reference) column weighted 5 against 1 for the body, so hits keep their order. Searches
 * without words walk the records newest first.
 */
export const searchMigration: Migration = {
  version: 7,
  description: 'search ranked by FTS5 itself (bm25 title 5, body 1); newest-first index of records',
  up(db) {
    db.exec(`
      INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
      CREATE INDEX search_docs_newest ON search_docs(date DESC, record_id) WHERE parent_id IS NULL;
    `);
  },
};
