import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime, pick } from './support/ui';

/**
 * The breach register through the web host, in English.
 * S2 (the exposed database): recorded at awareness, 2020-10-01 09:40 Paris; the initial notification
 * to the CNIL at hour 60, a complementary one two weeks later; the 72-hour clock met with 12 hours
 * to spare; risk assessed high and the data subjects to be informed, with the reasons.
 * S3 (we are the processor): detected Friday 2026-03-27 22:30; three clients, each with its own
 * 48-hour clock due Sunday 29 March at 23:30, summer time.
 *
 * The web host runs on a test clock (--clock) set to the scenario's moment, moved with app.setClock
 * for S3; the page keeps the browser's real clock, so every "now" the screens show (the prefilled
 * awareness, the countdowns) proves they read the app's clock, never the browser's (issue #14).
 * Reminders about deadlines passed on the app's clock may show as toasts: forms are submitted from
 * the keyboard, never by clicking under a toast.
 */
test.describe.serial('breach incidents register through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    // One minute after the organisation became aware of the exposed database (Paris, summer time).
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', '2020-10-01T09:40:20+02:00']);
    page = await newPage(browser);
  });

  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('sets up the register and shows the empty breach register', async () => {
    await page.goto(host!.url);
    await page.getByRole('textbox', { name: 'Organisation name' }).fill('KG Communication SAS');
    await page.getByRole('textbox', { name: 'User name' }).fill('Julien Morel');
    await page.getByRole('button', { name: 'Suggest a strong passphrase' }).click();
    await page.getByRole('checkbox', { name: 'I have stored this passphrase somewhere safe' }).check();
    await page.getByRole('button', { name: 'Create the register' }).click();
    await page.getByRole('button', { name: 'Open the register' }).click({ timeout: 30_000 });
    await openRegister(page);
    await expect(page.getByRole('heading', { name: 'Breach incidents' })).toBeVisible();
    await expect(page.getByText('No incident recorded')).toBeVisible();
  });

  test('S2: records the exposed database at the moment of awareness', async () => {
    await page.getByRole('button', { name: 'Record an incident' }).first().click();
    const form = page.getByRole('dialog', { name: 'Record an incident' });
    // Recorded the minute the organisation becomes aware: awareness is prefilled with now.
    await expect(form.getByTestId('aware-date')).toHaveValue('01/10/2020');
    await expect(form.getByTestId('aware-hours')).toHaveValue('09');
    await expect(form.getByTestId('aware-minutes')).toHaveValue('40');
    await expect(form.getByTestId('form-authority-due')).toHaveText('4 Oct 2020, 09:40');

    await form.getByRole('textbox', { name: 'Title' }).fill('Customer database exposed on the Internet');
    await expect(form.getByRole('radiogroup', { name: 'Our role' }).getByRole('radio', { name: 'Controller', exact: true })).toBeChecked();
    await fillDateTime(page, form, 'occurredTo', '23/07/2020', '23:59');
    await form.getByRole('textbox', { name: 'How it was discovered' }).fill('Press article (Numerama) of 1 October 2020 revealing the database.');
    await form.getByRole('checkbox', { name: /^Confidentiality/ }).check();
    await pick(page, form.getByRole('combobox', { name: 'Categories of data' }), 'Identification', 'Contact details');
    await form.getByRole('textbox', { name: 'Categories of data subjects' }).fill('Customers and prospects');
    // The number of records is not known at first: left empty.
    await expect(form.getByRole('textbox', { name: 'Approximate number of records' })).toHaveValue('');
    await form.getByRole('textbox', { name: 'Title' }).press('Control+Enter');

    await expect(page.getByText('I-2020-0001 recorded.')).toBeVisible();
    await expect(form).toBeHidden();
    // A new incident opens at once.
    await expect(page.getByTestId('incident-reference')).toHaveText('I-2020-0001');
    await expect(page.getByTestId('incident-title')).toHaveText('Customer database exposed on the Internet');
    await expect(page.getByTestId('incident-status')).toHaveText('Open');
    await expect(page.getByTestId('fact-aware')).toContainText('1 Oct 2020, 09:40');
    const facts = page.getByTestId('incident-facts');
    await expect(facts).toContainText('unknown start – 23 Jul 2020, 23:59');
    await expect(page.getByTestId('fact-subjects')).toContainText('Unknown');
    await expect(page.getByTestId('fact-records')).toContainText('Unknown');
    const clock = page.getByTestId('incident-summary').getByTestId('authority-clock');
    await expect(clock).toHaveAttribute('data-state', 'running');
    await expect(clock).toContainText('due 4 Oct 2020, 09:40');
  });

  test('S2: the initial notification at hour 60 meets the 72-hour clock with 12 hours to spare', async () => {
    // The rules propose the Art. 33 obligation to the CNIL; nobody has decided yet (risk not assessed).
    const obligation = page.getByTestId('obligation').filter({ hasText: 'Notification to the supervisory authority (72 h)' });
    await expect(obligation).toHaveAttribute('data-state', 'undecided');
    await expect(obligation).toContainText('CNIL');
    await expect(obligation.getByTestId('obligation-catalogue')).toContainText('notifications.cnil.fr');
    await obligation.getByRole('button', { name: 'Record the filing' }).click();
    const modal = page.getByTestId('filing-dialog');
    await expect(modal.getByRole('textbox', { name: "Recipient's name" })).toHaveValue('CNIL');
    await expect(modal.getByRole('radiogroup', { name: 'Phase' }).getByRole('radio', { name: 'Initial', exact: true })).toBeChecked();
    await fillDateTime(page, modal, 'sentAt', '03/10/2020', '21:40');
    await modal.getByRole('textbox', { name: 'Their reference' }).fill('CNIL-NOTIF-2020-004512');
    await modal.getByRole('textbox', { name: 'Text as sent' }).fill('Initial notification with what is known; numbers to follow.');
    // The pre-filing check: on time, and what Art. 33(3) still lacks (the numbers are not known yet).
    await expect(modal.getByTestId('filing-due')).toHaveText('Deadline Sun 4 Oct 2020, 09:40: on time.');
    const gaps = modal.getByTestId('filing-gaps');
    await expect(gaps.locator('[data-code="approx_records"]')).toHaveText(/approximate number of records/);
    await modal.getByRole('textbox', { name: 'Their reference' }).press('Enter');
    await expect(modal.getByText('Complete what is missing, or tick the box to record a phased notification.')).toBeVisible();
    await gaps.getByRole('checkbox', { name: /phased notification/ }).check();
    // The app's clock still reads 1 October: a filing "sent" on the 3rd is not a fact yet, and a
    // filing is frozen once recorded, so the core refuses it and nothing is written.
    await modal.getByRole('textbox', { name: 'Their reference' }).press('Enter');
    await expect(modal.getByText('A filing is recorded once it has been sent: this time is later than now.')).toBeVisible();
    // Hour 60, five minutes after it went out: recorded.
    await setAppClock(host!, '2020-10-03T21:45:00+02:00');
    await modal.getByRole('textbox', { name: 'Their reference' }).press('Enter');
    await expect(modal).toBeHidden();
    await expect(page.getByText('Filing NOT-2020-0001 recorded.')).toBeVisible();

    const clock = page.getByTestId('incident-summary').getByTestId('authority-clock');
    await expect(clock).toHaveAttribute('data-state', 'met_on_time');
    await expect(clock).toContainText('Met on time');
    await expect(clock).toContainText('12 h 00 min to spare');
    await expect(page.getByTestId('authority-notified-at')).toHaveText('first notified 3 Oct 2020, 21:40');
    await expect(obligation).toHaveAttribute('data-state', 'filed_on_time');
    await expect(obligation.getByTestId('obligation-clock')).toHaveText('Filed 3 Oct 2020, 21:40 (NOT-2020-0001), on time');

    // Two weeks later, the complementary information (Art. 33(4)), chained to the first.
    await setAppClock(host!, '2020-10-17T21:45:00+02:00');
    await obligation.getByRole('button', { name: 'Record a complementary filing' }).click();
    const second = page.getByTestId('filing-dialog');
    await expect(second.getByRole('radiogroup', { name: 'Phase' }).getByRole('radio', { name: 'Complementary', exact: true })).toBeChecked();
    await fillDateTime(page, second, 'sentAt', '17/10/2020', '21:40');
    await second.getByRole('textbox', { name: 'Their reference' }).fill('CNIL-NOTIF-2020-004512');
    await second.getByRole('textbox', { name: 'Text as sent' }).fill('Complementary notification.');
    await expect(second.getByTestId('filing-due')).toHaveText(/complementary filing/);
    await second.getByRole('checkbox', { name: /phased notification/ }).check();
    await second.getByRole('textbox', { name: 'Their reference' }).press('Enter');
    await expect(second).toBeHidden();

    const rows = obligation.getByTestId('notification-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('NOT-2020-0001');
    await expect(rows.nth(0)).toContainText('on time');
    await expect(rows.nth(0)).toContainText('Initial');
    await expect(rows.nth(0)).toContainText('3 Oct 2020, 21:40');
    await expect(rows.nth(0)).toContainText('CNIL-NOTIF-2020-004512');
    await expect(rows.nth(1)).toContainText('NOT-2020-0002');
    await expect(rows.nth(1)).toContainText('Complementary');
    await expect(rows.nth(1)).toContainText('17 Oct 2020, 21:40');
    // The complementary one does not move the clock: it stays met by the first.
    await expect(clock).toContainText('12 h 00 min to spare');
  });

  test('S2: the risk is assessed high and the data subjects are to be informed, with the reasons', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Edit I-2020-0001' });
    await form.getByRole('radiogroup', { name: 'Risk' }).getByText('High', { exact: true }).click();
    await form.getByRole('radiogroup', { name: 'Notify the authority' }).getByText('Yes', { exact: true }).click();
    await form.getByRole('radiogroup', { name: 'Inform the data subjects' }).getByText('Yes', { exact: true }).click();
    // A decision without its reasons is refused (Art. 33(5)).
    await form.getByRole('textbox', { name: 'Title' }).press('Control+Enter');
    await expect(form.getByText('A decision comes with its reasons (Art. 33(5)).')).toHaveCount(2);
    await form.getByRole('textbox', { name: 'Reasons for the decision on the authority' }).fill('Identification and contact data exposed without protection for months.');
    await form
      .getByRole('textbox', { name: 'Reasons for the decision on the data subjects' })
      .fill('High risk: contact data usable for phishing; customers must be warned (Art. 34).');
    // Art. 34 has no hour count: the team sets its own target.
    await fillDateTime(page, form, 'art34Target', '09/10/2020', '18:00');
    await form.getByRole('textbox', { name: 'Title' }).press('Control+Enter');
    await expect(page.getByText('I-2020-0001 saved.')).toBeVisible();
    await expect(form).toBeHidden();

    await expect(page.getByTestId('incident-risk').first()).toHaveText('High');
    await expect(page.getByTestId('decision-subjects')).toContainText('Yes');
    await expect(page.getByTestId('decision-subjects')).toContainText('customers must be warned (Art. 34)');
    await expect(page.getByTestId('decision-authority')).toContainText('without protection for months');
    await expect(page.getByTestId('summary-subjects')).toHaveText('To be informed');
    await expect(page.getByTestId('incident-summary')).toContainText('target 9 Oct 2020, 18:00');
    // The clocks of the record (from the core): the Art. 34 one now runs beside the met Art. 33 one.
    await expect(page.getByTestId('record-clocks')).toContainText('Art. 34');

    // Back in the register: the row carries the risk and the met clock.
    await page.getByRole('button', { name: 'All incidents' }).click();
    const row = page.getByRole('row').filter({ hasText: 'I-2020-0001' });
    await expect(row).toContainText('1 Oct 2020, 09:40');
    await expect(row).toContainText('Controller');
    await expect(row).toContainText('High');
    await expect(row).toContainText('Met on time');
    await expect(row).toContainText('12 h 00 min to spare');
    await expect(row).toContainText('Open');
  });

  test('S3: a processor incident detected on Friday 27 March 2026 at 22:30, three clients with 48-hour clocks across the change to summer time', async ({ browser }) => {
    // Three clients, each added and checked through the UI: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    // Five minutes after detection, in a colleague's window.
    await setAppClock(host!, '2026-03-27T22:35:00+01:00');
    const lead = await newPage(browser);
    try {
      await lead.goto(host!.url);
      await openRegister(lead);
      await lead.getByRole('button', { name: 'Record an incident' }).first().click();
      const form = lead.getByRole('dialog', { name: 'Record an incident' });
      await expect(form.getByTestId('aware-date')).toHaveValue('27/03/2026');
      await form.getByRole('textbox', { name: 'Title' }).fill("Backup of three clients' contact lists exposed");
      await form.getByRole('radiogroup', { name: 'Our role' }).getByText('Processor', { exact: true }).click();
      await fillDateTime(lead, form, 'detected', '27/03/2026', '22:30');
      await fillDateTime(lead, form, 'aware', '27/03/2026', '22:30');
      await form.getByRole('checkbox', { name: /^Confidentiality/ }).check();
      await expect(form.getByTestId('form-clients-due')).toHaveText('29 Mar 2026, 23:30');
      await form.getByRole('textbox', { name: 'Title' }).press('Control+Enter');
      await expect(lead.getByText('I-2026-0001 recorded.')).toBeVisible();
      await expect(lead.getByTestId('incident-reference')).toHaveText('I-2026-0001');

      // As processor there is no 72-hour clock to the authority, one clock per client instead.
      await expect(lead.getByTestId('incident-summary').getByTestId('authority-clock')).toHaveAttribute('data-state', 'not_applicable');
      const panel = lead.getByTestId('clients-panel');
      await expect(panel).toContainText('One clock per client, from detection (27 Mar 2026, 22:30)');

      for (const [name, contact] of [
        ['Boulangeries Martin SA', 'dpo@boulangeries-martin.example'],
        ['Optique Lumière SARL', 'rgpd@optique-lumiere.example'],
        ['Voyages Horizon SAS', 'privacy@voyages-horizon.example'],
      ] as const) {
        await panel.getByRole('button', { name: 'Add a client' }).click();
        const modal = lead.getByRole('dialog', { name: 'Add an affected client – I-2026-0001' });
        await modal.getByRole('textbox', { name: 'Client' }).fill(name);
        await modal.getByRole('textbox', { name: 'Contact' }).fill(contact);
        await expect(modal.getByRole('textbox', { name: 'Contractual notice' })).toHaveValue('48 h');
        await expect(modal.getByTestId('client-due-preview')).toHaveText('29 Mar 2026, 23:30');
        await modal.getByRole('textbox', { name: 'Client' }).press('Enter');
        await expect(modal).toBeHidden();
        await expect(lead.getByText(`${name} added.`)).toBeVisible();
      }

      const rows = panel.getByTestId('client-row');
      await expect(rows).toHaveCount(3);
      for (const [i, name] of ['Boulangeries Martin SA', 'Optique Lumière SARL', 'Voyages Horizon SAS'].entries()) {
        const row = rows.nth(i);
        await expect(row).toContainText(name);
        await expect(row).toContainText('48 h');
        // 22:30 CET + 48 elapsed hours = 23:30 CEST: the clocks go forward on Sunday 29 March.
        await expect(row.getByTestId('client-clock')).toContainText('due 29 Mar 2026, 23:30');
        await expect(row.getByTestId('client-clock')).toHaveAttribute('data-state', 'running');
        await expect(row.getByTestId('client-clock')).toContainText(/Running\s*· 4[67] h \d\d min left/);
      }
      await expect(lead.getByTestId('incident-summary')).toContainText('0 of 3 notified');

      // The first client is told the next morning: its clock is met, the others still run.
      await rows.nth(0).getByRole('button', { name: 'Actions for Boulangeries Martin SA' }).click();
      await lead.getByRole('menuitem', { name: 'Edit' }).click();
      const edit = lead.getByRole('dialog', { name: 'Boulangeries Martin SA' });
      await fillDateTime(lead, edit, 'clientNotified', '28/03/2026', '10:00');
      await edit.getByRole('textbox', { name: 'How it was notified' }).fill('Email to the DPO, then phone call');
      await edit.getByRole('textbox', { name: 'How it was notified' }).press('Enter');
      await expect(edit).toBeHidden();
      await expect(rows.nth(0).getByTestId('client-clock')).toHaveAttribute('data-state', 'met_on_time');
      await expect(rows.nth(0).getByTestId('client-clock')).toContainText('36 h 30 min to spare');
      await expect(rows.nth(0)).toContainText('28 Mar 2026, 10:00');
      await expect(rows.nth(0)).toContainText('Email to the DPO, then phone call');
      await expect(rows.nth(1).getByTestId('client-clock')).toHaveAttribute('data-state', 'running');
      await expect(lead.getByTestId('incident-summary')).toContainText('1 of 3 notified');

      // One notification obligation per client, from its contract (48 h here), none to the authority.
      const obligations = lead.getByTestId('obligation');
      await expect(obligations).toHaveCount(3);
      await expect(obligations.filter({ hasText: 'Notice to the client controller (48 h under the contract)' })).toHaveCount(3);
      await expect(obligations.filter({ hasText: 'Boulangeries Martin SA' })).toHaveAttribute('data-state', 'filed_on_time');
      await expect(obligations.filter({ hasText: 'Optique Lumière SARL' })).toHaveAttribute('data-state', 'required');
      await expect(lead.getByTestId('obligations-panel')).not.toContainText('supervisory authority (72 h)');

      // The register filters by risk in the database: only the high-risk S2 incident.
      await lead.getByRole('button', { name: 'All incidents' }).click();
      await expect(lead.getByTestId('incident-total')).toContainText('2 incidents');
      await pick(lead, lead.getByRole('combobox', { name: 'Risk' }), 'High');
      await expect(lead.getByTestId('incident-total')).toContainText('1 incident');
      await expect(lead.getByRole('row').filter({ hasText: 'I-2020-0001' })).toBeVisible();
      await expect(lead.getByRole('row').filter({ hasText: 'I-2026-0001' })).toHaveCount(0);
    } finally {
      await lead.context().close();
    }
  });
});

/** A page on the browser's own (real) clock: what it shows as "now" must come from the app's clock. */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

/** Moves the web host's test clock (app.setClock, test mode only). */
async function setAppClock(host: WebHost, at: string): Promise<void> {
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/app.setClock`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.searchParams.get('token')!}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ at }),
  });
  expect(res.ok).toBe(true);
}

async function openRegister(page: Page): Promise<void> {
  const nav: Locator = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Incidents', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Breach incidents' })).toBeVisible();
}
