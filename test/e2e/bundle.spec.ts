import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * The evidence bundle through the web host, for S3 (we are the processor; a backup of three
 * clients' contact lists exposed, detected Friday 2026-03-27 22:30): made from the incident's page
 * (its button opens Exports › Evidence bundle with the incident picked), saved as a download, then
 * dropped back on the Exports page: verified, signed by this device's key (the fingerprint Settings
 * shows). The same bundle with one byte changed in the incident's JSON names that file.
 */

const START = '2026-03-28T09:00:00+01:00';
const SETUP = {
  organisation: { name: 'Exemplar Hosting SAS', role: 'processor', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Martin',
  recoveryPassphrase: 'tiny-harbour-violet-engine-47',
};
const SHOTS = process.env.PRIVACYOPS_SCREENSHOTS;

test.describe.serial('evidence bundle through the web host (S3)', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  let reference = '';
  let bundle: Buffer;

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

  /** Drops a file on the bundle drop zone as the user's file manager does (a drop event carrying it). */
  async function drop(name: string, bytes: Buffer) {
    const zone = page.getByTestId('bundle-dropzone');
    const transfer = await page.evaluateHandle(
      ({ name, b64 }) => {
        const bin = atob(b64);
        const arr = new Uint8Array(bin.length);
        for (let k = 0; k < bin.length; k++) arr[k] = bin.charCodeAt(k);
        const dt = new DataTransfer();
        dt.items.add(new File([arr], name, { type: 'application/zip' }));
        return dt;
      },
      { name, b64: bytes.toString('base64') },
    );
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', START]);
    await call('app.setup', SETUP);
    const incident = await call<{ id: string; reference: string }>('incidents.create', {
      title: 'Exposed backup of client contact lists',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
      dataCategories: ['contact'],
      howDiscovered: 'Monitoring alert on the backup bucket',
    });
    reference = incident.reference;
    for (const name of ['Atelier Lumière', 'Boulangeries Martin SARL', 'Dupont Retail SA']) await call('incidents.addClient', { incidentId: incident.id, name, contractHours: 48 });
    await call('attachments.add', {
      record: { type: 'incident', id: incident.id },
      fileName: 'bucket-access-log.txt',
      mimeType: 'text/plain',
      contentBase64: Buffer.from('2026-03-27T21:58:12Z GET /backups/contacts-2026-03.tar.gz 200 from 203.0.113.7\n').toString('base64'),
    });
    page = await browser.newPage({ acceptDownloads: true });
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('made from the incident page: the button opens the bundle tab with the incident, the ZIP downloads', async () => {
    await page.goto(host!.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Incidents', exact: true }).click();
    await page.getByRole('row').filter({ hasText: reference }).click();
    await page.getByTestId('incident-evidence-bundle').click();
    await expect(page.getByRole('tab', { name: 'Evidence bundle' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('bundle-incident-picker')).toHaveValue(new RegExp(`^${reference} — Exposed backup`));
    const downloading = page.waitForEvent('download');
    await page.getByTestId('bundle-make-button').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^evidence-${reference}-2026-03-28\\.zip$`));
    bundle = readFileSync((await download.path())!);
    const saved = page.getByTestId('bundle-saved');
    await expect(saved).toContainText('audit entries listed in the signed manifest');
    const files = unzipSync(new Uint8Array(bundle));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['manifest.json', 'manifest.sig', '00-summary.pdf', 'records/incidents-en.pdf', `timeline/${reference}-timeline-en.pdf`]));
    expect(Object.keys(files).some((p) => p.endsWith('bucket-access-log.txt'))).toBe(true);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'bundle-made.png'), fullPage: true });
    }
  });

  test('dropped back on the Exports page: verified, signed by this device (the fingerprint Settings shows)', async () => {
    await drop('bundle.zip', bundle);
    const result = page.getByTestId('bundle-result');
    await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await expect(result).toContainText('bundle.zip: verified');
    await expect(result).toContainText(`Incident ${reference}`);
    await expect(page.getByTestId('bundle-signer')).toContainText("this device's key");
    const shown = (await page.getByTestId('bundle-signer').locator('code').textContent())!;
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'bundle-verified.png'), fullPage: true });

    await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Security' }).click();
    await expect(page.getByTestId('signing-fingerprint')).toHaveText(shown);
  });

  test('one byte changed in a record: the file is named', async () => {
    const files = unzipSync(new Uint8Array(bundle));
    const path = Object.keys(files).find((p) => p.startsWith('records/incident-') && p.endsWith('.json'))!;
    const changed = new Uint8Array(files[path]!);
    changed[10] = changed[10]! ^ 0x20;
    const tampered = Buffer.from(zipSync({ ...files, [path]: changed }));
    await page.getByRole('navigation').getByRole('button', { name: 'Exports & imports', exact: true }).click();
    await page.getByRole('tab', { name: 'Evidence bundle' }).click();
    await drop('tampered.zip', tampered);
    const result = page.getByTestId('bundle-result');
    await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
    await expect(page.getByTestId('bundle-problem')).toHaveText(`${path} does not match the manifest: it was changed.`);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'bundle-tampered.png'), fullPage: true });
  });
});
