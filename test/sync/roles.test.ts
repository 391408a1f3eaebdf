import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import type { Workstation } from '../../electron/core/workstation';
import { fingerprintOf } from '../../electron/core/keys/device-key';
import { signStatement } from '../../electron/core/sync/membership';
import { syncHarness } from '../support/sync-harness';

const { pg, client } = syncHarness('roles');

/** Claire creates the workspace; Samir is invited as security lead, Inès as reader. */
async function workspace() {
  const claire = await client('Claire');
  const samir = await client('Samir');
  const ines = await client('Ines');
  await claire.sync.createWorkspace(pg().connection(), 'Claire Martin');
  const invSamir = await claire.sync.createInvitation('security_lead');
  await samir.sync.join({ ...pg().connection(), invitation: invSamir.invitation, code: invSamir.code }, 'Samir Haddad');
  const invInes = await claire.sync.createInvitation('reader');
  await ines.sync.join({ ...pg().connection(), invitation: invInes.invitation, code: invInes.code }, 'Inès Roux');
  await syncAll(claire, samir, ines);
  return { claire, samir, ines, all: [claire, samir, ines] };
}

async function syncAll(...machines: Workstation[]) {
  for (const m of machines) await m.sync.syncNow();
  for (const m of machines) await m.sync.syncNow();
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
      expect(refused.map((s) => s.reason).sort()).toEqual([
        'it was signed by a member who is not an administrator',
        'its invitation was signed by a member who is not an administrator',
        'its signature does not verify',
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
