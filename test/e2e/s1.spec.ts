import { expect, test, type Locator, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertRendererBuilt, freshDataDir, REPO_ROOT, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime, pick } from './support/ui';

/**
 * Scenario S1 (test/fixtures/SCENARIOS.md) entered through the UI, in English: the six complaints of
 * summer 2018, the incident "Consent migration mapping bug", five remediation actions, and the
 * CNIL thread grouped in one matter — a request for information, our answer in reply, then the
 * reprimand of 25 February 2020 with the CNIL's letter attached. Then read back: the question is
 * answered, the reprimand shows its Conseil d'État appeal deadline, and the search finds the
 * reprimand by words that appear only in the attached letter.
 */
const CNIL_LETTER = join(REPO_ROOT, 'test', 'fixtures', 'seeds', '000_8cb50b08018a3d21.txt');

const COMPLAINTS = [
  { received: ['02/07/2018', '09:12'], channel: 'Via a regulator', number: '18019245', label: 'M. D.', right: 'Objection to direct marketing (Art. 21(2))', summary: 'Forwarded by the CNIL: still receives marketing emails after opting out.' },
  { received: ['16/07/2018', '11:40'], channel: 'Email', number: null, label: 'L. B.', right: 'Objection to direct marketing (Art. 21(2))', summary: 'I opted out of marketing emails and still receive them.' },
  { received: ['30/07/2018', '14:05'], channel: 'Via a regulator', number: '18021377', label: 'S. K.', right: 'Objection to direct marketing (Art. 21(2))', summary: 'Forwarded by the CNIL: newsletter received weeks after unsubscribing.' },
  { received: ['13/08/2018', '08:55'], channel: 'Email', number: null, label: 'A. P.', right: 'Objection to direct marketing (Art. 21(2))', summary: 'I opted out of marketing emails and still receive them.' },
  {
    received: ['27/08/2018', '16:20'],
    channel: 'Via a regulator',
    number: '18022410',
    label: 'R. T.',
    right: 'Access (Art. 15)',
    summary: 'Forwarded by the CNIL: access request; the credentials came in one email with the username.',
    extension: { at: ['10/09/2018', '10:00'], reason: 'Data held in three systems, including the emailing tool.' },
  },
  { received: ['14/09/2018', '10:30'], channel: 'Via a regulator', number: '18024102', label: 'J. V.', right: 'Portability (Art. 20)', summary: 'Forwarded by the CNIL: portability request left unanswered.' },
] as const;

const ACTIONS = [
  { title: 'Fix and re-run the migration script for all users registered before 2018-05-25', owner: 'Marc Dupont', due: '15/09/2018', dueShown: /15 Sept? 2018/, priority: 'Critical' },
  { title: 'Verify consents in the emailing tool before each campaign', owner: 'Sophie Bernard', due: '01/10/2018', dueShown: /1 Oct 2018/, priority: 'High' },
  { title: 'Summer information campaign asking users to re-check their preferences', owner: 'Julie Leroy', due: '28/06/2019', dueShown: /28 Jun 2019/, priority: 'Medium' },
  { title: 'Send the SFTP password by a second channel (SMS or post), never with the username', owner: 'Claire Martin', due: '30/09/2019', dueShown: /30 Sept? 2019/, priority: 'High' },
  { title: 'GDPR workshop for customer-support teams', owner: 'Claire Martin', due: '31/10/2019', dueShown: /31 Oct 2019/, priority: 'Low' },
] as const;

