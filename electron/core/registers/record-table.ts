import { z } from 'zod';
import { ApiError } from '@shared/api/contract';
import type { Db } from '../db/open';
import { runList, type ListRequest } from './list-query';

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
  /** The column of each field, in the order of `fields` (computed once: rows are read by the thousand). */
  private readonly columns: string[];
  private readonly jsonFields: Set<string>;
  private readonly boolFields: Set<string>;
  private readonly insertSql: string;
  private readonly updateSql: string;

  private readonly derivedNames: string[];

  /**
   * `derived`: columns the table keeps beside the record's fields, computed from the record on
   * every write (e.g. a folded owner to filter on); they never leave the store.
   */
  constructor(
    private readonly db: Db,
    readonly table: string,
    private readonly schema: S,
    private readonly label: string,
    private readonly derived: Record<string, (record: z.infer<S>) => unknown> = {},
  ) {
    this.fields = Object.keys(schema.shape);
    this.columns = this.fields.map(columnOf);
    this.jsonFields = new Set(this.fields.filter((f) => isKind(schema.shape[f], ['array', 'object'])));
    this.boolFields = new Set(this.fields.filter((f) => isKind(schema.shape[f], ['boolean'])));
    this.derivedNames = Object.keys(derived);
    const cols = [...this.fields.map(columnOf), ...this.derivedNames];
    const params = [...this.fields, ...this.derivedNames].map((f) => `@${f}`);
    this.insertSql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${params.join(', ')})`;
    this.updateSql = `UPDATE ${table} SET ${[...this.fields.filter((f) => f !== 'id').map((f) => `${columnOf(f)} = @${f}`), ...this.derivedNames.map((d) => `${d} = @${d}`)].join(', ')} WHERE id = @id`;
  }

  private toRow(record: z.infer<S>): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const f of this.fields) {
      const v = (record as Record<string, unknown>)[f];
      row[f] = this.jsonFields.has(f) ? JSON.stringify(v ?? null) : this.boolFields.has(f) ? (v ? 1 : 0) : (v ?? null);
    }
    for (const d of this.derivedNames) row[d] = this.derived[d]!(record);
    return row;
  }

  /**
   * A stored row as its record. Not parsed again: every row was written through the schema (by
   * a register, sync's applyRemote or a bulk load, all via toRow), and the API checks what it
   * returns against the contract anyway; parsing each row here doubled the cost of a list.
   */
  fromRow(row: Record<string, unknown>): z.infer<S> {
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i]!;
      const v = row[this.columns[i]!];
      obj[f] = this.jsonFields.has(f) ? JSON.parse(String(v)) : this.boolFields.has(f) ? v === 1 : v;
    }
    return obj as z.infer<S>;
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

  /**
   * Writes the record back. With `fields`, only those columns (and the derived columns they
   * feed): SQLite rewrites the entries of every index on a column the UPDATE sets, changed or
   * not, and a register table has an index per sort and filter.
   */
  save(record: z.infer<S>, fields?: readonly string[]): void {
    if (!fields) {
      this.db.prepare(this.updateSql).run(this.toRow(record));
      return;
    }
    const set = [...new Set(fields)].filter((f) => f !== 'id' && this.fields.includes(f));
    if (set.length === 0) return;
    const sql = `UPDATE ${this.table} SET ${[...set.map((f) => `${columnOf(f)} = @${f}`), ...this.derivedNames.map((d) => `${d} = @${d}`)].join(', ')} WHERE id = @id`;
    this.db.prepare(sql).run(this.toRow(record));
  }

  /** A page of the list and its total, read as list-query.ts plans it. */
  list(q: Omit<ListRequest, 'table'>): { items: z.infer<S>[]; total: number; totalCapped: boolean } {
    const { rows, total, totalCapped } = runList(this.db, { ...q, table: this.table });
    return { items: rows.map((r) => this.fromRow(r)), total, totalCapped };
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
