import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assertRendererBuilt, freshDataDir, REPO_ROOT, startWebHost, type WebHost } from './support/webHost';

/**
 * The parts every register shares, on complaints: attach the CNIL letter (seeds/000_…) through the
 * file input, find the complaint from the search screen by a phrase only that letter contains,
 * link two complaints and read the link from both sides, and the dashboard's counts.
 */
const SEED_LETTER = join(REPO_ROOT, 'test', 'fixtures', 'seeds', '000_8cb50b08018a3d21.txt');
const SEED_NAME = basename(SEED_LETTER);
const DAY = 86_400_000;

test.describe.serial('records: attachments, search, links and the dashboard', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  const refs = { old: '', soon: '', recent: '' };

  /** The API as a script would use it: the per-launch token of the address the host printed. */
  async function call<T>(method: string, input: unknown): Promise<T> {
    const url = new URL(host!.url);
    const res = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${url.searchParams.get('token')}`, origin: url.origin },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
    return body;
  }

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false });
    page = await browser.newPage();

    await call('app.setup', {
      organisation: { name: 'Exemplar Retail SAS', role: 'controller', defaultRegulator: 'FR-CNIL', timeZone: 'Europe/Paris', country: 'FR' },
      userName: 'Claire Martin',
      recoveryPassphrase: 'records end-to-end passphrase',
    });
    // Three open complaints: one long overdue (S1, 2018), one due within the week, one due in a month.
    type Created = { reference: string };
    const old = await call<Created>('complaints.create', {
      receivedAt: '2018-07-02T09:12:00+02:00',
      channel: 'regulator',
      regulator: 'FR-CNIL',
      regulatorReference: '18019245',
      complainantLabel: 'M. D.',
      rights: ['objection_direct_marketing'],
      summary: 'Still receives marketing emails after opting out.',
    });
    const soon = await call<Created>('complaints.create', {
      receivedAt: new Date(Date.now() - 28 * DAY).toISOString(),
      channel: 'email',
      complainantLabel: 'A. B.',
      rights: ['access'],
      summary: 'Asks for a copy of the data held about them.',
    });
    const recent = await call<Created>('complaints.create', {
      receivedAt: new Date(Date.now() - 2 * DAY).toISOString(),
      channel: 'web_form',
      complainantLabel: 'L. P.',
      rights: ['portability'],
      summary: 'Portability of the purchase history.',
    });
    refs.old = old.reference;
    refs.soon = soon.reference;
    refs.recent = recent.reference;
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the dashboard opens first and counts open, due-soon and overdue complaints', async () => {
    await page.goto(host!.url);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });
    const complaints = page.getByTestId('dashboard-complaint');
    await expect(complaints.getByTestId('count-open')).toHaveText('3');
    await expect(complaints.getByTestId('count-dueSoon')).toHaveText('1');
    await expect(complaints.getByTestId('count-overdue')).toHaveText('1');
    await expect(page.getByTestId('dashboard-incident').getByTestId('count-open')).toHaveText('0');
    // The overdue complaint leads the most urgent deadlines, with its state in words.
    const first = page.getByTestId('urgent-clocks').locator('tbody tr').first();
    await expect(first).toContainText(refs.old);
    await expect(first).toContainText('Overdue');
    await expect(first).toContainText(/overdue by \d+ d \d+ h/);

    // A count opens its register.
    await page.getByRole('button', { name: 'Overdue 1 – Complaints: open the register' }).click();
    await expect(page.getByRole('heading', { name: 'Complaints', level: 1 })).toBeVisible();
  });

  test('attaches the CNIL letter through the file input and refuses an oversized dropped file before sending', async () => {
    await page.getByRole('button', { name: `Open ${refs.old}` }).click();
    await expect(page.getByTestId('complaint-reference')).toHaveText(refs.old);
    const panel = page.getByTestId('record-attachments');
    await expect(panel).toContainText('No files attached yet.');

    await panel.getByTestId('attachment-input').setInputFiles(SEED_LETTER);
    await expect(page.getByText(`${SEED_NAME} attached.`)).toBeVisible({ timeout: 30_000 });
    const rows = panel.getByTestId('attachment-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(SEED_NAME);
    await expect(rows.first()).toContainText(`TXT · ${(readFileSync(SEED_LETTER).length / 1024).toFixed(0)} KB`);
    await expect(rows.first().getByTestId('attachment-searchable')).toHaveText('Text searchable');

    // Dropped on the panel, 26 MiB is over the 25 MiB limit: refused in the page, nothing sent.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(26 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' }));
      return dt;
    });
    await panel.dispatchEvent('drop', { dataTransfer });
    await expect(panel.getByRole('alert')).toContainText('scan.pdf is 26 MB: attachments are limited to 25 MB. It was not sent.');
    await expect(rows).toHaveCount(1);

    // The history says who added which file, when and on which machine.
    const history = page.getByTestId('complaint-history');
    await expect(history.locator('.mantine-Timeline-item').first()).toContainText(`Attachment added: ${SEED_NAME}`);
    await expect(history.locator('.mantine-Timeline-item').first()).toContainText('by Claire Martin');
    await expect(history.getByTestId('history-device').first()).toContainText(/on this device \([0-9a-f]{8}\)/);
  });

  test('finds the complaint from the search screen by a phrase only in the attached letter', async () => {
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
    await page.getByTestId('search-text').fill('State Council');
    await expect(page.getByTestId('search-total')).toContainText('1 record found');
    const row = page.getByTestId('search-results').locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(refs.old);
    await expect(row).toContainText('Complaint');
    await expect(row.getByTestId('found-in-attachment')).toHaveText(`found in attachment ${SEED_NAME}`);
    // The matched words are highlighted as text, the markers gone.
    await expect(row.locator('mark')).toHaveText(['State', 'Council']);
    await expect(row.getByTestId('search-snippet')).not.toContainText('[[');

    // A phrase in no record finds nothing.
    await page.getByTestId('search-text').fill('Conseil constitutionnel');
    await expect(page.getByText('Nothing matches')).toBeVisible();

    // Saved as a view, it comes back in one click.
    await page.getByTestId('search-text').fill('State Council');
    await expect(row).toHaveCount(1);
    await page.getByRole('button', { name: 'Save this search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this search' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Appeal wording');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('saved-views')).toContainText('Appeal wording');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(page.getByTestId('search-total')).toContainText('3 records in the registers');
    await page.getByTestId('saved-views').getByRole('button', { name: 'Appeal wording', exact: true }).click();
    await expect(page.getByTestId('search-text')).toHaveValue('State Council');
    await expect(page.getByTestId('search-total')).toContainText('1 record found');

    await row.getByRole('button', { name: `Open Complaint ${refs.old}` }).click();
    await expect(page.getByTestId('complaint-reference')).toHaveText(refs.old);
  });

  test('links the complaint to a second one and shows the link from both sides', async () => {
    const links = page.getByTestId('record-links');
    await expect(links).toContainText('Not linked to any other record.');
    await links.getByRole('button', { name: 'Link a record' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link a record' });
    await dialog.getByTestId('link-search').fill('portability purchase');
    const candidate = dialog.getByTestId('link-candidate').filter({ hasText: refs.recent });
    await expect(candidate).toHaveCount(1);
    await candidate.click();
    await expect(dialog.getByTestId('link-chosen')).toHaveText(`To link: ${refs.recent} – L. P.`);
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Same household');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(page.getByText(`Linked to ${refs.recent}.`)).toBeVisible();
    await expect(dialog).toBeHidden();

    const row = links.getByTestId('link-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(refs.recent);
    await expect(row).toContainText('L. P.');
    await expect(row).toContainText('Received');
    await expect(row).toContainText('Note: Same household');
    await expect(page.getByTestId('complaint-history').locator('.mantine-Timeline-item').first()).toContainText('Link added');
    await expect(page.getByTestId('complaint-history').locator('.mantine-Timeline-item').first()).toContainText(`Linked record: Complaint ${refs.recent}`);

    // From the other side.
    await row.getByRole('button', { name: `Open Complaint ${refs.recent}` }).click();
    await expect(page.getByTestId('complaint-reference')).toHaveText(refs.recent);
    const back = page.getByTestId('record-links').getByTestId('link-row');
    await expect(back).toHaveCount(1);
    await expect(back).toContainText(refs.old);
    await expect(back).toContainText('M. D.');
    await expect(back).toContainText('Note: Same household');
    await expect(page.getByTestId('complaint-history')).toContainText(`Linked record: Complaint ${refs.old}`);

    // Removing needs a reason, and the removal is in the history.
    await page.getByRole('button', { name: `Remove the link to ${refs.old}` }).click();
    const remove = page.getByRole('dialog', { name: `Remove the link to ${refs.old}` });
    await remove.getByRole('button', { name: 'Remove the link' }).click();
    await expect(remove.getByText('Give a reason of at least 3 characters.')).toBeVisible();
    await remove.getByRole('textbox', { name: 'Reason' }).fill('Linked by mistake');
    await remove.getByRole('button', { name: 'Remove the link' }).click();
    await expect(page.getByTestId('record-links')).toContainText('Not linked to any other record.');
    const latest = page.getByTestId('complaint-history').locator('.mantine-Timeline-item').first();
    await expect(latest).toContainText('Link removed');
    await expect(latest).toContainText('Reason for removal: Linked by mistake');
  });

  test('the dashboard reads in French too', async () => {
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
    const complaints = page.getByTestId('dashboard-complaint');
    await expect(complaints).toContainText('Réclamations');
    await expect(complaints).toContainText('En retard');
    await expect(complaints.getByTestId('count-overdue')).toHaveText('1');
    await expect(page.getByTestId('urgent-clocks').locator('tbody tr').first()).toContainText('Dépassée');
    await page.getByRole('radiogroup', { name: 'Langue' }).getByText('EN', { exact: true }).click();
  });
});
