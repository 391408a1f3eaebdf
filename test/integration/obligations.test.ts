/**
 * Notification obligations and filings through the API contract, on a real encrypted register:
 * proposed from the facts without duplicates, superseded (never deleted) when the facts change,
 * decided with reasons, met by filings that are frozen once recorded, judged on time or late at
 * the moment of filing, chained when phased; the processor's fan-out to its clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { MethodInput } from '@shared/api/contract';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { pdfText } from '../support/pdf';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { apiOf } from '../fixtures/scenarios';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now: string, role: 'controller' | 'processor' = 'controller') {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  ws.updateProfile({ organisation: { role, dpoContact: 'Claire Dubois, dpo@exemple-telecom.fr, +33 1 23 45 67 89' } });
  return { ws, clock, api: apiOf(ws) };
}

type FilingIn = MethodInput<'incidents.addNotification'>;

/** S2 as the register knows it once the facts of Art. 33(3) are in. */
const S2_FACTS = {
  title: 'Customer database exposed on the Internet',
  ourRole: 'controller' as const,
  awareAt: '2020-10-01T09:40:00+02:00',
  occurredTo: '2020-07-23T00:00:00+02:00',
  occurredFrom: '2020-05-01T00:00:00+02:00',
  howDiscovered: 'Press article (Numerama)',
  nature: ['confidentiality' as const],
  dataCategories: ['identification' as const, 'contact' as const],
  dataSubjectCategories: 'Customers and prospects',
  likelyConsequences: 'Phishing and scam attempts.',
  measuresTaken: 'Database taken off the Internet.',
};

