import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url)));
const REPRIMAND_LETTER = '000_8cb50b08018a3d21.txt';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now = '2020-03-01T09:00:00Z', role: 'controller' | 'processor' = 'controller'): Promise<{ ws: Workstation; clock: ManualClock }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(t.dir, { clock });
  if (role !== 'controller') ws.updateProfile({ organisation: { role } });
  cleanups.push(() => ws.close());
  return { ws, clock };
}

describe('regulator correspondence and matters (S1)', () => {
  it('threads questions and answers, meets reply dates with replies, and shows the Conseil d’État appeal window', async () => {
    const { ws } = await register();
    const r = ws.registers;
    const matter = r.matters.create({ regulator: 'FR-CNIL', kind: 'complaint', title: 'Plaintes prospection — migration des consentements', openedAt: '2018-10-15T09:00:00+02:00' });
    const q = r.letters.create({
      regulator: 'FR-CNIL',
      direction: 'inbound',
      kind: 'request_for_information',
      receivedAt: '2018-10-15T09:00:00+02:00',
      subject: 'Demande d’informations sur six plaintes',
      regulatorRefs: ['18-0123', '18-0456'],
      replyDue: '2018-11-15T23:59:00+01:00',
      matterId: matter.id,
    });
    expect(q.reference).toBe('L-2018-0001');
    expect(q.answeredAt).toBeNull();
    const a = r.letters.create({
      regulator: 'FR-CNIL',
      direction: 'outbound',
      kind: 'our_reply',
      sentAt: '2018-11-09T16:00:00+01:00',
      subject: 'Réponse du DPO',
      inReplyTo: q.id,
      matterId: matter.id,
    });
    expect(r.letters.get(q.id).answeredAt).toBe('2018-11-09T15:00:00.000Z');
    const reprimand = r.letters.create({
      regulator: 'FR-CNIL',
      direction: 'inbound',
      kind: 'reprimand',
      sentAt: '2020-02-25T10:00:00+01:00',
      notifiedAt: '2020-02-25T10:00:00+01:00',
      subject: 'Rappel à l’ordre (article 58.2.b)',
      matterId: matter.id,
    });
    // Two months, délai franc, from 25 February 2020: the 26 April is a Sunday → Monday 27 April, end of day.
    expect(reprimand.appealDue).toBe('2020-04-27T22:00:00.000Z');
    expect(r.letters.thread(a.id).map((l) => l.id)).toEqual([q.id, a.id]);

    const detail = r.matters.detail(matter.id);
    expect(detail.letters.map((l) => l.kind)).toEqual(['request_for_information', 'our_reply', 'reprimand']);
    expect(detail.deadlines).toEqual([
      expect.objectContaining({ kind: 'reply', letterId: q.id, metAt: '2018-11-09T15:00:00.000Z', supersededBy: null }),
      expect.objectContaining({ kind: 'appeal', letterId: reprimand.id, due: '2020-04-27T22:00:00.000Z', metAt: null }),
    ]);

    // Archiving the reply re-opens the question: nothing answers it any more.
    r.letters.archive({ id: a.id, reason: 'Recorded against the wrong letter' });
    expect(r.letters.get(q.id).answeredAt).toBeNull();
  });

  it('an extension the regulator grants supersedes the first deadline', async () => {
    const { ws } = await register();
    const r = ws.registers;
    const m = r.matters.create({ regulator: 'FR-CNIL', kind: 'sanction_procedure', title: 'Mise en demeure', openedAt: '2021-01-21T09:00:00+01:00' });
    const notice = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'formal_notice', receivedAt: '2021-03-01T09:00:00+01:00', subject: 'Mise en demeure', complianceDue: '2021-06-01T00:00:00+02:00', matterId: m.id });
    const ext = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'extension_granted', receivedAt: '2021-05-20T09:00:00+02:00', subject: 'Prorogation du délai', complianceDue: '2021-09-01T00:00:00+02:00', inReplyTo: notice.id, matterId: m.id });
    const deadlines = r.matters.detail(m.id).deadlines.filter((d) => d.kind === 'compliance');
    expect(deadlines).toEqual([
      expect.objectContaining({ letterId: notice.id, supersededBy: ext.id }),
      expect.objectContaining({ letterId: ext.id, supersededBy: null, due: '2021-08-31T22:00:00.000Z' }),
    ]);
  });
});

