import { TOTAL_CAP } from '@shared/schemas/common';
import type { Db } from '../db/open';

/**
 * How a register's list is read: a page in the order asked for, and how many records match.
 * Every plan here reads an index in the order of the page; none sorts the register
 * (test/integration/list-plans.test.ts checks the plans with EXPLAIN QUERY PLAN).
 *
 * - The total is exact when it is cheap: without filters it comes from row_counts (kept by
 *   triggers); with filters the matches are counted through the filters' indexes up to
 *   TOTAL_CAP + 1 and reported as "more than TOTAL_CAP" beyond.
 * - The page is read from an index in the page's order: an index that starts with a filtered
 *   column and goes on in that order when the filter has one ("drives" that sort; a list of
 *   values becomes one ordered arm per value, merged in order by SQLite); otherwise the sort's
 *   own index, filtering as the walk goes.
 * - One exception, bounded: a filter without such an index whose count showed at most
 *   TOTAL_CAP matches (typically words: the records a text search found) lets SQLite read the
 *   matches through the filter's index and sort those few rows.
 */

/** One ORDER BY term before the id tiebreak. */
export interface SortTerm {
  expr: string;
  collate?: 'NOCASE';
  /** NULLs last whatever the direction: `col IS NULL` is always ascending. */
  fixed?: 'ASC';
}

export interface SortSpec {
  terms: SortTerm[];
  /** The index that delivers this order, per direction. */
  index: { asc: string; desc: string };
}

/** A filter's index that starts with the filtered values and goes on in a given sort's order. */
export interface Drive {
  /** The sorts it delivers: a sort field, or `field:asc` when only that direction. */
  sorts: string[];
  /** One ordered arm per value (`status = 'received'`, `status = 'in_progress'`…). */
  /** Arms never find the same record (values of one column, or made exclusive). */
  arms: { sql: string; params: unknown[]; index: string }[];
}

export interface Clause {
  sql: string;
  params: unknown[];
  drive?: Drive;
  /**
   * When this is the only filter: a cheaper query with one row per matching record (e.g. the
   * records a text search found, counted in the index without reading the register).
   */
  alone?: (includeArchived: boolean) => { sql: string; params: unknown[] };
}

/** Small builder for the WHERE clauses of a list. */
export class Where {
  readonly clauses: Clause[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.clauses.push({ sql, params });
    return this;
  }

  /** `column IN (values)`; with `drive`, the index per value that goes on in these sorts. */
  in(column: string, values: readonly unknown[] | undefined, drive?: { index: string; sorts: string[] }): this {
    if (!values?.length) return this;
    const clause: Clause = { sql: `${column} IN (${values.map(() => '?').join(',')})`, params: [...values] };
    if (drive) clause.drive = { sorts: drive.sorts, arms: [...new Set(values)].map((v) => ({ sql: `${column} = ?`, params: [v], index: drive.index })) };
    this.clauses.push(clause);
    return this;
  }

  /** A clause with its own driving index or arms. */
  driven(clause: Clause): this {
    this.clauses.push(clause);
    return this;
  }

  /** `id IN (records matching the words)` via the shared full-text index. */
  text(match: { sql: string; params: unknown[]; alone: (includeArchived: boolean) => { sql: string; params: unknown[] } } | null): this {
    if (match) this.clauses.push({ sql: `id IN (${match.sql})`, params: match.params, alone: match.alone });
    return this;
  }
}

export interface ListRequest {
  table: string;
  where: Where;
  includeArchived: boolean;
  sortField: string;
  dir: 'asc' | 'desc';
  sort: SortSpec;
  limit: number;
  offset: number;
}

const ARCHIVED = 'archived_at IS NULL';

function orderSql(sort: SortSpec, dir: 'asc' | 'desc', alias = false): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  const terms = sort.terms.map((t, i) => `${alias ? `_o${i}` : t.expr}${t.collate ? ` COLLATE ${t.collate}` : ''} ${t.fixed ?? d}`);
  return [...terms, `id ${d}`].join(', ');
}

function drives(d: Drive, field: string, dir: string): boolean {
  return d.sorts.includes(field) || d.sorts.includes(`${field}:${dir}`);
}

