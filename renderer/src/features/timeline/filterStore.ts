import { create } from 'zustand';
import type { TimelineCategory, TimelineEventKind, TimelineFilter, TimelineSourceType } from '@shared/schemas/timeline';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';

export interface TimelineFilters {
  categories: TimelineCategory[];
  kinds: TimelineEventKind[];
  sourceTypes: TimelineSourceType[];
  origin: 'all' | 'app' | 'user';
  /** Local dates ('YYYY-MM-DD') in the organisation's zone, both inclusive. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: TimelineFilters = { categories: [], kinds: [], sourceTypes: [], origin: 'all', from: null, to: null };

export function hasFilters(f: TimelineFilters): boolean {
  return f.categories.length > 0 || f.kinds.length > 0 || f.sourceTypes.length > 0 || f.origin !== 'all' || f.from !== null || f.to !== null;
}

/** The API's filter: the "to" day is inclusive on screen, exclusive in the API. */
export function toApiFilter(f: TimelineFilters, zone: string): TimelineFilter {
  const from = f.from ? startOfLocalDay(f.from, zone) : null;
  const to = f.to ? startOfNextLocalDay(f.to, zone) : null;
  return {
    ...(f.categories.length ? { categories: f.categories } : {}),
    ...(f.kinds.length ? { kinds: f.kinds } : {}),
    ...(f.sourceTypes.length ? { sourceTypes: f.sourceTypes } : {}),
    ...(f.origin !== 'all' ? { origin: f.origin } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** Each incident's filters, kept while the register is open (coming back from a source record keeps them). */
export const useTimelineFilters = create<{
  byIncident: Record<string, TimelineFilters>;
  set(incidentId: string, patch: Partial<TimelineFilters>): void;
  clear(incidentId: string): void;
}>((set) => ({
  byIncident: {},
  set: (incidentId, patch) => set((s) => ({ byIncident: { ...s.byIncident, [incidentId]: { ...(s.byIncident[incidentId] ?? NO_FILTERS), ...patch } } })),
  clear: (incidentId) => set((s) => ({ byIncident: { ...s.byIncident, [incidentId]: NO_FILTERS } })),
}));
