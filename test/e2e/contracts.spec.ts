import { expect, test, type Browser, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime, openFromNav } from './support/ui';

/**
 * The client-contracts register through the web host, in English, and its link to incidents: a
 * contract is recorded (72 hours, notices in English), then a processor incident detected Friday
 * 27 March 2026 at 22:30 Paris gets its affected client from that contract, which fills the
 * client, its contact, its hours and its language; the client's clock runs the contract's 72
 * hours across the change to summer time (Monday 30 March, 23:30) and its obligation says so.
 * The web host runs on a test clock (--clock) five minutes after detection.
 */
test.describe.serial('client contracts through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', '2026-03-27T22:35:00+01:00']);
    page = await newPage(browser);
  });

  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('records a client contract with its notice terms', async () => {
    await page.goto(host!.url);
    await page.getByRole('textbox', { name: 'Organisation name' }).fill('Hébergement Rhône SAS');
    await page.getByRole('textbox', { name: 'User name' }).fill('Claire Dubois');
    await page.getByRole('button', { name: 'Suggest a strong passphrase' }).click();
    await page.getByRole('checkbox', { name: 'I have stored this passphrase somewhere safe' }).check();
    await page.getByRole('button', { name: 'Create the register' }).click();
    await page.getByRole('button', { name: 'Open the register' }).click({ timeout: 30_000 });
    await openFromNav(page, 'Client contracts');
    await expect(page.getByRole('heading', { name: 'Client contracts' })).toBeVisible();
    await expect(page.getByText('No client contract yet')).toBeVisible();

    await page.getByRole('button', { name: 'New contract' }).first().click();
    const form = page.getByRole('dialog', { name: 'New client contract' });
    await form.getByRole('textbox', { name: 'Client', exact: true }).fill('Cabinet Roux SCP');
    await form.getByRole('textbox', { name: 'Contract reference' }).fill('DPA-2025-014');
    const hours = form.getByRole('textbox', { name: 'Breach notice within' });
    await expect(hours).toHaveValue('48 h');
    await hours.fill('72');
    await form.getByRole('radiogroup', { name: 'Notice language' }).getByText('English', { exact: true }).click();
    // The contact must fit the channel: an email address for notices by email.
    await form.getByRole('textbox', { name: 'Contact for notices' }).fill('privacy at cabinet-roux');
    await form.getByRole('textbox', { name: 'Client', exact: true }).press('Control+Enter');
    await expect(form.getByText('Enter an email address, e.g. dpo@client.fr.')).toBeVisible();
    await form.getByRole('textbox', { name: 'Contact for notices' }).fill('privacy@cabinet-roux.example');
    await form.getByTestId('contract-dpa-date').fill('02/05/2025');
    await form.getByRole('textbox', { name: 'Client', exact: true }).press('Control+Enter');

    await expect(page.getByText('CT-2026-0001 recorded.')).toBeVisible();
    await expect(form).toBeHidden();
    // Recorded from the list, it shows in the list.
    const row = page.getByRole('row').filter({ hasText: 'CT-2026-0001' });
    await expect(row).toContainText('Cabinet Roux SCP');
    await expect(row).toContainText('72 h · English');
    await expect(row).toContainText('privacy@cabinet-roux.example');
    await expect(page.getByTestId('contract-total')).toContainText('1 contract');

    await row.getByRole('button', { name: 'Open CT-2026-0001' }).click();
    await expect(page.getByTestId('contract-reference')).toHaveText('CT-2026-0001');
    await expect(page.getByTestId('contract-name')).toHaveText('Cabinet Roux SCP');
    await expect(page.getByTestId('contract-status')).toHaveText('Active');
    await expect(page.getByTestId('contract-terms')).toHaveText('72 h · English');
    const facts = page.getByTestId('contract-facts');
    await expect(facts).toContainText('privacy@cabinet-roux.example');
    await expect(facts).toContainText('DPA-2025-014');
    await expect(facts).toContainText('2 May 2025');
  });

  test('a processor incident’s affected client picked from the contract takes its hours and language', async () => {
    await openFromNav(page, 'Incidents');
    await page.getByRole('button', { name: 'Record an incident' }).first().click();
    const form = page.getByRole('dialog', { name: 'Record an incident' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Backup of a client’s contact list exposed');
    await form.getByRole('radiogroup', { name: 'Our role' }).getByText('Processor', { exact: true }).click();
    await fillDateTime(page, form, 'detected', '27/03/2026', '22:30');
    await fillDateTime(page, form, 'aware', '27/03/2026', '22:30');
    await form.getByRole('checkbox', { name: /^Confidentiality/ }).check();
    await form.getByRole('textbox', { name: 'Title' }).press('Control+Enter');
    await expect(page.getByText('I-2026-0001 recorded.')).toBeVisible();

    const panel = page.getByTestId('clients-panel');
    await panel.getByRole('button', { name: 'Add a client' }).click();
    const modal = page.getByRole('dialog', { name: 'Add an affected client – I-2026-0001' });
    await modal.getByRole('combobox', { name: 'Client contract' }).click();
    await page.getByRole('option', { name: 'Cabinet Roux SCP · CT-2026-0001 · 72 h, English' }).click();
    await expect(modal.getByRole('textbox', { name: 'Client', exact: true })).toHaveValue('Cabinet Roux SCP');
    await expect(modal.getByRole('textbox', { name: 'Contact', exact: true })).toHaveValue('privacy@cabinet-roux.example');
    await expect(modal.getByRole('textbox', { name: 'Contractual notice' })).toHaveValue('72 h');
    await expect(modal.getByRole('radiogroup', { name: 'Notice language' }).getByRole('radio', { name: 'English' })).toBeChecked();
    // 22:30 CET + 72 elapsed hours = 23:30 CEST on Monday: the clocks go forward on Sunday 29 March.
    await expect(modal.getByTestId('client-due-preview')).toHaveText('30 Mar 2026, 23:30');
    await modal.getByRole('textbox', { name: 'Client', exact: true }).press('Enter');
    await expect(modal).toBeHidden();
    await expect(page.getByText('Cabinet Roux SCP added.')).toBeVisible();

    const row = panel.getByTestId('client-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Cabinet Roux SCP');
    await expect(row).toContainText('72 h');
    await expect(row.getByTestId('client-clock')).toContainText('due 30 Mar 2026, 23:30');
    await expect(row.getByTestId('client-clock')).toHaveAttribute('data-state', 'running');
    const obligation = page.getByTestId('obligation').filter({ hasText: 'Cabinet Roux SCP' });
    await expect(obligation).toContainText('Notice to the client controller (72 h under the contract)');

    // From the client to its contract, whose page lists the incident with the client's notice due.
    await row.getByTestId('client-contract-link').click();
    await expect(page.getByTestId('contract-reference')).toHaveText('CT-2026-0001');
    const use = page.getByTestId('contract-uses').getByTestId('contract-use');
    await expect(use).toHaveCount(1);
    await expect(use).toContainText('I-2026-0001');
    await expect(use).toContainText('Cabinet Roux SCP · 72 h · notice due 30 Mar 2026, 23:30');
  });
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  return context.newPage();
}
