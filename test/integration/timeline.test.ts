import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Workstation } from '../../electron/core/workstation';
import { pdfText } from '../support/pdf';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { apiOf, buildS2, type Api, type S2 } from '../fixtures/scenarios';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now: string): Promise<{ ws: Workstation; api: Api; clock: ManualClock; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  return { ws, api: apiOf(ws), clock, dir: t.dir };
}

describe('S2 timeline', () => {
  let r: Awaited<ReturnType<typeof register>>;
  let s2: S2;
  beforeAll(async () => {
    r = await register('2020-10-01T07:00:00Z');
    s2 = await buildS2(r.api, r.clock);
    r.clock.set('2024-01-15T10:00:00+01:00');
  });

  it('puts every event at the moment it happened, with who and which record, oldest first', async () => {
    const tl = await r.api('timeline.get', { incidentId: s2.incidentId });
    expect(tl.incident).toMatchObject({ reference: 'I-2020-0001', status: 'contained', riskLevel: 'high' });
    expect(tl.timeZone).toBe('Europe/Paris');
    expect(tl.events.map((e) => e.kind)).toEqual([
      'occurred_to',
      'became_aware',
      'incident_recorded',
      'user_entry',
      'risk_assessed',
      'decision_authority',
      'decision_data_subjects',
      'user_entry',
      'notification_sent',
      'status_changed',
      'notification_sent',
      'notification_sent',
      'letter_received',
      'letter_received',
      'letter_sent',
      'letter_received',
      ...Array(7).fill('action_planned'),
      'action_done',
      'action_verified',
      'action_done',
      'action_verified',
      'action_done',
      'action_verified',
      'action_done',
    ]);
    expect(tl.total).toBe(tl.events.length);
    const at = tl.events.map((e) => e.at);
    expect([...at].sort()).toEqual(at);

    const initial = tl.events.find((e) => e.kind === 'notification_sent')!;
    expect(initial).toMatchObject({
      at: '2020-10-03T19:40:00.000Z', // hour 60, when it was sent…
      recordedAt: '2020-10-03T20:05:00.000Z', // …not when it was typed in
      actor: 'Claire Dubois (DPO)',
      category: 'notification',
      origin: 'app',
      milestone: true,
      source: { type: 'notification', reference: 'CNIL-NOTIF-2020-4471' },
      text: { en: 'Initial notification to the supervisory authority (CNIL) by online form, ref. CNIL-NOTIF-2020-4471 — filing NOT-2020-0001, on time' },
      short: { en: 'Initial notification CNIL', fr: 'Notification initiale CNIL' },
    });
    // French typography on the app's words (no-break space before the colon), the user's words as typed.
    expect(initial.text.fr).toBe('Notification initiale à l’autorité de contrôle (CNIL) par téléservice, réf. CNIL-NOTIF-2020-4471 — dépôt NOT-2020-0001, dans les délais');
    const call = tl.events.find((e) => e.origin === 'user')!;
    expect(call).toMatchObject({ kind: 'user_entry', entryKind: 'call', actor: 'Security lead', at: '2020-10-01T08:15:00.000Z', source: { type: 'timeline_entry' } });
    expect(call.text.fr).toBe('Appel\u00a0: Call with the hosting provider: access closed on 23 July confirmed');
    const sanction = tl.events.find((e) => e.source.id === s2.sanctionId)!;
    expect(sanction).toMatchObject({ kind: 'letter_received', actor: 'CNIL', at: '2023-06-12T07:00:00.000Z', milestone: true });
    expect(sanction.text.en).toBe('Sanction from CNIL (SAN-2023-008), €150,000 (dated 8\u00a0Jun\u00a02023): Délibération SAN-2023-008 : amende administrative');

    expect(tl.clocks.map((c) => [c.kind, c.state, c.marginMinutes, c.summary.en])).toEqual([
      ['authority', 'met', 720, 'met 12\u00a0h before the deadline'],
      ['data_subjects', 'met', 1060, 'met 17\u00a0h 40\u00a0min before the deadline'],
    ]);
    expect(tl.clocks[0]).toMatchObject({ startAt: '2020-10-01T07:40:00.000Z', dueAt: '2020-10-04T07:40:00.000Z', metAt: '2020-10-03T19:40:00.000Z' });
  });

  it('filters by kind, category, source, origin and period', async () => {
    const q = (f: Record<string, unknown>) => r.api('timeline.get', { incidentId: s2.incidentId, ...f });
    expect((await q({ kinds: ['notification_sent'] })).events.map((e) => e.source.reference)).toEqual(['CNIL-NOTIF-2020-4471', 'Customers', 'CNIL-NOTIF-2020-4471']);
    expect((await q({ categories: ['letter'] })).events).toHaveLength(4);
    expect((await q({ sourceTypes: ['timeline_entry'] })).events.map((e) => e.entryKind)).toEqual(['call', 'decision']);
    expect((await q({ origin: 'user' })).events).toHaveLength(2);
    const oct = await q({ from: '2020-10-02T00:00:00+02:00', to: '2020-10-10T00:00:00+02:00' });
    expect(oct.events.map((e) => e.kind)).toEqual(['notification_sent', 'status_changed', 'notification_sent']);
    expect(oct.total).toBe(30);
    await expect(q({ kinds: ['nonsense'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('user entries are records of their own, audited, corrected and withdrawn with a reason', async () => {
    r.clock.set('2024-01-20T10:00:00+01:00');
    const e = await r.api('timeline.addEntry', { incidentId: s2.incidentId, at: '2020-10-02T18:00:00+02:00', kind: 'meeting', title: 'Réunion de crise avec l’hébergeur', details: 'Compte rendu : accès fermés.' });
    expect(e).toMatchObject({ actor: 'Claire Dubois (DPO)', at: '2020-10-02T16:00:00.000Z' });
    let tl = await r.api('timeline.get', { incidentId: s2.incidentId, origin: 'user' });
    expect(tl.events.map((x) => x.text.fr)).toEqual([
      'Appel\u00a0: Call with the hosting provider: access closed on 23 July confirmed',
      'Décision\u00a0: Executive committee: notify the CNIL and warn customers',
      'Réunion\u00a0: Réunion de crise avec l’hébergeur',
    ]);
    const history = (await r.api('audit.history', { recordType: 'timeline_entry', recordId: e.id })).entries;
    expect(history.map((h) => h.action)).toEqual(['create']);
    expect(history[0]!.changes.find((c) => c.field === 'title')?.new).toBe('Réunion de crise avec l’hébergeur');

    await r.api('timeline.updateEntry', { id: e.id, patch: { at: '2020-10-01T12:00:00+02:00' } });
    tl = await r.api('timeline.get', { incidentId: s2.incidentId, origin: 'user' });
    expect(tl.events.map((x) => x.entryKind)).toEqual(['call', 'meeting', 'decision']);

    await r.api('timeline.archiveEntry', { id: e.id, reason: 'Duplicate of the call' });
    expect((await r.api('timeline.get', { incidentId: s2.incidentId, origin: 'user' })).events).toHaveLength(2);
    expect((await r.api('timeline.entries', { incidentId: s2.incidentId, includeArchived: true })).entries.find((x) => x.id === e.id)).toMatchObject({ archiveReason: 'Duplicate of the call' });
    expect((await r.api('audit.history', { recordType: 'timeline_entry', recordId: e.id })).entries.map((h) => h.action)).toEqual(['create', 'update', 'archive']);
    await expect(r.api('timeline.updateEntry', { id: e.id, patch: { title: 'x' } })).rejects.toThrow(/archived/);
    await expect(r.api('timeline.addEntry', { incidentId: s2.incidentId, at: '2020-10-02T18:00:00+02:00', kind: 'note', title: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(r.api('timeline.addEntry', { incidentId: '0190f1a2-0000-7000-8000-000000000000', at: '2020-10-02T18:00:00+02:00', kind: 'note', title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(r.ws.audit.verify().ok).toBe(true);
  });
});

describe('processor clocks (S3): one per client, across the change to summer time', () => {
  it('says which client was told in time and which late, and by how much', async () => {
    const r = await register('2026-03-27T21:45:00Z');
    const i = await r.api('incidents.create', {
      title: 'Backup of three clients’ contact lists exposed',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
      dataCategories: ['contact'],
      nis2InScope: true,
    });
    const a = await r.api('incidents.addClient', { incidentId: i.id, name: 'Client A' });
    const b = await r.api('incidents.addClient', { incidentId: i.id, name: 'Client B' });
    const c = await r.api('incidents.addClient', { incidentId: i.id, name: 'Client C', contractHours: null });
    r.clock.set('2026-03-28T10:05:00+01:00');
    await r.api('incidents.updateClient', { id: a.id, patch: { notifiedAt: '2026-03-28T10:00:00+01:00', notifiedHow: 'email to the DPO', acknowledgedAt: '2026-03-28T11:15:00+01:00' } });
    r.clock.passTo('2026-03-28T20:00:00+01:00');
    await r.api('incidents.addNotification', { incidentId: i.id, recipient: 'nis2_csirt', recipientName: 'CERT-FR', phase: 'initial', sentAt: '2026-03-28T20:00:00+01:00', method: 'online_form', acceptGaps: true });
    r.clock.set('2026-03-30T08:00:00+02:00');
    // 48 real hours from 22:30 CET on Friday is Sunday 23:30 CEST; B is told Monday 07:30 CEST.
    await r.api('incidents.updateClient', { id: b.id, patch: { notifiedAt: '2026-03-30T07:30:00+02:00', notifiedHow: 'phone' } });
    await r.api('incidents.updateClient', { id: c.id, patch: { notifiedAt: '2026-03-29T09:00:00+02:00' } });

    const tl = await r.api('timeline.get', { incidentId: i.id });
    const byParty = Object.fromEntries(tl.clocks.filter((k) => k.kind === 'client').map((k) => [k.party, [k.dueAt, k.state, k.marginMinutes, k.summary.en]]));
    expect(byParty).toEqual({
      'Client A': ['2026-03-29T21:30:00.000Z', 'met', 2190, 'met 36\u00a0h 30\u00a0min before the deadline'],
      'Client B': ['2026-03-29T21:30:00.000Z', 'late', -480, 'late by 8\u00a0h'],
      'Client C': [null, 'done_no_deadline', null, 'done 33\u00a0h 30\u00a0min after the clock started (no legal hour count)'],
    });
    // The processor does not notify the authority itself (unless it decides to): no Art. 33 clock, NIS2 ones instead.
    expect(tl.clocks.map((k) => [k.kind, k.state])).toEqual([
      ['client', 'met'],
      ['client', 'late'],
      ['client', 'done_no_deadline'],
      ['nis2_early_warning', 'met'],
      ['nis2_notification', 'running'],
      // Shown from the start; it runs once the incident notification is filed.
      ['nis2_final_report', 'no_deadline'],
    ]);
    expect(tl.clocks[4]!.summary.en).toBe('due in 15\u00a0h 30\u00a0min'); // 72 h from awareness: Monday 23:30 CEST
    expect(tl.events.filter((e) => e.category === 'client').map((e) => [e.kind, e.source.reference])).toEqual([
      ['client_notified', 'Client A'],
      ['client_acknowledged', 'Client A'],
      ['client_notified', 'Client C'],
      ['client_notified', 'Client B'],
    ]);

    // The management PDF says it in words.
    const pdf = await r.api('exports.timeline', { incidentId: i.id, format: 'pdf', lang: 'en' });
    const text = pdfText(pdf.file.contentBase64, 's3.pdf');
    expect(text).toContain('Notice to client Client B: 48 h (contract, Art. 33(2))');
    expect(text).toContain('✗ late by 8 h');
    expect(text).toContain('✓ met 36 h 30 min before the deadline');
    expect(text).toContain('Sun 29 Mar 2026, 23:30');
    const fr = await r.api('exports.timeline', { incidentId: i.id, format: 'md', lang: 'fr' });
    expect(Buffer.from(fr.file.contentBase64, 'base64').toString('utf8')).toContain('✗ en retard de 8\u00a0h');
  });
});
