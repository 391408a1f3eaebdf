import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, callApi, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { httpApi } from './support/populate';
import { openFromNav, pick } from './support/ui';
import { report, scan } from './support/a11y';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

/**
 * The Reports page through the web host (issue #10): a small register with known figures for 2026
 * (three complaints received in 2026 — one answered on time, one late, one still running — and
 * one from 2025; an incident notified within 72 hours; an action done before its due date), read
 * on 15 June 2026. The page shows those counts and rates for this year, last year's when asked,
 * and exports the report as a PDF whose text says the same.
 */
test.describe.serial('Reports page', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  const NOW = '2026-06-15T12:00:00+02:00';

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    process.env.PRIVACYOPS_CLOCK = '2025-11-02T12:00:00+01:00';
    try {
      host = await startWebHost(dataDir, { keychain: false });
    } finally {
      delete process.env.PRIVACYOPS_CLOCK;
    }
    await callApi(host, 'app.setup', {
      organisation: { name: 'Exemplar Retail SAS', role: 'controller', defaultRegulator: 'FR-CNIL', timeZone: 'Europe/Paris', country: 'FR' },
      userName: 'Claire Martin',
      recoveryPassphrase: 'a long recovery passphrase for the e2e test',
    });
    const { api, clock } = httpApi(host);
    await api('complaints.create', { receivedAt: '2025-11-02T09:00:00Z', channel: 'email', complainantLabel: 'C0', rights: ['access'], summary: 'From 2025' });
    clock.set('2026-01-20T10:00:00Z');
    const c1 = await api('complaints.create', { receivedAt: '2026-01-10T09:00:00Z', channel: 'email', complainantLabel: 'C1', rights: ['access'], summary: 'Access' });
    await api('complaints.setStatus', { id: c1.id, status: 'answered', at: '2026-01-20T09:00:00Z' });
    clock.set('2026-03-10T10:00:00Z');
    const c2 = await api('complaints.create', { receivedAt: '2026-02-03T09:00:00Z', channel: 'regulator', regulator: 'FR-CNIL', regulatorReference: '26-000111', complainantLabel: 'C2', rights: ['erasure'], summary: 'Erasure' });
    await api('complaints.setStatus', { id: c2.id, status: 'answered', at: '2026-03-10T09:00:00Z' });
    clock.set('2026-03-01T08:30:00Z');
    const i = await api('incidents.create', { title: 'Laptop stolen', ourRole: 'controller', awareAt: '2026-03-01T08:00:00Z', nature: ['confidentiality'], authority: 'FR-CNIL', notifyAuthority: 'yes' });
    clock.set('2026-03-02T08:30:00Z');
    await api('incidents.addNotification', { incidentId: i.id, recipient: 'authority', recipientName: 'CNIL', phase: 'initial', sentAt: '2026-03-02T08:00:00Z', method: 'online_form', content: 'Notification', acceptGaps: true });
    clock.set('2026-02-01T09:00:00Z');
    const a = await api('actions.create', { title: 'Encrypt laptops', owner: 'IT', dueAt: '2026-03-01T17:00:00Z' });
    clock.set('2026-02-20T10:00:00Z');
    await api('actions.setStatus', { id: a.id, status: 'done', at: '2026-02-20T09:00:00Z' });
    clock.set('2026-05-20T10:00:00Z');
    await api('complaints.create', { receivedAt: '2026-05-20T09:00:00Z', channel: 'post', complainantLabel: 'C3', rights: ['erasure'], summary: 'Still open' });
    // A breach exercise and the action it gave, overdue: left out of every figure, and said so.
    clock.set('2026-04-01T08:30:00Z');
    const drill = await api('incidents.create', { title: 'Ransomware exercise', ourRole: 'controller', awareAt: '2026-04-01T08:00:00Z', nature: ['availability'], drill: true });
    await api('actions.create', { title: 'Restore backups (exercise)', owner: 'IT', dueAt: '2026-04-10T17:00:00Z', originType: 'incident', originId: drill.id });
    clock.set(NOW);
    await api('app.status', {});
    // A context of its own: axe-core needs one to scan the page.
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
    page = await context.newPage();
    await page.goto(host.url);
    await expect(page.getByTestId('organisation-name')).toHaveText('Exemplar Retail SAS');
  });

  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows this year’s counts and on-time rates, and last year’s when asked', async () => {
    await openFromNav(page, 'Reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByTestId('report-period-shown')).toContainText('1 Jan 2026 – 31 Dec 2026');
    await expect(page.getByTestId('report-complaints')).toHaveText('3');
    await expect(page.getByTestId('report-incidents')).toHaveText('1');
    await expect(page.getByTestId('report-actions')).toHaveText('1');
    await expect(page.getByTestId('report-rate-response')).toHaveText('50%');
    await expect(page.getByTestId('report-rate-authority')).toHaveText('100%');
    await expect(page.getByTestId('report-rate-action')).toHaveText('100%');
    await expect(page.getByTestId('report-drills')).toHaveText('1 drill(s) (breach exercises) left out of every figure.');
    await expect(page.getByTestId('report-drill-actions')).toHaveText('1 action(s) arising from drills (breach exercises) left out of every action figure and deadline.');
    await expect(page.getByTestId('report-clock-response')).toContainText('3');
    await expect(page.getByTestId('report-by-channel')).toContainText('Forwarded by a regulator');
    await expect(page.getByTestId('report-forwarded')).toContainText('26-000111');
    await expect(page.getByTestId('report-late')).toContainText('C2');
    await expect(page.getByTestId('report-ontime-chart')).toBeVisible();
    await expect(page.getByTestId('report-monthly-chart').locator('svg').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/reports-page.png', fullPage: true });
    // WCAG 2.2 AA as axe-core checks it: no serious or critical violation, in either language.
    const en = await scan(page, 'en reports');
    expect(en.violations, report(en.violations)).toEqual([]);
    await page.getByText('FR', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible();
    await expect(page.getByTestId('report-rate-response')).toHaveText('50 %');
    await page.screenshot({ path: 'test-results/reports-page-fr.png', fullPage: true });
    const fr = await scan(page, 'fr reports');
    expect(fr.violations, report(fr.violations)).toEqual([]);
    await page.getByText('EN', { exact: true }).click();

    await page.getByTestId('report-last-year').click();
    await expect(page.getByTestId('report-period-shown')).toContainText('1 Jan 2025 – 31 Dec 2025');
    await expect(page.getByTestId('report-complaints')).toHaveText('1');
    await expect(page.getByTestId('report-incidents')).toHaveText('0');
    await page.getByTestId('report-this-year').click();
    await expect(page.getByTestId('report-complaints')).toHaveText('3');
  });

  test('exports the report as a PDF that says the same, with its provenance', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByTestId('report-export-pdf').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('annual-report-2025-12-31-en.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' });
    expect(text).toContain('Annual report 2026');
    expect(text).toContain('50% on time (1/2)');
    expect(text).toContain('Full — for the regulator');
    await expect(page.getByTestId('export-saved')).toContainText('annual-report-2025-12-31-en.pdf saved');
  });

  test('exports the XLSX appendix for management: no complainant in it, the profile stated', async () => {
    await pick(page, page.getByTestId('report-profile'), 'Management');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('report-export-xlsx').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('annual-report-2025-12-31-en.xlsx');
    const xml = Object.values(unzipSync(new Uint8Array(readFileSync(await download.path())))).map((d) => strFromU8(d)).join('\n');
    expect(xml).toContain('Complainant 1');
    expect(xml).not.toContain('>C2<');
    expect(xml).toContain('Management (management, rules');
    await expect(page.getByTestId('provenance')).toContainText('Management');
  });
});
