import { describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import type { Workstation } from '../../electron/core/workstation';
import { apiOf, buildS1 } from '../fixtures/scenarios';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { syncAll, syncHarness } from '../support/sync-harness';
import { editOp, forge } from '../support/forged-ops';

vi.setConfig({ testTimeout: 240_000 });

/**
 * Issue #11's "done when", on three machines and a real PostgreSQL: S1 entered by the DPO, read
 * and exported (management profile) by a reader on a third machine, and a change forged by that
 * reader — an operation built by hand and signed with her own valid member key — shown
 * quarantined on the DPO's machine, with nothing of it in any register.
 */
const harness = syncHarness('roles-s1');

const LABELS = ['M. R.', 'Mme L.', 'M. D.', 'Mme B.'];

describe('roles, end to end on S1', () => {
  it("the DPO enters S1; a reader on a third machine reads it and exports it without names; the reader's forged change is quarantined on the DPO's machine", async () => {
    // Claire, the DPO and the workspace's creator, on a clock the scenario moves.
    const t = tempDir('privacyops-roles-s1-claire-');
    const clock = new ManualClock(new Date('2018-07-01T08:00:00Z'));
    const claire: Workstation = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
    claire.updateProfile({ userName: 'Claire Martin' });
    try {
      const s1 = await buildS1(apiOf(claire), clock);
      clock.set(new Date().toISOString());
      await claire.sync.createWorkspace(harness.pg().connection(), 'Claire Martin');
      const samir = await harness.client('Samir');
      const marc = await harness.client('Marc');
      for (const [m, role, label] of [[samir, 'security_lead', 'Samir Haddad'], [marc, 'reader', 'Marc Petit (management)']] as const) {
        const inv = await claire.sync.createInvitation(role);
        await m.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, label);
      }
      await syncAll(claire, samir, marc);

      // Marc reads S1 on his machine: the six complaints, the incident, its actions, the CNIL thread.
      expect(marc.sync.permissions()).toMatchObject({ role: 'reader', enforced: true });
      expect(marc.complaints.list({}).total).toBe(6);
      expect(marc.registers.incidents.get(s1.incidentId).title).toBe(claire.registers.incidents.get(s1.incidentId).title);
      expect(marc.registers.actions.list({}).total).toBe(s1.actionIds.length);
      expect(marc.registers.letters.get(s1.reprimandId).kind).toBe('reprimand');
      expect(marc.audit.verify().ok).toBe(true);

      // He exports with the management profile: the register and the incident's timeline carry
      // no complainant's name; in full, his core refuses.
      const api = apiOf(marc);
      const csv = await api('exports.register', { register: 'complaints', format: 'csv', profile: 'management' });
      expect(csv.rows).toBe(6);
      expect(csv.provenance.redaction?.id).toBe('management');
      const csvText = Buffer.from(csv.file.contentBase64, 'base64').toString('utf8');
      for (const label of LABELS) expect(csvText.includes(label), label).toBe(false);
      const timeline = await api('exports.timeline', { incidentId: s1.incidentId, format: 'json', profile: 'management' });
      expect(timeline.provenance.redaction?.id).toBe('management');
      const bundle = await api('exports.bundle', { scope: { kind: 'matter', matterId: s1.matterId }, profile: 'management' });
      const files = unzipSync(Buffer.from(bundle.file.contentBase64, 'base64'));
      expect(Object.keys(files).length).toBeGreaterThan(1);
      await expect(api('exports.register', { register: 'complaints', format: 'csv', profile: 'full' })).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });
      // …and may change nothing through his own core.
      const first = s1.complaintIds[0]!;
      const summary = claire.complaints.get(first).summary;
      await expect(api('complaints.update', { id: first, patch: { summary: 'Changed by the reader' } })).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });

      // A change he builds by hand, signed with his own valid member key, goes to the backend…
      const edit = editOp(marc, 'Marc Petit', { type: 'complaint', id: first }, 'summary', summary, 'Complaint withdrawn (forged by the reader)');
      await forge(harness.pg().connection(), marc, marc, edit, { recordId: first });
      await syncAll(claire, samir, marc);

      // …and the DPO's machine shows it quarantined, with the reason and its author's role,
      // her complaint unchanged, her audit chain intact. The security lead's machine judges alike.
      for (const w of [claire, samir]) {
        expect(w.sync.quarantined().map((q) => [q.recordType, q.recordId, q.action, q.reason, q.authorRole])).toEqual([['complaint', first, 'update', 'role_forbidden', 'reader']]);
        expect(w.complaints.get(first).summary).toBe(summary);
        expect(w.history('complaint', first).some((h) => JSON.stringify(h).includes('forged by the reader'))).toBe(false);
        expect(w.audit.verify().ok).toBe(true);
      }
      // The quarantine panel's words, on the DPO's machine (Settings › Sync › Quarantine).
      const [item] = claire.sync.quarantined();
      expect(item).toMatchObject({ kind: 'operation', recordType: 'complaint', reason: 'role_forbidden', authorRole: 'reader' });
    } finally {
      await claire.shutdown();
      t.cleanup();
    }
  });
});
