import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, callApi, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime, openFromNav, pick } from './support/ui';

/**
 * A CNIL formal notice as the DPO records it (issue 14): "within three months of notification" is
 * entered as a period, the form shows the date the engine counts and why before saving, the
 * formal-notice procedure is opened from the letter form itself, and when the notification date
 * is corrected the date follows (one month from 1 April 2025 ends on Friday 2 May: 1 May is a
 * public holiday).
 */

const SETUP = {
  organisation: { name: 'Exemplar SAS', role: 'controller', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Dubois',
  recoveryPassphrase: 'tiny-harbour-violet-engine-47',
};

test.describe.serial('periods a regulator sets, counted from the letter', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', '2025-02-03T09:00:00+01:00']);
    await callApi(host, 'app.setup', SETUP);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a formal notice with three months to comply from notification, in a procedure opened from the form', async () => {
    await page.goto(host!.url);
    await openFromNav(page, 'Correspondence');
    await page.getByRole('main').getByRole('button', { name: 'New letter' }).first().click();
    const form = page.getByRole('dialog', { name: 'New letter' });
    await pick(page, form.getByRole('combobox', { name: 'Kind' }), 'Formal notice / order');
    await fillDateTime(page, form, 'received', '30/01/2025', '10:00');
    await fillDateTime(page, form, 'notified', '30/01/2025', '10:00');
    await form.getByRole('textbox', { name: 'Subject' }).fill('Mise en demeure MED-2025-001');

    await form.getByTestId('compliance-due-mode').getByText('A period').click();
    const period = form.getByTestId('compliance-due-period');
    await expect(period.getByRole('combobox', { name: 'Counted from' })).toHaveValue('from notification');
    await period.getByRole('textbox', { name: 'Number' }).fill('3');
    const preview = form.getByTestId('compliance-due-preview');
    await expect(preview).toContainText(/Wednesday,? 30 April 2025/);
    await expect(preview).toContainText('is not counted');

    await form.getByRole('button', { name: 'New matter…' }).click();
    const matter = page.getByRole('dialog', { name: 'New matter from this letter' });
    await expect(matter.getByRole('combobox', { name: 'Procedure' })).toHaveValue('Formal notice procedure');
    await expect(matter.getByRole('textbox', { name: 'Title' })).toHaveValue('Mise en demeure MED-2025-001');
    await matter.getByRole('button', { name: 'Open the matter' }).click();
    await expect(page.getByText('Matter M-2025-0001 opened.')).toBeVisible();
    await expect(form.getByRole('combobox', { name: 'Matter' })).toHaveValue(/^M-2025-0001/);

    await form.getByRole('button', { name: 'Record the letter' }).click();
    await expect(page.getByText('L-2025-0001 recorded.')).toBeVisible();
    await expect(page.getByTestId('compliance-state')).toContainText(/30 Apr 2025/);
  });

  test('the notification date corrected: the date follows, off the 1 May holiday', async () => {
    await page.getByRole('main').getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('dialog', { name: 'Edit L-2025-0001' });
    const period = form.getByTestId('compliance-due-period');
    await expect(period.getByRole('textbox', { name: 'Number' })).toHaveValue('3');
    await fillDateTime(page, form, 'notified', '01/04/2025', '10:00');
    await period.getByRole('textbox', { name: 'Number' }).fill('1');
    const preview = form.getByTestId('compliance-due-preview');
    await expect(preview).toContainText(/Friday,? 2 May 2025/);
    await expect(preview).toContainText('Thursday 1 May 2025 (public holiday');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('compliance-state')).toContainText(/2 May 2025/);

    // The procedure lists the letter as its step, and the API stored the period with the date.
    const letters = await callApi<{ items: { reference: string; complianceDue: string; compliancePeriod: unknown; matterId: string }[] }>(host!, 'letters.list', {});
    expect(letters.items[0]).toMatchObject({ reference: 'L-2025-0001', complianceDue: '2025-05-02T22:00:00.000Z', compliancePeriod: { amount: 1, unit: 'months', from: 'notifiedAt' } });
    const m = await callApi<{ matter: { kind: string }; letters: { reference: string }[] }>(host!, 'matters.get', { id: letters.items[0]!.matterId });
    expect(m).toMatchObject({ matter: { kind: 'formal_notice' }, letters: [{ reference: 'L-2025-0001' }] });
  });
});
