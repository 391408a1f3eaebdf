import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import type { Workstation } from '../../electron/core/workstation';
import { fingerprintOf } from '../../electron/core/keys/device-key';
import { signStatement } from '../../electron/core/sync/membership';
import type { SyncOp } from '../../electron/core/sync/apply';
import { firstOpOf, forge as forgeOp } from '../support/forged-ops';
import { v7 as uuidv7 } from 'uuid';
import { syncAll, syncHarness } from '../support/sync-harness';

const harness = syncHarness('roles');
const { pg, client } = harness;

/** Claire creates the workspace; Samir is invited as security lead, Inès as reader. */
async function workspace() {
  const { claire, samir, ines } = await harness.team();
  await syncAll(claire, samir, ines);
  return { claire, samir, ines, all: [claire, samir, ines] };
}

const idOf = (w: Workstation) => w.sync.status().memberId!;

/** Each member's role and key fingerprint, as one machine has verified them. */
function rolesOn(w: Workstation) {
  return Object.fromEntries(w.sync.membership.all().map((m) => [m.memberId, { role: m.removed ? 'removed' : m.role, key: m.signingKeyFingerprint }]));
}

describe('workspace roles: signed membership in the operation log', () => {
  it('the creator is administrator, invitations carry their role, every machine verifies the same members and keys', async () => {
    const { claire, samir, ines, all } = await workspace();
    const expected = {
      [idOf(claire)]: { role: 'administrator', key: fingerprintOf(Buffer.from(claire.sync.membership.mySigningKey(), 'base64')) },
      [idOf(samir)]: { role: 'security_lead', key: fingerprintOf(Buffer.from(samir.sync.membership.mySigningKey(), 'base64')) },
      [idOf(ines)]: { role: 'reader', key: fingerprintOf(Buffer.from(ines.sync.membership.mySigningKey(), 'base64')) },
    };
    for (const w of all) {
      expect(rolesOn(w)).toEqual(expected);
      expect(w.sync.membership.statements().every((s) => s.state === 'applied')).toBe(true);
      expect(w.audit.verify().ok).toBe(true);
    }
    // What Settings › Sync › Members shows, from the backend's list and the verified roles.
    const listed = await ines.sync.members();
    expect(listed.map((m) => [m.label, m.role, m.isMe])).toEqual([
      ['Claire Martin', 'administrator', false],
      ['Samir Haddad', 'security_lead', false],
      ['Inès Roux', 'reader', true],
    ]);
    expect(listed.every((m) => m.signingKeyFingerprint?.length === 64)).toBe(true);

    // The backend holds the statements sealed: no role names, no keys, no names in clear.
    const dump = await pg().dump();
    for (const needle of ['administrator', 'security_lead', 'reader', 'Claire', 'Samir', 'Inès', claire.sync.membership.mySigningKey(), expected[idOf(claire)]!.key]) {
      expect(dump.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });

  it('an administrator changes a role and every machine follows; others are refused in the core with ROLE_FORBIDDEN', async () => {
    const { claire, samir, ines, all } = await workspace();
    claire.sync.setRole(idOf(ines), 'editor');
    expect(claire.sync.membership.member(idOf(ines))?.role).toBe('editor');
    await syncAll(claire, samir, ines);
    for (const w of all) expect(w.sync.membership.member(idOf(ines))?.role).toBe('editor');
    expect(ines.sync.membership.myRole()).toBe('editor');

    // Not an administrator: the core refuses, whatever the window shows.
    expect(() => samir.sync.setRole(idOf(samir), 'administrator')).toThrow(expect.objectContaining({ code: 'ROLE_FORBIDDEN' }));
    await expect(samir.sync.createInvitation('dpo')).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });
    await expect(ines.sync.removeMember(idOf(samir))).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });
    // The last administrator cannot step down.
    expect(() => claire.sync.setRole(idOf(claire), 'dpo')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    // A second administrator, then the first may step down; the change reaches everyone.
    claire.sync.setRole(idOf(samir), 'administrator');
    claire.sync.setRole(idOf(claire), 'dpo');
    await syncAll(claire, samir, ines);
    for (const w of all) {
      expect(w.sync.membership.member(idOf(samir))?.role).toBe('administrator');
      expect(w.sync.membership.member(idOf(claire))?.role).toBe('dpo');
    }
    // Removal is a signed statement too.
    await samir.sync.removeMember(idOf(ines));
    await syncAll(samir, claire);
    for (const w of [claire, samir]) expect(w.sync.membership.member(idOf(ines))?.removed).toBe(true);
    expect((await claire.sync.members()).find((m) => m.memberId === idOf(ines))?.role).toBeNull();
  });

  it('statements a non-administrator forged with its own valid key are refused on every machine, with the reason', async () => {
    const { claire, samir, ines, all } = await workspace();
    const ws = ines.sync.status().workspaceId!;
    // Built by hand on the reader's machine, past the core's check: promote itself.
    ines.sync.membership.issue('role', idOf(ines), { role: 'administrator', by: idOf(ines) });
    // And an invitation it signed itself, turned into a membership as administrator.
    const fakeInvite = ines.sync.membership.signAsMe({ v: 1, kind: 'invite', ws, invitation: 'fake-invitation', role: 'administrator', by: idOf(ines), invitationKey: ines.sync.membership.mySigningKey(), expiresAt: '2999-01-01T00:00:00.000Z' });
    ines.sync.membership.issue('join', 'member-made-up', { signingKey: ines.sync.membership.mySigningKey(), boxKey: 'x', invite: fakeInvite });
    // A role statement whose signature was altered after signing, claiming to be Claire's.
    ines.sync.membership.issue('role', idOf(samir), { role: 'reader', by: idOf(claire) }, (body) => {
      const s = signStatement(claire.sync.membership['memberKey'], body);
      const sig = Buffer.from(s.sig, 'base64');
      sig[10]! ^= 0x01;
      return { body: s.body, sig: sig.toString('base64') };
    });
    await syncAll(ines, claire, samir);
    for (const w of all) {
      expect(w.sync.membership.member(idOf(ines))?.role).toBe('reader');
      expect(w.sync.membership.member(idOf(samir))?.role).toBe('security_lead');
      expect(w.sync.membership.member('member-made-up')).toBeNull();
      const refused = w.sync.membership.statements().filter((s) => s.state === 'refused');
      expect(refused.map((s) => s.reason).sort()).toEqual(['bad_signature', 'not_administrator', 'not_administrator']);
      // Listed under Sync, with the reason.
      expect(w.sync.quarantined().map((q) => [q.kind, q.action, q.reason]).sort()).toEqual([
        ['membership', 'join', 'not_administrator'],
        ['membership', 'role', 'bad_signature'],
        ['membership', 'role', 'not_administrator'],
      ]);
      expect(w.audit.verify().ok).toBe(true);
    }
  });

  it('a workspace made before roles: the creator becomes administrator, the other members DPOs once their machine proves its key', async () => {
    const { claire, samir, ines, all } = await workspace();
    // Make it as it was before roles: no statement on the backend, none on any machine.
    const ws = claire.sync.status().workspaceId!;
    await pg().admin(`DELETE FROM privacyops.ops WHERE workspace_id = $1`, [ws]);
    await pg().admin(`UPDATE privacyops.workspaces SET last_seq = 0 WHERE id = $1`, [ws]);
    for (const w of all) {
      w.sync.membership.reset();
      w.session.db.prepare(`UPDATE sync_state SET value = ? WHERE key = 'pushedSeq'`).run(String(w.audit.count()));
      w.session.db.prepare(`UPDATE sync_state SET value = '0' WHERE key = 'pulledSeq'`).run();
    }
    // Inès upgrades first: nothing to do until the creator has.
    await ines.sync.syncNow();
    expect(ines.sync.membership.hasGenesis()).toBe(false);
    await claire.sync.syncNow();
    expect(claire.sync.membership.myRole()).toBe('administrator');
    // Samir's machine claims Inès's membership with its own key: the proof fails, not admitted.
    const g = claire.sync.membership.genesisMember()!;
    await samir.sync.syncNow();
    samir.sync.membership.issue('enrol', idOf(ines), { signingKey: samir.sync.membership.mySigningKey(), proof: 'bm90IGEgcHJvb2Y=' }, (body) => samir.sync.membership.signAsMe(body));
    expect(g.memberId).toBe(idOf(claire));
    for (let round = 0; round < 3; round++) for (const w of [samir, ines, claire]) await w.sync.syncNow();
    for (const w of all) {
      expect(rolesOn(w)).toEqual({
        [idOf(claire)]: { role: 'administrator', key: fingerprintOf(Buffer.from(claire.sync.membership.mySigningKey(), 'base64')) },
        [idOf(samir)]: { role: 'dpo', key: fingerprintOf(Buffer.from(samir.sync.membership.mySigningKey(), 'base64')) },
        [idOf(ines)]: { role: 'dpo', key: fingerprintOf(Buffer.from(ines.sync.membership.mySigningKey(), 'base64')) },
      });
      expect(w.audit.verify().ok).toBe(true);
    }
    // Nobody became administrator by upgrading.
    await expect(samir.sync.createInvitation('reader')).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });
  });
});

