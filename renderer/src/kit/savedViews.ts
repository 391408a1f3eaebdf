import type { FilterDeclaration, RegisterDeclaration } from '@shared/registers';
import type { SavedView, SearchQuery } from '@shared/schemas/search';
import { localDateOf, startOfLocalDay, startOfNextLocalDay } from '../lib/orgTime';
import { DateTime } from 'luxon';
import { isSet, type FilterValue, type ListFilters } from './listStore';

/**
 * A register list's filters as a saved view. Saved views are searches (views.create keeps a
 * SearchQuery), so a list keeps what a search can say: the words, the archived switch, and the
 * filters its declaration maps to a search field (status, risk, one owner, one regulator, the
 * period). The others are named to the user as not kept.
 */
export function toSavedQuery(d: RegisterDeclaration, f: ListFilters, zone: string): { query: SearchQuery; notKept: FilterDeclaration[] } {
  const query: SearchQuery = { text: f.text.trim(), types: [d.type], includeArchived: f.includeArchived };
  const notKept: FilterDeclaration[] = [];
  for (const decl of d.filters) {
    const v = f.values[decl.key];
    if (!isSet(v)) continue;
    const view = 'view' in decl ? decl.view : undefined;
    if (view === 'status' || view === 'risk') query[view] = v as string[];
    else if ((view === 'owner' || view === 'regulator') && Array.isArray(v) && v.length === 1) query[view] = v[0]!;
    else if (view === 'period' && decl.kind === 'dateRange') {
      const [from, to] = v as [string | null, string | null];
      const a = from ? startOfLocalDay(from, zone) : null;
      const b = to ? startOfNextLocalDay(to, zone) : null;
      if (a) query.from = a;
      if (b) query.to = b;
    } else notKept.push(decl);
  }
  return { query, notKept };
}

/** The views saved for this register alone (a search across registers is not a list's view). */
export function viewsOf(d: RegisterDeclaration, views: readonly SavedView[]): SavedView[] {
  return views.filter((v) => v.query.types?.length === 1 && v.query.types[0] === d.type);
}

/** A saved view back as the list's filters. */
export function fromSavedQuery(d: RegisterDeclaration, q: SearchQuery, empty: ListFilters, zone: string): ListFilters {
  const values: Record<string, FilterValue> = { ...empty.values };
  for (const decl of d.filters) {
    const view = 'view' in decl ? decl.view : undefined;
    if ((view === 'status' || view === 'risk') && q[view]?.length) values[decl.key] = [...q[view]!];
    else if ((view === 'owner' || view === 'regulator') && q[view]) values[decl.key] = [q[view]!];
    else if (view === 'period' && (q.from || q.to)) {
      // The saved end is the start of the day after the last one.
      const last = q.to ? DateTime.fromISO(localDateOf(q.to, zone)).minus({ days: 1 }).toISODate() : null;
      values[decl.key] = [q.from ? localDateOf(q.from, zone) : null, last];
    }
  }
  return { text: q.text ?? '', includeArchived: q.includeArchived ?? false, values };
}
