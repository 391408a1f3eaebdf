import { create } from 'zustand';
import { notifications } from '@mantine/notifications';
import type { Alert, ClockBadge } from '@shared/schemas/clock';
import { api } from '../../api';
import { useAppClock } from '../../lib/appClock';

const HOUR = 3_600_000;

/**
 * Reminders in the page: the unacknowledged alerts (the core keeps them; this is what the page
 * last heard), the drawer that lists them, and the badge count (clocks due within 24 hours).
 */
interface AlertsState {
  /** Unacknowledged alerts, newest first. */
  pending: Alert[];
  drawerOpen: boolean;
  badge: ClockBadge | null;
  /** Set when the initial load failed (shown in the drawer). */
  loadError: unknown;
  /** Adds alerts heard or loaded; returns those not already known. */
  add(alerts: Alert[]): Alert[];
  remove(id: string): void;
  setBadge(b: ClockBadge): void;
  setLoadError(e: unknown): void;
  openDrawer(): void;
  closeDrawer(): void;
  reset(): void;
}

const byNewest = (a: Alert, b: Alert) => (a.firedAt < b.firedAt ? 1 : a.firedAt > b.firedAt ? -1 : a.id < b.id ? 1 : -1);

export const useAlerts = create<AlertsState>((set, get) => ({
  pending: [],
  drawerOpen: false,
  badge: null,
  loadError: null,
  add(alerts) {
    const known = new Set(get().pending.map((a) => a.id));
    const fresh = alerts.filter((a) => a.acknowledgedAt === null && !known.has(a.id));
    if (fresh.length > 0) set((s) => ({ pending: [...s.pending, ...fresh].sort(byNewest) }));
    return fresh;
  },
  remove(id) {
    set((s) => ({ pending: s.pending.filter((a) => a.id !== id) }));
  },
  setBadge(badge) {
    useAppClock.getState().observe(badge.at);
    set({ badge });
  },
  setLoadError(loadError) {
    set({ loadError });
  },
  openDrawer() {
    set({ drawerOpen: true });
  },
  closeDrawer() {
    set({ drawerOpen: false });
  },
  reset() {
    set({ pending: [], drawerOpen: false, badge: null, loadError: null });
  },
}));

/** Notification ids: one per alert, so acknowledging it anywhere takes its toast away. */
export const toastId = (alertId: string) => `clock-alert-${alertId}`;
export const GROUP_TOAST_PREFIX = 'clock-alerts-group-';

/** Marks one alert as seen in the core, then forgets it here and takes its toast away. */
export async function acknowledgeAlert(id: string): Promise<Alert> {
  const a = await api.call('alerts.acknowledge', { id });
  useAlerts.getState().remove(id);
  notifications.hide(toastId(id));
  return a;
}

/**
 * The badge as the core counts it (running clocks due within 24 hours, and overdue ones). The core
 * sends 'clocks.badge' only when the count changes, so a page that opens later asks for it: there
 * is no method for the badge itself, so it is read from the board with the same bounds.
 */
export async function readBadge(): Promise<ClockBadge> {
  const probe = await api.call('clocks.list', { states: ['running'], limit: 1 });
  const at = probe.at;
  const [soon, overdue] = await Promise.all([
    api.call('clocks.list', { states: ['running'], dueBefore: new Date(Date.parse(at) + 24 * HOUR + 1).toISOString(), limit: 1 }),
    api.call('clocks.list', { states: ['overdue'], limit: 1 }),
  ]);
  return { at, dueWithin24h: soon.total, overdue: overdue.total };
}
