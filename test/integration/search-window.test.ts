import { afterEach, describe, expect, it } from 'vitest';
import { openPlainSession, type BenchSession } from '../../bench/plain-context';
import { SearchIndex } from '../../electron/core/search/search-index';
import { tempDir } from '../support/workstation';

/**
 * The ranked search reads a limited window of the best matches (a top-N sort in SQLite) and
 * widens it when one record's many matching attachments fill the window before the page is
 * settled. Here one complaint has 60 attachments that all outrank every other record: with a
 * page of 2 the first window (20 rows) holds only that complaint, so the search must widen and
 * still return the same page as grouping every match in SQL.
 */
describe('ranked search window', () => {
  let s: BenchSession;
  let cleanup: () => void;
  afterEach(() => {
    s?.close();
    cleanup?.();
  });

  it('widens its window when duplicates fill it, and returns the page an unlimited grouping returns', () => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    s = openPlainSession(dir.dir, { now: () => new Date('2026-03-01T10:00:00Z') });
    const index = new SearchIndex(s.db);
    const doc = (title: string, body: string) => ({ reference: '', title, body, status: 'open', date: '2026-02-01T00:00:00.000Z', archived: false });
    s.db.transaction(() => {
      index.upsert('complaint', 'c-many', doc('R-1 zorglubix', 'zorglubix'));
      for (let i = 0; i < 60; i++) index.upsertAttachment(`a-${i}`, `zorglubix zorglubix zorglubix ${i}.pdf`, 'zorglubix zorglubix zorglubix', { type: 'complaint', id: 'c-many' }, false);
      for (let i = 0; i < 5; i++) index.upsert('complaint', `c-${i}`, doc(`R-${i + 2}`, `zorglubix ${'mot '.repeat(10 * (i + 1))}`));
    })();

    const grouped = s.db
      .prepare(
        `SELECT COALESCE(d.parent_id, d.record_id) AS id, min(search_fts.rank) AS r FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
         WHERE search_fts MATCH '"zorglubix"*' GROUP BY 1 ORDER BY r, id`,
      )
      .all() as { id: string }[];
    expect(grouped[0]?.id).toBe('c-many');

    const pages: [number, number][] = [
      [0, 2],
      [1, 3],
      [4, 2],
    ];
    for (const [offset, limit] of pages) {
      const r = index.search({ text: 'zorglubix', offset, limit });
      expect(r.hits.map((h) => h.id)).toEqual(grouped.slice(offset, offset + limit).map((g) => g.id));
      expect(r.total).toBe(6);
    }
    // The complaint's best match is one of its attachments, and the hit says which.
    expect(index.search({ text: 'zorglubix', limit: 1 }).hits[0]?.matchedAttachment).toMatch(/^zorglubix .*\.pdf$/);
  });
});
