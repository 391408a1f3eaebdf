import type { z } from 'zod';
import type { SortDir } from '../schemas/common';
import type { RecordType } from '../schemas/record-types';

/**
 * A register declared once, as plain data: what the renderer's kit builds its list, detail and
 * form from, and what the core can build its registry from (table, schemas, sort fields,
 * statuses). Nothing here runs: no React, no SQL, no Node.
 */

/** A filter of a register's list and the query parameters it sets. */
export type FilterDeclaration =
  /** Any of several values (an enum, or values the UI supplies, e.g. regulators): `param` is an array. */
  | { key: string; kind: 'multi'; param: string; values?: readonly string[]; view?: SavedViewField }
  /** Words typed freely (owners): `param` is an array of strings. */
  | { key: string; kind: 'tags'; param: string; view?: SavedViewField }
  /** One value or none: `param` is that value. */
  | { key: string; kind: 'single'; param: string; values: readonly string[] }
  /** One record of another register (a letter's matter): `param` is its id. */
  | { key: string; kind: 'record'; param: string; recordType: RecordType }
  /** A period of local days, both included: `from` is the start of the first day, `to` the start of the day after the last. */
  | { key: string; kind: 'dateRange'; from: string; to: string; view?: 'period' }
  /** Up to the end of a local day: `param` is the start of the next day. */
  | { key: string; kind: 'dayBefore'; param: string };

/**
 * Where a saved view (views.create, whose query is a cross-register SearchQuery) keeps a list
 * filter. Filters without one are not kept in a saved view.
 */
export type SavedViewField = 'status' | 'risk' | 'owner' | 'regulator';

export interface RegisterSchemas {
  /** The record as the API returns it. */
  record: z.ZodType;
  /** The fields a user edits (every register's form validates against create). */
  create: z.ZodType;
  update: z.ZodType;
  listQuery: z.ZodType;
  listResult: z.ZodType;
}

export interface RegisterDeclaration<S extends string = string> {
  /** The record type links, attachments, clocks, search and 'record.changed' speak in. */
  type: RecordType;
  /** The register's name: its API methods are `<name>.list`, `<name>.get`, … */
  name: string;
  /** The core's table. */
  table: string;
  /** The renderer's i18n namespace for the register's own strings. */
  ns: string;
  /** What automatic references start with (C-2018-0001). */
  referencePrefix: string;
  schemas: RegisterSchemas;
  /** The field that names a record next to its reference. */
  titleField: string;
  /** The date a record is filed by (lists, exports, search). */
  dateField: string;
  /** Statuses in their order of progress; empty for registers without a status (letters). */
  statuses: readonly string[];
  /** The statuses in which a record still needs work. */
  openStatuses: readonly string[];
  sort: {
    fields: readonly S[];
    default: { field: S; dir: SortDir };
    /** The direction a column sorts in when first chosen (newest first for receipts, most urgent first for deadlines). */
    firstDirection: Record<S, SortDir>;
  };
  filters: readonly FilterDeclaration[];
}

/** Checks a declaration against the type while keeping its literal values. */
export function defineRegister<S extends string, const D extends RegisterDeclaration<S>>(d: D & RegisterDeclaration<S>): D {
  return d;
}

/** The API method of a register: `${name}.${verb}`. */
export type RegisterMethod<D extends { name: string }, V extends string> = `${D['name']}.${V}`;
