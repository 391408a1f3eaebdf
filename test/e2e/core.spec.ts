import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { openFromNav } from './support/ui';

/**
 * The core (the register and its services) runs in a worker thread behind the web host. When it
 * dies, the page says so and offers a restart; after the restart and the unlock, what had been
 * saved is there. Test mode (--clock) gives the host its `core.crash` method, which kills the
 * worker as a crash would.
 */

const PASSPHRASE = 'quiet-lantern-orbit-meadow-29';
const SETUP = {
  organisation: { name: 'Exemple Télécom SA', role: 'controller', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Dubois (DPO)',
  recoveryPassphrase: PASSPHRASE,
};

function apiOf(host: WebHost) {
  const url = new URL(host.url);
  const token = url.searchParams.get('token')!;
  return async <T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
}

test.describe.serial('the core stops: the window says so and restarts it', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  let api: ReturnType<typeof apiOf>;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', '2026-03-02T09:00:00+01:00']);
    api = apiOf(host);
    expect((await api('app.setup', SETUP)).status).toBe(200);
    const created = await api<{ reference: string }>('complaints.create', {
      receivedAt: '2026-03-01T10:00:00+01:00',
      channel: 'email',
      complainantLabel: 'M. R.',
      rights: ['access'],
      summary: 'Saved before the crash',
    });
    expect(created.body.reference).toBe('C-2026-0001');
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the app is open on the register', async () => {
    await page.goto(host!.url);
    await expect(page.getByTestId('organisation-name')).toBeVisible({ timeout: 30_000 });
  });

  test('a crash of the core shows the "core stopped" screen with a restart', async () => {
    expect((await api('core.crash')).status).toBe(200);
    await expect(page.getByRole('heading', { name: "The register's core stopped" })).toBeVisible();
    await expect(page.getByText('stopped unexpectedly. Everything the app had confirmed is saved')).toBeVisible();
    // Calls meanwhile are answered, not left hanging.
    const during = await api<{ error: { code: string } }>('complaints.list');
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe('CORE_STOPPED');
  });

  test('Restart brings the core back, locked; the passphrase opens it and the complaint is there', async () => {
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect(page.getByRole('heading', { name: 'The register is locked' })).toBeVisible({ timeout: 30_000 });
    await page.getByLabel('Recovery passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId('organisation-name')).toBeVisible({ timeout: 30_000 });
    await openFromNav(page, 'Complaints');
    await expect(page.getByTestId('complaint-table').locator('tbody tr').first()).toContainText('C-2026-0001');
    expect((await api<{ state: string; restarts: number }>('core.state')).body).toMatchObject({ state: 'running', restarts: 1 });
  });
});
