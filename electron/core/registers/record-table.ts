import { z } from 'zod';
import { ApiError } from '@shared/api/contract';
import type { Db } from '../db/open';

/** camelCase field → snake_case column: the one naming rule between schemas and tables. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * Maps a record schema onto its table: one column per field, arrays and objects as JSON text,
 * booleans as 0/1. Reading parses through the schema, so what leaves the store is always valid.
 */
export class RecordTable<S extends AnyObject> {
  readonly fields: string[];
  private readonly jsonFields: Set<string>;
  private readonly boolFields: Set<string>;
  private readonly insertSql: string;
  private readonly updateSql: string;

  constructor(
    private readonly db: Db,
    readonly table: string,
    private readonly schema: S,
    private readonly label: string,
  ) {
    this.fields = Object.keys(schema.shape);
    this.jsonFields = new Set(this.fields.filter((f) => isKind(schema.shape[f], ['array', 'object'])));
    this.boolFields = new Set(this.fields.filter((f) => isKind(schema.shape[f], ['boolean'])));
    const cols = this.fields.map(columnOf);
    this.insertSql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${this.fields.map((f) => `@${f}`).join(', ')})`;
    this.updateSql = `UPDATE ${table} SET ${this.fields
      .filter((f) => f !== 'id')
      .map((f) => `${columnOf(f)} = @${f}`)
      .join(', ')} WHERE id = @id`;
  }

  private toRow(record: z.infer<S>): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const f of this.fields) {
      const v = (record as Record<string, unknown>)[f];
      row[f] = this.jsonFields.has(f) ? JSON.stringify(v ?? null) : this.boolFields.has(f) ? (v ? 1 : 0) : (v ?? null);
    }
    return row;
  }

  fromRow(row: Record<string, unknown>): z.infer<S> {
    const obj: Record<string, unknown> = {};
    for (const f of this.fields) {
      const v = row[columnOf(f)];
      obj[f] = this.jsonFields.has(f) ? JSON.parse(String(v)) : this.boolFields.has(f) ? v === 1 : v;
    }
    return this.schema.parse(obj);
  }

  parse(obj: unknown): z.infer<S> {
    return this.schema.parse(obj);
  }

  find(id: string): z.infer<S> | null {
    const row = this.db.prepare(`SELECT * FROM ${this.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? this.fromRow(row) : null;
  }

  get(id: string): z.infer<S> {
    const r = this.find(id);
    if (!r) throw new ApiError('NOT_FOUND', `No ${this.label} with id ${id}`);
    return r;
  }

  insert(record: z.infer<S>): void {
    this.db.prepare(this.insertSql).run(this.toRow(record));
  }

  save(record: z.infer<S>): void {
    this.db.prepare(this.updateSql).run(this.toRow(record));
  }

  /** WHERE/ORDER built by the register; paging and counting done here, in the database. */
  page(where: string[], params: unknown[], orderBy: string, limit: number, offset: number): { items: z.infer<S>[]; total: number; totalCapped: boolean } {
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${this.table} ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM ${this.table} ${whereSql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Record<
      string,
      unknown
    >[];
    return { items: rows.map((r) => this.fromRow(r)), total, totalCapped: false };
  }

  all(where: string, params: unknown[], orderBy = 'id'): z.infer<S>[] {
    return (this.db.prepare(`SELECT * FROM ${this.table} WHERE ${where} ORDER BY ${orderBy}`).all(...params) as Record<string, unknown>[]).map((r) =>
      this.fromRow(r),
    );
  }
}

/** Looks through optional/nullable/default wrappers to the value's own kind. */
function isKind(schema: unknown, kinds: string[]): boolean {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    const def = (s as { _zod: { def: { type: string; innerType?: unknown } } })._zod.def;
    if (kinds.includes(def.type)) return true;
    s = def.innerType;
  }
  return false;
}

/** Small builder for the WHERE clauses the list queries share. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.clauses.push(sql);
    this.params.push(...params);
    return this;
  }

  in(column: string, values: readonly unknown[] | undefined): this {
    if (values?.length) this.add(`${column} IN (${values.map(() => '?').join(',')})`, ...values);
    return this;
  }

  /** `id IN (records matching the words)` via the shared full-text index. */
  text(match: { sql: string; params: unknown[] } | null): this {
    if (match) this.add(`id IN (${match.sql})`, ...match.params);
    return this;
  }
}

/**
 * ORDER BY with a stable tiebreak on id. Nullable columns (no due date) sort their NULLs last
 * whichever way; for NOT NULL columns that extra term is left out, so an index on
 * (column, id) can deliver the order and a page costs a few rows, not a sort of the table.
 */
export function orderBy(column: string, dir: 'asc' | 'desc', nullable = false): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  return `${nullable ? `${column} IS NULL, ` : ''}${column} ${d}, id ${d}`;
}
