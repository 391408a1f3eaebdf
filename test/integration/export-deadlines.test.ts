/**
 * Day-counted deadlines in every document the app produces state the LAST DAY (and "end of day"),
 * exactly as the screen does, never the midnight after it. The expected days come from the rules
 * engine (computeDeadline: the local midnight that closes the last day) with the day before taken
 * by plain date arithmetic, and from dates written here by hand, not from the formatting code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { computeDeadline, addDays } from '@shared/deadlines';
import { alertMessage } from '@shared/clocks';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { pdfText } from '../support/pdf';
import { apiOf, type Api } from '../fixtures/scenarios';

const ZONE = 'Europe/Paris';
const CAL = { timeZone: ZONE, country: 'FR' };

let ws: Workstation;
let api: Api;
const cleanups: (() => void)[] = [];

/** The engine's deadline for a rule, and the last day it leaves (the local date before that midnight). */
function engine(rule: string, from: string): { deadline: string; lastDay: string } {
  const deadline = computeDeadline(rule, from, CAL).deadline!;
  // The engine writes the deadline in the zone, e.g. 2018-08-03T00:00:00.000+02:00.
  expect(deadline.slice(10, 19)).toBe('T00:00:00');
  return { deadline, lastDay: addDays(deadline.slice(0, 10), -1) };
}

let complaintDue: { deadline: string; lastDay: string };
let appealDue: { deadline: string; lastDay: string };

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date('2018-07-02T09:00:00Z'));
  ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  api = apiOf(ws);
  // S1's first complaint: received Monday 2 July 2018, one month -> Thursday 2 August 2018.
  await api('complaints.create', { receivedAt: '2018-07-02T10:12:00+02:00', channel: 'email', complainantLabel: 'M. R.', rights: ['objection_direct_marketing'], summary: 'Opted out, still receives marketing emails.' });
  complaintDue = engine('gdpr-12-response', '2018-07-02T10:12:00+02:00');
  expect(complaintDue.lastDay).toBe('2018-08-02');
  // The CNIL reprimand notified 25 February 2020: the Conseil d'État appeal ends on Monday 27 April 2020.
  await api('letters.create', {
    regulator: 'FR-CNIL',
    direction: 'inbound',
    kind: 'reprimand',
    sentAt: '2020-02-25T09:00:00+01:00',
    receivedAt: '2020-02-25T09:00:00+01:00',
    notifiedAt: '2020-02-25T09:00:00+01:00',
    subject: 'Rappel à l’ordre (art. 58.2.b)',
  });
  appealDue = engine('conseil-etat-appeal', '2020-02-25T09:00:00+01:00');
  expect(appealDue.lastDay).toBe('2020-04-27');
  // A formal notice whose reply and compliance dates were typed as last days (the form stores the
  // end of that day), and an action due on a day.
  await api('letters.create', {
    regulator: 'FR-CNIL',
    direction: 'inbound',
    kind: 'formal_notice',
    sentAt: '2020-03-02T09:00:00+01:00',
    receivedAt: '2020-03-03T09:00:00+01:00',
    subject: 'Mise en demeure',
    replyDue: '2020-03-21T00:00:00+01:00', // end of Friday 20 March 2020
    complianceDue: '2020-06-03T00:00:00+02:00', // end of Tuesday 2 June 2020
  });
  await api('actions.create', { title: 'Fix the migration script', owner: 'CRM team', dueAt: '2018-09-01T00:00:00+02:00' }); // end of Friday 31 August 2018
});

afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});


function csvRows(base64: string): Record<string, string>[] {
  const text = Buffer.from(base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
  const body = text.split('\r\n').filter((l) => !l.startsWith('# ')).join('\r\n');
  return Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
}

async function xlsxRows(base64: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const vals = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, k) => [h, vals[k]])));
  });
  return rows;
}

