import { create } from 'zustand';
import type { Incident } from '@shared/schemas/incident';

export type ExchangeTab = 'regulator' | 'timeline' | 'draft' | 'bundle' | 'import';
export const TABS: readonly ExchangeTab[] = ['regulator', 'timeline', 'draft', 'bundle', 'import'];

export function isTab(v: string | undefined): v is ExchangeTab {
  return v !== undefined && (TABS as readonly string[]).includes(v);
}

/** What the screen keeps while the register is open: the tab, the incidents picked. */
export const useExchangeState = create<{
  tab: ExchangeTab;
  timelineIncident: Incident | null;
  draftIncident: Incident | null;
  bundleIncident: Incident | null;
  set(patch: Partial<{ tab: ExchangeTab; timelineIncident: Incident | null; draftIncident: Incident | null; bundleIncident: Incident | null }>): void;
}>((set) => ({
  tab: 'regulator',
  timelineIncident: null,
  draftIncident: null,
  bundleIncident: null,
  set: (patch) => set(patch),
}));