/** A register operation built by hand, sealed with the workspace key, signed by `signer`, pushed. */
const forge = (pusher: Workstation, signer: Workstation, template: SyncOp, o: Parameters<typeof forgeOp>[4] = {}) => forgeOp(pg().connection(), pusher, signer, template, o);

/** The creation of a record as it travels, taken from a machine that syncs with nobody. */
async function creationOf(make: (w: Workstation) => { id: string }, recordType: string): Promise<SyncOp> {
  return firstOpOf(await client(`scratch-${recordType}`), make, recordType);
}

const complaintOp = () =>
  creationOf((w) => w.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'Forged', rights: ['access'], summary: 'Forged complaint' }), 'complaint');
const incidentOp = () => creationOf((w) => w.registers.incidents.create({ title: 'Forged incident', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' }), 'incident');

function registersOf(w: Workstation) {
  return {
    complaints: w.complaints.list({ includeArchived: true, limit: 100 }).items.map((c) => c.id).sort(),
    incidents: w.registers.incidents.list({ includeArchived: true, limit: 100 }).items.map((i) => i.id).sort(),
  };
}

describe('signed operations: verified before they are applied, quarantined otherwise', () => {
  it("a reader's operation signed with its valid key, a broken signature, one signed for another workspace: quarantined on every machine, no register touched", async () => {
    const { claire, samir, ines, all } = await workspace();
    // A colleague's operation that is allowed goes through (security lead, an incident).
    const allowed = await forge(samir, samir, await incidentOp());
    const byReader = await forge(ines, ines, await complaintOp());
    const broken = await forge(samir, samir, await incidentOp(), { brokenSignature: true });
    const otherWorkspace = await forge(claire, claire, await complaintOp(), { signedForWorkspace: uuidv7() });
    const before = all.map(registersOf);
    await syncAll(...all);
    for (const [i, w] of all.entries()) {
      expect(registersOf(w)).toEqual({ complaints: before[i]!.complaints, incidents: [...before[i]!.incidents, allowed].sort() });
      expect(w.sync.quarantined().map((q) => [q.recordId, q.reason, q.authorRole]).sort()).toEqual(
        [
          [byReader, 'role_forbidden', 'reader'],
          [broken, 'bad_signature', 'security_lead'],
          [otherWorkspace, 'bad_signature', 'administrator'],
        ].sort(),
      );
      for (const id of [byReader, broken, otherWorkspace]) expect(w.history('complaint', id).concat(w.history('incident', id))).toEqual([]);
      expect(w.audit.verify().ok).toBe(true);
    }
    // Signatures add nothing readable to the backend.
    const dump = await pg().dump();
    for (const needle of ['Forged', 'reader', 'Inès']) expect(dump.includes(Buffer.from(needle)), needle).toBe(false);
  });

  it('removing a member or lowering a role takes effect from its position in the log', async () => {
    const { claire, samir, ines, all } = await workspace();
    claire.sync.setRole(idOf(ines), 'editor');
    await claire.sync.syncNow();
    const before = await forge(samir, samir, await incidentOp());
    const beforeRemoval = await forge(ines, ines, await incidentOp());
    await syncAll(...all);
    // Samir becomes reader; his incident edits that reach the log after that are refused.
    claire.sync.setRole(idOf(samir), 'reader');
    await claire.sync.syncNow();
    const after = await forge(samir, samir, await incidentOp());
    // Inès is removed; an operation she sealed with the key she still holds is refused.
    await claire.sync.removeMember(idOf(ines));
    await claire.sync.syncNow();
    const fromRemoved = await forge(claire, ines, await incidentOp());
    await syncAll(claire, samir);
    for (const w of [claire, samir]) {
      // What they wrote before stays: a change takes effect from its place in the log, not before.
      expect(registersOf(w).incidents).toEqual([before, beforeRemoval].sort());
      expect(w.sync.quarantined().filter((q) => q.kind === 'operation').map((q) => [q.recordId, q.reason]).sort()).toEqual(
        [
          [after, 'role_forbidden'],
          [fromRemoved, 'removed'],
        ].sort(),
      );
      expect(w.audit.verify().ok).toBe(true);
    }
  });
});
