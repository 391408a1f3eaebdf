import { create } from 'zustand';
import type { SortDir } from '@shared/schemas/common';
import type { Incident, IncidentListQuery, IncidentStatus, RiskLevel } from '@shared/schemas/incident';
import { api } from '../../api';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { currentOrgTimeZone, useAppStatus } from '../../state/appStatus';

export type IncidentSortField = NonNullable<IncidentListQuery['sort']>['field'];

/** What the user filters on; dates are local 'YYYY-MM-DD' in the organisation's zone, both ends included. */
export interface IncidentFilters {
  text: string;
  status: IncidentStatus[];
  risk: RiskLevel[];
  awareFrom: string | null;
  awareTo: string | null;
  includeArchived: boolean;
}

export const EMPTY_FILTERS: IncidentFilters = { text: '', status: [], risk: [], awareFrom: null, awareTo: null, includeArchived: false };

export const PAGE_SIZES = [25, 50, 100] as const;

export function hasActiveFilters(f: IncidentFilters): boolean {
  return f.text.trim() !== '' || f.status.length > 0 || f.risk.length > 0 || f.awareFrom !== null || f.awareTo !== null || f.includeArchived;
}

interface ListState {
  /** What is in the search box right now; `filters.text` follows it once typing pauses. */
  searchText: string;
  filters: IncidentFilters;
  sort: { field: IncidentSortField; dir: SortDir };
  /** 1-based, as the table shows it. */
  page: number;
  pageSize: number;
  items: Incident[];
  total: number;
  loading: boolean;
  error: unknown;
  /** False until the first answer: distinguishes "nothing yet" from "nothing at all". */
  loaded: boolean;
  setSearchText(text: string): void;
  setFilters(patch: Partial<IncidentFilters>): void;
  clearFilters(): void;
  setSort(sort: { field: IncidentSortField; dir: SortDir }): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
  load(): Promise<void>;
  forgetRecords(): void;
}

/** The API query for the list as shown; local dates become instants in the organisation's zone (the "to" day included). */
export function toListQuery(s: Pick<ListState, 'filters' | 'sort' | 'page' | 'pageSize'>, timeZone: string): IncidentListQuery {
  const f = s.filters;
  const from = f.awareFrom ? startOfLocalDay(f.awareFrom, timeZone) : null;
  const to = f.awareTo ? startOfNextLocalDay(f.awareTo, timeZone) : null;
  return {
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.risk.length ? { risk: f.risk } : {}),
    ...(from ? { awareFrom: from } : {}),
    ...(to ? { awareTo: to } : {}),
    includeArchived: f.includeArchived,
    sort: s.sort,
    offset: (s.page - 1) * s.pageSize,
    limit: s.pageSize,
  };
}

// Answers can arrive out of order (typing fast in the search box): only the latest request counts.
let latestRequest = 0;

/** The breach register as listed: filters, sort and page live here so they survive opening an incident and coming back. */
export const useIncidentList = create<ListState>((set, get) => ({
  searchText: '',
  filters: EMPTY_FILTERS,
  sort: { field: 'awareAt', dir: 'desc' },
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
      const result = await api.call('incidents.list', toListQuery(get(), currentOrgTimeZone()));
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

export type IncidentEditorState = { mode: 'create' } | { mode: 'edit'; incident: Incident };

interface EditorStore {
  editor: IncidentEditorState | null;
  openCreate(): void;
  openEdit(incident: Incident): void;
  close(): void;
}

/** The incident form's drawer: opened from the list (record) or an incident's page (edit). */
export const useIncidentEditor = create<EditorStore>((set) => ({
  editor: null,
  openCreate: () => set({ editor: { mode: 'create' } }),
  openEdit: (incident) => set({ editor: { mode: 'edit', incident } }),
  close: () => set({ editor: null }),
}));

// Locking closes the register in the page too: no open form, no incident left in memory.
useAppStatus.subscribe((now, before) => {
  if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') {
    useIncidentEditor.getState().close();
    useIncidentList.getState().forgetRecords();
  }
});
