import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime, pick, openFromNav } from './support/ui';

/**
 * Scenario S1 end to end, through the web host without a keychain: set up, record a complaint,
 * restart (the register comes back locked: only the passphrase opens it), find it by a word with
 * and without its accent, edit it, answer it, and read the changes in its history.
 */
test.describe.serial('complaints register through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  let passphrase = '';

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false });
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('first run sets up the register, and says the passphrase is needed at each start', async () => {
    await page.goto(host!.url);
    await expect(page.getByRole('heading', { name: 'Set up the register' })).toBeVisible();
    // The token leaves the address bar once read.
    expect(page.url()).not.toContain('token=');

    await page.getByRole('textbox', { name: 'Organisation name' }).fill('Exemplar Retail SAS');
    await page.getByRole('textbox', { name: 'User name' }).fill('Claire Martin');
    await page.getByRole('button', { name: 'Suggest a strong passphrase' }).click();
    passphrase = (await page.getByTestId('suggested-passphrase').innerText()).trim();
    expect(passphrase.length).toBeGreaterThanOrEqual(12);

    // Not ticking "stored" blocks creation.
    await page.getByRole('button', { name: 'Create the register' }).click();
    await expect(page.getByText('Confirm that you have stored the passphrase.')).toBeVisible();
    await page.getByRole('checkbox', { name: 'I have stored this passphrase somewhere safe' }).check();
    await page.getByRole('button', { name: 'Create the register' }).click();

    await expect(page.getByText('The passphrase will be needed at each start')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Open the register' }).click();
    await expect(page.getByTestId('organisation-name')).toHaveText('Exemplar Retail SAS');
    await expect(page.getByTestId('user-name')).toHaveText('Claire Martin');
    await openFromNav(page, 'Complaints');
    await expect(page.getByText('No complaints recorded yet')).toBeVisible();
  });

  test('records a complaint and shows it in the list with its deadline', async () => {
    await page.getByRole('button', { name: 'New complaint' }).first().click();
    const form = page.getByRole('dialog', { name: 'New complaint' });
    await fillDateTime(page, form, 'received', '02/07/2018', '09:12');
    // Art. 12(3): one month from receipt, the engine's own wording.
    await expect(form.getByTestId('deadline-preview')).toHaveText(/Thursday,? 2 August 2018/);
    await pick(page, form.getByRole('combobox', { name: 'Channel' }), 'Via a regulator');
    await form.getByRole('textbox', { name: "Regulator's reference" }).fill('18019245');
    await form.getByRole('textbox', { name: 'Complainant' }).fill('M. D.');
    await form.getByRole('textbox', { name: 'Contact' }).fill('m.d@example.net');
    await pick(page, form.getByRole('combobox', { name: 'Rights concerned' }), 'Objection to direct marketing (Art. 21(2))');
    await form.getByRole('textbox', { name: 'Summary' }).fill('Demande de désabonnement ignorée : the complainant still receives marketing emails.');
    await form.getByRole('button', { name: 'Record the complaint' }).click();

    await expect(page.getByText('C-2018-0001 recorded.')).toBeVisible();
    await expect(form).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: 'C-2018-0001' });
    await expect(row).toContainText('2 Jul 2018, 09:12');
    await expect(row).toContainText('Via a regulator');
    await expect(row).toContainText('FR-CNIL · 18019245');
    await expect(row).toContainText('Direct marketing');
    await expect(row).toContainText('Received');
    await expect(row).toContainText('2 Aug 2018');
    await expect(row).toContainText(/overdue by [\d,]+ days/);
    await expect(page.getByTestId('complaint-total')).toContainText('1 complaint');
  });

  test('after a restart the register is locked, and a wrong passphrase keeps it locked', async () => {
    await host!.stop();
    host = await startWebHost(dataDir, { keychain: false });
    await page.goto(host.url);

    await expect(page.getByRole('heading', { name: 'The register is locked' })).toBeVisible();
    await expect(page.getByTestId('lock-reason')).toContainText("This computer's keychain is not available");

    const field = page.getByLabel('Recovery passphrase');
    await field.fill(`${passphrase}-wrong`);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('This passphrase does not open the register. Check it and try again.')).toBeVisible({ timeout: 30_000 });
    await expect(field).toBeFocused();
    await expect(page.getByRole('heading', { name: 'The register is locked' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Complaints' })).toHaveCount(0);
  });

  test('unlocks with the passphrase and finds the complaint with and without the accent', async () => {
    const field = page.getByLabel('Recovery passphrase');
    await field.fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId('organisation-name')).toBeVisible({ timeout: 30_000 });
    await openFromNav(page, 'Complaints');
    await expect(page.getByRole('heading', { name: 'Complaints' })).toBeVisible();

    const search = page.getByTestId('complaint-search');
    const rows = page.getByTestId('complaint-table').locator('tbody tr');
    for (const word of ['désabonnement', 'desabonnement']) {
      await search.fill(word);
      await expect(page.getByTestId('complaint-total')).toContainText('1 complaint');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('C-2018-0001');
    }
    await search.fill('réprimande');
    await expect(page.getByText('No complaint matches')).toBeVisible();
    await search.fill('desabonnement');
    await expect(rows).toHaveCount(1);
  });

  test('edits the complaint, marks it answered, and its history shows both changes', async () => {
    await page.getByRole('button', { name: 'Open C-2018-0001' }).click();
    await expect(page.getByTestId('complaint-reference')).toHaveText('C-2018-0001');

    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('dialog', { name: 'Edit C-2018-0001' });
    await form.getByRole('textbox', { name: 'Outcome' }).fill('Removed from every marketing list; confirmation sent to the CNIL.');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('C-2018-0001 saved.')).toBeVisible();

    await page.getByRole('button', { name: 'Mark answered' }).click();
    const dialog = page.getByRole('dialog', { name: /Set the status to .Answered./ });
    await fillDateTime(page, dialog, 'answered', '20/07/2018', '10:00');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Answer sent to the CNIL by email.');
    await dialog.getByRole('button', { name: 'Set status' }).click();

    await expect(page.getByText('C-2018-0001: Answered.')).toBeVisible();
    const facts = page.getByTestId('complaint-facts');
    await expect(facts).toContainText('20 Jul 2018, 10:00');
    await expect(facts).toContainText('answered in time');

    const history = page.getByTestId('complaint-history');
    const entries = history.locator('.mantine-Timeline-item');
    await expect(entries).toHaveCount(3);
    // Newest first: the status change, the edit, the creation.
    await expect(entries.nth(0)).toContainText('Status changed');
    await expect(entries.nth(0)).toContainText('by Claire Martin');
    await expect(entries.nth(0)).toContainText('Status: Received → Answered');
    await expect(entries.nth(0)).toContainText('Answer sent: (empty) → 20 Jul 2018, 10:00');
    await expect(entries.nth(0)).toContainText('Note: Answer sent to the CNIL by email.');
    await expect(entries.nth(1)).toContainText('Edited');
    await expect(entries.nth(1)).toContainText('Outcome: (empty) → Removed from every marketing list; confirmation sent to the CNIL.');
    await expect(entries.nth(2)).toContainText('Recorded');
    await expect(entries.nth(2)).toContainText('Reference: C-2018-0001');
  });

  test('switches to French and keeps the choice', async () => {
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Toutes les réclamations' })).toBeVisible();
    await expect(page.getByTestId('complaint-history')).toContainText('Statut : Reçue → Répondue');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
    await openFromNav(page, 'Réclamations');
    await expect(page.getByRole('heading', { name: 'Réclamations' })).toBeVisible();
  });
});
