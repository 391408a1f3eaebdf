import { create } from 'zustand';
import type { Incident } from '@shared/schemas/incident';

export type ExchangeTab = 'regulator' | 'timeline' | 'draft' | 'import';
export const TABS: readonly ExchangeTab[] = ['regulator', 'timeline', 'draft', 'import'];

export function isTab(v: string | undefined): v is ExchangeTab {
  return v !== undefined && (TABS as readonly string[]).includes(v);
}

/** What the screen keeps while the register is open: the tab, the incidents picked. */
export const useExchangeState = create<{
  tab: ExchangeTab;
  timelineIncident: Incident | null;
  draftIncident: Incident | null;
  set(patch: Partial<{ tab: ExchangeTab; timelineIncident: Incident | null; draftIncident: Incident | null }>): void;
}>((set) => ({
  tab: 'regulator',
  timelineIncident: null,
  draftIncident: null,
  set: (patch) => set(patch),
}));

const DPO_CONTACT_KEY = 'privacyops.exchange.dpoContact';

/**
 * The DPO's contact details as the notification should give them. Kept in this browser's storage,
 * not in the register: it is the office's own contact, not data about a data subject.
 */
export function loadDpoContact(): string {
  try {
    return localStorage.getItem(DPO_CONTACT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveDpoContact(value: string): void {
  try {
    if (value.trim()) localStorage.setItem(DPO_CONTACT_KEY, value);
    else localStorage.removeItem(DPO_CONTACT_KEY);
  } catch {
    // Storage refused (private mode): the field still works for this session.
  }
}