describe('breach incidents', () => {
  it('S2: the 72-hour clock runs from awareness and is met by the initial notification; phased follow-up is recorded', async () => {
    const { ws, clock } = await register('2020-10-01T08:00:00Z');
    const r = ws.registers;
    const i = r.incidents.create({
      title: 'Base de données exposée sur Internet',
      ourRole: 'controller',
      awareAt: '2020-10-01T09:40:00+02:00',
      occurredTo: '2020-07-23T00:00:00+02:00',
      howDiscovered: "Article d'un journaliste",
      nature: ['confidentiality'],
      dataCategories: ['identification', 'contact'],
    });
    expect(i.reference).toBe('I-2020-0001');
    expect(i.authorityDue).toBe('2020-10-04T07:40:00.000Z');
    expect(i.authority).toBe('FR-CNIL');
    expect(i.specialCategories).toBe(false);
    // Each filing is recorded once it has been sent (a filing dated after now is refused).
    clock.passTo('2020-10-03T21:40:00+02:00');
    r.incidents.notifications.create({ incidentId: i.id, recipient: 'authority', recipientName: 'CNIL', phase: 'initial', sentAt: '2020-10-03T21:40:00+02:00', method: 'online_form', reference: 'CNIL-NOTIF-2020-4471', content: 'Initial notification', acceptGaps: true });
    clock.passTo('2020-10-17T10:00:00+02:00');
    r.incidents.notifications.create({ incidentId: i.id, recipient: 'authority', recipientName: 'CNIL', phase: 'complementary', sentAt: '2020-10-17T10:00:00+02:00', method: 'online_form', reference: 'CNIL-NOTIF-2020-4471', content: 'Complementary notification', acceptGaps: true });
    const after = r.incidents.detail(i.id);
    expect(after.incident.authorityNotifiedAt).toBe('2020-10-03T19:40:00.000Z');
    expect(after.notifications.map((n) => n.phase)).toEqual(['initial', 'complementary']);
    // The notification reference finds the incident.
    expect(r.incidents.list({ text: 'CNIL-NOTIF-2020-4471' }).items.map((x) => x.id)).toEqual([i.id]);
    expect(() => r.incidents.setStatus({ id: i.id, status: 'closed' })).toThrow(/Art\. 33\(5\)/);
    r.incidents.update({ id: i.id, patch: { riskLevel: 'high', notifyAuthority: 'yes', notifyAuthorityReasons: 'Contact data of customers exposed', notifyDataSubjects: 'yes' } });
    expect(r.incidents.setStatus({ id: i.id, status: 'closed', at: '2021-01-30T12:00:00+01:00' }).closedAt).toBe('2021-01-30T11:00:00.000Z');
  });

  it('S3: one 48-hour clock per client from detection, across the change to summer time', async () => {
    const { ws } = await register('2026-03-27T21:30:00Z', 'processor');
    const r = ws.registers;
    const i = r.incidents.create({ title: 'Sauvegarde exposée de listes de contacts', ourRole: 'processor', detectedAt: '2026-03-27T22:30:00+01:00', awareAt: '2026-03-27T22:30:00+01:00', nature: ['confidentiality'] });
    for (const name of ['Client A', 'Client B', 'Client C']) r.incidents.clients.create({ incidentId: i.id, name });
    const custom = r.incidents.clients.create({ incidentId: i.id, name: 'Client D (24 h contract)', contractHours: 24 });
    const clients = r.incidents.detail(i.id).clients;
    // 48 real hours: Sunday 29 March 23:30 summer time = 21:30 UTC.
    expect(clients.filter((c) => c.contractHours === 48).map((c) => c.notifyDue)).toEqual(Array(3).fill('2026-03-29T21:30:00.000Z'));
    expect(custom.notifyDue).toBe('2026-03-28T21:30:00.000Z');
    // Moving the detection instant moves every client clock.
    r.incidents.update({ id: i.id, patch: { detectedAt: '2026-03-27T20:30:00+01:00', awarenessDelayReason: 'The alert was confirmed as an exposure two hours later' } });
    expect(r.incidents.detail(i.id).clients.map((c) => c.notifyDue)).toContain('2026-03-29T19:30:00.000Z');
    const notified = r.incidents.clients.update({ id: clients[0]!.id, patch: { notifiedAt: '2026-03-28T10:00:00+01:00', notifiedHow: 'email to the DPO', acknowledgedAt: '2026-03-28T11:15:00+01:00' } });
    expect(notified.acknowledgedAt).toBe('2026-03-28T10:15:00.000Z');
    const history = ws.history('incident', i.id);
    expect(history.filter((e) => e.recordType === 'client').length).toBeGreaterThanOrEqual(5);
  });
});