/** Plans of one list request: the count and the page, as SQL with their parameters. */
export function listPlans(r: ListRequest, matched: number | null): { count: { sql: string; params: unknown[] } | null; page: { sql: string; params: unknown[] } } {
  const filters = r.where.clauses;
  const base = r.includeArchived ? [] : [{ sql: ARCHIVED, params: [] as unknown[] }];
  const all = [...base, ...filters];
  const whereOf = (cs: { sql: string; params: unknown[] }[]) => ({ sql: cs.length ? ` WHERE ${cs.map((c) => c.sql).join(' AND ')}` : '', params: cs.flatMap((c) => c.params) });
  const driver = filters.find((c) => c.drive);
  const arms = (select: string) => {
    const others = all.filter((c) => c !== driver);
    const parts = driver!.drive!.arms.map((a) => {
      const w = whereOf([{ sql: a.sql, params: a.params }, ...others]);
      return { sql: `SELECT ${select} FROM ${r.table} INDEXED BY ${a.index}${w.sql}`, params: w.params };
    });
    return { sql: parts.map((p) => p.sql).join(' UNION ALL '), params: parts.flatMap((p) => p.params) };
  };

  let count: { sql: string; params: unknown[] } | null = null;
  if (filters.length) {
    if (filters.length === 1 && filters[0]!.alone) {
      const a = filters[0]!.alone(r.includeArchived);
      count = { sql: `SELECT count(*) AS n FROM (${a.sql} LIMIT ${TOTAL_CAP + 1})`, params: a.params };
    } else if (driver) {
      const a = arms('rowid');
      count = { sql: `SELECT count(*) AS n FROM (${a.sql} LIMIT ${TOTAL_CAP + 1})`, params: a.params };
    } else {
      const w = whereOf(all);
      count = { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${r.table}${w.sql} LIMIT ${TOTAL_CAP + 1})`, params: w.params };
    }
  }

  let page: { sql: string; params: unknown[] };
  if (driver && drives(driver.drive!, r.sortField, r.dir)) {
    // Each arm in the page's order from its own index; SQLite merges them (MERGE (UNION ALL)).
    const keys = r.sort.terms.map((t, i) => `${t.expr} AS _o${i}`).join(', ');
    const a = arms(`*, ${keys}`);
    page = { sql: `${a.sql} ORDER BY ${orderSql(r.sort, r.dir, true)} LIMIT ? OFFSET ?`, params: [...a.params, r.limit, r.offset] };
  } else if (filters.length && matched !== null && matched <= TOTAL_CAP) {
    const w = whereOf(all);
    page = { sql: `SELECT * FROM ${r.table}${w.sql} ORDER BY ${orderSql(r.sort, r.dir)} LIMIT ? OFFSET ?`, params: [...w.params, r.limit, r.offset] };
  } else {
    const w = whereOf(all);
    page = { sql: `SELECT * FROM ${r.table} INDEXED BY ${r.sort.index[r.dir]}${w.sql} ORDER BY ${orderSql(r.sort, r.dir)} LIMIT ? OFFSET ?`, params: [...w.params, r.limit, r.offset] };
  }
  return { count, page };
}

/** Runs a list request: the page's rows and the total (exact, or capped when counting would cost). */
export function runList(db: Db, r: ListRequest): { rows: Record<string, unknown>[]; total: number; totalCapped: boolean } {
  let matched: number | null = null;
  let total: { total: number; totalCapped: boolean };
  if (r.where.clauses.length === 0) {
    const row = db.prepare('SELECT total, active FROM row_counts WHERE name = ?').get(r.table) as { total: number; active: number } | undefined;
    total = { total: row ? (r.includeArchived ? row.total : row.active) : 0, totalCapped: false };
  } else {
    const { count } = listPlans(r, null);
    matched = (db.prepare(count!.sql).get(...count!.params) as { n: number }).n;
    total = matched > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: matched, totalCapped: false };
  }
  if (matched !== null && matched <= TOTAL_CAP && r.offset >= matched) return { rows: [], ...total };
  const { page } = listPlans(r, matched);
  const rows = db.prepare(page.sql).all(...page.params) as Record<string, unknown>[];
  return { rows, ...total };
}

/** A sort on one NOT NULL column (or expression) and its index, read either way. */
export function sortOn(expr: string, index: string, collate?: 'NOCASE'): SortSpec {
  return { terms: [{ expr, ...(collate ? { collate } : {}) }], index: { asc: index, desc: index } };
}

/**
 * A sort on a nullable column, records without a value last in both directions. An index reads
 * (IS NULL ascending, value, id) one way only, so each direction has its own.
 */
export function sortNullsLast(expr: string, asc: string, desc: string): SortSpec {
  return { terms: [{ expr: `${expr} IS NULL`, fixed: 'ASC' }, { expr }], index: { asc, desc } };
}
