import { app, BrowserWindow, Notification } from 'electron';
import { alertMessage } from '@shared/clocks';
import type { Workstation } from '../core/workstation';

/** More alerts than this in one check become one summary notification. */
const GROUP_ABOVE = 3;

/**
 * Desktop side of the reminders: a notification per alert (grouped when many fall due at once,
 * e.g. after a holiday), and the dock/taskbar badge with the number of clocks due within 24 h.
 * The alerts themselves are computed by the core from the stored records.
 */
export function wireAlerts(workstation: Workstation, window: () => BrowserWindow | null): void {
  const lang = (): 'en' | 'fr' => (app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en');
  let batch: Parameters<typeof alertMessage>[0][] = [];
  let flush: NodeJS.Timeout | null = null;

  const show = () => {
    flush = null;
    const alerts = batch;
    batch = [];
    if (!Notification.isSupported() || alerts.length === 0) return;
    let tz = 'Europe/Paris';
    try {
      tz = workstation.profile().organisation.timeZone;
    } catch {
      // locked meanwhile: the default zone is fine for a title
    }
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
      note.on('click', () => {
        const w = window();
        if (w) {
          if (w.isMinimized()) w.restore();
          w.focus();
        }
      });
      note.show();
    }
  };

  workstation.on('clock.alert', (a) => {
    batch.push(a);
    flush ??= setTimeout(show, 500);
  });
  workstation.on('clocks.badge', (b) => {
    app.setBadgeCount(b.dueWithin24h);
    window()?.setTitle(b.dueWithin24h > 0 ? `PrivacyOps Workstation (${b.dueWithin24h})` : 'PrivacyOps Workstation');
  });
}
