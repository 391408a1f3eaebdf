import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * Scenario S3 end to end, on the web host's test clock: we are the processor; a backup of three
 * clients' contact lists is detected on Friday 2026-03-27 at 22:30 Paris. One clock per client runs
 * towards its contractual notice (48 hours, 24 for one client), across the change to summer time
 * on Sunday 29 March. The clocks board lists them in due order with live countdowns; the calendar
 * export holds them; moving the app's clock to just before the thresholds makes the reminders
 * appear in the page, and one is acknowledged.
 */

const START = '2026-03-27T22:35:00+01:00';
const SETUP = {
  organisation: { name: 'Exemplar Hosting SAS', role: 'processor', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Martin',
  recoveryPassphrase: 'tiny-harbour-violet-engine-47',
};
const SHORT = 'Boulangeries Martin SARL'; // 24-hour contract
const FIRST = 'Atelier Lumière'; // 48 hours
const SECOND = 'Dupont Retail SA'; // 48 hours

interface Api {
  call<T = Record<string, unknown>>(method: string, input?: unknown): Promise<T>;
}

function apiOf(host: WebHost): Api {
  const url = new URL(host.url);
  const token = url.searchParams.get('token')!;
  return {
    async call<T>(method: string, input: unknown = {}) {
      const res = await fetch(`${url.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as T;
      if (!res.ok) throw new Error(`${method} → ${res.status}: ${JSON.stringify(body)}`);
      return body;
    },
  };
}

const rows = (page: Page) => page.getByTestId('clock-table').locator('tbody tr[data-clock-id]');
const row = (page: Page, party: string) => rows(page).filter({ hasText: party });
const toast = (page: Page, text: string | RegExp) => page.locator('.mantine-Notification-root').filter({ hasText: text });

test.describe.serial('clocks board and reminders (S3) through the web host', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let api: Api;
  let page: Page;
  let incidentId = '';
  const clientIds: Record<string, string> = {};

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false }, ['--clock', START]);
    api = apiOf(host);
    await api.call('app.setup', SETUP);
    const incident = await api.call<{ id: string; reference: string }>('incidents.create', {
      title: 'Exposed backup of client contact lists',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
    });
    incidentId = incident.id;
    for (const [name, contractHours] of [
      [SECOND, 48],
      [SHORT, 24],
      [FIRST, 48],
    ] as const) {
      const c = await api.call<{ id: string; notifyDue: string }>('incidents.addClient', { incidentId, name, contractHours });
      clientIds[name] = c.id;
    }
    // The 24-hour clock's first threshold (24 h before) is its start: the core raises it at once.
    await expect.poll(async () => (await api.call<{ alerts: unknown[] }>('alerts.list', { unacknowledgedOnly: true })).alerts.length, { timeout: 15_000 }).toBe(1);
    page = await browser.newPage({ acceptDownloads: true });
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the reminder raised before the page opened is shown, and can be acknowledged from the toast', async () => {
    await page.goto(host!.url);
    const first = toast(page, SHORT);
    await expect(first).toBeVisible({ timeout: 20_000 });
    await expect(first).toContainText(`I-2026-0001 – ${SHORT} – Notice to the client controller (24 h under the contract)`);
    await expect(first).toContainText(/24 h left: due Sat,? 28 Mar( 2026)?,? 22:30/);
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(first).toBeHidden();
    await expect.poll(async () => (await api.call<{ alerts: unknown[] }>('alerts.list', { unacknowledgedOnly: true })).alerts.length).toBe(0);
  });

  test('the board lists the three client clocks in due order, with due times across the change to summer time and live countdowns', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Clocks' }).click();
    await expect(page.getByRole('heading', { name: 'Clocks', level: 1 })).toBeVisible();
    await expect(rows(page)).toHaveCount(3);
    const id = (name: string) => `incident:${incidentId}:processor-to-controller:${clientIds[name]}`;
    // Most urgent first; the two 48-hour clocks share their due instant and go by client name.
    await expect.poll(() => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-clock-id')))).toEqual([id(SHORT), id(FIRST), id(SECOND)]);
    await expect(rows(page).nth(0).getByTestId('clock-party')).toHaveText(`Client: ${SHORT}`);
    await expect(rows(page).nth(1).getByTestId('clock-party')).toHaveText(`Client: ${FIRST}`);
    await expect(rows(page).nth(2).getByTestId('clock-party')).toHaveText(`Client: ${SECOND}`);

    // 24 hours from Friday 22:30 winter time: Saturday 22:30, before the change.
    const short = row(page, SHORT);
    await expect(short.getByTestId('clock-due')).toHaveText(/^Sat,? 28 Mar 2026, 22:30$/);
    await expect(short.getByTestId('clock-state')).toHaveText('Due within 24 h');
    await expect(short.getByTestId('clock-countdown')).toHaveText(/^23 h 5\d min left$/);
    await expect(short).toContainText('within 24 hours after detecting the breach');
    await expect(short).not.toContainText('UTC+2');
    // 48 real hours: Sunday 23:30 summer time (not 22:30), marked UTC+2.
    for (const name of [FIRST, SECOND]) {
      const r = row(page, name);
      await expect(r.getByTestId('clock-due')).toHaveText(/^Sun,? 29 Mar 2026, 23:30$/);
      await expect(r).toContainText('UTC+2');
      await expect(r.getByTestId('clock-state')).toHaveText('Running');
      await expect(r.getByTestId('clock-countdown')).toHaveText(/^47 h 5\d min left$/);
      await expect(r).toContainText('within 48 hours after detecting the breach');
      await expect(r).toContainText('I-2026-0001');
    }
    await expect(page.getByTestId('clock-summary')).toContainText('3 clocks · 1 due within 24 h · Times in Europe/Paris (now UTC+1)');
    // The count of clocks due within 24 hours is in the tab's title.
    await expect(page).toHaveTitle('(1) PrivacyOps Workstation');

    // Filters: no complaint has a clock; the incidents register has all three.
    await page.getByRole('combobox', { name: 'Register' }).click();
    await page.getByRole('option', { name: 'Complaints', exact: true }).click();
    await expect(page.getByText('No clock matches')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(rows(page)).toHaveCount(3);
    await page.locator('label').filter({ hasText: /^Overdue$/ }).click();
    await expect(page.getByText('No clock matches')).toBeVisible();
    await page.locator('label').filter({ hasText: /^Running and overdue$/ }).click();
    await expect(rows(page)).toHaveCount(3);
  });

  test('exports the open deadlines as an .ics file holding the three clocks', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('privacyops-deadlines-20260327.ics');
    const content = readFileSync((await download.path())!, 'utf8');
    expect(content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Long lines are folded (RFC 5545): unfold before reading properties.
    const unfolded = content.replace(/\r\n /g, '');
    const uids = [...unfolded.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort();
    expect(uids).toEqual([SHORT, FIRST, SECOND].map((n) => `incident:${incidentId}:processor-to-controller:${clientIds[n]}@privacyops`).sort());
    expect(unfolded).toContain('DTSTART:20260328T213000Z');
    expect(unfolded.match(/DTSTART:20260329T213000Z/g)).toHaveLength(2);
    await expect(page.getByText('privacyops-deadlines-20260327.ics downloaded')).toBeVisible();
  });

  test('moving the app clock to two seconds before the thresholds raises the reminders in the page; one is acknowledged', async () => {
    // 2 seconds before the 24-hour contract expires, which is also 24 hours before the 48-hour ones.
    const moved = await api.call<{ now: string }>('app.setClock', { at: '2026-03-28T22:29:58+01:00' });
    expect(moved.now.slice(0, 19)).toBe('2026-03-28T21:29:58');

    const expiry = toast(page, /Deadline reached \(Sat,? 28 Mar( 2026)?,? 22:30\)/);
    await expect(expiry).toBeVisible({ timeout: 20_000 });
    await expect(expiry).toContainText(SHORT);
    const first = toast(page, FIRST);
    await expect(first).toBeVisible();
    await expect(first).toContainText(`I-2026-0001 – ${FIRST} – Notice to the client controller (48 h under the contract)`);
    await expect(first).toContainText(/24 h left: due Sun,? 29 Mar( 2026)?,? 23:30/);
    await expect(toast(page, SECOND)).toContainText(/24 h left: due Sun,? 29 Mar( 2026)?,? 23:30/);

    // The board follows the app's clock: the 24-hour clock is overdue and stays on top.
    const short = row(page, SHORT);
    await expect(short.getByTestId('clock-state')).toHaveText('Overdue', { timeout: 15_000 });
    await expect(short.getByTestId('clock-countdown')).toHaveText(/^overdue by 0 h 0\d min$/);
    await expect(row(page, FIRST).getByTestId('clock-countdown')).toHaveText(/^2[34] h \d\d min left$/);
    await expect(page).toHaveTitle('(2) PrivacyOps Workstation');

    // Acknowledge the reminder for Atelier Lumière: the toast goes, the core records it.
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(first).toBeHidden();
    const pending = (await api.call<{ alerts: { party: string | null; threshold: number }[] }>('alerts.list', { unacknowledgedOnly: true })).alerts;
    expect(pending.map((a) => a.party).sort()).toEqual([SHORT, SHORT, SECOND].sort());
    expect(pending.some((a) => a.party === FIRST)).toBe(false);

    // The drawer lists what is left to acknowledge, and the acknowledged one among the recent.
    await page.getByRole('button', { name: /^Reminders/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Reminders' });
    await expect(drawer.getByTestId('alert-item')).toHaveCount(3);
    await expect(drawer.getByTestId('alert-item').filter({ hasText: FIRST })).toHaveCount(0);
    await expect(drawer.getByTestId('alerts-badge-line')).toHaveText('2 clocks due within 24 hours · 1 overdue');
    await drawer.getByText('Recent', { exact: true }).click();
    const acknowledged = drawer.getByTestId('alert-item').filter({ hasText: FIRST });
    await expect(acknowledged).toContainText(/Acknowledged 28 Mar 2026, 22:3\d/);
  });
});
