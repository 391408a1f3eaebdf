import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SearchQuery } from '@shared/schemas/search';
import { TOTAL_CAP } from '@shared/schemas/common';
import { openEncryptedSession, newKey, type BenchSession } from '../../bench/plain-context';
import { load, SimClock, YEAR_START } from '../../bench/generate';
import { Rng } from '../../bench/prng';
import { CITIES, OWNERS, searchTerms, TextMaker } from '../../bench/corpus';
import { tempDir } from '../support/workstation';

/**
 * Search gives the same hits in the same order whatever its SQL: the expected results below were
 * recorded with the search of commit 62cc032 (every match grouped and sorted in SQL) on a fixed
 * corpus, and every later design must return the very same pages. Records are named by their
 * reference (ids are random). A total above the cap may come back capped: then it must be a
 * lower bound of the recorded exact total.
 *
 * Re-record (only when the corpus or the queries change, never to make a redesign pass):
 *   RECORD_SEARCH_EXPECTED=1 npx vitest run test/integration/search-results.test.ts
 */

const EXPECTED = fileURLToPath(new URL('../fixtures/search-expected.json', import.meta.url));
const RECORD = process.env.RECORD_SEARCH_EXPECTED === '1';
const VOLUME = { complaints: 1_500, letters: 150, incidents: 60, actions: 600 };

interface Page {
  total: number;
  hits: string[];
}
type Expected = Record<string, Page>;

let s: BenchSession;
let cleanup: () => void;
const refOf = new Map<string, string>();

function queries(): { name: string; q: SearchQuery }[] {
  const rng = new Rng(77);
  const out: { name: string; q: SearchQuery }[] = [];
  for (let i = 0; i < 70; i++) {
    const q: SearchQuery = { text: searchTerms(rng), limit: 50 };
    const f = rng.next();
    if (f < 0.12) q.types = [rng.pick(['complaint', 'letter', 'incident', 'action'] as const)];
    else if (f < 0.2) Object.assign(q, { from: new Date(Date.UTC(2025, rng.int(10), 1)).toISOString(), to: new Date(Date.UTC(2025, 10, 1)).toISOString() });
    else if (f < 0.27) q.owner = rng.pick(OWNERS);
    else if (f < 0.32) q.regulator = 'FR-CNIL';
    else if (f < 0.38) Object.assign(q, { text: rng.pick(CITIES), offset: 50 * rng.between(1, 3) });
    else if (f < 0.43) q.includeArchived = true;
    else if (f < 0.48) q.status = [rng.pick(['in_progress', 'open', 'planned', 'answered', 'closed'])];
    else if (f < 0.52) q.risk = [rng.pick(['high', 'risk'])];
    else if (f < 0.56) q.limit = 7;
    out.push({ name: `${i} ${JSON.stringify(q)}`, q });
  }
  // Without words: newest first, with facets.
  for (let i = 0; i < 8; i++) {
    const q: SearchQuery = { text: '', status: [rng.pick(['in_progress', 'open', 'planned', 'awaiting_reply', 'answered'])], from: new Date(YEAR_START + rng.int(300) * 86_400_000).toISOString(), offset: 50 * rng.int(3) };
    out.push({ name: `nowords ${i} ${JSON.stringify(q)}`, q });
  }
  out.push({ name: 'nowords all', q: { text: '', offset: 100 } });
  out.push({ name: 'nowords types', q: { text: '', types: ['incident', 'letter'], includeArchived: true } });
  // Words found only in attachments, or in both a record and its attachment.
  for (const text of ['zorglub', 'pièce jointe', 'attestation quittance', 'Quittance', 'rapport forensique zorglub']) out.push({ name: `attachment ${text}`, q: { text } });
  // Syntax typed by a user is text.
  out.push({ name: 'operators', q: { text: 'NEAR( "données OR client' } });
  return out;
}

function page(r: { total: number; hits: { type: string; id: string; snippet: string; matchedAttachment: string | null; status: string | null; date: string | null }[] }): Page {
  return { total: r.total, hits: r.hits.map((h) => [h.type, refOf.get(h.id) ?? h.id, h.status, h.date, h.matchedAttachment, h.snippet].join(' | ')) };
}

