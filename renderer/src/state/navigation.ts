import { create } from 'zustand';
import type { RecordType } from '@shared/schemas/record-types';

/**
 * The screen shown in an open register. A small store instead of a router: there are no URLs to
 * share. `name` is a view a feature registers (features/<name>/feature.tsx); `id` the record.
 */
export interface View {
  name: string;
  id?: string;
  /** View-specific state worth keeping when coming back (a tab, a filter). */
  params?: Record<string, string>;
}

/** The detail view of each kind of record, for links, search hits and clocks. */
export const RECORD_VIEW: Record<RecordType, string> = {
  complaint: 'complaint',
  letter: 'letter',
  matter: 'matter',
  incident: 'incident',
  action: 'action',
  contract: 'contract',
};

interface Navigation {
  view: View;
  /** Views left, for "Back". */
  history: View[];
  go(view: View): void;
  back(): void;
  openRecord(type: RecordType, id: string): void;
}

export const HOME: View = { name: 'dashboard' };

export const useNavigation = create<Navigation>((set, get) => ({
  view: HOME,
  history: [],
  go: (view) => set((s) => ({ view, history: [...s.history.slice(-49), s.view] })),
  back: () =>
    set((s) => {
      const prev = s.history[s.history.length - 1];
      return prev ? { view: prev, history: s.history.slice(0, -1) } : { view: HOME };
    }),
  openRecord: (type, id) => get().go({ name: RECORD_VIEW[type], id }),
}));