describe('day-counted deadlines in exports state the last day', () => {
  it('complaints register: PDF (English and French), CSV and XLSX give the Art. 12(3) last day', async () => {
    const en = await api('exports.register', { register: 'complaints', format: 'pdf', lang: 'en' });
    const enText = pdfText(en.file.contentBase64, 'complaints-en.pdf');
    expect(enText).toContain('end of Thu 2 Aug 2018');
    expect(enText).not.toMatch(/3 Aug 2018/);
    const fr = await api('exports.register', { register: 'complaints', format: 'pdf', lang: 'fr' });
    const frText = pdfText(fr.file.contentBase64, 'complaints-fr.pdf');
    expect(frText).toContain('fin du jeu. 2 août 2018');
    expect(frText).not.toMatch(/3 août 2018/);

    const csv = await api('exports.register', { register: 'complaints', format: 'csv', lang: 'en' });
    const [row] = csvRows(csv.file.contentBase64);
    expect(row!['Response due, last day (Art. 12(3))']).toBe(complaintDue.lastDay);
    expect(Buffer.from(csv.file.contentBase64, 'base64').toString('utf8')).not.toContain('2018-08-03T00:00');

    const xlsx = await api('exports.register', { register: 'complaints', format: 'xlsx', lang: 'fr' });
    const [xrow] = await xlsxRows(xlsx.file.contentBase64);
    expect(xrow!['Réponse due, dernier jour (art. 12(3))']).toBe(complaintDue.lastDay);
  });

  it('letters register: reply, compliance and Conseil d’État appeal last days, in PDF, CSV and XLSX', async () => {
    const en = await api('exports.register', { register: 'letters', format: 'pdf', lang: 'en' });
    const text = pdfText(en.file.contentBase64, 'letters-en.pdf');
    expect(text).toContain('Compliance');
    expect(text).toContain('end of Mon 27 Apr 2020'); // the appeal, from the engine
    expect(text).toContain('end of Fri 20 Mar 2020'); // the reply date
    expect(text).toContain('end of Tue 2 Jun 2020'); // the compliance date
    expect(text).not.toMatch(/28 Apr 2020|21 Mar 2020|3 Jun 2020/);
    const fr = await api('exports.register', { register: 'letters', format: 'pdf', lang: 'fr' });
    expect(pdfText(fr.file.contentBase64, 'letters-fr.pdf')).toContain('fin du lun. 27 avr. 2020');

    const csv = csvRows((await api('exports.register', { register: 'letters', format: 'csv', lang: 'en' })).file.contentBase64);
    const reprimand = csv.find((r) => r['Kind'] === 'Reprimand')!;
    expect(reprimand['Conseil d’État appeal, last day']).toBe(appealDue.lastDay);
    const notice = csv.find((r) => r['Kind'] === 'Formal notice')!;
    expect(notice['Reply due, last day']).toBe('2020-03-20');
    expect(notice['Compliance due, last day']).toBe('2020-06-02');

    const xlsx = await xlsxRows((await api('exports.register', { register: 'letters', format: 'xlsx', lang: 'en' })).file.contentBase64);
    expect(xlsx.find((r) => r['Kind'] === 'Reprimand')!['Conseil d’État appeal, last day']).toBe('2020-04-27');
  });

  it('actions register: the due day, in PDF and CSV', async () => {
    const text = pdfText((await api('exports.register', { register: 'actions', format: 'pdf', lang: 'en' })).file.contentBase64, 'actions-en.pdf');
    expect(text).toContain('end of Fri 31 Aug 2018');
    expect(text).not.toMatch(/1 Sept? 2018/);
    const [row] = csvRows((await api('exports.register', { register: 'actions', format: 'csv', lang: 'en' })).file.contentBase64);
    expect(row!['Due, last day']).toBe('2018-08-31');
  });

  it('an exported CSV imports into another register with the same deadlines (a last day reads back as the end of that day)', async () => {
    const csv = await api('exports.register', { register: 'letters', format: 'csv', lang: 'fr' });
    const t = tempDir();
    cleanups.push(t.cleanup);
    const other = await setUpWorkstation(t.dir, { reminderIntervalMs: 0 });
    cleanups.push(() => other.close());
    const otherApi = apiOf(other);
    const input = { register: 'letters' as const, fileName: 'letters.csv', contentBase64: csv.file.contentBase64 };
    const preview = await otherApi('imports.preview', input);
    expect(preview.issues).toEqual([]);
    expect(preview.toCreate).toBe(2);
    await otherApi('imports.commit', { ...input, mapping: preview.mapping, expectedSha256: preview.sha256 } as never);
    const letters = (await otherApi('letters.list', {})).items;
    const notice = letters.find((l) => l.kind === 'formal_notice')!;
    expect(Date.parse(notice.replyDue!)).toBe(Date.parse('2020-03-21T00:00:00+01:00'));
    expect(Date.parse(notice.complianceDue!)).toBe(Date.parse('2020-06-03T00:00:00+02:00'));
  });

  it('calendar (.ics): a day-counted deadline is an all-day event on its last day, with alarms from its end; the text says "end of"', async () => {
    const out = await api('clocks.ics', { lang: 'en' });
    const cal = new ICAL.Component(ICAL.parse(out.content));
    const events = cal.getAllSubcomponents('vevent');
    const complaint = events.find((e) => String(e.getFirstPropertyValue('uid')).includes(':gdpr-12-response'))!;
    const start = complaint.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe(complaintDue.lastDay);
    expect((complaint.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>).toString()).toBe(addDays(complaintDue.lastDay, 1));
    expect(String(complaint.getFirstPropertyValue('description'))).toContain('Due: end of Thursday 2 August 2018 (Europe/Paris)');
    expect(out.content.replace(/\r\n /g, '')).toContain('TRIGGER;RELATED=END:-PT24H');
    const fr = await api('clocks.ics', { lang: 'fr' });
    expect(fr.content.replace(/\r\n /g, '')).toContain('Échéance : fin du jeudi 2 août 2018 (Europe/Paris)');
    expect(out.content).not.toContain('Friday 3 August 2018');
  });

  it('reminders (desktop notifications and toasts) name the last day, not 00:00 the day after', () => {
    const msg = alertMessage(
      { id: 'x', clockId: 'c', recordType: 'complaint', recordId: 'r', reference: 'C-2018-0001', label: { en: 'GDPR Art. 12(3)', fr: 'RGPD art. 12(3)' }, party: null, dueAt: complaintDue.deadline, threshold: 24, reachedAt: '2018-08-02T00:00:00+02:00', missed: false, acknowledgedAt: null } as never,
      'en',
      ZONE,
    );
    expect(msg.body).toBe('24 h left: due end of Thu 2 Aug 2018');
    expect(alertMessage({ ...({} as object), reference: 'C', label: { en: '', fr: '' }, party: null, dueAt: complaintDue.deadline, threshold: 0, missed: false } as never, 'fr', ZONE).body).toBe(
      'Échéance atteinte (fin du jeu. 2 août 2018)',
    );
  });
});
