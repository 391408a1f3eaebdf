import { app, ipcMain, Menu, powerMonitor, utilityProcess } from 'electron';
import { join } from 'node:path';
import { CoreHost } from '../core/host/core-host';
import { DATA_DIR_ENV } from '../core/paths';
import { utilityProcessCore } from './core-process';
import { wireIpc } from './ipc';
import { hardenContents, isOwnUrl, MainWindow, serveRenderer } from './window';
import { buildMenu } from './menu';
import { wireAlerts } from './alerts';
import { registerAppScheme } from './app-protocol';
import { createTray } from './tray';
import type { Preferences } from '@shared/schemas/core';

/**
 * The desktop main process: windows, tray, menus and notifications. The register and its services
 * (SQLite, keys, reminders, sync) run in the core, an Electron utility process started from
 * out/main/core.js (electron/core/host/utility-entry.ts); this process only carries calls and
 * events between the windows and the core (ipc.ts) and never opens the register itself (lint and
 * test/unit/lint/main-imports.test.ts hold it to that).
 */
app.setName('PrivacyOps Workstation');
registerAppScheme();

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return fromArg ?? process.env[DATA_DIR_ENV] ?? app.getPath('userData');
}

const log = (m: string) => process.stderr.write(m + '\n');

async function main() {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  serveRenderer();
  hardenContents();

  // The core starts in its utility process; when it cannot, the window still opens and says why
  // ("core stopped", with Restart), as when it crashes later.
  const core = await CoreHost.start(
    utilityProcessCore((path, args, options) => utilityProcess.fork(path, args, options), join(import.meta.dirname, 'core.js')),
    { dataDir: dataDirFromArgs(), host: 'electron', version: app.getVersion(), keychain: true },
    { log },
  );

  // Closing the window keeps the app in the tray (reminders keep firing) unless the preference
  // (Settings › Security) says to quit; quitting itself closes it for good.
  let quitOnClose = false;
  let quitting = false;
  const window = new MainWindow({ hideOnClose: () => !quitting && !quitOnClose });
  // Listeners before anything else: the first reminder check (with the reminders missed while the
  // app was closed) comes right after the core is ready.
  wireIpc(ipcMain, core, { isOwnUrl, windows: () => window.all() });
  wireAlerts(core, { window: () => window.current, open: () => window.open() });

  const learnPrefs = (p: Preferences) => {
    quitOnClose = p.quitOnClose;
  };
  core.call('preferences.get', {}).then((p) => learnPrefs(p as Preferences), () => undefined);
  core.on((event, payload) => {
    if (event === 'preferences.changed') learnPrefs(payload as Preferences);
  });
  const lockNow = () => void core.call('app.lock', {}).catch(() => undefined);
  createTray(core, {
    open: () => window.open(),
    openRecord: (type, id) => window.openRecord(type, id),
    lock: lockNow,
    quit: () => app.quit(),
  });

  Menu.setApplicationMenu(buildMenu(lockNow));
  // The OS locked the screen or is going to sleep: the register locks too (the unlock screen says why).
  powerMonitor.on('lock-screen', () => core.lock('system'));
  powerMonitor.on('suspend', () => core.lock('system'));

  app.on('second-instance', () => window.open());
  // macOS: the dock icon brings back a window closed to the tray.
  app.on('activate', () => window.open());
  app.on('window-all-closed', () => app.quit());

  // Quitting waits for the core to finish what is in flight and close the register.
  let closed = false;
  let closing: Promise<void> | null = null;
  app.on('before-quit', (ev) => {
    quitting = true;
    if (closed) return;
    ev.preventDefault();
    closing ??= core.shutdown().finally(() => {
      closed = true;
      app.quit();
    });
  });

  window.open();
}

main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
