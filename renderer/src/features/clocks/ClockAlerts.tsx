import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconAlarmFilled } from '@tabler/icons-react';
import type { Alert } from '@shared/schemas/clock';
import i18next from 'i18next';
import { api } from '../../api';
import { featureT } from '../../lib/featureT';
import { useAppStatus } from '../../state/appStatus';
import { useRecordChanges } from '../../state/recordChanges';
import { AlertsDrawer } from './AlertsDrawer';
import { AlertGroupBody, AlertToastBody, AlertToastTitle } from './AlertToast';
import { GROUP_TOAST_PREFIX, readBadge, toastId, useAlerts } from './alertsStore';
import { useAppClock } from '../../lib/appClock';
import { NS } from './clockView';
import { nearestPerClock } from './nearestPerClock';

/** More reminders than this arriving together make one toast with "See all" (as the desktop notifications do). */
const GROUP_ABOVE = 3;
/** Reminders of one check arrive as separate events within milliseconds: gather them first. */
const GATHER_MS = 500;

/** Alerts shown as a toast in this page, so a reload of the list does not show them again. */
const shown = new Set<string>();
let groups = 0;

function showToasts(alerts: Alert[]) {
  const unseen = alerts.filter((a) => !shown.has(a.id));
  if (unseen.length === 0) return;
  for (const a of unseen) shown.add(a.id);
  const fresh = nearestPerClock(unseen);
  if (fresh.length > GROUP_ABOVE) {
    const id = `${GROUP_TOAST_PREFIX}${++groups}`;
    notifications.show({
      id,
      color: fresh.some((a) => a.threshold === 0) ? 'red' : 'orange',
      icon: <IconAlarmFilled size={18} aria-hidden />,
      title: featureT(NS, 'alerts.groupTitle', { count: fresh.length }),
      message: <AlertGroupBody alerts={fresh} notificationId={id} />,
      autoClose: false,
    });
    return;
  }
  // Oldest first, so the newest ends up nearest the corner the eye goes to.
  for (const a of [...fresh].reverse()) {
    notifications.show({
      id: toastId(a.id),
      // At expiry the deadline is reached: red; a threshold before it: orange. The words say which.
      color: a.threshold === 0 ? 'red' : 'orange',
      icon: a.threshold === 0 ? <IconAlarmFilled size={18} aria-hidden /> : <IconAlarm size={18} aria-hidden />,
      title: <AlertToastTitle alert={a} />,
      message: <AlertToastBody alert={a} />,
      // A reminder of a legal deadline stays until someone deals with it.
      autoClose: false,
    });
  }
}

/**
 * Reminders in the page (the web host has no desktop notifications; on the desktop they come on
 * top of those): a toast for each 'clock.alert' the core sends, the reminders not yet acknowledged
 * at start (among them those that fell due while the app was closed), the drawer listing them, and
 * the count of clocks due within 24 hours in the tab title.
 */
export function ClockAlerts() {
  const host = useAppStatus((s) => s.status?.host);
  const dueSoon = useAlerts((s) => s.badge?.dueWithin24h ?? 0);
  // Events may have been missed while the link was down: read again after a reconnection.
  const epoch = useRecordChanges((s) => s.epoch);

  useEffect(() => {
    let batch: Alert[] = [];
    let timer = 0;
    const flush = () => {
      timer = 0;
      const alerts = batch;
      batch = [];
      showToasts(alerts);
    };
    const offAlert = api.on('clock.alert', (a) => {
      useAppClock.getState().observe(a.firedAt);
      const fresh = useAlerts.getState().add([a]);
      if (fresh.length === 0) return;
      batch.push(...fresh);
      if (timer === 0) timer = window.setTimeout(flush, GATHER_MS);
    });
    const offBadge = api.on('clocks.badge', (b) => useAlerts.getState().setBadge(b));
    return () => {
      offAlert();
      offBadge();
      window.clearTimeout(timer);
      // Locked: no reminder text (references, client names) stays on screen.
      for (const id of shown) notifications.hide(toastId(id));
      for (let i = 1; i <= groups; i++) notifications.hide(`${GROUP_TOAST_PREFIX}${i}`);
      shown.clear();
      useAlerts.getState().reset();
    };
  }, []);

  useEffect(() => {
    let current = true;
    api.call('alerts.list', { unacknowledgedOnly: true, limit: 100 }).then(
      ({ alerts }) => {
        if (!current) return;
        const store = useAlerts.getState();
        store.setLoadError(null);
        // The core's list is authoritative (another window may have acknowledged some).
        const listed = new Set(alerts.map((a) => a.id));
        for (const a of store.pending) if (!listed.has(a.id)) store.remove(a.id);
        store.add(alerts);
        showToasts(alerts);
      },
      (e: unknown) => current && useAlerts.getState().setLoadError(e),
    );
    readBadge().then(
      (b) => current && useAlerts.getState().setBadge(b),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [epoch]);

  // The count in the tab title: seen from any screen and from other tabs, and nothing on the page
  // moves. The desktop app sets its window title and dock badge itself (electron/main/alerts.ts).
  useEffect(() => {
    if (host !== 'web') return;
    const name = i18next.t('app.name');
    document.title = dueSoon > 0 ? `(${dueSoon}) ${name}` : name;
    return () => {
      document.title = name;
    };
  }, [host, dueSoon]);

  return <AlertsDrawer />;
}