describe('actions, links, attachments and search', () => {
  it('actions need an owner, record when they are done, and need a note to be verified', async () => {
    const { ws, clock } = await register('2018-08-22T08:00:00Z');
    const a = ws.registers.actions.create({ title: 'Corriger et relancer le script de migration', owner: 'Équipe CRM', dueAt: '2018-09-30T18:00:00+02:00', priority: 'high' });
    expect(a.reference).toBe('A-2018-0001');
    expect(() => ws.registers.actions.create({ title: 'x', owner: '' })).toThrow();
    expect(() => ws.registers.actions.setStatus({ id: a.id, status: 'verified', note: 'checked' })).toThrow(/done before/);
    clock.set('2018-09-20T10:00:00Z');
    expect(ws.registers.actions.setStatus({ id: a.id, status: 'done' }).doneAt).toBe('2018-09-20T10:00:00.000Z');
    expect(() => ws.registers.actions.setStatus({ id: a.id, status: 'verified' })).toThrow(/what was checked/);
    const v = ws.registers.actions.setStatus({ id: a.id, status: 'verified', note: 'Sample of 200 accounts re-checked in the emailing tool' });
    expect(v.verificationNote).toMatch(/200 accounts/);
    expect(ws.registers.actions.list({ owner: ['équipe crm'] }).total).toBe(1);
  });

  it('links show from both sides and are kept in both histories; attachments are encrypted, searchable and checked', async () => {
    const { ws } = await register();
    const r = ws.registers;
    const c = ws.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'M. R.', rights: ['objection_direct_marketing'], summary: 'Still receiving emails' });
    const i = r.incidents.create({ title: 'Consent migration mapping bug', ourRole: 'controller', awareAt: '2018-08-21T10:15:00+02:00' });
    const letter = r.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'reprimand', receivedAt: '2020-02-25T10:00:00+01:00', subject: 'Rappel à l’ordre' });
    const link = r.links.create({ from: { type: 'complaint', id: c.id }, to: { type: 'incident', id: i.id }, note: 'same root cause' });
    expect(link.other).toMatchObject({ type: 'incident', reference: 'I-2018-0001' });
    expect(r.links.of({ type: 'incident', id: i.id }).map((l) => l.other.reference)).toEqual(['C-2018-0001']);
    expect(() => r.links.create({ from: { type: 'incident', id: i.id }, to: { type: 'complaint', id: c.id } })).toThrow(/already linked/);
    expect(ws.history('complaint', c.id).some((e) => e.recordType === 'link')).toBe(true);
    expect(ws.history('incident', i.id).some((e) => e.recordType === 'link')).toBe(true);

    const bytes = seed(REPRIMAND_LETTER);
    const att = await r.attachments.add({ record: { type: 'letter', id: letter.id }, fileName: REPRIMAND_LETTER, mimeType: 'text/plain', contentBase64: bytes.toString('base64') });
    expect(att).toMatchObject({ size: bytes.length, textIndexed: true });
    expect(r.attachments.content(att.id).bytes.equals(bytes)).toBe(true);
    // "State Council" (the Conseil d'État) appears in the letter's text only, not in the letter record.
    const hits = ws.search({ text: 'State Council' });
    expect(hits.hits.map((h) => [h.type, h.id, h.matchedAttachment])).toEqual([['letter', letter.id, REPRIMAND_LETTER]]);
    expect(r.letters.list({ text: 'council' }).items.map((l) => l.id)).toEqual([letter.id]);

    await expect(r.attachments.add({ record: { type: 'letter', id: letter.id }, fileName: 'empty.txt', contentBase64: '' })).rejects.toThrow(/empty/);
    r.links.remove(link.id, 'Linked by mistake');
    expect(r.links.of({ type: 'complaint', id: c.id })).toEqual([]);
    expect(ws.audit.verify().ok).toBe(true);
  });

  it('one search across registers, with filters, and saved views', async () => {
    const { ws } = await register();
    const r = ws.registers;
    ws.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'A', rights: ['access'], summary: 'Mot de passe SFTP envoyé dans le même courriel' });
    r.actions.create({ title: 'Envoyer le mot de passe SFTP par SMS', owner: 'Support', dueAt: '2018-10-01T00:00:00+02:00' });
    r.incidents.create({ title: 'Fuite mot de passe', ourRole: 'controller', awareAt: '2018-08-01T10:00:00+02:00', riskLevel: 'high' });
    expect(ws.search({ text: 'mot de passe' }).total).toBe(3);
    expect(ws.search({ text: 'mot de passe', types: ['action'] }).hits.map((h) => h.type)).toEqual(['action']);
    expect(ws.search({ text: 'passe', risk: ['high'] }).hits.map((h) => h.type)).toEqual(['incident']);
    expect(ws.search({ text: 'passe', owner: 'support' }).hits.map((h) => h.type)).toEqual(['action']);
    expect(ws.search({ text: 'sftp' }).hits[0]!.snippet).toMatch(/\[\[SFTP\]\]/i);
    expect(ws.search({ text: '', types: ['complaint'] }).total).toBe(1);
    const v = r.views.create({ name: 'Mots de passe', query: { text: 'mot de passe', types: ['action'] } });
    expect(r.views.list()).toEqual([v]);
  });

  it('the dashboard counts open, due soon and overdue per register', async () => {
    const { ws } = await register('2018-08-01T08:00:00Z');
    ws.complaints.create({ receivedAt: '2018-06-20T10:00:00+02:00', channel: 'email', complainantLabel: 'A', rights: ['access'], summary: 'overdue' });
    ws.complaints.create({ receivedAt: '2018-07-05T10:00:00+02:00', channel: 'email', complainantLabel: 'B', rights: ['access'], summary: 'due soon' });
    ws.complaints.create({ receivedAt: '2018-07-31T10:00:00+02:00', channel: 'email', complainantLabel: 'C', rights: ['access'], summary: 'later' });
    ws.registers.incidents.create({ title: 'x', ourRole: 'controller', awareAt: '2018-07-31T10:00:00+02:00' });
    const d = ws.dashboard();
    expect(d.registers.complaint).toEqual({ open: 3, dueSoon: 1, overdue: 1 });
    expect(d.registers.incident).toEqual({ open: 1, dueSoon: 1, overdue: 0 });
    expect(d.registers.action).toEqual({ open: 0, dueSoon: 0, overdue: 0 });
  });
});
