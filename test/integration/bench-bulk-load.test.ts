import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlainSession, type BenchSession } from '../../bench/plain-context';
import { bulkLoad, load, SimClock } from '../../bench/generate';
import { tempDir } from '../support/workstation';

/**
 * The S5 volume is built through the registers' bulk seam (bench/generate.ts bulkLoad), S4 through
 * the registers' methods one call at a time. The benchmark compares queries on those builds, so
 * the two must hold the same registers: the same records in their final state, the same history
 * (audit entries, field by field, at the same instants) and the same index. Records are compared
 * by reference; ids are random, so every id in a row or an audit entry is read as its reference.
 */

const VOLUME = { complaints: 400, letters: 40, incidents: 16, actions: 160 };
const SEED = 4242;
const TABLES = ['complaints', 'letters', 'incidents', 'actions'] as const;

let one: BenchSession;
let bulk: BenchSession;
const dirs: { cleanup(): void }[] = [];

function build(how: 'registers' | 'bulk'): BenchSession {
  const t = tempDir(`privacyops-bulk-${how}-`);
  dirs.push(t);
  const clock = new SimClock();
  const s = openPlainSession(t.dir, clock);
  if (how === 'bulk') bulkLoad(s, clock, VOLUME, SEED, { progress: () => {} });
  else load(s, clock, VOLUME, SEED, { daysPerBatch: 30, progress: () => {} });
  return s;
}

/** Every id of the register replaced by its record's reference, so two builds compare. */
function byReference(s: BenchSession): (text: string) => string {
  const refs = new Map<string, string>();
  for (const t of TABLES) for (const r of s.db.prepare(`SELECT id, reference FROM ${t}`).all() as { id: string; reference: string }[]) refs.set(r.id, r.reference);
  const ids = new RegExp([...refs.keys()].join('|'), 'g');
  return (text) => text.replace(ids, (id) => `<${refs.get(id)}>`);
}

function rows(s: BenchSession, table: string): Record<string, string> {
  const named = byReference(s);
  const out: Record<string, string> = {};
  for (const r of s.db.prepare(`SELECT * FROM ${table} ORDER BY reference`).all() as Record<string, unknown>[]) {
    const { id: _id, ...rest } = r;
    out[String(r.reference)] = named(JSON.stringify(rest));
  }
  return out;
}

/**
 * Each register record's history: its audit entries in order, as (action, instant, changes). The
 * sub-records (an incident's notifications, obligations, clients) are written the same way by
 * both builds, through the incidents register; they are counted, by type, in the last key.
 */
function histories(s: BenchSession): Map<string, string[]> {
  const named = byReference(s);
  const out = new Map<string, string[]>();
  const counts: Record<string, number> = {};
  for (const e of s.db.prepare('SELECT record_type, record_id, action, at, changes FROM audit_log ORDER BY seq').all() as { record_type: string; record_id: string; action: string; at: string; changes: string }[]) {
    if (!['complaint', 'letter', 'incident', 'action'].includes(e.record_type)) {
      counts[`${e.record_type} ${e.action}`] = (counts[`${e.record_type} ${e.action}`] ?? 0) + 1;
      continue;
    }
    const key = named(e.record_id);
    out.set(key, [...(out.get(key) ?? []), named(`${e.action} ${e.at} ${e.changes}`)]);
  }
  out.set('sub-records', Object.entries(counts).sort().map(([k, n]) => `${k}: ${n}`));
  return out;
}

beforeAll(() => {
  one = build('registers');
  bulk = build('bulk');
});

afterAll(() => {
  one?.close();
  bulk?.close();
  for (const d of dirs) d.cleanup();
});

describe('the bench’s bulk build holds the registers its one-by-one build holds', () => {
  it.each(TABLES)('%s: the same records in the same final state', (table) => {
    const a = rows(one, table);
    const b = rows(bulk, table);
    expect(Object.keys(b).length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('the same history for every record, entry by entry, and a chain that verifies', () => {
    const a = histories(one);
    const b = histories(bulk);
    expect(b.size).toBe(a.size);
    for (const [record, entries] of a) expect(b.get(record), record).toEqual(entries);
    expect(bulk.ctx.audit.verify()).toMatchObject({ ok: true });
  });

  it('the same index: a search finds the same records', () => {
    const found = (s: BenchSession, text: string) =>
      s.ctx.search
        .search({ text, limit: 50 })
        .hits.map((h) => h.reference)
        .sort();
    for (const text of ['remboursement', 'access', 'CNIL', 'Paris']) expect(found(bulk, text)).toEqual(found(one, text));
  });
});
