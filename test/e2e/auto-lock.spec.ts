import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { openFromNav } from './support/ui';

/**
 * Auto-lock through the web host: the delay is set in Settings › Security, the host's test clock
 * (--clock) jumps past it, and the page shows the unlock screen saying why; the passphrase opens
 * the register again with everything in it. Test mode starts with auto-lock off (a test jumping
 * the clock by days must not lock under it), so the spec turns it on as a user would.
 */

const PASSPHRASE = 'amber-quarry-lantern-velvet-41';
const SETUP = {
  organisation: { name: 'Exemple Télécom SA', role: 'controller', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Dubois (DPO)',
  recoveryPassphrase: PASSPHRASE,
};
const T0 = Date.parse('2026-03-02T10:00:00+01:00');
const MINUTE = 60_000;

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

test.describe.serial('auto-lock: the register locks itself after the idle delay', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  const setClock = async (ms: number) => expect((await api('app.setClock', { at: new Date(ms).toISOString() })).status).toBe(200);

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
      summary: 'Entered before the idle lock',
    });
    expect(created.body.reference).toBe('C-2026-0001');
    // Auto-lock is still off (test mode): a jump of an hour locks nothing.
    await setClock(T0);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('Settings › Security sets the delay (test mode starts with it off)', async () => {
    await page.goto(host!.url);
    await expect(page.getByTestId('organisation-name')).toBeVisible({ timeout: 30_000 });
    await openFromNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Security' }).click();
    const minutes = page.getByLabel('Lock after (minutes without activity)');
    await expect(minutes).toHaveValue('0');
    await expect(page.getByText('the register never locks itself')).toBeVisible();
    // The web host has no window to close: the choice of tray or quit is the desktop's only.
    await expect(page.getByText('When the window is closed')).toHaveCount(0);
    await minutes.fill('15');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Locking settings saved.')).toBeVisible();
    expect((await api<{ autoLockMinutes: number }>('preferences.get')).body.autoLockMinutes).toBe(15);
  });

  test('14 idle minutes later the register is still open', async () => {
    await setClock(T0 + 14 * MINUTE);
    expect((await api<{ state: string }>('app.status')).body.state).toBe('unlocked');
    await expect(page.getByRole('heading', { name: 'The register is locked' })).toHaveCount(0);
    await expect(page.getByLabel('Lock after (minutes without activity)')).toHaveValue('15');
  });

  test('past 15 idle minutes the page shows the unlock screen and says why', async () => {
    await setClock(T0 + 16 * MINUTE);
    await expect(page.getByRole('heading', { name: 'The register is locked' })).toBeVisible();
    const reason = page.getByTestId('lock-reason');
    await expect(reason).toHaveAttribute('data-reason', 'idle');
    await expect(reason).toContainText('locked itself after a while without activity');
    // What a locked register cannot do is said, not left to be discovered.
    await expect(page.getByTestId('reminders-paused')).toContainText('While the register is locked no reminder fires');
    // The register itself is closed, not just the screen.
    const locked = await api<{ error: { code: string } }>('complaints.list');
    expect(locked.body.error.code).toBe('LOCKED');
  });

  test('the passphrase opens it again: the complaint and the setting are there', async () => {
    await page.getByLabel('Recovery passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId('organisation-name')).toBeVisible({ timeout: 30_000 });
    await openFromNav(page, 'Complaints');
    await expect(page.getByTestId('complaint-table').locator('tbody tr').first()).toContainText('C-2026-0001');
    await openFromNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Security' }).click();
    await expect(page.getByLabel('Lock after (minutes without activity)')).toHaveValue('15');
    // Unlocking starts a fresh idle period: the same jump again locks nothing yet.
    await setClock(T0 + 30 * MINUTE);
    expect((await api<{ state: string }>('app.status')).body.state).toBe('unlocked');
  });
});
