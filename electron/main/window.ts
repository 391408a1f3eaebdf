import { app, BrowserWindow, session, shell } from 'electron';
import type { RecordType } from '@shared/schemas/record-types';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../webhost/security';
import { APP_ORIGIN, serveRenderer as serveFrom } from './app-protocol';

const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by electron-vite in development
const rendererDir = join(import.meta.dirname, '../renderer');

/** Only our own renderer may call the API or navigate. */
export function isOwnUrl(url: string): boolean {
  if (rendererUrl) return url.startsWith(rendererUrl);
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** After ready: the built renderer answers on app://workstation/ (not in development, where Vite serves it). */
export function serveRenderer(): void {
  if (!rendererUrl) serveFrom(rendererDir);
}

/** Hardening that holds for every window and webview this app could ever create. */
export function hardenContents(): void {
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
}

export interface MainWindowOptions {
  /**
   * Asked when the user closes the window: true hides it (the app stays in the tray and the
   * reminders keep firing), false lets it close (the app then quits).
   */
  hideOnClose: () => boolean;
}

/**
 * The app's one window. Closing it hides it while the app lives on in the tray (unless the
 * preference says to quit on close); `open()` shows it again, or makes a new one.
 */
export class MainWindow {
  private win: BrowserWindow | null = null;

  constructor(private readonly opts: MainWindowOptions) {}

  get current(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  all(): BrowserWindow[] {
    return BrowserWindow.getAllWindows();
  }

  /**
   * Shows the window on a record (a clock picked in the tray). The page's navigation takes it
   * whatever screen is up: locked, the record is what the window shows after the unlock.
   */
  openRecord(type: RecordType, id: string): void {
    const win = this.open();
    const send = () => win.webContents.send('api:event', { event: 'ui.openRecord', payload: { type, id } });
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
    else send();
  }

  open(): BrowserWindow {
    const existing = this.current;
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
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
    this.win = win;
    win.once('ready-to-show', () => win.show());
    win.on('close', (ev) => {
      if (this.opts.hideOnClose()) {
        ev.preventDefault();
        win.hide();
      }
    });
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    void win.loadURL(rendererUrl ?? `${APP_ORIGIN}/index.html`);
    return win;
  }
}
