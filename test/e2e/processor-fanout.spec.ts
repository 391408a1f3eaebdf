import { expect, test, type Browser, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { assertRendererBuilt, callApi, freshDataDir, startWebHost, type WebHost } from './support/webHost';
import { fillDateTime } from './support/ui';

/**
 * The processor's fan-out (issue 14), end to end in Chromium: we process for three client
 * controllers whose contracts give 24, 48 and 72 hours; an incident detected on Friday 27 March 2026
 * at 22:30 (the clocks go forward on Sunday 29) gives one obligation and one clock per client, each
 * with its contract's hours. Each notice is prepared from the incident's facts and recorded as a
 * frozen filing; the 24-hour client is told late, which needs the reasons; all three acknowledge.
 *
 * The web host runs on a test clock moved with app.setClock; the page keeps the browser's clock.
 */

const SETUP = {
  organisation: { name: 'Hébergement Durand SAS', role: 'processor', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Sophie Bernard (RSSI)',
  recoveryPassphrase: 'tiny-harbour-violet-engine-47',
};

const CLIENTS = [
  // name, contract hours, the due date the contract gives (22:30 CET + n real hours)
  { name: 'Boulangeries Martin SA', hours: 24, due: '28 Mar 2026, 22:30' },
  { name: 'Optique Lumière SARL', hours: 48, due: '29 Mar 2026, 23:30' },
  { name: 'Voyages Horizon SAS', hours: 72, due: '30 Mar 2026, 23:30' },
] as const;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

test.describe.serial('a processor notifies each client controller under its own contract', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  let incidentRef = '';

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', '2026-03-27T22:40:00+01:00']);
    await callApi(host, 'app.setup', SETUP);
    const incident = await callApi<{ reference: string }>(host, 'incidents.create', {
      title: 'Backup of three clients’ contact lists exposed',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      categories: ['confidentiality'],
      description: 'A backup bucket holding the contact lists of three client controllers was publicly readable for six hours.',
    });
    incidentRef = incident.reference;
    page = await newPage(browser);
  });

  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the incident in a fresh load of the window (which reads the app's clock when it opens). */
  async function openIncident() {
    await page.goto(host!.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Incidents', exact: true }).click();
    await page.getByRole('row').filter({ hasText: incidentRef }).click();
    await expect(page.getByTestId('incident-reference')).toHaveText(incidentRef);
  }

  const obligation = (name: string) => page.getByTestId('obligation').filter({ hasText: name });

  test('three clients with 24, 48 and 72 contract hours: one obligation and one clock each, across the change to summer time', async () => {
    test.setTimeout(120_000);
    await openIncident();
    const panel = page.getByTestId('clients-panel');
    for (const c of CLIENTS) {
      await panel.getByRole('button', { name: 'Add a client' }).click();
      const modal = page.getByRole('dialog', { name: `Add an affected client – ${incidentRef}` });
      await modal.getByRole('textbox', { name: 'Client' }).fill(c.name);
      await modal.getByRole('textbox', { name: 'Contractual notice' }).fill(String(c.hours));
      await expect(modal.getByTestId('client-due-preview')).toHaveText(c.due);
      await modal.getByRole('textbox', { name: 'Client' }).press('Enter');
      await expect(modal).toBeHidden();
    }
    const rows = panel.getByTestId('client-row');
    await expect(rows).toHaveCount(3);
    for (const [i, c] of CLIENTS.entries()) {
      await expect(rows.nth(i)).toContainText(c.name);
      await expect(rows.nth(i).getByTestId('client-clock')).toContainText(`due ${c.due}`);
    }
    await expect(page.getByTestId('obligation')).toHaveCount(3);
    for (const c of CLIENTS) {
      await expect(obligation(c.name)).toContainText(`Notice to the client controller (${c.hours} h under the contract)`);
      await expect(obligation(c.name)).toHaveAttribute('data-state', 'required');
    }
    await expect(page.getByTestId('obligations-panel')).not.toContainText('supervisory authority (72 h)');
    // Nor is the decision on the authority or the data subjects ours: the controllers take it.
    await expect(page.getByTestId('decision-authority')).toContainText('For the controllers to decide');
    await expect(page.getByTestId('decision-subjects')).toContainText('For the controllers to decide');
    await expect(page.getByTestId('summary-subjects')).toHaveText('For the controllers to decide');
  });

  /** Records a client's notice as a filing: the text prepared from the facts, the reasons when late. */
  async function file(name: string, lateReasons: string | null) {
    await obligation(name).getByRole('button', { name: 'Record the filing' }).click();
    const modal = page.getByRole('dialog', { name: new RegExp(`^Record the filing: .*${incidentRef}$`) });
    await modal.getByRole('button', { name: 'Prepare the text' }).click();
    await expect(modal.getByTestId('sentAt-date')).toHaveValue(lateReasons ? '29/03/2026' : '28/03/2026');
    const text = modal.getByRole('textbox', { name: 'Text as sent' });
    await expect(text).toHaveValue(new RegExp(name));
    await expect(text).toHaveValue(/contact lists/);
    if (lateReasons) {
      await expect(modal.getByTestId('filing-due')).toContainText('this filing is late');
      // Without the reasons it is refused, and nothing is recorded.
      await modal.getByRole('button', { name: 'Record the filing' }).click();
      await expect(modal.getByText('A late filing needs the reasons for the delay.')).toBeVisible();
      await modal.getByRole('textbox', { name: 'Reasons for the delay' }).fill(lateReasons);
    } else {
      await expect(modal.getByTestId('filing-due')).toContainText('on time');
    }
    // A client's notice needs only its text: once the pre-filing check has read the prepared text
    // (it runs a moment after the text changes) nothing is missing, and the filing is recorded.
    await expect(modal.getByTestId('filing-gaps')).toHaveCount(0);
    await modal.getByRole('button', { name: 'Record the filing' }).click();
    await expect(modal).toBeHidden();
  }

  test('each notice prepared and filed; the 24-hour client told late, with the reasons', async () => {
    test.setTimeout(120_000);
    // Saturday 10:00: in time for the 48- and 72-hour contracts.
    await callApi(host!, 'app.setClock', { at: '2026-03-28T10:00:00+01:00' });
    await openIncident();
    await file('Optique Lumière SARL', null);
    await expect(obligation('Optique Lumière SARL')).toHaveAttribute('data-state', 'filed_on_time');
    await file('Voyages Horizon SAS', null);
    await expect(obligation('Voyages Horizon SAS')).toHaveAttribute('data-state', 'filed_on_time');

    // Sunday 09:00 (summer time): the 24-hour contract ran out on Saturday at 22:30.
    await callApi(host!, 'app.setClock', { at: '2026-03-29T09:00:00+02:00' });
    await openIncident();
    await expect(obligation('Boulangeries Martin SA').getByTestId('obligation-clock')).toContainText(/overdue/i);
    const reasons = 'The client’s DPO address in our file bounced; reached by phone on Sunday morning.';
    await file('Boulangeries Martin SA', reasons);
    await expect(obligation('Boulangeries Martin SA')).toHaveAttribute('data-state', 'filed_late');
    await expect(obligation('Boulangeries Martin SA')).toContainText(`Reasons for the delay: ${reasons}`);
  });

  test('all three acknowledge; the timeline for management says which filing was late', async () => {
    test.setTimeout(120_000);
    // Sunday 11:30: the acknowledgements came in at 11:00 (an acknowledgement is never dated after now).
    await callApi(host!, 'app.setClock', { at: '2026-03-29T11:30:00+02:00' });
    for (const c of CLIENTS) {
      const o = obligation(c.name);
      await o.getByRole('button', { name: /^Actions for filing NOT-2026-/ }).click();
      await page.getByRole('menuitem', { name: 'Add their reference, acknowledgement, outcome' }).click();
      const modal = page.getByRole('dialog', { name: /^Add to filing NOT-2026-/ });
      await fillDateTime(page, modal, 'acknowledgedAt', '29/03/2026', '11:00');
      await modal.getByRole('button', { name: 'Save' }).click();
      await expect(modal).toBeHidden();
      await expect(o).toContainText('acknowledged 29 Mar 2026, 11:00');
    }
    const incidents = await callApi<{ items: { id: string; reference: string }[] }>(host!, 'incidents.list', {});
    const id = incidents.items.find((i) => i.reference === incidentRef)!.id;
    const detail = await callApi<{ clients: { name: string; acknowledgedAt: string | null }[] }>(host!, 'incidents.get', { id });
    expect(detail.clients.map((c) => [c.name, c.acknowledgedAt])).toEqual(CLIENTS.map((c) => [c.name, '2026-03-29T09:00:00.000Z']));
    const tl = await callApi<{ events: { kind: string; text: { en: string } }[] }>(host!, 'timeline.get', { incidentId: id });
    const sent = tl.events.filter((e) => e.kind === 'notification_sent').map((e) => e.text.en);
    expect(sent).toHaveLength(3);
    expect(sent.filter((t) => t.endsWith(', on time'))).toHaveLength(2);
    expect(sent.filter((t) => t.endsWith(', late'))).toEqual([expect.stringContaining('Boulangeries Martin SA')]);
  });
});
