import type { ComplaintListQuery, ComplaintSortField } from '@shared/schemas/complaint';
import type { SearchQuery } from '@shared/schemas/search';
import { Rng } from './prng';
import { CITIES, OWNERS, searchTerms } from './corpus';
import { BENCH_NOW, YEAR_START, type Volume } from './generate';
import type { BenchSession } from './plain-context';

export const CATEGORIES = ['list', 'filter', 'sort', 'search'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One timed call through the registers' API; returns the result's total, to compare both runs. */
export interface Case {
  category: Category;
  /** Groups cases in the detail table (e.g. "complaints by status"). */
  label: string;
  run(s: BenchSession): number;
}

const PAGE = 50;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

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

const REGISTERS = ['complaints', 'letters', 'incidents', 'actions'] as const;

/** `n` cases of each category, the same for every database given the same seed and volume. */
export function buildCases(volume: Volume, n: number, seed: number): Case[] {
  const rng = new Rng(seed);
  const cases: Case[] = [];
  const now = iso(BENCH_NOW.getTime());

  // list: each register's default order, a page at any depth.
  for (let i = 0; i < n; i++) {
    const reg = REGISTERS[i % REGISTERS.length]!;
    const offset = offsetIn(rng, volume[reg]);
    cases.push({ category: 'list', label: reg, run: (s) => s[reg].list({ offset, limit: PAGE }).total });
  }

  // filter: the filters a DPO uses, default order, first pages of the result.
  const filters: (() => Case)[] = [
    () => {
      const offset = PAGE * rng.int(3);
      return { category: 'filter', label: 'complaints open', run: (s) => s.complaints.list({ status: ['received', 'in_progress', 'awaiting_information'], offset }).total };
    },
    () => {
      const r = monthRange(rng);
      const status = rng.pick([['answered'], ['closed'], ['answered', 'closed']] as const);
      const offset = PAGE * rng.int(3);
      return { category: 'filter', label: 'complaints status+month', run: (s) => s.complaints.list({ status: [...status], receivedFrom: r.from, receivedTo: r.to, offset }).total };
    },
    () => {
      const channel = rng.pick(['regulator', 'post', 'phone'] as const);
      return { category: 'filter', label: 'complaints channel', run: (s) => s.complaints.list({ channel: [channel], includeArchived: true }).total };
    },
    () => {
      const right = rng.pick(['erasure', 'portability', 'automated_decision', 'objection_direct_marketing'] as const);
      return { category: 'filter', label: 'complaints right', run: (s) => s.complaints.list({ right: [right] }).total };
    },
    () => ({ category: 'filter', label: 'complaints overdue', run: (s) => s.complaints.list({ overdueAt: now, sort: { field: 'responseDue', dir: 'asc' } }).total }),
    () => {
      const text = searchTerms(rng);
      return { category: 'filter', label: 'complaints text', run: (s) => s.complaints.list({ text }).total };
    },
    () => {
      const kind = rng.pick([['complaint_forwarded'], ['request_for_information'], ['reprimand', 'formal_notice', 'sanction']] as const);
      const regulator = rng.chance(0.7) ? ['FR-CNIL'] : undefined;
      return { category: 'filter', label: 'letters regulator+kind', run: (s) => s.letters.list({ regulator, kind: [...kind] }).total };
    },
    () => {
      const text = searchTerms(rng);
      return { category: 'filter', label: 'letters text', run: (s) => s.letters.list({ text }).total };
    },
    () => {
      const r = monthRange(rng, 3);
      const risk = rng.pick([['high'], ['risk', 'high'], undefined] as const);
      return { category: 'filter', label: 'incidents risk+quarter', run: (s) => s.incidents.list({ risk: risk && [...risk], awareFrom: r.from, awareTo: r.to }).total };
    },
    () => ({ category: 'filter', label: 'incidents open', run: (s) => s.incidents.list({ status: ['open', 'contained'], sort: { field: 'authorityDue', dir: 'asc' } }).total }),
    () => {
      const owner = rng.pick(OWNERS);
      const offset = PAGE * rng.int(4);
      return { category: 'filter', label: 'actions owner', run: (s) => s.actions.list({ owner: [owner], offset }).total };
    },
    () => ({ category: 'filter', label: 'actions overdue', run: (s) => s.actions.list({ dueBefore: now, status: ['planned', 'in_progress'] }).total }),
  ];
  for (let i = 0; i < n; i++) cases.push(filters[i % filters.length]!());

  // sort: every sortable column, both ways, a page at any depth.
  const sorts: { [K in (typeof REGISTERS)[number]]: readonly string[] } = {
    complaints: ['reference', 'receivedAt', 'responseDue', 'status', 'complainantLabel', 'channel'] satisfies ComplaintSortField[],
    letters: ['reference', 'date', 'replyDue', 'kind', 'regulator'],
    incidents: ['reference', 'awareAt', 'authorityDue', 'riskLevel', 'status', 'title'],
    actions: ['reference', 'dueAt', 'status', 'owner', 'priority', 'title'],
  };
  for (let i = 0; i < n; i++) {
    // Half on complaints (the big list), the rest spread over the others.
    const reg = i % 2 === 0 ? 'complaints' : REGISTERS[1 + ((i >> 1) % 3)]!;
    const field = rng.pick(sorts[reg]);
    const dir = rng.pick(['asc', 'desc'] as const);
    const offset = offsetIn(rng, volume[reg]);
    const q = { sort: { field, dir }, offset, limit: PAGE };
    cases.push({
      category: 'sort',
      label: `${reg} by ${field}`,
      // The field names come from each register's own sort enum above.
      run: (s) => (s[reg].list as (q: ComplaintListQuery) => { total: number })(q as ComplaintListQuery).total,
    });
  }

  // search: one search across registers, words from common to rare, sometimes with facets.
  for (let i = 0; i < n; i++) {
    const q: SearchQuery = { text: searchTerms(rng), limit: PAGE };
    const facet = rng.next();
    let label = 'words';
    if (facet < 0.15) {
      q.types = [rng.pick(['complaint', 'letter', 'incident', 'action'] as const)];
      label = 'words+type';
    } else if (facet < 0.25) {
      const r = monthRange(rng, 2);
      q.from = r.from;
      q.to = r.to;
      label = 'words+dates';
    } else if (facet < 0.32) {
      q.owner = rng.pick(OWNERS);
      label = 'words+owner';
    } else if (facet < 0.37) {
      q.regulator = 'FR-CNIL';
      label = 'words+regulator';
    } else if (facet < 0.42) {
      q.text = rng.pick(CITIES);
      q.offset = PAGE * rng.between(1, 4);
      label = 'city, page 2-5';
    } else if (facet < 0.5) {
      q.text = '';
      q.status = [rng.pick(['in_progress', 'open', 'planned', 'awaiting_reply'])];
      q.from = iso(YEAR_START + rng.int(300) * DAY);
      label = 'no words, status+from';
    }
    cases.push({ category: 'search', label: `search ${label}`, run: (s) => s.ctx.search.search(q).total });
  }
  return cases;
}
