import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, callApi, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { openFromNav } from './support/ui';

/**
 * Internal targets and the disputed appeal date, as the DPO sees them: Settings › Notifications
 * sets the working days before each day-counted deadline; the clocks board shows the internal
 * target under the deadline, and a CNIL sanction notified on 30 December (no 30 February) shows
 * the earlier appeal date with the later one as the outer bound.
 */

const SETUP = {
  organisation: { name: 'Exemplar SAS', role: 'controller', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Dubois',
  recoveryPassphrase: 'tiny-harbour-violet-engine-47',
};

const row = (page: Page, text: string) => page.getByTestId('clock-table').locator('tbody tr[data-clock-id]').filter({ hasText: text });

test.describe.serial('internal targets and outer bounds on the clocks board', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', '2025-01-02T09:00:00+01:00']);
    await callApi(host, 'app.setup', SETUP);
    await callApi(host, 'letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2025-01-02T09:00:00+01:00', subject: 'Demande d’informations', replyDue: '2025-01-24T00:00:00+01:00' });
    await callApi(host, 'letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'sanction', receivedAt: '2024-12-30T10:00:00+01:00', notifiedAt: '2024-12-30T10:00:00+01:00', subject: 'Délibération de sanction' });
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the default of two working days, then three set in Settings › Notifications', async () => {
    await page.goto(host!.url);
    await openFromNav(page, 'Clocks');
    // Reply date: end of Thursday 23 January 2025; two working days before: Tuesday 21 January.
    const reply = row(page, 'Demande d’informations');
    await expect(reply.getByTestId('clock-due')).toHaveText('end of Thu 23 Jan 2025');
    await expect(reply.getByTestId('clock-internal-target')).toHaveText('Internal target: end of Tue 21 Jan 2025');

    await openFromNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Notifications' }).click();
    const lead = page.getByTestId('settings-internal-lead-days');
    await lead.fill('3');
    await page.getByTestId('settings-dpo-contact').fill('Claire Dubois, DPO, dpo@exemplar.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Settings saved.' })).toBeVisible();

    await openFromNav(page, 'Clocks');
    await expect(row(page, 'Demande d’informations').getByTestId('clock-internal-target')).toHaveText('Internal target: end of Mon 20 Jan 2025');
    const profile = await callApi<{ organisation: { internalLeadDays: number; dpoContact: string } }>(host!, 'profile.get');
    expect(profile.organisation).toMatchObject({ internalLeadDays: 3, dpoContact: 'Claire Dubois, DPO, dpo@exemplar.example' });
  });

  test('an appeal notified on 30 December shows the earlier date and the outer bound with its reason', async () => {
    const appeal = row(page, 'Délibération de sanction');
    await expect(appeal.getByTestId('clock-due')).toHaveText('end of Fri 28 Feb 2025');
    const outer = appeal.getByTestId('clock-outer-bound');
    await expect(outer).toHaveText('Outer bound (disputed): end of Mon 3 Mar 2025');
    await outer.hover();
    await expect(page.getByRole('tooltip')).toContainText('not settled');
  });
});