test.describe.serial('S1: consent-migration complaints, incident, actions and the CNIL reprimand', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

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

  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  /** A button of the page itself (the navigation has its own "Verify" for the audit log). */
  const mainButton = (name: string) => page.getByRole('main').getByRole('button', { name, exact: true });

  test('sets up the register', async () => {
    await page.goto(host!.url);
    await page.getByRole('textbox', { name: 'Organisation name' }).fill('Exemplar Retail SAS');
    await page.getByRole('textbox', { name: 'User name' }).fill('Claire Martin');
    await page.getByRole('button', { name: 'Suggest a strong passphrase' }).click();
    await page.getByRole('checkbox', { name: 'I have stored this passphrase somewhere safe' }).check();
    await page.getByRole('button', { name: 'Create the register' }).click();
    await page.getByRole('button', { name: 'Open the register' }).click({ timeout: 30_000 });
    await expect(page.getByTestId('user-name')).toHaveText('Claire Martin');
  });

  test('records the six complaints of summer 2018, one of them extended', async () => {
    test.setTimeout(180_000);
    await nav('Complaints');
    for (const [i, c] of COMPLAINTS.entries()) {
      await page.getByRole('button', { name: 'New complaint' }).first().click();
      const form = page.getByRole('dialog', { name: 'New complaint' });
      await fillDateTime(page, form, 'received', c.received[0], c.received[1]);
      await pick(page, form.getByRole('combobox', { name: 'Channel' }), c.channel);
      if (c.number) await form.getByRole('textbox', { name: "Regulator's reference" }).fill(c.number);
      await form.getByRole('textbox', { name: 'Complainant' }).fill(c.label);
      await pick(page, form.getByRole('combobox', { name: 'Rights concerned' }), c.right);
      await form.getByRole('textbox', { name: 'Summary' }).fill(c.summary);
      if ('extension' in c) {
        await fillDateTime(page, form, 'extension', c.extension.at[0], c.extension.at[1]);
        await form.getByRole('textbox', { name: 'Reason for the extension' }).fill(c.extension.reason);
        // Three months from 27 August instead of one.
        await expect(form.getByTestId('deadline-preview')).toHaveText(/27 November 2018/);
      }
      await form.getByRole('button', { name: 'Record the complaint' }).click();
      await expect(page.getByText(`C-2018-000${i + 1} recorded.`)).toBeVisible();
      await expect(form).toBeHidden();
    }
    await expect(page.getByTestId('complaint-total')).toContainText('6 complaints');
    const rows = page.getByTestId('complaint-table').locator('tbody tr');
    await expect(rows.filter({ hasText: 'FR-CNIL ·' })).toHaveCount(4);
    await expect(rows.filter({ hasText: 'Email' })).toHaveCount(2);
    await expect(rows.filter({ hasText: 'C-2018-0005' })).toContainText('27 Nov 2018');
  });

  test('opens the incident "Consent migration mapping bug" as controller, aware 21 August 2018 10:15', async () => {
    await nav('Incidents');
    await page.getByRole('button', { name: 'Record an incident' }).first().click();
    const form = page.getByRole('dialog', { name: 'Record an incident' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Consent migration mapping bug');
    await form.getByRole('radiogroup', { name: 'Our role' }).getByText('Controller', { exact: true }).click();
    await fillDateTime(page, form, 'aware', '21/08/2018', '10:15');
    await form
      .getByRole('textbox', { name: 'Facts' })
      .fill('The May 2018 migration mapped empty consent values to "true"; a synchronisation fault kept choices from reaching the emailing tool.');
    await form.getByRole('button', { name: 'Record the incident' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByText('Consent migration mapping bug').first()).toBeVisible();
  });

  test('plans the five remediation actions, each with an owner, a due date and the incident as origin', async () => {
    test.setTimeout(180_000);
    await nav('Actions');
    await expect(page.getByText('No remediation action yet')).toBeVisible();
    for (const [i, a] of ACTIONS.entries()) {
      await page.getByRole('button', { name: 'New action' }).first().click();
      const form = page.getByRole('dialog', { name: 'New action' });
      await form.getByRole('textbox', { name: 'Action' }).fill(a.title);
      await form.getByLabel('Owner').fill(a.owner);
      await form.getByTestId('action-due-date').fill(a.due);
      await form.getByRole('radiogroup', { name: 'Priority' }).getByText(a.priority, { exact: true }).click();
      await pick(page, form.getByRole('combobox', { name: 'Comes from' }), 'Incident');
      const origin = form.getByRole('combobox', { name: 'Record', exact: true });
      await origin.click();
      await origin.fill('Consent migration');
      await page.getByRole('option', { name: /Consent migration mapping bug/ }).click();
      await form.getByRole('button', { name: 'Record the action' }).click();
      await expect(page.getByText(new RegExp(`^A-\\d{4}-000${i + 1} recorded\\.$`))).toBeVisible();
      await expect(form).toBeHidden();
    }
    await expect(page.getByTestId('action-total')).toContainText('5 actions');
    for (const a of ACTIONS) {
      const row = page.getByTestId('action-table').locator('tbody tr').filter({ hasText: a.title });
      await expect(row).toContainText(a.owner);
      await expect(row).toContainText(a.dueShown);
      await expect(row).toContainText(a.priority);
      await expect(row).toContainText('Planned');
      // Open and past its due date: the marker says so in words.
      await expect(row).toContainText(/overdue by [\d,]+ days/);
      await expect(row).toContainText('Incident');
      await expect(row).toContainText('Consent migration mapping bug');
    }
  });

  test('the migration fix is done, and verifying it asks what was checked', async () => {
    await page.getByTestId('action-table').getByRole('row').filter({ hasText: ACTIONS[0].title }).getByRole('button', { name: /^Open A-/ }).click();
    await expect(page.getByTestId('action-title')).toHaveText(ACTIONS[0].title);
    await mainButton('Mark done').click();
    const done = page.getByRole('dialog', { name: /^Mark A-\d{4}-0001 done$/ });
    await fillDateTime(page, done, 'when', '10/09/2018', '18:00');
    await done.getByRole('button', { name: 'Mark done' }).click();
    await expect(page.getByTestId('action-facts')).toContainText('done in time');

    await mainButton('Verify').click();
    const verify = page.getByRole('dialog', { name: /^Verify A-/ });
    await verify.getByRole('button', { name: 'Verify' }).click();
    await expect(verify.getByText('Say what was checked to verify the action.')).toBeVisible();
    await verify.getByRole('textbox', { name: 'What was checked' }).fill('Sampled 200 accounts registered before 2018-05-25: consent values match the source.');
    await verify.getByRole('button', { name: 'Verify' }).click();
    await expect(verify).toBeHidden();
    await expect(page.getByTestId('action-facts').getByTestId('action-status')).toHaveText('Verified');
    await expect(page.getByTestId('action-verification')).toHaveText('Sampled 200 accounts registered before 2018-05-25: consent values match the source.');
  });

  test('opens the CNIL matter and records its request for information', async () => {
    await nav('Regulator matters');
    await page.getByRole('button', { name: 'New matter' }).first().click();
    const form = page.getByRole('dialog', { name: 'New matter' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Six complaints on marketing opt-outs and access requests');
    await fillDateTime(page, form, 'opened', '02/07/2018', '09:12');
    const refs = form.getByLabel("Regulator's references");
    for (const n of ['18019245', '18021377', '18022410', '18024102']) {
      await refs.fill(n);
      await refs.press('Enter');
    }
    await form.getByRole('button', { name: 'Open the matter' }).click();
    await expect(page.getByText('M-2018-0001 opened.')).toBeVisible();
    await expect(page.getByTestId('matter-reference')).toHaveText('M-2018-0001');
    await expect(page.getByTestId('matter-facts')).toContainText('CNIL');
    await expect(page.getByTestId('matter-facts')).toContainText('18019245 · 18021377 · 18022410 · 18024102');

    await mainButton('Add a letter').click();
    const letter = page.getByRole('dialog', { name: 'New letter' });
    await expect(letter.getByRole('combobox', { name: 'Kind' })).toHaveValue('Request for information');
    await fillDateTime(page, letter, 'received', '04/03/2019', '10:00');
    await letter.getByRole('textbox', { name: 'Subject' }).fill('Questions on the technical problem affecting objections to direct marketing');
    await letter.getByTestId('reply-due').fill('25/03/2019');
    await letter.getByRole('textbox', { name: 'Summary' }).fill('The CNIL asks for the extent of the consent-migration problem and the measures taken.');
    await expect(letter.getByTestId('letter-deadlines-preview')).toContainText(/Monday,? 25 March 2019, end of day/);
    await letter.getByRole('button', { name: 'Record the letter' }).click();
    await expect(page.getByText('L-2019-0001 recorded.')).toBeVisible();
    await expect(page.getByTestId('letter-reference')).toHaveText('L-2019-0001');
    // Long past and unanswered: late, in words.
    await expect(page.getByTestId('reply-state')).toContainText('late: no reply');
  });

  test('answers the question with a reply in the same thread, in time', async () => {
    await mainButton('Reply').click();
    const form = page.getByRole('dialog', { name: 'Our reply' });
    await expect(form.getByRole('radiogroup', { name: 'Direction' }).getByRole('radio', { name: 'Outbound' })).toBeChecked();
    await expect(form.getByRole('combobox', { name: 'Kind' })).toHaveValue('Our reply');
    await expect(form.getByRole('combobox', { name: 'Matter' })).toHaveValue(/^M-2018-0001/);
    await expect(form.getByRole('combobox', { name: 'In reply to' })).toHaveValue(/^L-2019-0001/);
    await fillDateTime(page, form, 'sent', '20/03/2019', '15:00');
    await expect(form.getByTestId('answers-preview')).toContainText('Answers the date set by L-2019-0001');
    await expect(form.getByTestId('answers-preview')).toContainText('in time');
    await form.getByRole('button', { name: 'Record the letter' }).click();
    await expect(page.getByText('L-2019-0002 recorded.')).toBeVisible();
    await expect(page.getByTestId('letter-reference')).toHaveText('L-2019-0002');
    const thread = page.getByTestId('letter-thread');
    await expect(thread.locator('.mantine-Timeline-item')).toHaveCount(2);
    await expect(thread.locator('.mantine-Timeline-item').nth(0)).toContainText('L-2019-0001');
    await expect(thread.locator('.mantine-Timeline-item').nth(0)).toContainText('Inbound');
    await expect(thread.locator('.mantine-Timeline-item').nth(1)).toContainText('L-2019-0002');
    await expect(thread.locator('.mantine-Timeline-item').nth(1)).toContainText('Outbound');
  });

  test('records the reprimand of 25 February 2020 in the matter and attaches the CNIL letter', async () => {
    await mainButton('Matter M-2018-0001').click();
    await mainButton('Add a letter').click();
    const form = page.getByRole('dialog', { name: 'New letter' });
    await pick(page, form.getByRole('combobox', { name: 'Kind' }), 'Reprimand (Art. 58.2.b)');
    await fillDateTime(page, form, 'sent', '25/02/2020', '09:00');
    await fillDateTime(page, form, 'received', '25/02/2020', '16:00');
    await form.getByRole('textbox', { name: 'Subject' }).fill('Reprimand under Article 58.2.b GDPR');
    // The appeal window as the register will count it, before saving.
    await expect(form.getByTestId('letter-deadlines-preview')).toContainText(/Monday,? 27 April 2020, end of day \(Paris time\)/);
    await form.getByRole('button', { name: 'Record the letter' }).click();
    await expect(page.getByText('L-2020-0001 recorded.')).toBeVisible();
    await expect(page.getByTestId('letter-reference')).toHaveText('L-2020-0001');

    await page.getByTestId('attachment-input').setInputFiles(CNIL_LETTER);
    const file = page.getByTestId('attachment-row').filter({ hasText: '000_8cb50b08018a3d21.txt' });
    await expect(file).toBeVisible({ timeout: 20_000 });
    await expect(file.getByTestId('attachment-searchable')).toBeVisible();
  });

  test('the reprimand shows its appeal deadline before the Conseil d’État', async () => {
    const appeal = page.getByTestId('appeal-window');
    await expect(appeal).toContainText('Appeal before the Conseil d’État');
    await expect(page.getByTestId('appeal-explained-date')).toHaveText(/^Monday,? 27 April 2020, end of day \(Paris time\)$/);
    await expect(appeal).toContainText('Appeal until 27 Apr 2020');
    // Counted from receipt, with the rules engine's explanation of the délai franc.
    await expect(appeal).toContainText('Counted from receipt');
    await expect(appeal).toContainText('Délai franc');
  });

  test('the matter shows its steps in order, the question answered and the appeal window', async () => {
    await mainButton('Matter M-2018-0001').click();
    const steps = page.getByTestId('matter-step');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText('Request for information');
    await expect(steps.nth(0)).toContainText('L-2019-0001');
    await expect(steps.nth(0)).toContainText('answered in time');
    await expect(steps.nth(1)).toContainText('Our reply');
    await expect(steps.nth(1)).toContainText('in reply to L-2019-0001');
    await expect(steps.nth(2)).toContainText('Reprimand (Art. 58.2.b)');
    await expect(steps.nth(2)).toContainText('Appeal until 27 Apr 2020');

    const deadlines = page.getByTestId('matter-deadline');
    await expect(deadlines).toHaveCount(2);
    await expect(deadlines.nth(0)).toContainText('Reply');
    await expect(deadlines.nth(0)).toContainText('L-2019-0001');
    await expect(deadlines.nth(0)).toContainText('25 Mar 2019');
    await expect(deadlines.nth(0)).toContainText('answered in time');
    await expect(deadlines.nth(1)).toContainText('Appeal window');
    await expect(deadlines.nth(1)).toContainText('L-2020-0001');
    await expect(deadlines.nth(1)).toContainText('27 Apr 2020');
  });

  test('the question shows "answered" in its page and in the correspondence list', async () => {
    await page.getByTestId('matter-steps').getByRole('button', { name: 'L-2019-0001' }).click();
    await expect(page.getByTestId('letter-reference')).toHaveText('L-2019-0001');
    await expect(page.getByTestId('reply-state')).toContainText('answered in time');
    await expect(page.getByTestId('letter-deadlines')).toContainText('Our reply went out on 20 Mar 2019');

    await nav('Correspondence');
    await expect(page.getByTestId('letter-total')).toContainText('3 letters');
    const row = (ref: string): Locator => page.getByTestId('letter-table').locator('tbody tr').filter({ hasText: ref });
    await expect(row('L-2019-0001')).toContainText('Inbound');
    await expect(row('L-2019-0001')).toContainText('CNIL');
    await expect(row('L-2019-0001')).toContainText('answered in time');
    await expect(row('L-2019-0002')).toContainText('Outbound');
    await expect(row('L-2020-0001')).toContainText('Reprimand (Art. 58.2.b)');
    await expect(row('L-2020-0001')).toContainText('Appeal until 27 Apr 2020');
  });

  test('searching "State Council", words found only in the attached letter, finds the reprimand', async () => {
    await nav('Search');
    await page.getByTestId('search-text').fill('State Council');
    const results = page.getByTestId('search-results');
    await expect(results).toContainText('L-2020-0001');
    await expect(results).toContainText('Reprimand under Article 58.2.b GDPR');
    await expect(results.getByTestId('found-in-attachment')).toContainText('000_8cb50b08018a3d21.txt');
    await expect(page.getByTestId('search-total')).toContainText('1 record found');
    // The phrase is in no record's own fields: the correspondence list finds it through the file too.
    await nav('Correspondence');
    await page.getByTestId('letter-search').fill('State Council');
    await expect(page.getByTestId('letter-total')).toContainText('1 letter');
    await expect(page.getByTestId('letter-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('letter-table').locator('tbody tr').first()).toContainText('L-2020-0001');
  });
});
