import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { assertRendererBuilt, callApi, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * Custom redaction profiles through the web host (issue #10): a DPO defines one in Settings ›
 * Redaction field by field (complainants withheld, complaint summaries kept, timeline
 * participants withheld), is told in words when a name is missing or taken, sees the built-in
 * profiles read-only, then exports the complaints register and an incident's timeline with it:
 * the downloaded files hold none of the withheld values and name the profile.
 */
test.describe.serial('custom redaction profiles through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  const call = <T = unknown>(method: string, input: unknown) => callApi<T>(host!, method, input);
  async function pickIncident(testId: string) {
    const picker = page.getByTestId(testId);
    await picker.click();
    await picker.fill('I-2026');
    await page.getByRole('option', { name: /I-2026-0001/ }).click();
  }

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    process.env.PRIVACYOPS_CLOCK = '2026-03-27T22:45:00+01:00';
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
    await call('complaints.create', { receivedAt: '2026-03-20T10:00:00+01:00', channel: 'email', complainantLabel: 'Hortense Vaucanson', rights: ['access'], summary: 'Wants a copy of her Kestrelwick file' });
    const i = await call<{ id: string }>('incidents.create', {
      title: 'Backup of contact lists exposed',
      ourRole: 'controller',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
      authority: 'FR-CNIL',
    });
    await call('timeline.addEntry', { incidentId: i.id, at: '2026-03-27T23:00:00+01:00', kind: 'call', title: 'Call with the host', actor: 'Barnabé Quillfeather' });
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    await page.goto(host.url);
    await expect(page.getByTestId('organisation-name')).toHaveText('Exemplar Hosting SAS');
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('Settings › Redaction: the built-in profiles read-only, a custom one made field by field', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Redaction' }).click();
    const list = page.getByTestId('redaction-profiles');
    await expect(list).toContainText('Full — for the regulator');
    await expect(list).toContainText('Management');
    await page.getByRole('button', { name: 'View the profile Management' }).click();
    const view = page.getByTestId('redaction-modal');
    await expect(view).toContainText('A built-in profile cannot be changed.');
    await expect(view.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await view.getByRole('button', { name: 'Close' }).last().click();

    await page.getByTestId('redaction-new').click();
    const modal = page.getByTestId('redaction-modal');
    await modal.getByTestId('redaction-save').click();
    await expect(modal).toContainText('Give the profile an English name.');
    await expect(modal).toContainText('Give the profile a French name.');
    await modal.getByTestId('redaction-name-en').fill('management');
    await expect(modal).toContainText('Another profile already has this name.');
    await modal.getByTestId('redaction-name-en').fill('Board pack');
    await modal.getByTestId('redaction-name-fr').fill('Dossier du conseil');
    await modal.getByTestId('redaction-rule-complaints-complainantLabel').getByText('Withhold').click();
    await modal.getByTestId('redaction-rule-complaints-summary').getByText('Keep').click();
    await modal.getByTestId('redaction-scope-timeline').click();
    await modal.getByTestId('redaction-rule-timeline-actor').getByText('Withhold').click();
    await page.screenshot({ path: 'test-results/redaction-editor.png' });
    await modal.getByTestId('redaction-save').click();
    await expect(modal).toHaveCount(0);
    await expect(page.getByTestId('redaction-profile-custom-board-pack')).toContainText('Board pack');
    await page.screenshot({ path: 'test-results/redaction-tab.png' });
    const { profiles } = await call<{ profiles: { id: string; rules: Record<string, Record<string, string>> }[] }>('redaction.profiles', {});
    const mine = profiles.find((p) => p.id === 'custom-board-pack')!;
    expect(mine.rules.complaints).toMatchObject({ complainantLabel: 'withhold', summary: 'keep' });
    expect(mine.rules.timeline).toMatchObject({ actor: 'withhold' });
  });

  test('the complaints register exported with it: the complainant in no byte of the file, the summary kept, the profile named', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Exports & imports' }).click();
    await page.getByRole('tab', { name: 'For a regulator' }).click();
    const card = page.getByTestId('register-export-complaints');
    await card.getByRole('combobox', { name: 'Redaction profile' }).click();
    await page.getByRole('option', { name: 'Board pack' }).click();
    await expect(card).toContainText('Your organisation’s profile');
    const downloading = page.waitForEvent('download');
    await card.getByTestId('export-complaints-csv').click();
    const bytes = readFileSync(await (await downloading).path());
    const csv = bytes.toString('utf8');
    expect(csv).toContain('redaction-profile=custom-board-pack (Board pack)');
    expect(csv).toContain('Kestrelwick');
    expect(csv).toContain('[withheld]');
    expect(bytes.includes('Hortense')).toBe(false);
    expect(bytes.includes('Vaucanson')).toBe(false);
    await page.screenshot({ path: 'test-results/redaction-export.png' });
  });

  test('the incident timeline exported with it as a PDF: the participant nowhere in its text', async () => {
    await page.getByRole('tab', { name: 'Incident timeline' }).click();
    await pickIncident('timeline-incident-picker');
    const panel = page.getByTestId('timeline-incident');
    await panel.getByRole('combobox', { name: 'Redaction profile' }).click();
    await page.getByRole('option', { name: 'Board pack' }).click();
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export the timeline as PDF' }).click();
    const file = await (await downloading).path();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Call with the host');
    expect(text).toContain('Board pack');
    expect(text).not.toContain('Quillfeather');
    expect(readFileSync(file).includes('Quillfeather')).toBe(false);
    await expect(panel.getByTestId('provenance')).toContainText('Board pack · ');
    await page.screenshot({ path: 'test-results/redaction-timeline.png', fullPage: true });
  });

  test('an evidence bundle made with it: redacted, no participant in any file, and it verifies when dropped back', async () => {
    await page.getByRole('tab', { name: 'Evidence bundle' }).click();
    await pickIncident('bundle-incident-picker');
    await page.getByTestId('bundle-profile').click();
    await page.getByRole('option', { name: 'Board pack' }).click();
    await expect(page.getByTestId('bundle-redacted-note')).toContainText('A redacted bundle is not for a regulator');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('bundle-make-button').click();
    const file = await (await downloading).path();
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({ contents: 'redacted', provenance: { redaction: { id: 'custom-board-pack' } } });
    for (const [path, bytes] of Object.entries(files)) expect(Buffer.from(bytes).includes('Quillfeather'), path).toBe(false);
    await page.getByTestId('bundle-check').locator('input[type=file]').setInputFiles(file);
    const result = page.getByTestId('bundle-result');
    await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('bundle-redacted')).toContainText('made with the profile “Board pack”');
    await page.screenshot({ path: 'test-results/redaction-bundle.png', fullPage: true });
  });
});
