import { expect, test } from '@playwright/test';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput } from '@shared/api/contract';
import { openEncrypted } from '../../electron/core/db/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { unwrapKey } from '../../electron/core/keys/recovery';
import { profilePaths, readProfileFile } from '../../electron/core/profile-file';
import { fileDigest } from '../support/workstation';
import { httpApi, SETUP_FR } from './support/populate';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * A register a newer version of the app wrote (its schema is past what this build knows): the
 * unlock screen says so, in English and in French, offers no passphrase field that could not help,
 * and the data folder is left exactly as it was.
 */
test.describe.serial('unlock screen, register from a newer version', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let before: Record<string, string | null> = {};
  const snapshot = () => Object.fromEntries(readdirSync(dataDir).sort().map((f) => [f, fileDigest(join(dataDir, f))]));

  test.beforeAll(async () => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false });
    await httpApi(host).api('app.setup', SETUP_FR as MethodInput<'app.setup'>);
    await host.stop();
    // What a later build leaves behind: one more schema step than this build has.
    const key = await unwrapKey(readProfileFile(dataDir)!.keyWrap, SETUP_FR.recoveryPassphrase);
    const db = openEncrypted(profilePaths(dataDir).database, key, { create: false });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    before = snapshot();
    host = await startWebHost(dataDir, { keychain: false });
  });

  test.afterAll(async () => {
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('in English: the passphrase is refused with the reason, nothing written', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(host!.url);
    await expect(page.getByRole('heading', { name: 'The register is locked' })).toBeVisible();
    await page.getByLabel('Recovery passphrase').fill(SETUP_FR.recoveryPassphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const reason = page.getByTestId('lock-reason');
    await expect(reason).toHaveAttribute('data-reason', 'database-newer', { timeout: 30_000 });
    await expect(reason).toContainText('This register was written by a newer version of PrivacyOps Workstation');
    await expect(reason).toContainText('Install the latest version');
    await expect(page.getByLabel('Recovery passphrase')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Complaints' })).toHaveCount(0);
    expect(snapshot()).toEqual(before);
    await context.close();
  });

  test('in French: the screen says why straight away', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(host!.url);
    await expect(page.getByRole('heading', { name: 'Le registre est verrouillé' })).toBeVisible();
    const reason = page.getByTestId('lock-reason');
    await expect(reason).toContainText('Ce registre a été écrit par une version de PrivacyOps Workstation plus récente');
    await expect(reason).toContainText('Rien n’a été modifié dans le registre.');
    expect(snapshot()).toEqual(before);
    await context.close();
  });
});
