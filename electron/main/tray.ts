import { app, Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { EventPayload } from '@shared/api/contract';
import type { ClockListResult } from '@shared/schemas/clock';
import type { RecordType } from '@shared/schemas/record-types';
import type { CoreCalls } from './ipc';
import { trayIconFile, trayLang, trayModel, type TrayEntry, type TrayRegister } from './tray-model';

/** The countdowns in the menu move on; the count changes with the core's badge events. */
const REFRESH_MS = 60_000;
/** Several record changes in a row: one refresh. */
const SETTLE_MS = 1_000;

export interface TrayUi {
  open(): void;
  openRecord(recordType: RecordType, recordId: string): void;
  lock(): void;
  quit(): void;
}

/** resources/tray: beside the app when packaged (extraResources), in the repository otherwise. */
function trayDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(import.meta.dirname, '../../resources/tray');
}

/**
 * The tray icon and its menu, drawn from tray-model.ts (which clocks, words, count) with what the
 * core says: the board (clocks.list) while the register is open, nothing of it while it is not.
 * Returns what removes it.
 */
export function createTray(core: CoreCalls, ui: TrayUi): () => void {
  const tray = new Tray(nativeImage.createEmpty());
  let register: TrayRegister = 'locked';
  let clocks: ClockListResult | null = null;
  let pending: NodeJS.Timeout | null = null;
  let reading = 0;

  const draw = () => {
    const model = trayModel({
      now: clocks?.at ?? Date.now(),
      lang: trayLang(app.getLocale()),
      register,
      clocks: register === 'unlocked' ? (clocks?.items ?? []) : [],
    });
    // GNOME and most Linux panels are dark whatever the app's theme.
    const darkPanel = process.platform === 'linux' || nativeTheme.shouldUseDarkColors;
    const image = nativeImage.createFromPath(join(trayDir(), trayIconFile(process.platform, model.icon, darkPanel)));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    tray.setImage(image);
    tray.setToolTip(model.tooltip);
    if (process.platform === 'darwin') tray.setTitle(model.title);
    tray.setContextMenu(Menu.buildFromTemplate(model.menu.map(toItem)));
  };

  const toItem = (e: TrayEntry): MenuItemConstructorOptions => {
    switch (e.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'info':
        return { label: e.label, enabled: false };
      case 'record':
        return { label: e.label, click: () => ui.openRecord(e.recordType, e.recordId) };
      case 'action':
        return { label: e.label, enabled: e.enabled, click: () => (e.action === 'open' ? ui.open() : e.action === 'lock' ? ui.lock() : ui.quit()) };
    }
  };

  const refresh = () => {
    pending = null;
    if (register !== 'unlocked') {
      clocks = null;
      draw();
      return;
    }
    const n = ++reading;
    core.call('clocks.list', { states: ['running', 'overdue'] }).then(
      (r) => {
        if (n !== reading) return;
        clocks = r as ClockListResult;
        draw();
      },
      // Locked meanwhile, or the core stopped: its own event redraws.
      () => undefined,
    );
  };
  const soon = () => {
    pending ??= setTimeout(refresh, SETTLE_MS);
  };

  const learn = (s: EventPayload<'app.status'>) => {
    register = s.state;
    refresh();
  };
  const off = core.on((event, payload) => {
    if (event === 'app.status') learn(payload as EventPayload<'app.status'>);
    else if (event === 'core.state') {
      const c = payload as EventPayload<'core.state'>;
      if (c.state === 'stopped') {
        register = 'stopped';
        refresh();
      }
    } else if (event === 'clocks.badge') refresh();
    else if (event === 'record.changed') soon();
  });
  core.call('app.status', {}).then((s) => learn(s as EventPayload<'app.status'>), () => undefined);
  const timer = setInterval(refresh, REFRESH_MS);
  nativeTheme.on('updated', draw);
  // Windows and Linux: a click on the icon brings the window (the menu is on the right button).
  tray.on('click', () => {
    if (process.platform !== 'darwin') ui.open();
  });
  draw();

  return () => {
    off();
    clearInterval(timer);
    if (pending) clearTimeout(pending);
    nativeTheme.off('updated', draw);
    tray.destroy();
  };
}
