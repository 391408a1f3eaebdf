import { create } from 'zustand';
import type { SortDir } from '@shared/schemas/common';
import type {
  Complaint,
  ComplaintChannel,
  ComplaintListQuery,
  ComplaintSortField,
  ComplaintStatus,
  DataSubjectRight,
} from '@shared/schemas/complaint';
import { api } from '../api';
import { startOfLocalDay, startOfNextLocalDay } from '../lib/orgTime';
import { currentOrgTimeZone } from './appStatus';

/** What the user filters on; dates are local 'YYYY-MM-DD' in the organisation's zone, both ends included. */
export interface ComplaintFilters {
  text: string;
  status: ComplaintStatus[];
  channel: ComplaintChannel[];
  right: DataSubjectRight[];
  receivedFrom: string | null;
  receivedTo: string | null;
  includeArchived: boolean;
}

export const EMPTY_FILTERS: ComplaintFilters = {
  text: '',
  status: [],
  channel: [],
  right: [],
  receivedFrom: null,
  receivedTo: null,
  includeArchived: false,
};

export const PAGE_SIZES = [25, 50, 100] as const;

interface ComplaintListState {
  /** What is in the search box right now; `filters.text` follows it once typing pauses. */
  searchText: string;
  filters: ComplaintFilters;
  sort: { field: ComplaintSortField; dir: SortDir };
  /** 1-based, as the table shows it. */
  page: number;
  pageSize: number;
  items: Complaint[];
  total: number;
  loading: boolean;
  error: unknown;
  /** False until the first answer: distinguishes "nothing yet" from "nothing at all". */
  loaded: boolean;
  setSearchText(text: string): void;
  setFilters(patch: Partial<ComplaintFilters>): void;
  clearFilters(): void;
  setSort(sort: { field: ComplaintSortField; dir: SortDir }): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
  load(): Promise<void>;
  /** Forget rows and search terms (the register was locked): nothing decrypted or typed about people stays in the page. */
  forgetRecords(): void;
}

export function hasActiveFilters(f: ComplaintFilters): boolean {
  return (
    f.text.trim() !== '' ||
    f.status.length > 0 ||
    f.channel.length > 0 ||
    f.right.length > 0 ||
    f.receivedFrom !== null ||
    f.receivedTo !== null ||
    f.includeArchived
  );
}

/** The API query for the current screen state; local dates become instants in the organisation's zone. */
export function toListQuery(s: Pick<ComplaintListState, 'filters' | 'sort' | 'page' | 'pageSize'>, timeZone: string): ComplaintListQuery {
  const f = s.filters;
  const from = f.receivedFrom ? startOfLocalDay(f.receivedFrom, timeZone) : null;
  const to = f.receivedTo ? startOfNextLocalDay(f.receivedTo, timeZone) : null;
  return {
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.channel.length ? { channel: f.channel } : {}),
    ...(f.right.length ? { right: f.right } : {}),
    ...(from ? { receivedFrom: from } : {}),
    ...(to ? { receivedTo: to } : {}),
    includeArchived: f.includeArchived,
    sort: s.sort,
    offset: (s.page - 1) * s.pageSize,
    limit: s.pageSize,
  };
}

// Answers can arrive out of order (typing fast in the search box): only the latest request counts.
let latestRequest = 0;

export const useComplaintList = create<ComplaintListState>((set, get) => ({
  searchText: '',
  filters: EMPTY_FILTERS,
  sort: { field: 'receivedAt', dir: 'desc' },
  page: 1,
  pageSize: PAGE_SIZES[0],
  items: [],
  total: 0,
  loading: false,
  error: null,
  loaded: false,
  setSearchText: (searchText) => set({ searchText }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, page: 1 })),
  clearFilters: () => set({ filters: EMPTY_FILTERS, searchText: '', page: 1 }),
  setSort: (sort) => set({ sort, page: 1 }),
  setPage: (page) => set({ page }),
  setPageSize: (pageSize) => set({ pageSize, page: 1 }),
  forgetRecords() {
    latestRequest++;
    set({ items: [], total: 0, loaded: false, loading: false, error: null, filters: EMPTY_FILTERS, searchText: '', page: 1 });
  },
  async load() {
    const request = ++latestRequest;
    set({ loading: true });
    try {
      const result = await api.call('complaints.list', toListQuery(get(), currentOrgTimeZone()));
      if (request !== latestRequest) return;
      // A change elsewhere can empty the current page (archiving its last row): step back.
      if (result.items.length === 0 && result.total > 0 && get().page > 1) {
        set({ page: Math.ceil(result.total / get().pageSize) });
        return;
      }
      set({ items: result.items, total: result.total, loading: false, error: null, loaded: true });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ loading: false, error });
    }
  },
}));
