import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { methods, type MethodName } from '@shared/api/contract';
import type { SearchQuery } from '@shared/schemas/search';
import type { Db } from '../electron/core/db/open';
import { Rng } from './prng';
import { CITIES, OWNERS, searchTerms, TextMaker } from './corpus';
import { BENCH_NOW, YEAR_START, type Volume } from './generate';
import type { BenchSession } from './plain-context';

export const CATEGORIES = ['list', 'filter', 'sort', 'search', 'open', 'save'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What a call returned, to check that both registers and the floor return the same page. */
export interface Outcome {
  /** The page's record ids, in order (or references, which are the same on every register). */
  keys: string[];
  total: number | null;
}

/** References → ids of one register (ids are random, references are the same on every build). */
export type IdsOf = (register: Register, reference: string) => string;

/**
 * One timed call. `run` goes through the API method as the core serves it (input parsed by the
 * contract's schema, the register's method, output checked by the contract's schema); `floor`
 * is the least SQL that returns the same page, written by hand, on the plain file.
 */
export interface Case {
  category: Category;
  /** Groups cases in the detail table (e.g. "complaints by status"). */
  label: string;
  run(s: BenchSession, ids: IdsOf): Outcome;
  floor(db: Db, ids: IdsOf): Outcome;
  /** Floors that order ties differently than the app (FTS rank) are compared as sets. */
  unordered?: boolean;
}

export type Register = 'complaints' | 'letters' | 'incidents' | 'actions';
const REGISTERS: Register[] = ['complaints', 'letters', 'incidents', 'actions'];

const PAGE = 50;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Calls a method the way the core's dispatcher does: input and output through the contract. */
function api<M extends MethodName>(method: M, input: z.input<(typeof methods)[M]['input']>, fn: (q: z.infer<(typeof methods)[M]['input']>) => unknown): z.infer<(typeof methods)[M]['output']> {
  const spec = methods[method];
  const q = spec.input.parse(input) as z.infer<(typeof methods)[M]['input']>;
  return spec.output.parse(fn(q)) as z.infer<(typeof methods)[M]['output']>;
}

const listOutcome = (r: { items: { reference: string }[]; total: number }): Outcome => ({ keys: r.items.map((i) => i.reference), total: r.total });
const rowsOutcome = (rows: unknown[]): Outcome => ({ keys: (rows as { reference: string }[]).map((r) => r.reference), total: null });

/** A page of `table` by hand: the WHERE, ORDER BY and paging the list would need, no more. */
function floorPage(db: Db, table: string, where: string[], params: unknown[], order: string, offset: number, limit = PAGE): Outcome {
  const sql = `SELECT * FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
  return rowsOutcome(db.prepare(sql).all(...params, limit, offset));
}

const qs = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** FTS5 query syntax for plain words, as a user would get it by hand: each word, last one a prefix. */
function ftsWords(text: string): string {
  const words = text.normalize('NFC').split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

const MATCHING_IDS = (type: string) =>
  `SELECT COALESCE(d.parent_id, d.record_id) FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ? AND COALESCE(d.parent_type, d.record_type) = '${type}'`;

/**
 * A page anywhere in the list: a third of the time one of the first pages (what people open),
 * otherwise anywhere down to the last page (scrolling a virtualised list, "go to end").
 */
function offsetIn(rng: Rng, total: number, firstPages = 5): number {
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const page = rng.chance(0.33) ? rng.int(Math.min(firstPages, pages)) : rng.int(pages);
  return page * PAGE;
}

function monthRange(rng: Rng, months = 1): { from: string; to: string } {
  const m = rng.int(13 - months);
  return { from: iso(Date.UTC(2025, m, 1)), to: iso(Date.UTC(2025, m + months, 1)) };
}

/** Default order of each list (the schema's default sort) and its hand-written ORDER BY. */
const DEFAULT_ORDER: Record<Register, string> = {
  complaints: 'received_at DESC, id DESC',
  letters: 'COALESCE(received_at, sent_at) DESC, id DESC',
  incidents: 'aware_at DESC, id DESC',
  actions: 'due_at IS NULL, due_at ASC, id ASC',
};

/** Sortable columns per register, as the lists offer them, and the ORDER BY term a person would write. */
const SORTS: Record<Register, Record<string, { sql: string; nullable?: boolean }>> = {
  complaints: {
    reference: { sql: 'reference' },
    receivedAt: { sql: 'received_at' },
    responseDue: { sql: 'response_due' },
    status: { sql: 'status' },
    complainantLabel: { sql: 'complainant_label COLLATE NOCASE' },
    channel: { sql: 'channel' },
  },
  letters: {
    reference: { sql: 'reference' },
    date: { sql: 'COALESCE(received_at, sent_at)' },
    replyDue: { sql: 'reply_due', nullable: true },
    kind: { sql: 'kind' },
    regulator: { sql: 'regulator' },
  },
  incidents: {
    reference: { sql: 'reference' },
    awareAt: { sql: 'aware_at' },
    authorityDue: { sql: 'authority_due' },
    riskLevel: { sql: `CASE risk_level WHEN 'high' THEN 3 WHEN 'risk' THEN 2 WHEN 'unlikely' THEN 1 ELSE 0 END` },
    status: { sql: 'status' },
    title: { sql: 'title COLLATE NOCASE' },
  },
  actions: {
    reference: { sql: 'reference' },
    dueAt: { sql: 'due_at', nullable: true },
    status: { sql: 'status' },
    owner: { sql: 'owner COLLATE NOCASE' },
    priority: { sql: `CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END` },
    title: { sql: 'title COLLATE NOCASE' },
  },
};

function listCall(s: BenchSession, reg: Register, q: Record<string, unknown>) {
  switch (reg) {
    case 'complaints':
      return api('complaints.list', q, (x) => s.complaints.list(x));
    case 'letters':
      return api('letters.list', q, (x) => s.letters.list(x));
    case 'incidents':
      return api('incidents.list', q, (x) => s.incidents.list(x));
    case 'actions':
      return api('actions.list', q, (x) => s.actions.list(x));
  }
}

/** `n` cases of each category, the same for every database given the same seed and volume. */
export function buildCases(volume: Volume, n: number, seed: number, references: Record<Register, string[]>): Case[] {
  const rng = new Rng(seed);
  const cases: Case[] = [];
  const now = iso(BENCH_NOW.getTime());
  const active = ['archived_at IS NULL'];

  // list: each register's default order, a page at any depth.
  for (let i = 0; i < n; i++) {
    const reg = REGISTERS[i % REGISTERS.length]!;
    const offset = offsetIn(rng, volume[reg]);
    cases.push({
      category: 'list',
      label: reg,
      run: (s) => listOutcome(listCall(s, reg, { offset, limit: PAGE })),
      floor: (db) => floorPage(db, reg, active, [], DEFAULT_ORDER[reg], offset),
    });
  }

  // filter: the filters a DPO uses, default order, first pages of the result.
  const filters: (() => Case)[] = [
    () => {
      const offset = PAGE * rng.int(3);
      const status = ['received', 'in_progress', 'awaiting_information'] as const;
      return {
        category: 'filter',
        label: 'complaints open',
        run: (s) => listOutcome(listCall(s, 'complaints', { status: [...status], offset })),
        floor: (db) => floorPage(db, 'complaints', [...active, `status IN (${qs(3)})`], [...status], DEFAULT_ORDER.complaints, offset),
      };
    },
    () => {
      const r = monthRange(rng);
      const status = rng.pick([['answered'], ['closed'], ['answered', 'closed']] as const);
      const offset = PAGE * rng.int(3);
      return {
        category: 'filter',
        label: 'complaints status+month',
        run: (s) => listOutcome(listCall(s, 'complaints', { status: [...status], receivedFrom: r.from, receivedTo: r.to, offset })),
        floor: (db) =>
          floorPage(db, 'complaints', [...active, `status IN (${qs(status.length)})`, 'received_at >= ?', 'received_at < ?'], [...status, r.from, r.to], DEFAULT_ORDER.complaints, offset),
      };
    },
    () => {
      const channel = rng.pick(['regulator', 'post', 'phone'] as const);
      return {
        category: 'filter',
        label: 'complaints channel',
        run: (s) => listOutcome(listCall(s, 'complaints', { channel: [channel], includeArchived: true })),
        floor: (db) => floorPage(db, 'complaints', ['channel = ?'], [channel], DEFAULT_ORDER.complaints, 0),
      };
    },
    () => {
      const right = rng.pick(['erasure', 'portability', 'automated_decision', 'objection_direct_marketing'] as const);
      return {
        category: 'filter',
        label: 'complaints right',
        run: (s) => listOutcome(listCall(s, 'complaints', { right: [right] })),
        floor: (db) => floorPage(db, 'complaints', [...active, 'EXISTS (SELECT 1 FROM json_each(complaints.rights) WHERE value = ?)'], [right], DEFAULT_ORDER.complaints, 0),
      };
    },
    () => ({
      category: 'filter',
      label: 'complaints overdue',
      run: (s) => listOutcome(listCall(s, 'complaints', { overdueAt: now, sort: { field: 'responseDue', dir: 'asc' } })),
      floor: (db) => floorPage(db, 'complaints', [...active, `status NOT IN ('answered','closed')`, 'response_due < ?'], [now], 'response_due ASC, id ASC', 0),
    }),
    () => {
      const text = searchTerms(rng);
      return {
        category: 'filter',
        label: 'complaints text',
        run: (s) => listOutcome(listCall(s, 'complaints', { text })),
        floor: (db) => floorPage(db, 'complaints', [...active, `id IN (${MATCHING_IDS('complaint')})`], [ftsWords(text)], DEFAULT_ORDER.complaints, 0),
      };
    },
    () => {
      const kind = rng.pick([['complaint_forwarded'], ['request_for_information'], ['reprimand', 'formal_notice', 'sanction']] as const);
      const regulator = rng.chance(0.7) ? ['FR-CNIL'] : undefined;
      return {
        category: 'filter',
        label: 'letters regulator+kind',
        run: (s) => listOutcome(listCall(s, 'letters', { regulator, kind: [...kind] })),
        floor: (db) =>
          floorPage(db, 'letters', [...active, ...(regulator ? ['regulator = ?'] : []), `kind IN (${qs(kind.length)})`], [...(regulator ?? []), ...kind], DEFAULT_ORDER.letters, 0),
      };
    },
    () => {
      const text = searchTerms(rng);
      return {
        category: 'filter',
        label: 'letters text',
        run: (s) => listOutcome(listCall(s, 'letters', { text })),
        floor: (db) => floorPage(db, 'letters', [...active, `id IN (${MATCHING_IDS('letter')})`], [ftsWords(text)], DEFAULT_ORDER.letters, 0),
      };
    },
    () => {
      const r = monthRange(rng, 3);
      const risk = rng.pick([['high'], ['risk', 'high'], undefined] as const);
      return {
        category: 'filter',
        label: 'incidents risk+quarter',
        run: (s) => listOutcome(listCall(s, 'incidents', { risk: risk && [...risk], awareFrom: r.from, awareTo: r.to })),
        floor: (db) =>
          floorPage(db, 'incidents', [...active, ...(risk ? [`risk_level IN (${qs(risk.length)})`] : []), 'aware_at >= ?', 'aware_at < ?'], [...(risk ?? []), r.from, r.to], DEFAULT_ORDER.incidents, 0),
      };
    },
    () => ({
      category: 'filter',
      label: 'incidents open',
      run: (s) => listOutcome(listCall(s, 'incidents', { status: ['open', 'contained'], sort: { field: 'authorityDue', dir: 'asc' } })),
      floor: (db) => floorPage(db, 'incidents', [...active, `status IN ('open','contained')`], [], 'authority_due ASC, id ASC', 0),
    }),
    () => {
      const owner = rng.pick(OWNERS);
      const offset = PAGE * rng.int(4);
      return {
        category: 'filter',
        label: 'actions owner',
        run: (s) => listOutcome(listCall(s, 'actions', { owner: [owner], offset })),
        floor: (db) => floorPage(db, 'actions', [...active, 'owner = ?'], [owner], DEFAULT_ORDER.actions, offset),
      };
    },
    () => ({
      category: 'filter',
      label: 'actions overdue',
      run: (s) => listOutcome(listCall(s, 'actions', { dueBefore: now, status: ['planned', 'in_progress'] })),
      floor: (db) => floorPage(db, 'actions', [...active, `status IN ('planned','in_progress')`, 'due_at < ?'], [now], DEFAULT_ORDER.actions, 0),
    }),
  ];
  for (let i = 0; i < n; i++) cases.push(filters[i % filters.length]!());

  // sort: every sortable column, both ways, a page at any depth.
  for (let i = 0; i < n; i++) {
    // Half on complaints (the big list), the rest spread over the others.
    const reg = i % 2 === 0 ? 'complaints' : REGISTERS[1 + ((i >> 1) % 3)]!;
    const field = rng.pick(Object.keys(SORTS[reg]));
    const dir = rng.pick(['asc', 'desc'] as const);
    const offset = offsetIn(rng, volume[reg]);
    const col = SORTS[reg][field]!;
    const d = dir.toUpperCase();
    const order = `${col.nullable ? `${col.sql} IS NULL, ` : ''}${col.sql} ${d}, id ${d}`;
    cases.push({
      category: 'sort',
      label: `${reg} by ${field}`,
      run: (s) => listOutcome(listCall(s, reg, { sort: { field, dir }, offset, limit: PAGE })),
      floor: (db) => floorPage(db, reg, active, [], order, offset),
    });
  }

  // search: one search across registers, words from common to rare, sometimes with facets.
  for (let i = 0; i < n; i++) {
    const q: SearchQuery = { text: searchTerms(rng), limit: PAGE };
    const facet = rng.next();
    let label = 'words';
    const where = ['d.archived = 0'];
    const params: unknown[] = [];
    if (facet < 0.15) {
      q.types = [rng.pick(['complaint', 'letter', 'incident', 'action'] as const)];
      where.push('d.record_type = ?');
      params.push(q.types[0]);
      label = 'words+type';
    } else if (facet < 0.25) {
      const r = monthRange(rng, 2);
      q.from = r.from;
      q.to = r.to;
      where.push('d.date >= ?', 'd.date < ?');
      params.push(r.from, r.to);
      label = 'words+dates';
    } else if (facet < 0.32) {
      q.owner = rng.pick(OWNERS);
      where.push('d.owner = ?');
      params.push(q.owner);
      label = 'words+owner';
    } else if (facet < 0.37) {
      q.regulator = 'FR-CNIL';
      where.push('d.regulator = ?');
      params.push(q.regulator);
      label = 'words+regulator';
    } else if (facet < 0.42) {
      q.text = rng.pick(CITIES);
      q.offset = PAGE * rng.between(1, 4);
      label = 'city, page 2-5';
    } else if (facet < 0.5) {
      q.text = '';
      q.status = [rng.pick(['in_progress', 'open', 'planned', 'awaiting_reply'])];
      q.from = iso(YEAR_START + rng.int(300) * DAY);
      where.push('d.status = ?', 'd.date >= ?');
      params.push(q.status[0], q.from);
      label = 'no words, status+from';
    }
    const offset = q.offset ?? 0;
    cases.push({
      category: 'search',
      label: `search ${label}`,
      unordered: q.text !== '',
      run: (s) => {
        const r = api('search.query', q, (x) => s.ctx.search.search(x));
        return { keys: r.hits.map((h) => h.reference), total: r.total };
      },
      floor: (db) =>
        q.text
          ? rowsOutcome(
              db
                .prepare(
                  `SELECT d.record_type, d.record_id, d.reference, d.title, d.status, d.date, snippet(search_fts, -1, '[[', ']]', '…', 16) AS snippet
                   FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
                   WHERE search_fts MATCH ? AND ${where.join(' AND ')} ORDER BY rank LIMIT ? OFFSET ?`,
                )
                .all(ftsWords(q.text), ...params, PAGE, offset),
            )
          : rowsOutcome(
              db
                .prepare(`SELECT d.record_type, d.record_id, d.reference, d.title, d.status, d.date FROM search_docs d WHERE d.parent_id IS NULL AND ${where.join(' AND ')} ORDER BY d.date DESC, d.record_id LIMIT ? OFFSET ?`)
                .all(...params, PAGE, offset),
            ),
    });
  }

  // open: one record as its page shows it (an incident with its notifications and clients).
  for (let i = 0; i < n; i++) {
    const reg = REGISTERS[i % REGISTERS.length]!;
    const refs = references[reg];
    const ref = refs[rng.int(refs.length)]!;
    const one = (r: { reference: string }): Outcome => ({ keys: [r.reference], total: null });
    cases.push({
      category: 'open',
      label: `open ${reg}`,
      run: (s, ids) => {
        const id = ids(reg, ref);
        if (reg === 'complaints') return one(api('complaints.get', { id }, (x) => s.complaints.get(x.id)));
        if (reg === 'letters') return one(api('letters.get', { id }, (x) => s.letters.get(x.id)));
        if (reg === 'actions') return one(api('actions.get', { id }, (x) => s.actions.get(x.id)));
        return one(api('incidents.get', { id }, (x) => s.incidents.detail(x.id)).incident);
      },
      floor: (db, ids) => {
        const id = ids(reg, ref);
        const row = db.prepare(`SELECT * FROM ${reg} WHERE id = ?`).get(id) as { reference: string };
        if (reg === 'incidents') {
          db.prepare('SELECT * FROM incident_notifications WHERE incident_id = ? AND archived_at IS NULL ORDER BY sent_at, id').all(id);
          db.prepare('SELECT * FROM incident_clients WHERE incident_id = ? AND archived_at IS NULL ORDER BY name COLLATE NOCASE, id').all(id);
        }
        return one(row);
      },
    });
  }

  // save: an edit saved from a record's form, one transaction each (record, audit entry, index).
  const words = new TextMaker(new Rng(seed + 99));
  for (let i = 0; i < n; i++) {
    const reg = i % 2 === 0 ? 'complaints' : 'actions';
    const refs = references[reg];
    const ref = refs[rng.int(refs.length)]!;
    const text = words.paragraph(reg === 'complaints' ? 'complaint' : 'action', i % 3 ? 'fr' : 'en', 2, 3, { origin: 'revue interne' });
    const at = iso(BENCH_NOW.getTime() + i * 60_000);
    cases.push({
      category: 'save',
      label: `save ${reg}`,
      run: (s, ids) => {
        const id = ids(reg, ref);
        const r =
          reg === 'complaints'
            ? api('complaints.update', { id, patch: { summary: `${text} (${i})` } }, (x) => s.complaints.update(x))
            : api('actions.update', { id, patch: { description: `${text} (${i})` } }, (x) => s.actions.update(x));
        return { keys: [r.reference], total: null };
      },
      // The same change by hand, in one transaction: the record's row, an audit row (hashed, on
      // the chain's head) and its index document (a save must write all three).
      floor: (db, ids) => {
        const id = ids(reg, ref);
        const value = `${text} (${i}) floor`;
        const type = reg === 'complaints' ? 'complaint' : 'action';
        db.transaction(() => {
          db.prepare(`UPDATE ${reg} SET ${reg === 'complaints' ? 'summary' : 'description'} = ?, updated_at = ? WHERE id = ?`).run(value, at, id);
          const prev = (db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string }).hash;
          const changes = JSON.stringify([{ field: 'summary', old: null, new: value }]);
          const hash = createHash('sha256').update(prev).update(changes).digest('hex');
          db.prepare(`INSERT INTO audit_log (op_id, at, actor, device, record_type, record_id, action, changes, prev_hash, hash, hlc) VALUES (?, ?, 'floor', 'floor', ?, ?, 'update', ?, ?, ?, ?)`).run(
            randomUUID(), at, type, id, changes, prev, hash, at,
          );
          const doc = db.prepare('SELECT rowid, reference, title FROM search_docs WHERE record_type = ? AND record_id = ?').get(type, id) as { rowid: number; reference: string; title: string };
          db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(doc.rowid);
          db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(doc.rowid, `${doc.reference} ${doc.title}`, value);
        })();
        return { keys: [ref], total: null };
      },
    });
  }
  return cases;
}
