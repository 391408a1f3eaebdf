import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime } from './support/ui';

/**
 * Exports and imports through the web host: an incident with a notification (made through the
 * API), its timeline exported as a PDF from the UI and opened in the app, a call added to it; a
 * spreadsheet of two complaints imported through the wizard, then again (nothing new); a file
 * missing a required column stays blocked; client contracts imported through the same wizard, a
 * row with impossible notice hours blocking the file until it is fixed.
 */

/** The app clock starts here (test mode): the incident was detected the evening before. */
const CLOCK_START = '2026-03-27T22:45:00+01:00';

/** Two complaints with the column names the complaints export writes (electron/core/imports/fields.ts). */
const COMPLAINTS_CSV = [
  'Received on,Channel,Complainant,Contact,Rights concerned,Summary',
  '2026-03-02T10:15:00+01:00,Email,M. Arnaud,m.arnaud@example.net,Access,"Demande d’accès à ses données, reçue par courriel"',
  '03/03/2026 14:30,Post,Mme Bérénice,,Objection to direct marketing; Erasure,Reçoit encore des courriels commerciaux après opposition',
].join('\r\n');

/** Two client contracts as the contracts export writes them in French; the second one's hours are impossible. */
const CONTRACTS_CSV = (hours: string) =>
  [
    'Client;Notification sous (heures);Notifications par;Contact pour les notifications;Langue des notifications;DPA signé le',
    'Boulangeries Martin;24;Courriel;dpo@boulangeries-martin.fr;Français;02/05/2024',
    `Nordic Retail AB;${hours};Courriel;privacy@nordic.example;Anglais;`,
  ].join('\r\n');

/** The same register without its Channel column: every row lacks a required field. */
const NO_CHANNEL_CSV = ['Received on,Complainant,Rights concerned,Summary', '2026-03-05T09:00:00+01:00,M. Colin,Access,Copie de ses données'].join('\n');

