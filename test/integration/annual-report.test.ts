/**
 * The DPO's annual report (issue #10) on a real encrypted register: a fixed data set for 2026 (with
 * records of 2025 around it that must not count, and one withdrawn), entered through the API on a
 * controlled clock, whose counts, on-time rates and times are known by construction — the expected
 * numbers below are written out by hand, never computed with the report's code. Read on
 * 31 December 2026 at noon (Paris): the default period is the calendar year 2026.
 *
 * By construction (all instants UTC unless said):
 * - Art. 12(3) responses due in 2026: C1 (10 Jan → answered 20 Jan, 240 h), C3 (5 Mar → 20 Mar,
 *   360 h), C4 (1 Apr, extended in time → 15 Jun, 1,800 h) on time; C2 (3 Feb → 10 Mar, 840 h),
 *   C5 (4 May, extension notice after the first month → 20 Jun, 1,128 h), C8 (1 Dec 2025 →
 *   6 Jan 2026, 864 h) late; C6 (20 Nov, unanswered) overdue. 3/7 on time; median of the six
 *   acts (840 + 864) / 2 = 852 h = 35.5 days; 90th percentile (rank 6 of 6) 1,800 h = 75 days.
 * - Art. 33: I1 notified after 48 h (on time), I2 after 96 h (late, with reasons), I3 decided not
 *   to notify (stopped). 1/2; median 72 h; p90 96 h.
 * - Client notices (I4, processor): A after 24 h of 48 (on time), B after 30 h of 24 (late).
 * - Regulator deadlines: L1 answered in 576 h (on time), L3 in 456 h (late), L7 unanswered
 *   (overdue). 1/3; median 516 h = 21.5 days; p90 576 h = 24 days.
 * - Actions due in 2026: A1 (624 h) and A8 (2,664 h) on time, A2 (984 h) late, A3 overdue, A7
 *   cancelled. 2/4; median 984 h = 41 days; p90 2,664 h = 111 days.
 * - D1, a breach exercise (drill) notified late in April, counts nowhere: only as one drill left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput } from '@shared/api/contract';
import type { AnnualReport } from '@shared/schemas/report';
import { apiOf, type Api } from '../fixtures/scenarios';
import { pdfText } from '../support/pdf';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let dir: string;
let clock: ManualClock;
const NOW = '2026-12-31T12:00:00+01:00';

async function build(): Promise<void> {
  const at = (iso: string) => clock.set(iso);

  /* Complaints. Each is entered once its facts have happened, then answered at its instant. */
  const complaint = async (c: MethodInput<'complaints.create'>, answeredAt: string | null, enteredAt: string, close = false) => {
    at(enteredAt);
    const made = await api('complaints.create', c);
    if (answeredAt) await api('complaints.setStatus', { id: made.id, status: 'answered', at: answeredAt });
    if (close) await api('complaints.setStatus', { id: made.id, status: 'closed' });
    return made;
  };
  await complaint({ receivedAt: '2026-01-10T09:00:00Z', channel: 'email', complainantLabel: 'C1 Alice Martin', rights: ['access'], summary: 'Access' }, '2026-01-20T09:00:00Z', '2026-01-20T10:00:00Z');
  await complaint({ receivedAt: '2026-02-03T09:00:00Z', channel: 'post', complainantLabel: 'C2 Bruno Petit', rights: ['erasure'], summary: 'Erasure' }, '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z');
  await complaint(
    { receivedAt: '2026-03-05T09:00:00Z', channel: 'regulator', regulator: 'FR-CNIL', regulatorReference: '26-000111', complainantLabel: 'C3 Chloé Roux', rights: ['objection'], summary: 'Objection' },
    '2026-03-20T09:00:00Z',
    '2026-03-21T10:00:00Z',
    true,
  );
  await complaint(
    {
      receivedAt: '2026-04-01T09:00:00Z',
      channel: 'regulator',
      regulator: 'FR-CNIL',
      regulatorReference: '26-000222',
      complainantLabel: 'C4 David Blanc',
      rights: ['access', 'rectification'],
      summary: 'Access and rectification',
      extensionNoticeAt: '2026-04-20T09:00:00Z',
      extensionReason: 'Archives to search',
    },
    '2026-06-15T09:00:00Z',
    '2026-06-15T10:00:00Z',
  );
  await complaint(
    { receivedAt: '2026-05-04T09:00:00Z', channel: 'web_form', complainantLabel: 'C5 Emma Noir', rights: ['portability'], summary: 'Portability', extensionNoticeAt: '2026-06-10T09:00:00Z', extensionReason: 'Late notice' },
    '2026-06-20T09:00:00Z',
    '2026-06-20T10:00:00Z',
  );
  await complaint({ receivedAt: '2026-11-20T09:00:00Z', channel: 'regulator', regulator: 'BE-APD', regulatorReference: 'APD-2026-77', complainantLabel: 'C6 Félix Gris', rights: ['erasure'], summary: 'Erasure via the APD' }, null, '2026-11-20T10:00:00Z');
  await complaint({ receivedAt: '2026-12-10T09:00:00Z', channel: 'phone', complainantLabel: 'C7 Gaëlle Vert', rights: ['access'], summary: 'Access by phone' }, null, '2026-12-10T10:00:00Z');
  await complaint({ receivedAt: '2025-12-01T09:00:00Z', channel: 'email', complainantLabel: 'C8 Hugo Brun', rights: ['objection'], summary: 'From 2025' }, '2026-01-06T09:00:00Z', '2026-01-06T10:00:00Z');
  const withdrawn = await complaint({ receivedAt: '2026-08-01T09:00:00Z', channel: 'email', complainantLabel: 'C9 Withdrawn', rights: ['erasure'], summary: 'Entered twice' }, null, '2026-08-01T10:00:00Z');
  await api('complaints.archive', { id: withdrawn.id, reason: 'Duplicate of another complaint' });

  /* Incidents. */
  const filing = async (incidentId: string, sentAt: string, extra: object = {}) => {
    at(new Date(Date.parse(sentAt) + 60_000).toISOString());
    return api('incidents.addNotification', { incidentId, recipient: 'authority', recipientName: 'CNIL', phase: 'initial', sentAt, method: 'online_form', content: 'Notification', acceptGaps: true, ...extra } as never);
  };
  at('2026-02-10T08:30:00Z');
  const i1 = await api('incidents.create', { title: 'I1 Laptop stolen', ourRole: 'controller', awareAt: '2026-02-10T08:00:00Z', nature: ['confidentiality'], riskLevel: 'risk', authority: 'FR-CNIL', notifyAuthority: 'yes' });
  await filing(i1.id, '2026-02-12T08:00:00Z');
  at('2026-06-01T08:30:00Z');
  const i2 = await api('incidents.create', {
    title: 'I2 Ransomware at the host',
    ourRole: 'controller',
    awareAt: '2026-06-01T08:00:00Z',
    nature: ['confidentiality', 'availability'],
    dataCategories: ['health'],
    riskLevel: 'high',
    authority: 'FR-CNIL',
    notifyAuthority: 'yes',
  });
  await filing(i2.id, '2026-06-05T08:00:00Z', { lateReasons: 'Forensic report awaited from the host' });
  at('2026-09-01T08:30:00Z');
  const i3 = await api('incidents.create', { title: 'I3 Wrong mailing list', ourRole: 'controller', awareAt: '2026-09-01T08:00:00Z', nature: ['integrity'], riskLevel: 'unlikely', authority: 'FR-CNIL' });
  const [o3] = (await api('obligations.of', { incidentId: i3.id })).obligations.filter((o) => o.regime === 'gdpr-33');
  await api('obligations.decide', { id: o3!.id, decision: 'not_required', rationale: 'Internal list only, no risk to the persons.' });
  at('2026-10-01T08:30:00Z');
  const i4 = await api('incidents.create', { title: 'I4 Client exports exposed', ourRole: 'processor', detectedAt: '2026-10-01T08:00:00Z', awareAt: '2026-10-01T08:00:00Z', nature: ['confidentiality'] });
  await api('incidents.addClient', { incidentId: i4.id, name: 'Client A SARL', contractHours: 48 });
  await api('incidents.addClient', { incidentId: i4.id, name: 'Client B SAS', contractHours: 24 });
  const clientObligations = (await api('obligations.of', { incidentId: i4.id })).obligations;
  const ob = (name: string) => clientObligations.find((o) => o.recipientName === name)!.id;
  await filing(i4.id, '2026-10-02T08:00:00Z', { recipient: 'client', obligationId: ob('Client A SARL'), recipientName: 'Client A SARL', method: 'email' });
  await filing(i4.id, '2026-10-02T14:00:00Z', { recipient: 'client', obligationId: ob('Client B SAS'), recipientName: 'Client B SAS', method: 'email', lateReasons: 'Client mailbox bounced' });
  // A breach exercise, notified late: left out of every figure (counts, months, clocks, late items).
  at('2026-04-01T08:30:00Z');
  const drill = await api('incidents.create', { title: 'D1 Tabletop exercise', ourRole: 'controller', awareAt: '2026-04-01T08:00:00Z', nature: ['availability'], riskLevel: 'high', authority: 'FR-CNIL', notifyAuthority: 'yes', drill: true });
  await filing(drill.id, '2026-04-06T08:00:00Z', { lateReasons: 'Exercise: the late filing is part of the scenario' });
  at('2026-12-30T08:30:00Z');
  await api('incidents.create', { title: 'I5 Phishing of one account', ourRole: 'controller', awareAt: '2026-12-30T08:00:00Z', nature: ['availability'], authority: 'FR-CNIL' });
  at('2025-06-01T08:30:00Z');
  await api('incidents.create', { title: 'I0 From 2025', ourRole: 'controller', awareAt: '2025-06-01T08:00:00Z', nature: ['integrity'], authority: 'FR-CNIL' });

  /* Regulator procedures and their letters. */
  at('2026-03-06T09:30:00Z');
  const m1 = await api('matters.create', { regulator: 'FR-CNIL', kind: 'complaint', title: 'M1 CNIL complaint 26-000111', openedAt: '2026-03-06T09:00:00Z' });
  const l1 = await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-03-06T09:00:00Z', subject: 'L1 Questions', replyDue: '2026-04-06T23:59:00+02:00', matterId: m1.id });
  at('2026-03-30T09:30:00Z');
  await api('letters.create', { regulator: 'FR-CNIL', direction: 'outbound', kind: 'our_reply', sentAt: '2026-03-30T09:00:00Z', subject: 'L2 Our answers', inReplyTo: l1.id, matterId: m1.id });
  at('2026-07-01T09:30:00Z');
  const l3 = await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-07-01T09:00:00Z', subject: 'L3 More questions', replyDue: '2026-07-15T23:59:00+02:00', matterId: m1.id });
  at('2026-07-20T09:30:00Z');
  await api('letters.create', { regulator: 'FR-CNIL', direction: 'outbound', kind: 'our_reply', sentAt: '2026-07-20T09:00:00Z', subject: 'L4 Late answers', inReplyTo: l3.id, matterId: m1.id });
  at('2026-09-01T09:30:00Z');
  await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'closure', receivedAt: '2026-09-01T09:00:00Z', subject: 'L5 Closure of the complaint', matterId: m1.id });
  await api('matters.setStatus', { id: m1.id, status: 'closed', at: '2026-09-01T09:00:00Z' });
  at('2025-11-01T09:30:00Z');
  const m2 = await api('matters.create', { regulator: 'BE-APD', kind: 'inspection_documents', title: 'M2 APD inspection on documents', openedAt: '2025-11-01T09:00:00Z' });
  await api('letters.create', { regulator: 'BE-APD', direction: 'inbound', kind: 'inspection_notice', receivedAt: '2025-11-01T09:00:00Z', subject: 'L6 Inspection notice', matterId: m2.id });
  at('2026-11-02T09:30:00Z');
  await api('letters.create', { regulator: 'BE-APD', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-11-02T09:00:00Z', subject: 'L7 Documents requested', replyDue: '2026-11-30T23:59:00+01:00', matterId: m2.id });
  at('2025-01-10T09:30:00Z');
  const m3 = await api('matters.create', { regulator: 'FR-CNIL', kind: 'other', title: 'M3 Closed in 2025', openedAt: '2025-01-10T09:00:00Z' });
  await api('matters.setStatus', { id: m3.id, status: 'closed', at: '2025-06-01T09:00:00Z' });

  /* Remediation actions: planned at the clock's instant, done at theirs. */
  const action = async (createdAt: string, a: MethodInput<'actions.create'>, then?: { status: 'done' | 'in_progress' | 'cancelled'; at: string }) => {
    at(createdAt);
    const made = await api('actions.create', a);
    if (then) {
      at(new Date(Date.parse(then.at) + 60_000).toISOString());
      await api('actions.setStatus', { id: made.id, status: then.status, at: then.at, ...(then.status === 'cancelled' ? { note: 'No longer needed' } : {}) });
    }
  };
  await action('2026-01-15T09:00:00Z', { title: 'A1 Encrypt laptops', owner: 'IT', dueAt: '2026-02-15T17:00:00Z', priority: 'high' }, { status: 'done', at: '2026-02-10T09:00:00Z' });
  await action('2026-03-01T09:00:00Z', { title: 'A2 Review processors', owner: 'Legal', dueAt: '2026-04-01T16:00:00Z', priority: 'high' }, { status: 'done', at: '2026-04-11T09:00:00Z' });
  await action('2026-05-01T09:00:00Z', { title: 'A3 Backup restore test', owner: 'IT', dueAt: '2026-06-30T16:00:00Z', priority: 'critical' }, { status: 'in_progress', at: '2026-05-02T09:00:00Z' });
  await action('2026-11-20T09:00:00Z', { title: 'A4 Retention schedule', owner: 'DPO office', dueAt: '2027-01-31T17:00:00Z', priority: 'medium' });
  await action('2026-12-20T09:00:00Z', { title: 'A5 Staff awareness', owner: 'HR', priority: 'low' });
  await action('2025-06-01T09:00:00Z', { title: 'A6 Old cookie banner', owner: 'Web', dueAt: '2025-12-01T17:00:00Z', priority: 'medium' });
  await action('2026-02-01T09:00:00Z', { title: 'A7 Cancelled audit', owner: 'Legal', dueAt: '2026-03-01T17:00:00Z', priority: 'medium' }, { status: 'cancelled', at: '2026-02-20T09:00:00Z' });
  await action('2025-10-01T09:00:00Z', { title: 'A8 Access procedure', owner: 'Support', dueAt: '2026-01-31T17:00:00Z', priority: 'low' }, { status: 'done', at: '2026-01-20T09:00:00Z' });

  at(NOW);
}

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  dir = t.dir;
  clock = new ManualClock(new Date('2026-01-01T08:00:00Z'));
  const ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  api = apiOf(ws);
  await build();
}, 60_000);

