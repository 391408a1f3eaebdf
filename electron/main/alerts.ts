import { app, BrowserWindow, Notification } from 'electron';
import { alertMessage } from '@shared/clocks';
import type { EventPayload } from '@shared/api/contract';
import type { CoreCalls } from './ipc';

/** More alerts than this in one check become one summary notification. */
const GROUP_ABOVE = 3;

/**
 * Desktop side of the reminders: a notification per alert (grouped when many fall due at once,
 * e.g. after a holiday), and the dock/taskbar badge with the number of clocks due within 24 h.
 * The alerts themselves are computed by the core (in its utility process) from the stored records;
 * they arrive here as events.
 */
export function wireAlerts(core: CoreCalls, ui: { window: () => BrowserWindow | null; open: () => void }): void {
  const lang = (): 'en' | 'fr' => (app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en');
  let batch: Parameters<typeof alertMessage>[0][] = [];
  let flush: NodeJS.Timeout | null = null;

  const show = () => {
    flush = null;
    const alerts = batch;
    batch = [];
    if (!Notification.isSupported() || alerts.length === 0) return;
    // The organisation's zone as the core last said it (locked meanwhile: the default is fine for a title).
    const tz = timeZone ?? 'Europe/Paris';
    const texts = alerts.map((a) => alertMessage(a, lang(), tz));
    const n =
      alerts.length > GROUP_ABOVE
        ? new Notification({
            title: lang() === 'fr' ? `${alerts.length} échéances demandent votre attention` : `${alerts.length} deadlines need your attention`,
            body: texts.map((t) => t.title).join('\n'),
          })
        : null;
    const notes = n ? [n] : texts.map((t) => new Notification({ title: t.title, body: t.body }));
    for (const note of notes) {
      // The window may be closed to the tray: a click brings it back.
      note.on('click', () => ui.open());
      note.show();
    }
  };

  let timeZone: string | null = null;
  const learn = (status: EventPayload<'app.status'>) => {
    if (status.profile) timeZone = status.profile.organisation.timeZone;
  };
  core.call('app.status', {}).then((s) => learn(s as EventPayload<'app.status'>), () => undefined);
  core.on((event, payload) => {
    if (event === 'app.status') {
      learn(payload as EventPayload<'app.status'>);
    } else if (event === 'clock.alert') {
      batch.push(payload as EventPayload<'clock.alert'>);
      flush ??= setTimeout(show, 500);
    } else if (event === 'clocks.badge') {
      const b = payload as EventPayload<'clocks.badge'>;
      app.setBadgeCount(b.dueWithin24h);
      const w = ui.window();
      if (w && !w.isDestroyed()) w.setTitle(b.dueWithin24h > 0 ? `PrivacyOps Workstation (${b.dueWithin24h})` : 'PrivacyOps Workstation');
    }
  });
}