type ListRun = () => { total: number; totalCapped: boolean; items: { reference: string }[] };

function listText(): { name: string; run: ListRun }[] {
  const rng = new Rng(78);
  const out: { name: string; run: ListRun }[] = [];
  for (let i = 0; i < 10; i++) {
    const text = searchTerms(rng);
    out.push({ name: `complaints ${text}`, run: () => s.complaints.list({ text, sort: { field: 'receivedAt', dir: 'desc' } }) });
    out.push({ name: `actions ${text}`, run: () => s.actions.list({ text, limit: 20 }) });
  }
  out.push({ name: 'letters zorglub', run: () => s.letters.list({ text: 'zorglub' }) });
  return out;
}

beforeAll(async () => {
  const t = tempDir('privacyops-search-');
  const clock = new SimClock();
  s = openEncryptedSession(t.dir, newKey(), clock, { create: true });
  cleanup = () => {
    s.close();
    t.cleanup();
  };
  load(s, clock, VOLUME, 20250101, { daysPerBatch: 30, progress: () => {} });
  // Attachments: words only in a file, words in both a record and its file, archived parents.
  const rng = new Rng(79);
  const text = new TextMaker(rng);
  const complaints = s.complaints.list({ limit: 500, includeArchived: true }).items;
  const letters = s.letters.list({ limit: 150 }).items;
  for (let i = 0; i < 12; i++) {
    const parent = i % 3 === 0 ? { type: 'letter' as const, id: letters[rng.int(letters.length)]!.id } : { type: 'complaint' as const, id: complaints[rng.int(complaints.length)]!.id };
    const body = `${i % 2 ? 'Quittance et attestation' : 'Rapport forensique zorglub'} : ${text.paragraph(i % 2 ? 'complaint' : 'incident', i % 2 ? 'fr' : 'en', 2, 3)} pièce jointe ${i}`;
    await s.attachments.add({ record: parent, fileName: `piece-${i}.txt`, mimeType: 'text/plain', contentBase64: Buffer.from(body).toString('base64') });
  }
  for (const reg of ['complaints', 'letters', 'incidents', 'actions', 'matters'] as const) {
    for (let offset = 0; ; offset += 500) {
      const r = (s[reg].list as (q: { includeArchived: boolean; limit: number; offset: number }) => { items: { id: string; reference: string }[] })({ includeArchived: true, limit: 500, offset });
      for (const x of r.items) refOf.set(x.id, x.reference);
      if (r.items.length < 500) break;
    }
  }
}, 300_000);

afterAll(() => cleanup?.());

describe('search results on a fixed corpus', () => {
  it('are the same hits in the same order as recorded before the redesign', () => {
    const got: Expected = {};
    const capped = new Map<string, boolean>();
    for (const { name, q } of queries()) {
      const r = s.ctx.search.search(q);
      got[name] = page(r);
      capped.set(name, r.totalCapped);
    }
    for (const { name, run } of listText()) {
      const r = run();
      got[`list ${name}`] = { total: r.total, hits: r.items.map((i) => i.reference) };
      capped.set(`list ${name}`, r.totalCapped);
    }
    if (RECORD) {
      writeFileSync(EXPECTED, JSON.stringify(got, null, 1) + '\n');
      return;
    }
    expect(existsSync(EXPECTED), 'the expected results are committed').toBe(true);
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Expected;
    expect(Object.keys(got)).toEqual(Object.keys(expected));
    // Not all empty: the corpus and the queries find things.
    expect(Object.values(expected).filter((p) => p.hits.length > 0).length).toBeGreaterThan(60);
    for (const [name, want] of Object.entries(expected)) {
      const have = got[name]!;
      expect(have.hits, name).toEqual(want.hits);
      if (capped.get(name)) {
        // Only a capped total may differ, and then it is a lower bound.
        expect(have.total, name).toBeLessThan(want.total);
        expect(have.total, name).toBe(TOTAL_CAP);
      } else expect(have.total, name).toBe(want.total);
    }
  });
});
