import { create } from 'zustand';
import type { RecordType } from '@shared/schemas/record-types';
import type { SearchHit, SearchQuery } from '@shared/schemas/search';
import { api } from '../../api';
import { localDateOf, startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { currentOrgTimeZone, useAppStatus } from '../../state/appStatus';

/**
 * What the user searches for. Dates are local 'YYYY-MM-DD' days in the organisation's zone, both
 * ends included; statuses are "type:status" (each register names its own statuses).
 */
export interface SearchForm {
  text: string;
  types: RecordType[];
  statuses: string[];
  from: string | null;
  to: string | null;
  owner: string;
  regulator: string | null;
  risk: string[];
  includeArchived: boolean;
}

export const EMPTY_FORM: SearchForm = {
  text: '',
  types: [],
  statuses: [],
  from: null,
  to: null,
  owner: '',
  regulator: null,
  risk: [],
  includeArchived: false,
};

export const PAGE_SIZES = [25, 50, 100] as const;

export function hasCriteria(f: SearchForm): boolean {
  return (
    f.text.trim() !== '' ||
    f.types.length > 0 ||
    f.statuses.length > 0 ||
    f.from !== null ||
    f.to !== null ||
    f.owner.trim() !== '' ||
    f.regulator !== null ||
    f.risk.length > 0 ||
    f.includeArchived
  );
}

/**
 * The API query for a form. A status belongs to a register: picking "complaints: closed" without
 * choosing registers searches the registers of the statuses picked.
 */
export function toQuery(f: SearchForm, zone: string): SearchQuery {
  const statusTypes = [...new Set(f.statuses.map((s) => s.split(':')[0] as RecordType))];
  const types = f.types.length > 0 ? f.types : statusTypes;
  const status = [...new Set(f.statuses.map((s) => s.split(':').slice(1).join(':')))];
  const q: SearchQuery = { text: f.text.trim(), includeArchived: f.includeArchived };
  if (types.length > 0) q.types = types;
  if (status.length > 0) q.status = status;
  const from = f.from ? startOfLocalDay(f.from, zone) : null;
  const to = f.to ? startOfNextLocalDay(f.to, zone) : null;
  if (from) q.from = from;
  if (to) q.to = to;
  if (f.owner.trim()) q.owner = f.owner.trim();
  if (f.regulator) q.regulator = f.regulator;
  if (f.risk.length > 0) q.risk = f.risk;
  return q;
}

/** A saved query back into the form (its statuses are tied to its registers, or to all when none were chosen). */
export function fromQuery(q: SearchQuery, zone: string, statusTypes: (status: string) => RecordType[]): SearchForm {
  const types = q.types ?? [];
  const statuses = (q.status ?? []).flatMap((s) => {
    const owners = statusTypes(s).filter((t) => types.length === 0 || types.includes(t));
    return owners.map((t) => `${t}:${s}`);
  });
  // "to" is exclusive in the API (start of the next day): the form shows the day before it.
  const toDay = q.to ? localDateOf(new Date(Date.parse(q.to) - 1).toISOString(), zone) : null;
  return {
    text: q.text ?? '',
    types,
    statuses,
    from: q.from ? localDateOf(q.from, zone) : null,
    to: toDay,
    owner: q.owner ?? '',
    regulator: q.regulator ?? null,
    risk: q.risk ?? [],
    includeArchived: q.includeArchived ?? false,
  };
}

interface SearchState {
  /** What is in the search box right now; `form.text` follows it once typing pauses. */
  typed: string;
  form: SearchForm;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  total: number;
  loading: boolean;
  loaded: boolean;
  error: unknown;
  setTyped(text: string): void;
  setForm(patch: Partial<SearchForm>): void;
  replaceForm(form: SearchForm): void;
  clear(): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
  load(): Promise<void>;
  forget(): void;
}

let requestSeq = 0;

export const useSearch = create<SearchState>((set, get) => ({
  typed: '',
  form: EMPTY_FORM,
  page: 1,
  pageSize: 25,
  hits: [],
  total: 0,
  loading: false,
  loaded: false,
  error: null,
  setTyped: (typed) => set({ typed }),
  setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch }, page: 1 })),
  replaceForm: (form) => set({ form, typed: form.text, page: 1 }),
  clear: () => set({ form: EMPTY_FORM, typed: '', page: 1 }),
  setPage: (page) => set({ page }),
  setPageSize: (pageSize) => set({ pageSize, page: 1 }),
  async load() {
    const seq = ++requestSeq;
    const { form, page, pageSize } = get();
    set({ loading: true });
    try {
      const r = await api.call('search.query', { ...toQuery(form, currentOrgTimeZone()), offset: (page - 1) * pageSize, limit: pageSize });
      // An answer to an older query must not overwrite a newer one.
      if (seq !== requestSeq) return;
      set({ hits: r.hits, total: r.total, loading: false, loaded: true, error: null });
    } catch (e) {
      if (seq !== requestSeq) return;
      set({ loading: false, error: e });
    }
  },
  forget: () => set({ typed: '', form: EMPTY_FORM, page: 1, hits: [], total: 0, loaded: false, error: null }),
}));

// Locking closes the register in the page too: no search terms or results left in memory.
useAppStatus.subscribe((now, before) => {
  if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') useSearch.getState().forget();
});
