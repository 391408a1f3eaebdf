/** A paged, sorted, filtered list kept per register (reset when the register locks). */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { SortDir } from '@shared/schemas/common';
import { useAppStatus } from '../state/appStatus';

export const PAGE_SIZES = [25, 50, 100] as const;

export interface ListState<F, S extends string, T> {
  /** What is in the search box right now; `filters.text` follows it once typing pauses. */
  searchText: string;
  filters: F;
  sort: { field: S; dir: SortDir };
  /** 1-based, as the table shows it. */
  page: number;
  pageSize: number;
  items: T[];
  total: number;
  loading: boolean;
  error: unknown;
  /** False until the first answer: tells "nothing yet" from "nothing at all". */
  loaded: boolean;
  setSearchText(text: string): void;
  setFilters(patch: Partial<F>): void;
  clearFilters(): void;
  setSort(sort: { field: S; dir: SortDir }): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
  load(): Promise<void>;
  forgetRecords(): void;
}

interface Options<F, S extends string, T> {
  emptyFilters: F;
  defaultSort: { field: S; dir: SortDir };
  fetch(query: { filters: F; sort: { field: S; dir: SortDir }; offset: number; limit: number }): Promise<{ items: T[]; total: number }>;
}

/**
 * A register list whose paging, sorting and filtering happen in the core (the complaints list's
 * model). Answers can come back out of order while typing: only the latest request counts.
 * Locking the register empties it: nothing decrypted or typed stays in the page.
 */
export function createListStore<F extends { text: string }, S extends string, T>(opts: Options<F, S, T>): UseBoundStore<StoreApi<ListState<F, S, T>>> {
  let latest = 0;
  const store = create<ListState<F, S, T>>((set, get) => ({
    searchText: '',
    filters: opts.emptyFilters,
    sort: opts.defaultSort,
    page: 1,
    pageSize: PAGE_SIZES[0],
    items: [],
    total: 0,
    loading: false,
    error: null,
    loaded: false,
    setSearchText: (searchText) => set({ searchText }),
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, page: 1 })),
    clearFilters: () => set({ filters: opts.emptyFilters, searchText: '', page: 1 }),
    setSort: (sort) => set({ sort, page: 1 }),
    setPage: (page) => set({ page }),
    setPageSize: (pageSize) => set({ pageSize, page: 1 }),
    forgetRecords() {
      latest++;
      set({ items: [], total: 0, loaded: false, loading: false, error: null, filters: opts.emptyFilters, searchText: '', page: 1 });
    },
    async load() {
      const request = ++latest;
      set({ loading: true });
      const s = get();
      try {
        const result = await opts.fetch({ filters: s.filters, sort: s.sort, offset: (s.page - 1) * s.pageSize, limit: s.pageSize });
        if (request !== latest) return;
        // A change elsewhere can empty the current page (archiving its last row): step back.
        if (result.items.length === 0 && result.total > 0 && get().page > 1) {
          set({ page: Math.ceil(result.total / get().pageSize) });
          return;
        }
        set({ items: result.items, total: result.total, loading: false, error: null, loaded: true });
      } catch (error) {
        if (request !== latest) return;
        set({ loading: false, error });
      }
    },
  }));
  useAppStatus.subscribe((now, before) => {
    if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') store.getState().forgetRecords();
  });
  return store;
}