const group = (r: AnnualReport, g: string) => r.clocks.find((c) => c.group === g)!;

describe('annual report figures (fixed data set, known by construction)', () => {
  let r: AnnualReport;
  beforeAll(async () => {
    r = await api('reports.annual', {});
  });

  it('defaults to the calendar year of the app clock, in the organisation’s zone', () => {
    expect(r.period).toEqual({ from: '2025-12-31T23:00:00.000Z', to: '2026-12-31T23:00:00.000Z', timeZone: 'Europe/Paris' });
    expect(r.at).toBe('2026-12-31T11:00:00.000Z');
  });

  it('counts each register by type, right, channel, regulator and outcome (withdrawn and 2025 records left out)', () => {
    expect(r.complaints.total).toBe(7);
    expect(r.complaints.byChannel).toEqual([
      { key: 'regulator', count: 3 },
      { key: 'email', count: 1 },
      { key: 'post', count: 1 },
      { key: 'web_form', count: 1 },
      { key: 'phone', count: 1 },
    ]);
    expect(r.complaints.byRight).toEqual([
      { key: 'access', count: 3 },
      { key: 'erasure', count: 2 },
      { key: 'rectification', count: 1 },
      { key: 'portability', count: 1 },
      { key: 'objection', count: 1 },
    ]);
    expect(r.complaints.byRegulator).toEqual([
      { key: 'FR-CNIL', count: 2 },
      { key: 'BE-APD', count: 1 },
    ]);
    expect(r.complaints.byOutcome).toEqual([
      { key: 'answered', count: 4 },
      { key: 'received', count: 2 },
      { key: 'closed', count: 1 },
    ]);
    expect(r.complaints.extended).toBe(1);

    expect(r.incidents.total).toBe(5);
    expect(r.incidents.byNature).toEqual([
      { key: 'confidentiality', count: 3 },
      { key: 'availability', count: 2 },
      { key: 'integrity', count: 1 },
    ]);
    expect(r.incidents.byRole).toEqual([
      { key: 'controller', count: 4 },
      { key: 'processor', count: 1 },
    ]);
    expect(r.incidents.byRisk).toEqual([
      { key: 'unassessed', count: 2 },
      { key: 'unlikely', count: 1 },
      { key: 'risk', count: 1 },
      { key: 'high', count: 1 },
    ]);
    expect(r.incidents.byOutcome).toEqual([
      { key: 'notified', count: 2 },
      { key: 'not_required', count: 1 },
      { key: 'pending', count: 1 },
      { key: 'controllers_decide', count: 1 },
    ]);
    expect(r.incidents.specialCategories).toBe(1);
    expect(r.incidents.drillsLeftOut).toBe(1);

    expect(r.letters.total).toBe(6);
    expect(r.letters.byDirection).toEqual([
      { key: 'inbound', count: 4 },
      { key: 'outbound', count: 2 },
    ]);
    expect(r.letters.byKind).toEqual([
      { key: 'request_for_information', count: 3 },
      { key: 'our_reply', count: 2 },
      { key: 'closure', count: 1 },
    ]);
    expect(r.letters.byRegulator).toEqual([
      { key: 'FR-CNIL', count: 5 },
      { key: 'BE-APD', count: 1 },
    ]);

    expect(r.actions.total).toBe(6);
    expect(r.actions.byStatus).toEqual([
      { key: 'planned', count: 2 },
      { key: 'done', count: 2 },
      { key: 'in_progress', count: 1 },
      { key: 'cancelled', count: 1 },
    ]);
    expect(r.actions.byPriority).toEqual([
      { key: 'medium', count: 2 },
      { key: 'high', count: 2 },
      { key: 'low', count: 1 },
      { key: 'critical', count: 1 },
    ]);
  });

  it('judges every kind of deadline due in the period with the one clock rule: rates, median and 90th percentile', () => {
    expect(group(r, 'response')).toMatchObject({ total: 7, onTime: 3, late: 3, overdue: 1, running: 0, stopped: 0, medianHours: 852, p90Hours: 1800 });
    expect(group(r, 'response').onTimeRate).toBeCloseTo(3 / 7, 10);
    expect(group(r, 'authority')).toMatchObject({ total: 3, onTime: 1, late: 1, overdue: 0, stopped: 1, onTimeRate: 0.5, medianHours: 72, p90Hours: 96 });
    expect(group(r, 'client')).toMatchObject({ total: 2, onTime: 1, late: 1, overdue: 0, onTimeRate: 0.5, medianHours: 27, p90Hours: 30 });
    expect(group(r, 'regulator')).toMatchObject({ total: 3, onTime: 1, late: 1, overdue: 1, medianHours: 516, p90Hours: 576 });
    expect(group(r, 'regulator').onTimeRate).toBeCloseTo(1 / 3, 10);
    expect(group(r, 'action')).toMatchObject({ total: 5, onTime: 2, late: 1, overdue: 1, stopped: 1, onTimeRate: 0.5, medianHours: 984, p90Hours: 2664 });
    expect(group(r, 'nis2')).toMatchObject({ total: 0, onTimeRate: null, medianHours: null, p90Hours: null });
  });

  it('lists each late item with its reasons', () => {
    const titles = (g: string) => group(r, g).lateItems.map((i) => [i.title, i.state, i.reasons, i.flags]);
    expect(titles('response')).toEqual([
      ['C8 Hugo Brun', 'met_late', '', []],
      ['C2 Bruno Petit', 'met_late', '', []],
      ['C5 Emma Noir', 'met_late', '', ['extension_notice_late']],
      ['C6 Félix Gris', 'overdue', '', []],
    ]);
    expect(titles('authority')).toEqual([['I2 Ransomware at the host', 'met_late', 'Forensic report awaited from the host', []]]);
    expect(group(r, 'authority').lateItems[0]!.hoursLate).toBe(24);
    expect(group(r, 'client').lateItems.map((i) => [i.title, i.party, i.reasons, i.hoursLate])).toEqual([['I4 Client exports exposed', 'Client B SAS', 'Client mailbox bounced', 6]]);
    expect(titles('regulator')).toEqual([
      ['L3 More questions', 'met_late', '', []],
      ['L7 Documents requested', 'overdue', '', []],
    ]);
    expect(titles('action')).toEqual([
      ['A2 Review processors', 'met_late', '', []],
      ['A3 Backup restore test', 'overdue', '', []],
    ]);
  });

  it('follows the complaints forwarded by a regulator to how they ended', () => {
    expect(r.forwarded.total).toBe(3);
    expect(r.forwarded.byOutcome).toEqual([
      { key: 'received', count: 1 },
      { key: 'answered', count: 1 },
      { key: 'closed', count: 1 },
    ]);
    expect(r.forwarded.items.map((f) => [f.regulator, f.regulatorReference, f.status, f.clock])).toEqual([
      ['FR-CNIL', '26-000111', 'closed', 'met_on_time'],
      ['FR-CNIL', '26-000222', 'answered', 'met_on_time'],
      ['BE-APD', 'APD-2026-77', 'received', 'overdue'],
    ]);
  });

  it('gives the regulator procedures open in the period with their steps, and open actions by age', () => {
    expect(r.matters).toMatchObject({ total: 2, opened: 1, closed: 1 });
    expect(r.matters.byKind).toEqual([
      { key: 'complaint', count: 1 },
      { key: 'inspection_documents', count: 1 },
    ]);
    expect(r.matters.items.map((m) => [m.title, m.status, m.steps.map((s) => s.subject.slice(0, 2)).join(','), m.stepsInAll])).toEqual([
      ['M2 APD inspection on documents', 'open', 'L7', 2],
      ['M1 CNIL complaint 26-000111', 'closed', 'L1,L2,L3,L4,L5', 5],
    ]);
    expect(r.actions.openAt).toBe('2026-12-31T11:00:00.000Z');
    expect(r.actions.open.map((a) => [a.title.slice(0, 2), a.ageDays, a.bucket])).toEqual([
      ['A6', 578, 'd366_'],
      ['A3', 244, 'd181_365'],
      ['A4', 41, 'd31_90'],
      ['A5', 11, 'd0_30'],
    ]);
    expect(r.actions.openByAge).toEqual([
      { bucket: 'd0_30', count: 1 },
      { bucket: 'd31_90', count: 1 },
      { bucket: 'd91_180', count: 0 },
      { bucket: 'd181_365', count: 1 },
      { bucket: 'd366_', count: 1 },
    ]);
  });

  it('counts month by month in the organisation’s zone', () => {
    expect(r.monthly.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(r.monthly.map((m) => m.complaints)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1]);
    expect(r.monthly.map((m) => m.incidents)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1]);
    expect(r.monthly.map((m) => m.letters)).toEqual([0, 0, 2, 0, 0, 0, 2, 0, 1, 0, 1, 0]);
  });

  it('takes any period: 2025 alone holds only the records of 2025', async () => {
    const y = await api('reports.annual', { from: '2025-01-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' });
    expect([y.complaints.total, y.incidents.total, y.letters.total, y.matters.total, y.actions.total]).toEqual([1, 1, 1, 2, 2]);
    await expect(api('reports.annual', { from: '2026-06-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).rejects.toThrow(/end of the period must come after its start/);
  });
});

describe('annual report exports', () => {
  it('PDF in English and French: the figures, the charts’ numbers and the provenance (period, profile)', async () => {
    const en = await api('exports.report', { format: 'pdf', lang: 'en' });
    expect(en.period).toEqual({ from: '2025-12-31T23:00:00.000Z', to: '2026-12-31T23:00:00.000Z' });
    expect(en.file.fileName).toBe('annual-report-2025-12-31-en.pdf');
    const t = pdfText(en.file.contentBase64, 'annual-report-en.pdf');
    expect(t).toContain('Annual report 2026');
    expect(t).toContain('Period: 1 Jan 2026 – 31 Dec 2026 (times in Europe/Paris)');
    expect(t).toContain('Responses to data subjects (Art. 12(3))');
    // The table of deadlines, row by row as laid out on the page.
    const rows = pdfText(en.file.contentBase64, 'annual-report-en-layout.pdf', { layout: true });
    expect(rows).toContain('Responses to data subjects (Art. 12(3)) 7 3 3 1 0/0 42.9% 35.5 days 75 days');
    expect(rows).toContain('Notifications to the authority (Art. 33) 3 1 1 0 0/1 50% 72 h 96 h');
    expect(rows).toContain('Notices to client controllers (Art. 33(2)) 2 1 1 0 0/0 50% 27 h 30 h');
    expect(rows).toContain('Regulator deadlines 3 1 1 1 0/0 33.3% 21.5 days 24 days');
    expect(rows).toContain('Remediation actions 5 2 1 1 0/1 50% 41 days 111 days');
    expect(t).toContain('42.9% on time (3/7)');
    expect(t).toContain('Forensic report awaited from the host');
    expect(t).toContain('Client mailbox bounced');
    expect(t).toContain('extension notice sent after the first month: it extended nothing');
    expect(t).toContain('Complaints received (7)');
    expect(t).toContain('M1 CNIL complaint 26-000111');
    expect(t).toContain('Redaction profile');
    expect(t).toContain('Period of this report: 1 Jan 2026 – 31 Dec 2026');
    expect(t).toContain('1 drill (breach exercise) left out of every figure of this report.');
    expect(t).not.toContain('Tabletop');
    expect(en.provenance.drillsLeftOut).toBe(1);
    expect(en.provenance.redaction?.id).toBe('full');

    const fr = await api('exports.report', { format: 'pdf', lang: 'fr' });
    const f = pdfText(fr.file.contentBase64, 'annual-report-fr.pdf');
    expect(f).toContain('Rapport annuel 2026');
    expect(f).toContain('Période : 1er janv. 2026 – 31 déc. 2026');
    const frRows = pdfText(fr.file.contentBase64, 'annual-report-fr-layout.pdf', { layout: true });
    expect(frRows).toContain('Réponses aux personnes (art. 12.3) 7 3 3 1 0/0 42,9 % 35,5 jours 75 jours');
    expect(frRows).toContain('Notifications à l’autorité (art. 33) 3 1 1 0 0/1 50 % 72 h 96 h');
    expect(frRows).toContain('Actions correctives 5 2 1 1 0/1 50 % 41 jours 111 jours');
    expect(f).toContain('42,9 % à temps (3/7)');
    expect(f).toContain('avis de prorogation envoyé après le premier mois');
    expect(f).toContain('Profil de masquage');
    expect(f).toContain('Période de ce rapport');
    expect(f).toContain('1 exercice (simulation de violation) exclu de tous les chiffres de ce rapport.');

    // Every page renders; the pages are kept for a look when PRIVACYOPS_EXPORTS_OUT is set.
    for (const [name, file] of [['en', en], ['fr', fr]] as const) {
      const out = join(dir, `report-${name}`);
      writeFileSync(`${out}.pdf`, Buffer.from(file.file.contentBase64, 'base64'));
      execFileSync('pdftoppm', ['-png', '-r', '40', `${out}.pdf`, out]);
      const pages = readdirSync(dir).filter((n) => n.startsWith(`report-${name}-`) && n.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      if (process.env.PRIVACYOPS_EXPORTS_OUT) for (const p of pages) execFileSync('cp', [join(dir, p), process.env.PRIVACYOPS_EXPORTS_OUT]);
    }
    expect(existsSync(join(dir, 'report-en.pdf'))).toBe(true);
  });

  it('XLSX appendix: one sheet per table, numbers as numbers and dates as dates, provenance with the period', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const x = await api('exports.report', { format: 'xlsx', lang });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(x.file.contentBase64, 'base64') as never);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(
        lang === 'en'
          ? ['Summary', 'Deadlines', 'Late items', 'Complaints', 'Incidents', 'Letters', 'Actions', 'Forwarded complaints', 'Procedures', 'Procedure steps', 'Open actions', 'Month by month', 'Provenance']
          : ['Synthèse', 'Échéances', 'Retards', 'Réclamations', 'Incidents', 'Courriers', 'Actions', 'Réclamations transmises', 'Procédures', 'Étapes des procédures', 'Actions ouvertes', 'Mois par mois', 'Provenance'],
      );
      const deadlines = wb.worksheets[1]!;
      const response = deadlines.getRow(2);
      expect([1, 2, 3, 4, 5].map((c) => response.getCell(c + 1).value)).toEqual([7, 3, 3, 1, 0]);
      expect(response.getCell(8).value).toBeCloseTo(3 / 7, 10);
      expect(response.getCell(8).numFmt).toBe('0.0%');
      expect(response.getCell(9).value).toBe(852);
      expect(response.getCell(10).value).toBe(1800);
      const late = wb.worksheets[2]!;
      expect(late.rowCount).toBe(1 + 4 + 1 + 1 + 2 + 2);
      const first = late.getRow(2);
      expect(first.getCell(2).value).toBe('C-2025-0001');
      // Deadline as a date cell (the wall time in Paris), hours late as a number.
      expect(first.getCell(5).value).toBeInstanceOf(Date);
      expect(first.getCell(5).type).toBe(ExcelJS.ValueType.Date);
      expect(typeof first.getCell(8).value).toBe('number');
      const months = wb.worksheets[11]!;
      expect(months.getRow(2).getCell(1).value).toEqual(new Date('2026-01-01T00:00:00Z'));
      expect([2, 3, 4].map((c) => months.getRow(4).getCell(c).value)).toEqual([1, 0, 2]);
      const open = wb.worksheets[10]!;
      expect(open.getRow(2).getCell(7).value).toBe(578);
      expect(open.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.Date);
      const prov = wb.getWorksheet('Provenance')!;
      const pairs = new Map<string, unknown>();
      prov.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
      expect(pairs.get(lang === 'en' ? 'Period from (UTC, included)' : 'Période du (UTC, inclus)')).toBe('2025-12-31T23:00:00.000Z');
      expect(pairs.get(lang === 'en' ? 'Period to (UTC, excluded)' : 'Période au (UTC, exclu)')).toBe('2026-12-31T23:00:00.000Z');
      expect(String(pairs.get(lang === 'en' ? 'Redaction profile' : 'Profil de masquage'))).toMatch(lang === 'en' ? /^Full — for the regulator \(full, rules [0-9a-f]{16}\)$/ : /^Complet — pour l’autorité \(full, règles [0-9a-f]{16}\)$/);
    }
  });
});
