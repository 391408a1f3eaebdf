import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../electron/core/workstation';
import { createDispatch } from '../../electron/core/api/dispatch';
import type { Clock } from '@shared/schemas/clock';
import { clockState, compareClocks, countdown, formatCountdown, timeLeft } from '@shared/clocks';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now: string, role: 'controller' | 'processor' = 'controller'): Promise<{ ws: Workstation; clock: ManualClock }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
  if (role !== 'controller') ws.updateProfile({ organisation: { role } });
  cleanups.push(() => ws.close());
  return { ws, clock };
}

const byKind = (clocks: Clock[], kind: Clock['kind']) => {
  const c = clocks.filter((x) => x.kind === kind);
  expect(c).toHaveLength(1);
  return c[0]!;
};


/**
 * Records a filing as the tests of clocks need it: the text as sent, gaps knowingly accepted
 * (phased), recorded just after it was sent (a filing dated after now is refused).
 */
function file(clock: ManualClock, r: Workstation['registers'], input: Parameters<Workstation['registers']['incidents']['notifications']['create']>[0]) {
  clock.passTo(input.sentAt);
  return r.incidents.notifications.create({ content: 'As sent', acceptGaps: true, ...input });
}

describe('S2: the exposed database (controller, 72 hours to the CNIL)', () => {
  it('meets the Art. 33 clock with the initial notification at hour 60; hour 80 is late and asks for reasons', async () => {
    const { ws, clock } = await register('2020-10-01T08:00:00Z');
    const r = ws.registers;
    const api = createDispatch(ws, () => {});
    const a = r.incidents.create({
      title: 'Base de données exposée sur Internet',
      ourRole: 'controller',
      awareAt: '2020-10-01T09:40:00+02:00',
      nature: ['confidentiality'],
      dataCategories: ['identification', 'contact'],
      riskLevel: 'high',
      dataSubjectsTarget: '2020-10-06T18:00:00+02:00',
    });
    const b = r.incidents.create({ title: 'Second exposure', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' });

    let clocks = ws.clocks.ofRecord({ recordType: 'incident', recordId: a.id });
    expect(clocks.map((c) => c.kind).sort()).toEqual(['gdpr-33-authority', 'gdpr-34-data-subjects']);
    const art33 = byKind(clocks, 'gdpr-33-authority');
    // 09:40 Paris (UTC+2) = 07:40 UTC; + 72 elapsed hours.
    expect(art33).toMatchObject({
      id: `incident:${a.id}:gdpr-33-authority`,
      rule: 'gdpr-33-authority',
      startedAt: '2020-10-01T07:40:00.000Z',
      due: '2020-10-04T07:40:00.000Z',
      metAt: null,
      state: 'running',
      needsDelayReasons: false,
      delayReasonsGiven: false,
    });
    expect(art33.basis.en).toMatch(/Art\. 33\(1\)/);
    expect(art33.label.fr).toMatch(/autorité de contrôle/);
    // Art. 34: no legal count, the team's target.
    expect(byKind(clocks, 'gdpr-34-data-subjects')).toMatchObject({ due: null, target: '2020-10-06T16:00:00.000Z', state: 'running' });

    // Hour 60: the initial notification.
    clock.set('2020-10-03T20:00:00Z');
    file(clock, r, { incidentId: a.id, recipient: 'authority', recipientName: 'CNIL', phase: 'initial', sentAt: '2020-10-03T21:40:00+02:00', method: 'online_form', reference: 'CNIL-NOTIF-2020-4471' });
    clocks = ws.clocks.ofRecord({ recordType: 'incident', recordId: a.id });
    expect(byKind(clocks, 'gdpr-33-authority')).toMatchObject({ metAt: '2020-10-03T19:40:00.000Z', state: 'met_on_time', needsDelayReasons: false });

    // After hour 72 the second incident is overdue, first on the board, and already asks for reasons.
    clock.set('2020-10-04T08:00:00Z');
    const board = (await api('clocks.list', {})) as { items: Clock[]; total: number };
    expect(board.items[0]).toMatchObject({ recordId: b.id, kind: 'gdpr-33-authority', state: 'overdue', needsDelayReasons: true });
    expect(board.items.map((c) => c.recordId + c.kind)).not.toContain(a.id + 'gdpr-33-authority');

    // Hour 80: a late filing without the reasons for the delay is refused, and nothing is written.
    const before = ws.audit.count();
    expect(() => file(clock, r, { incidentId: b.id, recipient: 'authority', phase: 'initial', sentAt: '2020-10-04T17:40:00+02:00', method: 'online_form' })).toThrow(/late .*give the reasons for the delay/);
    expect(ws.audit.count()).toBe(before);
    expect(byKind(ws.clocks.ofRecord({ recordType: 'incident', recordId: b.id }), 'gdpr-33-authority')).toMatchObject({ metAt: null, state: 'overdue', needsDelayReasons: true });
    // With them it is recorded: met late, its reasons kept with the filing.
    file(clock, r, { incidentId: b.id, recipient: 'authority', phase: 'initial', sentAt: '2020-10-04T17:40:00+02:00', method: 'online_form', lateReasons: 'Scope of the exposure unknown until the host logs were recovered' });
    const late = byKind(ws.clocks.ofRecord({ recordType: 'incident', recordId: b.id }), 'gdpr-33-authority');
    expect(late).toMatchObject({ metAt: '2020-10-04T15:40:00.000Z', state: 'met_late', needsDelayReasons: false, delayReasonsGiven: true });

    // Art. 34 is met by the communication to data subjects, never late (there is no legal count).
    file(clock, r, { incidentId: a.id, recipient: 'data_subjects', phase: 'initial', sentAt: '2020-10-08T10:00:00+02:00', method: 'email' });
    expect(byKind(ws.clocks.ofRecord({ recordType: 'incident', recordId: a.id }), 'gdpr-34-data-subjects')).toMatchObject({
      metAt: '2020-10-08T08:00:00.000Z',
      state: 'met_on_time',
    });
    // A complementary notification two weeks later changes nothing.
    file(clock, r, { incidentId: a.id, recipient: 'authority', recipientName: 'CNIL', phase: 'complementary', sentAt: '2020-10-17T10:00:00+02:00', method: 'online_form' });
    expect(byKind(ws.clocks.ofRecord({ recordType: 'incident', recordId: a.id }), 'gdpr-33-authority')).toMatchObject({ metAt: '2020-10-03T19:40:00.000Z', state: 'met_on_time' });
  });

  it('stops the clock on a decision not to notify, and stops unmet clocks when the incident is closed', async () => {
    const { ws, clock } = await register('2020-10-01T08:00:00Z');
    const r = ws.registers;
    const c = r.incidents.create({ title: 'Misdirected email', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' });
    r.incidents.update({ id: c.id, patch: { notifyAuthority: 'no', notifyAuthorityReasons: 'Encrypted attachment, key not disclosed: unlikely to result in a risk', riskLevel: 'unlikely' } });
    expect(ws.clocks.ofRecord({ recordType: 'incident', recordId: c.id })).toEqual([
      expect.objectContaining({ kind: 'gdpr-33-authority', state: 'stopped', stoppedReason: 'decided_not_to_notify' }),
    ]);

    const d = r.incidents.create({ title: 'Stolen laptop', ourRole: 'joint', awareAt: '2020-10-01T09:40:00+02:00', riskLevel: 'high', notifyAuthority: 'yes' });
    file(clock, r, { incidentId: d.id, recipient: 'authority', phase: 'initial', sentAt: '2020-10-02T10:00:00+02:00', method: 'online_form' });
    clock.set('2020-10-20T10:00:00Z');
    r.incidents.setStatus({ id: d.id, status: 'closed' });
    const closed = ws.clocks.ofRecord({ recordType: 'incident', recordId: d.id });
    expect(byKind(closed, 'gdpr-33-authority')).toMatchObject({ state: 'met_on_time', stoppedReason: null });
    expect(byKind(closed, 'gdpr-34-data-subjects')).toMatchObject({ state: 'stopped', stoppedReason: 'incident_closed' });
    expect(ws.clocks.list().items.filter((x) => x.recordId === d.id || x.recordId === c.id)).toEqual([]);
  });

  it('NIS2: early warning 24 h, notification 72 h, final report one month after the notification', async () => {
    const { ws, clock } = await register('2020-10-01T08:00:00Z');
    const r = ws.registers;
    const e = r.incidents.create({ title: 'Ransomware on the billing platform', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00', nis2InScope: true, notifyAuthority: 'no', notifyAuthorityReasons: 'No personal data affected' });
    let clocks = ws.clocks.ofRecord({ recordType: 'incident', recordId: e.id });
    expect(byKind(clocks, 'nis2-early-warning')).toMatchObject({ due: '2020-10-02T07:40:00.000Z', state: 'running' });
    expect(byKind(clocks, 'nis2-notification')).toMatchObject({ due: '2020-10-04T07:40:00.000Z', state: 'running' });
    // The final report is listed from the start; it runs once the incident notification is filed.
    expect(byKind(clocks, 'nis2-final-report')).toMatchObject({ due: null, state: 'running' });

    file(clock, r, { incidentId: e.id, recipient: 'nis2_csirt', recipientName: 'CERT-FR', phase: 'initial', sentAt: '2020-10-01T22:00:00+02:00', method: 'online_form' });
    clocks = ws.clocks.ofRecord({ recordType: 'incident', recordId: e.id });
    expect(byKind(clocks, 'nis2-early-warning')).toMatchObject({ metAt: '2020-10-01T20:00:00.000Z', state: 'met_on_time' });
    expect(byKind(clocks, 'nis2-notification')).toMatchObject({ metAt: null, state: 'running' });

    file(clock, r, { incidentId: e.id, recipient: 'nis2_csirt', recipientName: 'CERT-FR', phase: 'complementary', sentAt: '2020-10-03T12:00:00+02:00', method: 'online_form' });
    clocks = ws.clocks.ofRecord({ recordType: 'incident', recordId: e.id });
    expect(byKind(clocks, 'nis2-notification')).toMatchObject({ metAt: '2020-10-03T10:00:00.000Z', state: 'met_on_time' });
    // One month from Saturday 3 October 2020 (Paris date): Tuesday 3 November, end of day (UTC+1).
    expect(byKind(clocks, 'nis2-final-report')).toMatchObject({ startedAt: '2020-10-03T10:00:00.000Z', due: '2020-11-03T23:00:00.000Z', state: 'running' });
  });
});

describe('S3: we are the processor (one 48-hour clock per client across the change to summer time)', () => {
  it('runs one clock per client, orders the board by urgency, and takes a client off the board once notified', async () => {
    const { ws, clock } = await register('2026-03-27T21:30:00Z', 'processor');
    const r = ws.registers;
    const api = createDispatch(ws, () => {});
    const overdueAction = r.actions.create({ title: 'Rotate the backup bucket keys', owner: 'Ops', dueAt: '2026-03-27T12:00:00Z' });
    const i = r.incidents.create({ title: 'Sauvegarde exposée de listes de contacts', ourRole: 'processor', detectedAt: '2026-03-27T22:30:00+01:00', awareAt: '2026-03-27T22:30:00+01:00', nature: ['confidentiality'] });
    const clients = Object.fromEntries(['Client C', 'Client A', 'Client B'].map((name) => [name, r.incidents.clients.create({ incidentId: i.id, name })]));
    const short = r.incidents.clients.create({ incidentId: i.id, name: 'Client D', contractHours: 24 });
    const unbounded = r.incidents.clients.create({ incidentId: i.id, name: 'Client E', contractHours: null });
    const own = r.incidents.create({ title: 'Our own CRM leak', ourRole: 'controller', awareAt: '2026-03-28T08:00:00+01:00', riskLevel: 'high' });
    const laterAction = r.actions.create({ title: 'Encrypt backups at rest', owner: 'Ops', dueAt: '2026-04-10T18:00:00+02:00' });

    clock.set('2026-03-28T08:00:00Z');
    const board = (await api('clocks.list', {})) as { items: Clock[]; total: number; at: string };
    expect(board.at).toBe('2026-03-28T08:00:00.000Z');
    const rows = board.items.map((c) => [c.reference, c.kind, c.party, c.due, c.state]);
    expect(rows).toEqual([
      [overdueAction.reference, 'action-due', null, '2026-03-27T12:00:00.000Z', 'overdue'],
      // 24 h contract: Saturday 28 March 22:30 winter time = 21:30 UTC.
      [i.reference, 'processor-to-controller', 'Client D', '2026-03-28T21:30:00.000Z', 'running'],
      // 48 real hours: Sunday 29 March 23:30 summer time = 21:30 UTC (not 22:30 local).
      [i.reference, 'processor-to-controller', 'Client A', '2026-03-29T21:30:00.000Z', 'running'],
      [i.reference, 'processor-to-controller', 'Client B', '2026-03-29T21:30:00.000Z', 'running'],
      [i.reference, 'processor-to-controller', 'Client C', '2026-03-29T21:30:00.000Z', 'running'],
      [own.reference, 'gdpr-33-authority', null, '2026-03-31T07:00:00.000Z', 'running'],
      [laterAction.reference, 'action-due', null, '2026-04-10T16:00:00.000Z', 'running'],
      // No due instant: the contract without an hour count, and Art. 34 (target not set yet).
      [i.reference, 'processor-to-controller', 'Client E', null, 'running'],
      [own.reference, 'gdpr-34-data-subjects', null, null, 'running'],
    ]);
    expect(board.total).toBe(9);
    // We are the processor: the Art. 33 clock to the authority is the controllers' (no clock of ours).
    expect(ws.clocks.ofRecord({ recordType: 'incident', recordId: i.id }).some((c) => c.kind === 'gdpr-33-authority')).toBe(false);
    const perClient = board.items.find((c) => c.party === 'Client A')!;
    expect(perClient.id).toBe(`incident:${i.id}:processor-to-controller:${clients['Client A']!.id}`);
    expect(perClient.partyId).toBe(clients['Client A']!.id);
    expect(perClient.basis.en).toMatch(/within 48 hours/);
    expect(board.items.find((c) => c.party === 'Client D')!.basis.en).toMatch(/within 24 hours/);
    expect(board.items.find((c) => c.partyId === unbounded.id)!.rule).toBe('processor-to-controller');

    // Notifying one client is what meets its clock: it leaves the board, the others stay.
    clock.set('2026-03-28T09:05:00Z');
    r.incidents.clients.update({ id: clients['Client B']!.id, patch: { notifiedAt: '2026-03-28T10:00:00+01:00', notifiedHow: 'email to the DPO' } });
    const after = ws.clocks.list();
    expect(after.items.filter((c) => c.recordId === i.id).map((c) => c.party)).toEqual(['Client D', 'Client A', 'Client C', 'Client E']);
    const all = ws.clocks.ofRecord({ recordType: 'incident', recordId: i.id });
    expect(all.find((c) => c.party === 'Client B')).toMatchObject({ state: 'met_on_time', metAt: '2026-03-28T09:00:00.000Z' });
    expect(all.find((c) => c.partyId === short.id)).toMatchObject({ state: 'running' });

    // Filters: one register, due before an instant, other states.
    expect(ws.clocks.list({ recordType: 'action' }).items.map((c) => c.recordId)).toEqual([overdueAction.id, laterAction.id]);
    expect(ws.clocks.list({ dueBefore: '2026-03-29T00:00:00+01:00' }).items.map((c) => c.party ?? c.reference)).toEqual([overdueAction.reference, 'Client D']);
    expect(ws.clocks.list({ states: ['met_on_time'] }).items.map((c) => c.party)).toEqual(['Client B']);

    // Past the 24-hour contract: Client D is overdue and moves to the top, before the action (due earlier, but ordered by due).
    clock.set('2026-03-28T22:00:00Z');
    const later = ws.clocks.list().items;
    expect(later.slice(0, 2).map((c) => [c.reference, c.party, c.state])).toEqual([
      [overdueAction.reference, null, 'overdue'],
      [i.reference, 'Client D', 'overdue'],
    ]);
    // The pure helpers give the same order and live countdowns (hours and minutes under 72 hours).
    const t = Date.parse('2026-03-29T20:00:00Z');
    expect([...later].sort(compareClocks(t)).map((c) => c.id)).toEqual(later.map((c) => c.id));
    const clientA = later.find((c) => c.party === 'Client A')!;
    expect(timeLeft(clientA.due, t)).toBe(90 * 60_000);
    expect(formatCountdown(timeLeft(clientA.due, t)!, 'fr')).toBe('1 h 30 min');
    expect(clockState(clientA, Date.parse('2026-03-29T21:30:00Z'))).toBe('running');
    expect(clockState(clientA, Date.parse('2026-03-29T21:30:00.001Z'))).toBe('overdue');
    expect(countdown(-(73 * 3_600_000 + 5 * 60_000))).toEqual({ overdue: true, days: 3, hours: 1, minutes: 0 });
  });
});

describe('complaints, letters and actions', () => {
  it('complaints: Art. 12(3) answered late; an extended one with its extension-notice clock', async () => {
    const { ws, clock } = await register('2018-07-02T08:00:00Z');
    const c1 = ws.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'M. R.', rights: ['objection_direct_marketing'], summary: 'Still receiving emails' });
    const c2 = ws.complaints.create({ receivedAt: '2018-07-16T09:00:00+02:00', channel: 'regulator', regulator: 'FR-CNIL', regulatorReference: '18-0456', complainantLabel: 'Mme L.', rights: ['access'], summary: 'Access request', extensionNoticeAt: '2018-08-01T10:00:00+02:00', extensionReason: 'Data in six systems' });
    const c3 = ws.complaints.create({ receivedAt: '2018-07-16T09:00:00+02:00', channel: 'email', complainantLabel: 'M. T.', rights: ['portability'], summary: 'Portability', extensionNoticeAt: '2018-08-20T10:00:00+02:00' });

    clock.set('2018-08-05T08:00:00Z');
    const board = ws.clocks.list({ recordType: 'complaint' }).items;
    // Thursday 2 August 2018 ends at midnight Paris (UTC+2): overdue on 5 August, first.
    expect(board.map((c) => [c.recordId, c.kind, c.due, c.state])).toEqual([
      [c1.id, 'gdpr-12-response', '2018-08-02T22:00:00.000Z', 'overdue'],
      // c3's notice came after the first month: no extension, one month it is.
      [c3.id, 'gdpr-12-response', '2018-08-16T22:00:00.000Z', 'running'],
      [c2.id, 'gdpr-12-response', '2018-10-16T22:00:00.000Z', 'running'],
    ]);
    expect(board[2]).toMatchObject({ rule: 'gdpr-12-extended', id: `complaint:${c2.id}:gdpr-12-response` });
    expect(board[2]!.note?.en).toMatch(/Extended by two further months/);
    expect(board[1]).toMatchObject({ rule: 'gdpr-12-response', note: null });

    clock.set('2018-08-10T08:00:00Z');
    ws.complaints.setStatus({ id: c1.id, status: 'answered', at: '2018-08-10T10:00:00+02:00' });
    expect(ws.clocks.ofRecord({ recordType: 'complaint', recordId: c1.id })).toEqual([
      expect.objectContaining({ kind: 'gdpr-12-response', state: 'met_late', metAt: '2018-08-10T08:00:00.000Z', due: '2018-08-02T22:00:00.000Z' }),
    ]);
    // The extension notice is due by the end of the first month (Thursday 16 August 2018).
    const ext2 = ws.clocks.ofRecord({ recordType: 'complaint', recordId: c2.id });
    expect(ext2.map((c) => [c.kind, c.due, c.metAt, c.state])).toEqual([
      ['gdpr-12-extension-notice', '2018-08-16T22:00:00.000Z', '2018-08-01T08:00:00.000Z', 'met_on_time'],
      ['gdpr-12-response', '2018-10-16T22:00:00.000Z', null, 'running'],
    ]);
    expect(byKind(ws.clocks.ofRecord({ recordType: 'complaint', recordId: c3.id }), 'gdpr-12-extension-notice')).toMatchObject({ state: 'met_late' });
  });

  it('letters: a reply date met by our reply, the CNIL reprimand appeal window, an extension that supersedes', async () => {
    const { ws, clock } = await register('2018-10-15T08:00:00Z');
    const r = ws.registers;
    const matter = r.matters.create({ regulator: 'FR-CNIL', kind: 'complaint', title: 'Plaintes prospection', openedAt: '2018-10-15T09:00:00+02:00' });
    const q = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2018-10-15T09:00:00+02:00', subject: 'Demande d’informations', replyDue: '2018-11-15T23:59:00+01:00', matterId: matter.id });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: q.id })).toEqual([
      expect.objectContaining({ kind: 'letter-reply', rule: null, due: '2018-11-15T22:59:00.000Z', state: 'running', context: { type: 'matter', id: matter.id } }),
    ]);
    r.letters.create({ regulator: 'FR-CNIL', direction: 'outbound', kind: 'our_reply', sentAt: '2018-11-09T16:00:00+01:00', subject: 'Réponse du DPO', inReplyTo: q.id, matterId: matter.id });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: q.id })[0]).toMatchObject({ state: 'met_on_time', metAt: '2018-11-09T15:00:00.000Z' });

    clock.set('2020-03-01T08:00:00Z');
    const reprimand = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'reprimand', sentAt: '2020-02-25T10:00:00+01:00', notifiedAt: '2020-02-25T10:00:00+01:00', subject: 'Rappel à l’ordre (article 58.2.b)', matterId: matter.id });
    // Délai franc: 26 April 2020 is a Sunday → Monday 27 April, end of day (UTC+2).
    const appeal = ws.clocks.list({ recordType: 'matter' }).items;
    expect(appeal).toEqual([
      expect.objectContaining({ recordId: reprimand.id, kind: 'conseil-etat-appeal', rule: 'conseil-etat-appeal', due: '2020-04-27T22:00:00.000Z', obligation: false, state: 'running' }),
    ]);
    expect(appeal[0]!.label.fr).toMatch(/Conseil d'État/);
    r.letters.create({ regulator: 'FR-CNIL', direction: 'outbound', kind: 'appeal_lodged', sentAt: '2020-04-20T10:00:00+02:00', subject: 'Requête au Conseil d’État', matterId: matter.id });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: reprimand.id })[0]).toMatchObject({ state: 'met_on_time', metAt: '2020-04-20T08:00:00.000Z' });
    // The matter's clocks are its letters' clocks.
    expect(ws.clocks.ofRecord({ recordType: 'matter', recordId: matter.id }).map((c) => c.kind)).toEqual(['letter-reply', 'conseil-etat-appeal']);

    // An appeal window that ends unused is not "overdue": it closes.
    const other = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'sanction', receivedAt: '2020-01-10T10:00:00+01:00', notifiedAt: '2020-01-10T10:00:00+01:00', subject: 'Sanction' });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: other.id })[0]).toMatchObject({ due: '2020-03-11T23:00:00.000Z', state: 'running' });
    clock.set('2020-03-12T08:00:00Z');
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: other.id })[0]).toMatchObject({ state: 'stopped', stoppedReason: 'window_closed' });
    expect(ws.clocks.list().items.some((c) => c.recordId === other.id)).toBe(false);

    // A formal notice whose compliance deadline the CNIL extended.
    clock.set('2021-03-01T08:00:00Z');
    const m2 = r.matters.create({ regulator: 'FR-CNIL', kind: 'sanction_procedure', title: 'Mise en demeure', openedAt: '2021-01-21T09:00:00+01:00' });
    const notice = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'formal_notice', receivedAt: '2021-03-01T09:00:00+01:00', subject: 'Mise en demeure', complianceDue: '2021-06-01T00:00:00+02:00', matterId: m2.id });
    const ext = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'extension_granted', receivedAt: '2021-05-20T09:00:00+02:00', subject: 'Prorogation', complianceDue: '2021-09-01T00:00:00+02:00', inReplyTo: notice.id, matterId: m2.id });
    clock.set('2021-06-15T08:00:00Z');
    let m2clocks = ws.clocks.ofRecord({ recordType: 'matter', recordId: m2.id });
    expect(m2clocks.map((c) => [c.recordId, c.kind, c.due, c.state, c.stoppedReason])).toEqual([
      // A formal notice is a decision too: two months from receipt reach Saturday 1 May 2021; the
      // day of expiry does not count, so Sunday 2 May, moved to Monday 3 May. Ended unused.
      [notice.id, 'conseil-etat-appeal', '2021-05-03T22:00:00.000Z', 'stopped', 'window_closed'],
      [notice.id, 'letter-compliance', '2021-05-31T22:00:00.000Z', 'stopped', 'superseded'],
      [ext.id, 'letter-compliance', '2021-08-31T22:00:00.000Z', 'running', null],
    ]);
    r.letters.create({ regulator: 'FR-CNIL', direction: 'outbound', kind: 'our_observations', sentAt: '2021-08-16T10:00:00+02:00', subject: 'Justificatifs de mise en conformité', inReplyTo: notice.id, matterId: m2.id });
    m2clocks = ws.clocks.ofRecord({ recordType: 'matter', recordId: m2.id });
    expect(m2clocks.find((c) => c.recordId === ext.id)).toMatchObject({ state: 'met_on_time', metAt: '2021-08-16T08:00:00.000Z' });

    // A closed matter stops what is still open in it.
    const q2 = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2021-06-15T09:00:00+02:00', subject: 'Question', replyDue: '2021-07-15T00:00:00+02:00', matterId: m2.id });
    r.matters.setStatus({ id: m2.id, status: 'closed' });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: q2.id })[0]).toMatchObject({ state: 'stopped', stoppedReason: 'matter_closed' });
  });

  it('actions: met by being done (late here), stopped when cancelled', async () => {
    const { ws, clock } = await register('2018-08-22T08:00:00Z');
    const r = ws.registers;
    const a = r.actions.create({ title: 'Corriger et relancer le script de migration', owner: 'Équipe CRM', dueAt: '2018-09-30T18:00:00+02:00', priority: 'high' });
    const b = r.actions.create({ title: 'Atelier RGPD', owner: 'DPO', dueAt: '2018-10-15T18:00:00+02:00' });
    r.actions.create({ title: 'No date yet', owner: 'DPO' });
    expect(ws.clocks.list().items.map((c) => [c.recordId, c.due])).toEqual([
      [a.id, '2018-09-30T16:00:00.000Z'],
      [b.id, '2018-10-15T16:00:00.000Z'],
    ]);
    clock.set('2018-10-02T08:00:00Z');
    r.actions.setStatus({ id: a.id, status: 'done' });
    r.actions.setStatus({ id: b.id, status: 'cancelled', note: 'Replaced by the e-learning module' });
    expect(ws.clocks.ofRecord({ recordType: 'action', recordId: a.id })[0]).toMatchObject({ state: 'met_late', metAt: '2018-10-02T08:00:00.000Z' });
    expect(ws.clocks.ofRecord({ recordType: 'action', recordId: b.id })[0]).toMatchObject({ state: 'stopped', stoppedReason: 'action_cancelled' });
    expect(ws.clocks.list().total).toBe(0);
  });

  it('archived records have no clocks; unknown records are NOT_FOUND', async () => {
    const { ws } = await register('2018-07-02T08:00:00Z');
    const r = ws.registers;
    const c = ws.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'X', rights: ['access'], summary: 'x' });
    const i = r.incidents.create({ title: 'Test', ourRole: 'controller', awareAt: '2018-07-02T10:00:00+02:00' });
    const m = r.matters.create({ regulator: 'FR-CNIL', kind: 'other', title: 'M', openedAt: '2018-07-02T10:00:00+02:00' });
    r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2018-07-02T10:00:00+02:00', subject: 'Q', replyDue: '2018-08-01T00:00:00+02:00', matterId: m.id });
    const a = r.actions.create({ title: 'A', owner: 'O', dueAt: '2018-08-01T00:00:00+02:00' });
    expect(ws.clocks.list().total).toBe(4);
    ws.complaints.archive({ id: c.id, reason: 'Duplicate of another complaint' });
    r.incidents.archive({ id: i.id, reason: 'Recorded by mistake' });
    r.matters.archive({ id: m.id, reason: 'Recorded by mistake' });
    r.actions.archive({ id: a.id, reason: 'Recorded by mistake' });
    expect(ws.clocks.list({ states: ['running', 'overdue', 'met_on_time', 'met_late', 'stopped'] }).total).toBe(0);
    expect(ws.clocks.ofRecord({ recordType: 'complaint', recordId: c.id })).toEqual([]);
    expect(ws.clocks.ofRecord({ recordType: 'incident', recordId: i.id })).toEqual([]);
    const api = createDispatch(ws, () => {});
    await expect(api('clocks.ofRecord', { recordType: 'complaint', recordId: '01890000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deadline rules', () => {
  it('lists the built-in rules and keeps the organisation’s custom rules (audited)', async () => {
    const { ws } = await register('2026-03-01T08:00:00Z');
    const api = createDispatch(ws, () => {});
    type Info = { id: string; builtIn: boolean; kind: string; label: { en: string; fr: string }; definition: unknown };
    const list = async () => ((await api('rules.list', {})) as { rules: Info[] }).rules;
    const builtIn = await list();
    expect(builtIn.map((r) => r.id)).toEqual([
      'gdpr-33-authority',
      'processor-to-controller',
      'gdpr-34-data-subjects',
      'gdpr-12-response',
      'gdpr-12-extended',
      'nis2-early-warning',
      'nis2-notification',
      'nis2-final-report',
      'uk-gdpr-33-ico',
      'uk-gdpr-12-response',
      'conseil-etat-appeal',
    ]);
    expect(builtIn.find((r) => r.id === 'gdpr-34-data-subjects')).toMatchObject({ builtIn: true, kind: 'open', definition: null });

    const def = { id: 'client-request-10d', label: { en: 'Client request (10 days)', fr: 'Demande client (10 jours)' }, amount: 10, unit: 'days', event: { en: 'the client’s request', fr: 'la demande du client' } };
    expect(await api('rules.saveCustom', def)).toMatchObject({ id: 'client-request-10d', builtIn: false, kind: 'calendar', definition: def });
    await api('rules.saveCustom', { ...def, amount: 15 });
    await api('rules.saveCustom', { ...def, id: 'internal-4h', unit: 'hours', amount: 4 });
    const after = await list();
    expect(after.filter((r) => !r.builtIn).map((r) => [r.id, (r.definition as { amount: number }).amount, r.kind])).toEqual([
      ['client-request-10d', 15, 'calendar'],
      ['internal-4h', 4, 'hours'],
    ]);
    await expect(api('rules.saveCustom', { ...def, id: 'gdpr-33-authority' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(api('rules.saveCustom', { ...def, amount: 1.5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await api('rules.removeCustom', { id: 'internal-4h' })).toEqual({ ok: true });
    await expect(api('rules.removeCustom', { id: 'internal-4h' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await list()).filter((r) => !r.builtIn).map((r) => r.id)).toEqual(['client-request-10d']);
    expect(ws.history('settings', 'deadline-rules').map((e) => [e.action, e.changes[0]!.field])).toEqual([
      ['create', 'rule:client-request-10d'],
      ['update', 'rule:client-request-10d'],
      ['create', 'rule:internal-4h'],
      ['update', 'rule:internal-4h'],
    ]);
    expect(ws.clocks.rules.customRules().map((r) => r.compute('2026-03-02T10:00:00+01:00', { timeZone: 'Europe/Paris', country: 'FR' }).deadline)).toEqual([
      // 15 days from Monday 2 March: Tuesday 17 March, end of day.
      '2026-03-18T00:00:00.000+01:00',
    ]);
  });
});