test.describe.serial('exports and imports through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  let incidentId = '';

  async function call<T = unknown>(method: string, input: unknown): Promise<T> {
    const url = new URL(host!.url);
    const res = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.searchParams.get('token')}` },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
    return body;
  }

  async function openExchange(tab: string) {
    await page.getByRole('navigation').getByRole('button', { name: 'Exports & imports' }).click();
    await expect(page.getByRole('heading', { name: 'Exports & imports', level: 1 })).toBeVisible();
    await page.getByRole('tab', { name: tab }).click();
  }

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    // The web host reads its test clock from the environment it inherits.
    process.env.PRIVACYOPS_CLOCK = CLOCK_START;
    try {
      host = await startWebHost(dataDir, { keychain: false });
    } finally {
      delete process.env.PRIVACYOPS_CLOCK;
    }
    await call('app.setup', {
      organisation: { name: 'Exemplar Hosting SAS', role: 'controller', defaultRegulator: 'FR-CNIL', timeZone: 'Europe/Paris', country: 'FR' },
      userName: 'Claire Martin',
      recoveryPassphrase: 'a long recovery passphrase for the e2e test',
    });
    const incident = await call<{ id: string; reference: string }>('incidents.create', {
      title: 'Backup of contact lists exposed',
      ourRole: 'controller',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
      dataCategories: ['contact'],
      authority: 'FR-CNIL',
      howDiscovered: 'Monitoring alert on the backup bucket',
    });
    expect(incident.reference).toBe('I-2026-0001');
    incidentId = incident.id;
    // Two days later (across the change to summer time) the CNIL is notified.
    await call('app.setClock', { at: '2026-03-30T09:00:00+02:00' });
    await call('incidents.addNotification', {
      incidentId,
      recipient: 'authority',
      recipientName: 'CNIL',
      phase: 'initial',
      sentAt: '2026-03-29T18:00:00+02:00',
      method: 'online_form',
      reference: 'CNIL-NOTIF-2026-0042',
      content: 'Initial notification: three contact lists exposed.',
      acceptGaps: true,
    });
    page = await browser.newPage({ acceptDownloads: true });
    await page.goto(host.url);
    await expect(page.getByTestId('organisation-name')).toHaveText('Exemplar Hosting SAS');
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('exports the incident timeline as a PDF from the UI, with its provenance', async () => {
    await openExchange('Incident timeline');
    const picker = page.getByTestId('timeline-incident-picker');
    await picker.click();
    await picker.fill('I-2026');
    await page.getByRole('option', { name: /I-2026-0001/ }).click();
    const panel = page.getByTestId('timeline-incident');
    await expect(panel).toContainText('I-2026-0001 — Backup of contact lists exposed');

    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export the timeline as PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('I-2026-0001-timeline-en.pdf');
    const file = await download.path();
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // What the file carries is shown afterwards: who, when, and the audit chain's head.
    const provenance = panel.getByTestId('provenance');
    await expect(provenance).toContainText('I-2026-0001-timeline-en.pdf saved — 3 events');
    await expect(provenance).toContainText('by Claire Martin');
    await expect(provenance.getByTestId('provenance-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(provenance).toContainText('nothing in the register has changed since this file was made');
    await provenance.getByRole('button', { name: 'Compare with the register now' }).click();
    await expect(provenance).toContainText('Unchanged: the audit chain still ends with this hash.');
  });

  test('opens the timeline: the clock met on time, the events in the order they happened', async () => {
    await page.getByTestId('timeline-incident').getByRole('button', { name: 'Open the timeline' }).click();
    await expect(page.getByTestId('timeline-title')).toHaveText('Timeline of I-2026-0001');

    const clock = page.getByTestId('timeline-clock').first();
    await expect(clock).toHaveAttribute('data-state', 'met');
    await expect(clock).toContainText('Met on time');
    await expect(clock).toContainText('Notification to the authority (CNIL): 72 h');

    const events = page.getByTestId('timeline-event');
    await expect(events).toHaveCount(3);
    expect(await events.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).toEqual(['became_aware', 'incident_recorded', 'notification_sent']);
    await expect(events.nth(0).getByTestId('event-time')).toHaveText('22:30');
    await expect(events.nth(0)).toContainText('The organisation became aware of the breach');
    await expect(events.nth(2).getByTestId('event-time')).toHaveText('18:00');
    await expect(events.nth(2)).toContainText('Initial notification to the supervisory authority (CNIL) by online form, ref. CNIL-NOTIF-2026-0042');
    await expect(page.getByRole('heading', { name: /^Sunday,? 29 March 2026$/ })).toBeVisible();
    await expect(page.getByTestId('timeline-count')).toHaveText('3 events, oldest first');
  });

  test('adds a call with the CNIL, which takes its place in the timeline', async () => {
    await page.getByTestId('add-entry').click();
    const dialog = page.getByRole('dialog', { name: 'Add an entry to the timeline' });
    await dialog.getByRole('radio', { name: 'Call' }).check({ force: true });
    await fillDateTime(page, dialog, 'entry-at', '28/03/2026', '10:00');
    await dialog.getByTestId('entry-title').fill('Appel avec la CNIL');
    await dialog.getByTestId('entry-actor').fill('DPO, CNIL agent');
    await dialog.getByTestId('entry-submit').click();
    await expect(page.getByText('Entry added to the timeline.')).toBeVisible();
    await expect(dialog).toBeHidden();

    const events = page.getByTestId('timeline-event');
    await expect(events).toHaveCount(4);
    expect(await events.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).toEqual(['became_aware', 'incident_recorded', 'user_entry', 'notification_sent']);
    const call = events.nth(2);
    await expect(call.getByTestId('event-kind')).toHaveText('Call');
    await expect(call.getByTestId('event-text')).toHaveText('Call: Appel avec la CNIL');
    await expect(call.getByTestId('event-time')).toHaveText('10:00');
    await expect(call).toContainText('by DPO, CNIL agent');
    await expect(call).toContainText('Added by a user');
    await expect(page.getByTestId('timeline-count')).toHaveText('4 events, oldest first');

    // Only what users added.
    await page.getByTestId('filter-origin').getByText('Users', { exact: true }).click();
    await expect(events).toHaveCount(1);
    await expect(page.getByTestId('timeline-count')).toHaveText('1 of 4 events shown');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(events).toHaveCount(4);
  });

  test('imports two complaints from a CSV: preview, nothing written until confirmed, then both in the register', async () => {
    await openExchange('Import');
    await expect(page.getByTestId('import-safe')).toContainText('Nothing is written until you confirm');
    await page.getByTestId('import-register').getByText('Complaints', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'complaints-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(COMPLAINTS_CSV, 'utf8') });

    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible();
    await expect(page.getByTestId('stat-rows-value')).toHaveText('2');
    await expect(page.getByTestId('stat-new-value')).toHaveText('2');
    await expect(page.getByTestId('stat-duplicates-value')).toHaveText('0');
    await expect(page.getByTestId('stat-invalid-value')).toHaveText('0');
    // Every column was recognised by its name, with its first values.
    const mapping = page.getByTestId('mapping-row');
    await expect(mapping).toHaveCount(6);
    await expect(page.getByTestId('mapping-origin')).toHaveText(Array(6).fill('Recognised'));
    await expect(mapping.filter({ hasText: 'Rights concerned' })).toContainText('Objection to direct marketing; Erasure');
    await expect(page.getByRole('combobox', { name: 'Field for the column “Received on”' })).toHaveValue('Received on *');
    await expect(page.getByTestId('import-confirm-text')).toContainText('Nothing has been written yet. Importing creates 2 records in one transaction');

    // Nothing was written by the preview.
    expect((await call<{ total: number }>('complaints.list', {})).total).toBe(0);

    const commit = page.getByTestId('import-commit');
    await expect(commit).toHaveText('Import 2 rows');
    await expect(commit).toBeEnabled();
    // By keyboard: the clock alerts (bottom right) may sit over the button.
    await commit.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-result-text')).toHaveText('2 records created; rows skipped as already imported: 0.');

    await page.getByTestId('import-open-register').click();
    await expect(page.getByRole('heading', { name: 'Complaints', level: 1 })).toBeVisible();
    await expect(page.getByTestId('complaint-total')).toContainText('2 complaints');
    const rows = page.getByTestId('complaint-table').locator('tbody tr');
    await expect(rows.filter({ hasText: 'M. Arnaud' })).toContainText('2 Mar 2026, 10:15');
    await expect(rows.filter({ hasText: 'Mme Bérénice' })).toContainText('3 Mar 2026, 14:30');
  });

  test('importing the same file again creates nothing, and the mapping comes back remembered', async () => {
    // Leaving the screen closed the wizard: it starts again from the choice of a file.
    await openExchange('Import');
    await page.locator('input[type=file]').setInputFiles({ name: 'complaints-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(COMPLAINTS_CSV, 'utf8') });

    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expect(page.getByTestId('stat-new-value')).toHaveText('0');
    await expect(page.getByTestId('stat-duplicates-value')).toHaveText('2');
    await expect(page.getByTestId('mapping-origin')).toHaveText(Array(6).fill('Remembered'));
    await expect(page.getByTestId('import-confirm-text')).toHaveText('All 2 rows are already in the register: importing this file again creates nothing.');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    expect((await call<{ total: number }>('complaints.list', {})).total).toBe(2);
  });

  test('a file without a required column shows the blocking message and cannot be imported', async () => {
    await page.getByTestId('import-back').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'no-channel.csv', mimeType: 'text/csv', buffer: Buffer.from(NO_CHANNEL_CSV, 'utf8') });

    const missing = page.getByTestId('import-missing');
    await expect(missing).toContainText('Required columns are missing');
    await expect(missing).toContainText('No column gives: Channel.');
    await expect(page.getByTestId('stat-new-value')).toHaveText('0');
    await expect(page.getByTestId('import-confirm-text')).toHaveText('Nothing can be imported while there are errors. Nothing has been written.');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    expect((await call<{ total: number }>('complaints.list', {})).total).toBe(2);
  });

  test('imports client contracts: a row with impossible hours is named and blocks the file; fixed, both contracts are in the register', async () => {
    // The wizard still shows the last file: back to the choice of a register and a file.
    await page.getByTestId('import-back').click();
    await page.getByTestId('import-register').getByText('Client contracts', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'contrats.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTRACTS_CSV('0'), 'utf8') });
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expect(page.getByTestId('mapping-row')).toHaveCount(6);
    await expect(page.getByTestId('mapping-origin')).toHaveText(Array(6).fill('Recognised'));
    await expect(page.getByTestId('stat-invalid-value')).toHaveText('1');
    const issue = page.getByTestId('issue-row');
    await expect(issue).toHaveCount(1);
    await expect(issue).toContainText('3');
    await expect(issue).toContainText('Breach notice within (hours): "0" is not a whole number of hours from 1 to 720.');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    expect((await call<{ total: number }>('contracts.list', {})).total).toBe(0);

    await page.getByTestId('import-back').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'contrats.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTRACTS_CSV('72'), 'utf8') });
    await expect(page.getByTestId('stat-new-value')).toHaveText('2');
    const commit = page.getByTestId('import-commit');
    await expect(commit).toHaveText('Import 2 rows');
    await commit.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-result-text')).toHaveText('2 records created; rows skipped as already imported: 0.');
    await page.getByTestId('import-open-register').click();
    await expect(page.getByRole('heading', { name: 'Client contracts', level: 1 })).toBeVisible();
    await expect(page.getByText('Boulangeries Martin')).toBeVisible();
    await expect(page.getByText('Nordic Retail AB')).toBeVisible();
    const list = await call<{ items: { name: string; noticeHours: number; language: string; dpaSignedOn: string | null }[] }>('contracts.list', {});
    expect(list.items.map((c) => [c.name, c.noticeHours, c.language, c.dpaSignedOn])).toEqual([
      ['Boulangeries Martin', 24, 'fr', '2024-05-02'],
      ['Nordic Retail AB', 72, 'en', null],
    ]);
  });

  test('exports the complaints register for management: complainants numbered, contacts withheld, the profile stated', async () => {
    await openExchange('For a regulator');
    const card = page.getByTestId('register-export-complaints');
    await card.getByRole('combobox', { name: 'Redaction profile' }).click();
    await page.getByRole('option', { name: 'Management' }).click();
    await expect(card).toContainText('Hides complainants (numbered), contacts and free text (its length only): for management.');
    const downloading = page.waitForEvent('download');
    await card.getByTestId('export-complaints-csv').click();
    const csv = readFileSync(await (await downloading).path(), 'utf8');
    expect(csv).toContain('redaction-profile=management (Management)');
    expect(csv).toContain('Complainant 1');
    expect(csv).toContain('Complainant 2');
    for (const secret of ['M. Arnaud', 'm.arnaud@example.net', 'Mme Bérénice', 'courriels commerciaux']) expect(csv).not.toContain(secret);
    await expect(card.getByTestId('provenance')).toContainText('Redaction profile');
    await expect(card.getByTestId('provenance')).toContainText('Management · ');
  });
});
