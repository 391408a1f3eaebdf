import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freshDataDir, REPO_ROOT } from './support/webHost';

/** The path of the Electron binary, or null where it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('packaged Electron app', () => {
  test.skip(binary === null, 'No Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the same renderer and core are covered through the web host');

  test('opens on the setup screen with only the preload bridge exposed', async () => {
    const main = join(REPO_ROOT, 'out', 'main', 'index.js');
    expect(existsSync(main), `${main} is missing: run npm run build first`).toBe(true);
    const dataDir = freshDataDir();
    const app = await electron.launch({ executablePath: binary!, args: [main, '--data-dir', dataDir] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: /Set up the register|Configurer le registre/ })).toBeVisible({ timeout: 30_000 });
      const globals = await window.evaluate(() => ({
        bridge: typeof (window as unknown as { privacyops?: unknown }).privacyops,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (globalThis as unknown as { process?: unknown }).process,
      }));
      // Context isolation: the page gets the bridge, never Node.
      expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('closing the window keeps the app in the tray; with the setting to quit, closing quits', async () => {
    const main = join(REPO_ROOT, 'out', 'main', 'index.js');
    const dataDir = freshDataDir();
    const app = await electron.launch({ executablePath: binary!, args: [main, '--data-dir', dataDir] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: /Set up the register|Configurer le registre/ })).toBeVisible({ timeout: 30_000 });
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      // Hidden, not closed: the app (its tray icon, its reminders) lives on.
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([false]);
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.show());
      const set = await window.evaluate(() =>
        (window as unknown as { privacyops: { call(m: string, i: unknown): Promise<unknown> } }).privacyops.call('preferences.set', { quitOnClose: true }),
      );
      expect(set).toMatchObject({ ok: true, value: { quitOnClose: true } });
      const quit = app.waitForEvent('close');
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await quit;
    } finally {
      await app.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