describe('obligations proposed from the facts', () => {
  it('are added once, superseded when the facts no longer call for them, and come back when they do', async () => {
    const { api } = await register('2020-10-01T08:00:00Z');
    const i = await api('incidents.create', { ...S2_FACTS });
    const keys = async () => (await api('obligations.of', { incidentId: i.id })).obligations.map((o) => `${o.key}=${o.state}`);
    expect(await keys()).toEqual(['gdpr-33:FR-CNIL=undecided']);

    await api('incidents.update', { id: i.id, patch: { riskLevel: 'high' } });
    await api('incidents.update', { id: i.id, patch: { riskLevel: 'high', lead: 'Security lead' } });
    expect((await keys()).sort()).toEqual(['gdpr-33:FR-CNIL=required', 'gdpr-34:-=required']);
    // The proposal shows on the incident's own Art. 33(5) decision fields.
    expect((await api('incidents.get', { id: i.id })).incident).toMatchObject({ notifyAuthority: 'yes', notifyDataSubjects: 'yes' });

    await api('incidents.update', { id: i.id, patch: { riskLevel: 'risk' } });
    const after = (await api('obligations.of', { incidentId: i.id })).obligations;
    const art34 = after.find((o) => o.regime === 'gdpr-34')!;
    expect(art34).toMatchObject({ state: 'superseded', supersededReason: expect.stringMatching(/no longer call for it/) });
    expect(art34.clock).toMatchObject({ state: 'stopped', stoppedReason: 'superseded' });

    await api('incidents.update', { id: i.id, patch: { riskLevel: 'high' } });
    const back = (await api('obligations.of', { incidentId: i.id })).obligations;
    expect(back.filter((o) => o.regime === 'gdpr-34')).toEqual([expect.objectContaining({ id: art34.id, state: 'required', supersededAt: null })]);
    expect(back).toHaveLength(2);
  });

  it('an incident cannot be closed while one is undecided; not required needs written reasons', async () => {
    const { api } = await register('2020-10-01T08:00:00Z');
    const i = await api('incidents.create', { ...S2_FACTS, riskLevel: 'unlikely' });
    await expect(api('incidents.setStatus', { id: i.id, status: 'closed' })).rejects.toThrow(/Decide every notification obligation .*Notification to the supervisory authority/);
    const [o] = (await api('obligations.of', { incidentId: i.id })).obligations;
    await expect(api('obligations.decide', { id: o!.id, decision: 'not_required' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await api('obligations.decide', { id: o!.id, decision: 'not_required', rationale: 'Encrypted backup, key not disclosed: unlikely to result in a risk.' });
    expect((await api('incidents.get', { id: i.id })).incident).toMatchObject({ notifyAuthority: 'no', notifyAuthorityReasons: 'Encrypted backup, key not disclosed: unlikely to result in a risk.' });
    await expect(api('incidents.setStatus', { id: i.id, status: 'closed' })).resolves.toMatchObject({ status: 'closed' });
  });
});

describe('filings', () => {
  it('the pre-filing check names what Art. 33(3) still lacks; a late filing without reasons is refused and nothing is written', async () => {
    const { ws, api, clock } = await register('2020-10-01T08:00:00Z');
    const i = await api('incidents.create', { ...S2_FACTS, riskLevel: 'high' });
    const check = await api('filings.check', { incidentId: i.id, recipient: 'authority', phase: 'initial', sentAt: '2020-10-03T21:40:00+02:00', content: 'Initial notification' });
    expect(check.gaps.map((g) => g.code)).toEqual(['approx_subjects', 'approx_records']);
    expect(check.gaps[0]!.label.fr).toMatch(/nombre approximatif de personnes/);
    expect(check).toMatchObject({ due: '2020-10-04T07:40:00.000Z', late: false });

    const filing: FilingIn = { incidentId: i.id, recipient: 'authority', phase: 'initial', sentAt: '2020-10-03T21:40:00+02:00', method: 'online_form', content: 'Initial notification' };
    const before = ws.audit.count();
    // Dated after now: refused before anything else (filings are frozen, so a typo would stay forever).
    await expect(api('incidents.addNotification', { ...filing, acceptGaps: true })).rejects.toThrow(/recorded once it has been sent: 2020-10-03T19:40:00.000Z is later than now/);
    clock.passTo(filing.sentAt);
    await expect(api('incidents.addNotification', filing)).rejects.toThrow(/Missing before filing: the approximate number of data subjects/);
    clock.set('2020-10-05T10:00:00Z');
    const late = { ...filing, sentAt: '2020-10-05T11:00:00+02:00', acceptGaps: true };
    expect((await api('filings.check', late)).lateReasonsRequired).toBe(true);
    await expect(api('incidents.addNotification', late)).rejects.toThrow(/late .*reasons for the delay/);
    expect(ws.audit.count()).toBe(before);
    expect((await api('incidents.get', { id: i.id })).notifications).toEqual([]);
  });

  it('are frozen once recorded: referenced, hashed, judged at filing, chained; only reference, acknowledgement and outcome can be added', async () => {
    const { ws, api, clock } = await register('2020-10-03T19:00:00Z');
    const i = await api('incidents.create', { ...S2_FACTS, riskLevel: 'high', approxSubjects: null });
    clock.set('2020-10-03T20:00:00Z');
    const first = await api('incidents.addNotification', {
      incidentId: i.id,
      recipient: 'authority',
      phase: 'initial',
      sentAt: '2020-10-03T21:40:00+02:00',
      method: 'online_form',
      content: 'Initial notification with what is known; numbers to follow.',
      acceptGaps: true,
      files: [{ fileName: 'notification-initiale.txt', mimeType: 'text/plain', contentBase64: Buffer.from('Notification initiale').toString('base64') }],
    });
    expect(first).toMatchObject({ filingRef: 'NOT-2020-0001', timeliness: 'on_time', dueAtFiling: '2020-10-04T07:40:00.000Z', previousId: null, gaps: ['approx_subjects', 'approx_records'] });
    expect(first.files).toEqual([expect.objectContaining({ fileName: 'notification-initiale.txt', sha256: createHash('sha256').update('Notification initiale').digest('hex') })]);
    // The hash covers what was sent, recomputed here from the stored facts.
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          incidentId: first.incidentId,
          obligationId: first.obligationId,
          recipient: first.recipient,
          recipientName: first.recipientName,
          phase: first.phase,
          sentAt: first.sentAt,
          method: first.method,
          content: first.content,
          previousId: null,
          files: first.files.map((f) => ({ fileName: f.fileName, sha256: f.sha256, size: f.size })),
        }),
      )
      .digest('hex');
    expect(first.contentHash).toBe(expected);
    // The hash is sealed in the audit log with the filing.
    expect(ws.history('notification', first.id)[0]!.changes).toContainEqual({ field: 'contentHash', old: null, new: expected });

    // Nothing of what was sent can change, through any method.
    for (const patch of [{ content: 'Edited' }, { sentAt: '2020-10-03T20:00:00+02:00' }, { recipientName: 'Other' }, { phase: 'final' }, { method: 'email' }]) {
      await expect(api('incidents.updateNotification', { id: first.id, patch } as never)).rejects.toThrow(/frozen once recorded/);
    }
    await expect(api('incidents.archiveNotification', { id: first.id, reason: 'recorded by mistake' })).rejects.toThrow(/frozen once recorded/);
    await expect(api('attachments.archive', { id: first.files[0]!.attachmentId, reason: 'wrong file' })).rejects.toThrow(/sent with a filing/);
    // An acknowledgement is a fact received, never one expected: dated after now, it is refused.
    await expect(api('incidents.updateNotification', { id: first.id, patch: { acknowledgedAt: '2020-10-13T21:45:00+02:00' } })).rejects.toThrow(/acknowledgement is recorded once it has been received/);
    const added = await api('incidents.updateNotification', { id: first.id, patch: { reference: 'CNIL-NOTIF-2020-4471', acknowledgedAt: '2020-10-03T21:45:00+02:00', outcome: 'Acknowledged by the online service.' } });
    expect(added).toMatchObject({ reference: 'CNIL-NOTIF-2020-4471', content: first.content, contentHash: first.contentHash });

    // A second initial filing is refused; the complementary one chains to the first.
    clock.set('2020-10-17T08:00:00Z');
    await api('incidents.update', { id: i.id, patch: { approxSubjects: 280_000, approxRecords: 1_100_000 } });
    const again = { incidentId: i.id, recipient: 'authority' as const, sentAt: '2020-10-17T10:00:00+02:00', method: 'online_form' as const, content: 'Complementary: 280,000 persons, 1.1 million records.' };
    await expect(api('incidents.addNotification', { ...again, phase: 'initial' })).rejects.toThrow(/NOT-2020-0001 already met this obligation/);
    const second = await api('incidents.addNotification', { ...again, phase: 'complementary' });
    expect(second).toMatchObject({ filingRef: 'NOT-2020-0002', previousId: first.id, obligationId: first.obligationId, timeliness: 'not_judged', gaps: [] });

    // Lateness is fixed at filing: moving awareness two days earlier afterwards keeps it on time,
    // and the obligation shows the deadline its inputs now give; the edit is in the history.
    await api('incidents.update', { id: i.id, patch: { awareAt: '2020-09-29T09:40:00+02:00' } });
    const [art33] = (await api('obligations.of', { incidentId: i.id })).obligations.filter((o) => o.regime === 'gdpr-33');
    expect(art33).toMatchObject({ state: 'filed_on_time', firstFilingRef: 'NOT-2020-0001', currentDue: '2020-10-02T07:40:00.000Z', filingIds: [first.id, second.id] });
    expect(art33!.clock).toMatchObject({ due: '2020-10-04T07:40:00.000Z', state: 'met_on_time' });
    expect(ws.history('incident', i.id).some((e) => e.changes.some((c) => c.field === 'awareAt' && c.new === '2020-09-29T07:40:00.000Z'))).toBe(true);
    expect(ws.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('we are the processor (S3)', () => {
  it('owes the authority nothing of its own; one obligation per client from its contract; a late notice needs reasons', async () => {
    const { api, clock } = await register('2026-03-27T21:45:00Z', 'processor');
    const i = await api('incidents.create', {
      title: 'Backup of three clients’ contact lists exposed',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
    });
    expect(i.authorityDue).toBeNull();
    const hours = { 'Boulangeries Martin': 24, 'Atelier Lumière': 48, 'Cabinet Roux': 72 } as const;
    const clients = [];
    for (const [name, contractHours] of Object.entries(hours)) clients.push(await api('incidents.addClient', { incidentId: i.id, name, contractHours }));
    const obligations = (await api('obligations.of', { incidentId: i.id })).obligations;
    expect(obligations.map((o) => [o.regime, o.recipientName, o.contractHours, o.label.en])).toEqual([
      ['gdpr-33-2', 'Atelier Lumière', 48, 'Notice to the client controller (48 h under the contract)'],
      ['gdpr-33-2', 'Boulangeries Martin', 24, 'Notice to the client controller (24 h under the contract)'],
      ['gdpr-33-2', 'Cabinet Roux', 72, 'Notice to the client controller (72 h under the contract)'],
    ]);
    // 48 real hours from Friday 22:30 CET cross the change to summer time: Sunday 23:30 CEST.
    expect(obligations[0]!.clock.due).toBe('2026-03-29T21:30:00.000Z');
    const tl = await api('timeline.get', { incidentId: i.id });
    expect(tl.events.find((e) => e.kind === 'became_aware')!.text.en).not.toMatch(/72-hour/);
    expect(tl.clocks.some((c) => c.kind === 'authority')).toBe(false);

    // Boulangeries Martin told late (after 24 h): reasons required, then kept with the filing.
    clock.set('2026-03-29T08:00:00Z');
    const martin = obligations[1]!;
    const notice = { incidentId: i.id, obligationId: martin.id, recipient: 'client' as const, phase: 'initial' as const, sentAt: '2026-03-29T09:00:00+02:00', method: 'email' as const, content: 'Madame, Monsieur, nous vous informons…' };
    await expect(api('incidents.addNotification', notice)).rejects.toThrow(/late .*reasons for the delay/);
    const filed = await api('incidents.addNotification', { ...notice, lateReasons: 'The client’s DPO address in our file bounced; reached by phone the next morning.' });
    expect(filed).toMatchObject({ timeliness: 'late', recipientName: 'Boulangeries Martin' });
    const client = (await api('incidents.get', { id: i.id })).clients.find((c) => c.name === 'Boulangeries Martin')!;
    expect(client.notifiedAt).toBe('2026-03-29T07:00:00.000Z');
    await expect(api('incidents.updateClient', { id: client.id, patch: { notifiedAt: '2026-03-28T09:00:00+01:00' } })).rejects.toThrow(/recorded as a filing/);
    // Acknowledged: added to the filing, shown on the client.
    await api('incidents.updateNotification', { id: filed.id, patch: { acknowledgedAt: '2026-03-29T10:00:00+02:00' } });
    expect((await api('incidents.get', { id: i.id })).clients.find((c) => c.name === 'Boulangeries Martin')!.acknowledgedAt).toBe('2026-03-29T08:00:00.000Z');
    const after = (await api('obligations.of', { incidentId: i.id })).obligations;
    expect(after.map((o) => o.state)).toEqual(['required', 'filed_late', 'required']);
    expect(after[1]!.lateReasons).toMatch(/bounced/);
    // The timeline for management says it too: the filing's reference, late, and why.
    const sent = (await api('timeline.get', { incidentId: i.id })).events.find((e) => e.kind === 'notification_sent')!;
    expect(sent.text.en).toMatch(new RegExp(`— filing ${filed.filingRef}, late$`));
    expect(sent.text.fr).toMatch(new RegExp(`— dépôt ${filed.filingRef}, en retard$`));
    expect(sent.detail.en).toMatch(/^Reasons for the delay: The client’s DPO address in our file bounced/);

    // The breach register for the regulator, in French: the late notice with its reasons, and the
    // decisions on the authority and the data subjects left to the controllers, not "pending".
    const pdf = await api('exports.register', { register: 'incidents', format: 'pdf', lang: 'fr' });
    const text = pdfText(pdf.file.contentBase64, 'processor-register-fr.pdf');
    expect(text).toContain(`${filed.filingRef} dim. 29 mars 2026, 09:00 Initiale (en retard) Motifs du retard : The client’s DPO address in our file bounced`);
    expect(text.match(/Aux responsables du traitement de décider : nous sommes leur sous-traitant \(art\. 33\(2\)\)/g)).toHaveLength(2);
    expect(text).not.toContain('En attente');
    expect(text).toContain('Boulangeries Martin : dim. 29 mars 2026, 09:00');
  });
});
