import i18next from 'i18next';
import { api } from '../api';
import { notifySuccess } from '../lib/notify';
import { useAppStatus } from './appStatus';
import { useConnection } from './connection';
import { useNavigation } from './navigation';
import { useRecordChanges } from './recordChanges';
import { useAppClock } from '../lib/appClock';

/** Connects the core's events and the link's state to the stores. Called once at start. */
export function wireStores(): void {
  api.on('app.status', (status) => useAppStatus.getState().apply(status));
  // Locking closes the register in the page too: no record's page stays open behind the lock.
  useAppStatus.subscribe((now, before) => {
    // Opening the register: read the core's "now" at once, so every view's business time (new
    // records' dates, countdowns) is the app's clock from the first screen (its test clock in test mode).
    if (now.status?.state === 'unlocked' && before.status?.state !== 'unlocked') readAppClock();
    if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') {
      // Each register's list and form drawer forget their rows and typing themselves (kit/listStore, kit/editorStore).
      useNavigation.getState().go({ name: 'complaints' });
    }
  });
  // The desktop tray asks for a record (one of its most urgent clocks).
  api.on('ui.openRecord', ({ type, id }) => useNavigation.getState().openRecord(type, id));
  api.on('record.changed', ({ recordType, id }) => useRecordChanges.getState().bump(recordType, id));
  api.onConnection((state) => {
    const before = useConnection.getState();
    useConnection.setState({ state, everOpen: before.everOpen || state === 'open' });
    // Back after an outage: events were missed, so re-read the status and reload every view.
    if (state === 'open' && before.everOpen && before.state !== 'open') {
      void useAppStatus.getState().load();
      useRecordChanges.getState().bumpAll();
      notifySuccess(i18next.t('connection.restored'));
    }
  });
}

function readAppClock(): void {
  api.call('clocks.list', { limit: 1 }).then(
    (r) => useAppClock.getState().observe(r.at),
    () => undefined,
  );
}
