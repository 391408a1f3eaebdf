import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, callApi, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * Drill mode through the web host in Chromium: the security lead records a breach exercise from
 * the incident form (Monday 2 March 2026, 10:00 Paris, on the host's test clock); the list, the
 * incident's page, the clocks board, the dashboard and the timeline mark it as a drill, and its
 * page says what a drill is. Once recorded, the choice cannot be changed from the form.
 */

const START = '2026-03-02T10:05:00+01:00';
const SETUP = {
  organisation: { name: 'Exemplar Retail SAS', role: 'controller', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Martin',
  recoveryPassphrase: 'tiny-harbour-violet-engine-47',
};
const TITLE = 'Ransomware on the HR file server (exercise)';

test.describe.serial('drills through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', START]);
    await callApi(host, 'app.setup', SETUP);
    // A real breach beside the drill: it must carry no drill mark anywhere.
    await callApi(host, 'incidents.create', { title: 'Lost laptop with payroll export', ourRole: 'controller', awareAt: '2026-03-02T09:00:00+01:00' });
    page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } })).newPage();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('records a drill from the incident form; the list and its page mark it and say what a drill is', async () => {
    await page.goto(host!.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Incidents', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Breach incidents' })).toBeVisible();
    await page.getByRole('button', { name: 'Record an incident' }).first().click();
    const form = page.getByRole('dialog', { name: 'Record an incident' });
    await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    const drill = form.getByRole('switch', { name: 'This is a drill (a breach exercise)' });
    await expect(drill).not.toBeChecked();
    await drill.click();
    await expect(drill).toBeChecked();
    await form.getByRole('textbox', { name: 'Title' }).press('Control+Enter');
    await expect(form).toBeHidden();

    await expect(page.getByTestId('incident-title')).toHaveText(TITLE);
    await expect(page.getByTestId('drill-badge')).toHaveText('Drill');
    await expect(page.getByTestId('drill-notice')).toContainText('Drill: a breach exercise, not a personal-data breach.');

    // Editing keeps the choice and does not offer to change it.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog').filter({ has: page.getByRole('switch', { name: 'This is a drill (a breach exercise)' }) });
    await expect(edit.getByRole('switch', { name: 'This is a drill (a breach exercise)' })).toBeChecked();
    await expect(edit.getByRole('switch', { name: 'This is a drill (a breach exercise)' })).toBeDisabled();
    await expect(edit.getByText('Set when the incident was recorded; it cannot be changed.')).toBeVisible();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect(edit).toBeHidden();

    await page.getByRole('navigation').getByRole('button', { name: 'Incidents', exact: true }).click();
    const rows = page.locator('table tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: TITLE }).getByTestId('drill-badge')).toBeVisible();
    await expect(rows.filter({ hasText: 'Lost laptop' }).getByTestId('drill-badge')).toHaveCount(0);
  });

  test('the clocks board, the dashboard and the timeline mark the drill’s clocks', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Clocks' }).click();
    await expect(page.getByRole('heading', { name: 'Clocks', level: 1 })).toBeVisible();
    const clockRows = page.getByTestId('clock-table').locator('tbody tr[data-clock-id]');
    await expect(clockRows).toHaveCount(2);
    await expect(clockRows.filter({ hasText: TITLE }).getByTestId('drill-badge')).toBeVisible();
    await expect(clockRows.filter({ hasText: 'Lost laptop' }).getByTestId('drill-badge')).toHaveCount(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
    await expect(page.locator('tr', { hasText: TITLE }).getByTestId('drill-badge')).toBeVisible();

    await page.getByRole('navigation').getByRole('button', { name: 'Incidents', exact: true }).click();
    await page.getByRole('button', { name: 'Open I-2026-0002' }).click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await expect(page.getByTestId('timeline-title')).toBeVisible();
    await expect(page.getByTestId('drill-badge')).toBeVisible();
    await expect(page.getByTestId('drill-notice')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('drill-timeline.png'), fullPage: true });
  });
});
