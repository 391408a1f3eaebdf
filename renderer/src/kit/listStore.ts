/** A register's list as shown: search, filters, sort and page, kept while the user moves around. */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { SortDir } from '@shared/schemas/common';
import type { FilterDeclaration, RegisterDeclaration } from '@shared/registers';
import { api } from '../api';
import type { MethodName } from '@shared/api/contract';
import { startOfLocalDay, startOfNextLocalDay } from '../lib/orgTime';
import { currentOrgTimeZone } from '../state/appStatus';
import { forgetOnLock, loadPage } from '../lib/listStore';

export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * What one filter holds: the values picked (multi, tags), one value or none (single, record, a
 * day), or a period of local days 'YYYY-MM-DD' (both ends included).
 */
export type FilterValue = string[] | string | null | [string | null, string | null];

export interface ListFilters {
  text: string;
  includeArchived: boolean;
  /** By filter key, as the register declares its filters. */
  values: Record<string, FilterValue>;
}

export interface Sort {
  field: string;
  dir: SortDir;
}

export interface RegisterListState<R> {
  /** What is in the search box right now; `filters.text` follows it once typing pauses. */
  searchText: string;
  filters: ListFilters;
  sort: Sort;
  /** 1-based, as the table shows it. */
  page: number;
  pageSize: number;
  items: R[];
  total: number;
  /** True when the core stopped counting: `total` is then a lower bound. */
  totalCapped: boolean;
  loading: boolean;
  error: unknown;
  /** False until the first answer: tells "nothing yet" from "nothing at all". */
  loaded: boolean;
  setSearchText(text: string): void;
  setFilter(key: string, value: FilterValue): void;
  setFilters(patch: Partial<Pick<ListFilters, 'text' | 'includeArchived'>>): void;
  replaceFilters(filters: ListFilters): void;
  clearFilters(): void;
  setSort(sort: Sort): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
  load(): Promise<void>;
  forgetRecords(): void;
}

export type RegisterListStore<R> = UseBoundStore<StoreApi<RegisterListState<R>>>;

function emptyValue(f: FilterDeclaration): FilterValue {
  switch (f.kind) {
    case 'multi':
    case 'tags':
      return [];
    case 'dateRange':
      return [null, null];
    default:
      return null;
  }
}

export function emptyFilters(d: RegisterDeclaration): ListFilters {
  return { text: '', includeArchived: false, values: Object.fromEntries(d.filters.map((f) => [f.key, emptyValue(f)])) };
}

export function isSet(v: FilterValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.some((x) => x !== null && x !== '');
  return v !== '';
}

export function hasActiveFilters(f: ListFilters): boolean {
  return f.text.trim() !== '' || f.includeArchived || Object.values(f.values).some(isSet);
}

/** The query parameters a filter sets; local days become instants in the organisation's zone. */
function queryPart(f: FilterDeclaration, v: FilterValue | undefined, zone: string): Record<string, unknown> {
  if (!isSet(v)) return {};
  switch (f.kind) {
    case 'multi':
    case 'tags':
      return { [f.param]: v };
    case 'single':
    case 'record':
      return { [f.param]: v };
    case 'dayBefore': {
      const at = startOfNextLocalDay(v as string, zone);
      return at ? { [f.param]: at } : {};
    }
    case 'dateRange': {
      const [from, to] = v as [string | null, string | null];
      const out: Record<string, unknown> = {};
      const a = from ? startOfLocalDay(from, zone) : null;
      // The user's "to" day is included; the API's end is exclusive.
      const b = to ? startOfNextLocalDay(to, zone) : null;
      if (a) out[f.from] = a;
      if (b) out[f.to] = b;
      return out;
    }
  }
}

/** The `<register>.list` input for the list as shown. */
export function listQuery(d: RegisterDeclaration, s: { filters: ListFilters; sort: Sort; page: number; pageSize: number }, zone: string): Record<string, unknown> {
  const text = s.filters.text.trim();
  return {
    ...(text ? { text } : {}),
    ...Object.assign({}, ...d.filters.map((f) => queryPart(f, s.filters.values[f.key], zone))),
    includeArchived: s.filters.includeArchived,
    sort: s.sort,
    offset: (s.page - 1) * s.pageSize,
    limit: s.pageSize,
  };
}

interface ListAnswer<R> {
  items: R[];
  total: number;
  totalCapped?: boolean;
}

/**
 * The list store of a register, built from its declaration: paging, sorting and filtering happen
 * in the core (`<name>.list`). Answers can come back out of order while typing: only the latest
 * request counts. Locking the register empties it: nothing decrypted or typed stays in the page.
 */
export function createRegisterList<R>(d: RegisterDeclaration): RegisterListStore<R> {
  const empty = emptyFilters(d);
  const method = `${d.name}.list` as MethodName;
  let latest = 0;
  const store = create<RegisterListState<R>>((set, get) => ({
    searchText: '',
    filters: empty,
    sort: { ...d.sort.default },
    page: 1,
    pageSize: PAGE_SIZES[0],
    items: [],
    total: 0,
    totalCapped: false,
    loading: false,
    error: null,
    loaded: false,
    setSearchText: (searchText) => set({ searchText }),
    setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, values: { ...s.filters.values, [key]: value } }, page: 1 })),
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, page: 1 })),
    replaceFilters: (filters) => set({ filters: { ...filters, values: { ...empty.values, ...filters.values } }, searchText: filters.text, page: 1 }),
    clearFilters: () => set({ filters: empty, searchText: '', page: 1 }),
    setSort: (sort) => set({ sort, page: 1 }),
    setPage: (page) => set({ page }),
    setPageSize: (pageSize) => set({ pageSize, page: 1 }),
    forgetRecords() {
      latest++;
      set({ items: [], total: 0, totalCapped: false, loaded: false, loading: false, error: null, filters: empty, searchText: '', page: 1 });
    },
    async load() {
      const request = ++latest;
      const input = listQuery(d, get(), currentOrgTimeZone());
      await loadPage(get, set, () => request === latest, () => api.call(method, input as never) as unknown as Promise<ListAnswer<R>>, true);
    },
  }));
  return forgetOnLock(store);
}
