import { app, BrowserWindow, ipcMain, Menu, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { ApiError, events as eventSchemas, type EventName } from '@shared/api/contract';
import { Workstation } from '../core/workstation';
import { OsKeyStore } from '../core/keys/keychain';
import { createDispatch } from '../core/api/dispatch';
import { DATA_DIR_ENV } from '../core/paths';
import { CONTENT_SECURITY_POLICY } from '../webhost/security';
import { buildMenu } from './menu';
import { wireAlerts } from './alerts';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';

app.setName('PrivacyOps Workstation');
registerAppScheme();

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return fromArg ?? process.env[DATA_DIR_ENV] ?? app.getPath('userData');
}

const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by electron-vite in development
const rendererDir = join(import.meta.dirname, '../renderer');

/** Only our own renderer may call the API or navigate. */
function isOwnUrl(url: string): boolean {
  if (rendererUrl) return url.startsWith(rendererUrl);
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

async function main() {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  if (!rendererUrl) serveRenderer(rendererDir);

  // Hardening that holds for every window and webview this app could ever create.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev, url) => {
      if (!isOwnUrl(url)) ev.preventDefault();
    });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web (e.g. a regulator's site) open in the user's browser, never in the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  const workstation = await Workstation.start({
    dataDir: dataDirFromArgs(),
    keyStore: new OsKeyStore(),
    host: 'electron',
    version: app.getVersion(),
  });
  // Listeners first: the first reminder check (with alerts missed while closed) runs right after start.
  let mainWindow: BrowserWindow | null = null;
  wireAlerts(workstation, () => mainWindow);
  const dispatch = createDispatch(workstation);

  ipcMain.handle('api:call', async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!event.senderFrame || !isOwnUrl(event.senderFrame.url)) {
      return { ok: false, error: new ApiError('FORBIDDEN', 'Unknown caller').toBody().error };
    }
    try {
      return { ok: true, value: await dispatch(String(method), input) };
    } catch (e) {
      // Electron flattens thrown errors to a message; send the code across explicitly.
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', (e as Error).message);
      return { ok: false, error: err.toBody().error };
    }
  });

  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'PrivacyOps Workstation',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());

  for (const event of Object.keys(eventSchemas) as EventName[]) {
    workstation.on(event, (payload) => {
      if (!win.isDestroyed()) win.webContents.send('api:event', { event, payload });
    });
  }

  Menu.setApplicationMenu(buildMenu(() => workstation.lock()));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void workstation.shutdown().finally(() => app.quit());
  });

  if (rendererUrl) await win.loadURL(rendererUrl);
  else await win.loadURL(`${APP_ORIGIN}/index.html`);
}

main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
