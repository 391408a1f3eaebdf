import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { apiOf, buildS1, buildS2, type Api, type S1, type S2 } from '../fixtures/scenarios';

/** Set PRIVACYOPS_EXPORTS_OUT=/some/dir to keep the PDFs and their page images for a look. */
const KEEP = process.env.PRIVACYOPS_EXPORTS_OUT;
const NOW = '2024-01-15T10:00:00+01:00';

let ws: Workstation;
let clock: ManualClock;
let api: Api;
let s1: S1;
let s2: S2;
let out: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  out = join(t.dir, 'out');
  mkdirSync(out);
  clock = new ManualClock(new Date('2018-07-01T08:00:00Z'));
  ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  api = apiOf(ws);
  s1 = await buildS1(api, clock);
  s2 = await buildS2(api, clock);
  clock.set(NOW);
});

afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

function save(name: string, base64: string): string {
  const file = join(out, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  if (KEEP) {
    mkdirSync(KEEP, { recursive: true });
    copyFileSync(file, join(KEEP, name));
  }
  return file;
}

/** pdftotext's reading-order text, with every kind of space (no-break, narrow) made one space. */
function pdfText(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(text.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** qpdf accepts the file; every page renders to a non-blank PNG. Returns the number of pages. */
function checkWithTools(file: string): number {
  const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(q.status, q.stdout + q.stderr).toBe(0);
  expect(q.stdout).toMatch(/No syntax or stream encoding errors/);
  const pages = Number(pdfInfo(file).Pages);
  const dir = `${file}-pages`;
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'p')]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
  expect(pngs).toHaveLength(pages);
  for (const p of pngs) expect(statSync(join(dir, p)).size).toBeGreaterThan(8_000);
  if (KEEP) for (const p of pngs) copyFileSync(join(dir, p), join(KEEP, `${file.split('/').pop()}-${p}`));
  // Every font is DejaVu and embedded (subset).
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThanOrEqual(3);
  for (const f of fonts) {
    expect(f).toMatch(/\+DejaVuSans/);
    expect(f).toMatch(/\byes\s+yes\s+yes\b/); // emb, sub, uni
  }
  return pages;
}

function indexesInOrder(text: string, needles: string[]): number[] {
  return needles.map((n) => {
    const k = text.indexOf(n);
    expect(k, `"${n}" is in the chronology`).toBeGreaterThanOrEqual(0);
    return k;
  });
}

describe('S2 incident timeline as PDF for management', () => {
  it('English: first page has the clocks met by how much, the risk, open actions; the chronology is in order; tools accept it', async () => {
    const r = await api('exports.timeline', { incidentId: s2.incidentId, format: 'pdf', lang: 'en' });
    expect(r.file.mimeType).toBe('application/pdf');
    expect(r.file.fileName).toBe('I-2020-0001-timeline-en.pdf');
    const file = save('s2-en.pdf', r.file.contentBase64);
    const pages = checkWithTools(file);
    expect(pages).toBeGreaterThanOrEqual(2);

    const text = flat(pdfText(file));
    const page1 = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }));
    // Page 1: what happened, awareness, every clock and by how much, risk, open actions with owners.
    expect(page1).toContain('Incident timeline');
    expect(page1).toContain('I-2020-0001 — Customer database exposed on the Internet');
    expect(page1).toContain('Became aware');
    expect(page1).toContain('Thu 1 Oct 2020, 09:40 — Press article (Numerama) revealing the database');
    expect(page1).toContain('until 23 Jul 2020');
    expect(page1).toContain('Notification to the authority (CNIL): 72 h');
    expect(page1).toContain('Sun 4 Oct 2020, 09:40'); // the 72-hour deadline
    expect(page1).toContain('Sat 3 Oct 2020, 21:40'); // met at hour 60
    expect(page1).toContain('met 12 h before the deadline');
    expect(page1).toContain('met 17 h 40 min before the deadline'); // data subjects, against the team's target
    expect(page1).toContain('Risk: High risk');
    expect(page1).toContain('Open actions (3)');
    for (const [action, owner] of [
      ['Passwords to CNIL deliberation 2022-100', 'CISO'],
      ['Move data of ended customer relationships to an archive', 'IT data platform'],
      ['Sign complete Art. 28 contracts with every processor', 'Purchasing'],
    ]) {
      expect(page1).toContain(action);
      expect(page1).toContain(owner);
    }
    // An action due at a time of day keeps its time; day-counted ones read "end of …" (export-deadlines.test.ts).
    expect(page1).toContain('Sun 31 Dec 2023, 18:00 (late)');
    expect(page1).not.toContain('HTTPS everywhere'); // done and verified: not open
    expect(page1).toContain('Sanction from CNIL (SAN-2023-008), €150,000');
    expect(page1).toContain('Visual timeline');
    expect(page1).toContain('H+72');
    expect(page1).toContain('Page 1 / ' + pages);

    // The chronology: every event, in the order things happened.
    const chrono = flat(pdfText(file, true));
    const body = chrono.slice(chrono.indexOf('Full chronology'));
    const order = indexesInOrder(body, [
      'Breach ended (last known moment)',
      'The organisation became aware of the breach',
      'Risk assessed: High risk',
      'Decision: notify the supervisory authority',
      'Initial notification to the supervisory',
      'Incident status: Open → Contained',
      'Initial notification to the data subjects',
      'Complementary notification to the',
      'Inspection notice from CNIL',
      'Findings report from CNIL',
      'Our observations sent to CNIL',
      'Sanction from CNIL',
      'Action planned: Record a random sample',
      'Action done: HTTPS everywhere',
    ]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The notification is shown at the moment it was sent, with when it was typed in.
    expect(body).toMatch(/Sat 3 Oct 2020, 21:40/);
    expect(text).toContain('CNIL-NOTIF-2020-4471');
    expect(text).toMatch(/Page 2 \/ \d/);
    expect(text).toContain('Exemple Télécom SA');
  });

  it('French: accents, French typography (« », no-break spaces before : ; ? !) and French dates', async () => {
    const r = await api('exports.timeline', { incidentId: s2.incidentId, format: 'pdf', lang: 'fr' });
    const file = save('s2-fr.pdf', r.file.contentBase64);
    checkWithTools(file);
    const raw = pdfText(file);
    const text = flat(raw);
    expect(text).toContain('Chronologie de l’incident');
    expect(text).toContain('Ce qui s’est passé');
    expect(text).toContain('Prise de connaissance');
    // French writes the first of the month « 1er ».
    expect(text).toContain('jeu. 1er oct. 2020, 09:40 — Press article (Numerama)');
    // What the user typed keeps its own punctuation: no French spacing forced into English text.
    expect(raw).toContain('Call with the hosting provider: access closed');
    expect(text).toContain('Notification à l’autorité (CNIL) : 72 h (RGPD art. 33)');
    expect(text).toContain('dim. 4 oct. 2020, 09:40');
    expect(text).toContain('respecté, 12 h avant l’échéance');
    expect(text).toContain('Risque : Risque élevé');
    expect(text).toContain('Actions en cours (3)');
    expect(text).toContain('dim. 31 déc. 2023, 18:00 (retard)');
    expect(text).toContain('Notification initiale à l’autorité de contrôle (CNIL) par téléservice');
    expect(text).toContain('Notification complémentaire');
    expect(text).toContain('150 000 €');
    // Typography: French spacing before : ? and inside « » (text extractors print any space as ' ')…
    expect(text).toContain('Délais : ont-ils été respectés ?');
    expect(text).toContain('« Saisi le »');
    // …and those spaces are the no-break ones: the fonts map glyphs to U+00A0 and U+202F, and no
    // line of the document starts with the punctuation they hold to the word before.
    const qdf = join(out, 's2-fr.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const cmaps = readFileSync(qdf).toString('latin1');
    expect(cmaps).toMatch(/<00a0>/i);
    expect(cmaps).toMatch(/<202f>/i);
    const lines = pdfText(file, true).split('\n').map((l) => l.trim());
    expect(lines.filter((l) => /^[:;?!»]/.test(l))).toEqual([]);
    expect(pdfInfo(file).Title).toBe('Chronologie de l’incident I-2020-0001 — Customer database exposed on the Internet');
  });
});

describe('S1 incident timeline as PDF', () => {
  it('shows the documented decision not to notify, the complaints, the actions and the CNIL reprimand, in English and French', async () => {
    const en = save('s1-en.pdf', (await api('exports.timeline', { incidentId: s1.incidentId, format: 'pdf', lang: 'en' })).file.contentBase64);
    checkWithTools(en);
    const text = flat(pdfText(en));
    expect(text).toContain('Consent migration mapping bug');
    expect(text).toContain('Tue 21 Aug 2018, 10:15');
    expect(text).toContain('not required (decision recorded)');
    expect(text).toContain('Decided not to notify: No loss of confidentiality');
    expect(text).toContain('Open actions (2)');
    expect(text).toContain('Reprimand from CNIL (dated 25 Feb 2020)');
    const body = flat(pdfText(en, true));
    const chrono = body.slice(body.indexOf('Full chronology'));
    const order = indexesInOrder(chrono, ['Breach began', 'Complaint C-2018-0001 received', 'Complaint C-2018-0002 received', 'The organisation became aware', 'Meeting: Crisis meeting', 'Decision: no notification to the', 'Action done: Fix and re-run', 'Reprimand from CNIL']);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const fr = save('s1-fr.pdf', (await api('exports.timeline', { incidentId: s1.incidentId, format: 'pdf', lang: 'fr' })).file.contentBase64);
    checkWithTools(fr);
    const t = flat(pdfText(fr));
    expect(t).toContain('non requise (décision consignée)');
    expect(t).toContain('Décision de ne pas notifier');
    expect(t).toContain('Réclamation C-2018-0003 reçue via CNIL 18-021453');
    expect(t).toContain('Rappel à l’ordre (CNIL) (en date du 25 févr. 2020)');
    expect(t).toContain('Réunion : Crisis meeting with the CRM and marketing teams');
  });
});

describe('timeline as CSV, JSON and Markdown', () => {
  it('carry the same events and the provenance', async () => {
    const tl = await api('timeline.get', { incidentId: s2.incidentId });
    const csv = Buffer.from((await api('exports.timeline', { incidentId: s2.incidentId, format: 'csv', lang: 'en' })).file.contentBase64, 'base64').toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^# PrivacyOps Workstation 0\.0\.0-test; organisation=Exemple Télécom SA; exported-at=2024-01-15T09:00:00\.000Z; exported-by=Claire Dubois \(DPO\); audit-head=[0-9a-f]{64}/);
    expect(lines[1]).toBe('#,When (local),When (UTC),Kind,Category,Origin,Who,What happened,Details,Source type,Source reference,Source id,Entered (UTC)');
    expect(lines.length).toBe(2 + tl.events.length);
    expect(lines.find((l) => l.includes('CNIL-NOTIF-2020-4471') && l.includes('initial') === false && l.includes('Initial'))).toMatch(/^9,2020-10-03T21:40:00\+02:00,2020-10-03T19:40:00\.000Z,notification_sent/);

    const onlyNotifications = await api('exports.timeline', { incidentId: s2.incidentId, format: 'csv', lang: 'fr', filter: { categories: ['notification'] } });
    expect(onlyNotifications.rows).toBe(3);
    const frRows = Papa.parse<string[]>(Buffer.from(onlyNotifications.file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF#[^\n]*\n/, ''), { skipEmptyLines: true }).data;
    expect(frRows[0]![7]).toBe('Événement');
    expect(frRows.slice(1).map((r) => r[7])).toEqual([
      'Notification initiale à l’autorité de contrôle (CNIL) par téléservice, réf. CNIL-NOTIF-2020-4471 — dépôt NOT-2020-0001, dans les délais',
      'Notification initiale aux personnes concernées (Customers) par courriel — dépôt NOT-2020-0002',
      'Notification complémentaire à l’autorité de contrôle (CNIL) par téléservice, réf. CNIL-NOTIF-2020-4471 — dépôt NOT-2020-0003',
    ]);

    const json = JSON.parse(Buffer.from((await api('exports.timeline', { incidentId: s2.incidentId, format: 'json', lang: 'en' })).file.contentBase64, 'base64').toString('utf8'));
    expect(json.provenance.auditHeadHash).toBe(ws.audit.verify().headHash);
    expect(json.events.map((e: { id: string }) => e.id)).toEqual(tl.events.map((e) => e.id));
    expect(json.clocks.find((c: { kind: string }) => c.kind === 'authority')).toMatchObject({ state: 'met', marginMinutes: 720 });

    const md = Buffer.from((await api('exports.timeline', { incidentId: s2.incidentId, format: 'md', lang: 'fr' })).file.contentBase64, 'base64').toString('utf8');
    expect(md).toMatch(/^---\ntitle: "Chronologie de l’incident I-2020-0001"\norganisation: "Exemple Télécom SA"\napp: "PrivacyOps Workstation 0\.0\.0-test"\nexported_at: 2024-01-15T09:00:00\.000Z\nexported_by: "Claire Dubois \(DPO\)"\naudit_head: [0-9a-f]{64}\n/);
    expect(md).toContain('| ✓ respecté, 12\u00a0h avant l’échéance |');
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(tl.events.length);
  });
});

describe('provenance', () => {
  it('is the audit chain head at export time, and another hash once the register changed', async () => {
    const first = await api('exports.timeline', { incidentId: s2.incidentId, format: 'pdf', lang: 'en' });
    const verified = ws.audit.verify();
    expect(verified.ok).toBe(true);
    expect(first.provenance).toMatchObject({ auditHeadHash: verified.headHash, auditEntries: verified.count, appVersion: '0.0.0-test', exportedBy: 'Claire Dubois (DPO)', exportedAt: '2024-01-15T09:00:00.000Z', organisation: 'Exemple Télécom SA' });
    const file = save('provenance-1.pdf', first.file.contentBase64);
    const info = pdfInfo(file);
    expect(info.Keywords).toContain(`audit-head:${verified.headHash}`);
    expect(info.Subject).toContain(verified.headHash);
    expect(info.Author).toBe('Claire Dubois (DPO)');
    // In the colophon and in the footer of every page.
    const text = pdfText(file);
    expect(text.split(verified.headHash).length - 1).toBeGreaterThanOrEqual(Number(info.Pages) + 1);

    // Same state, same hash: an export does not change the register.
    const again = await api('exports.register', { register: 'incidents', format: 'csv' });
    expect(again.provenance.auditHeadHash).toBe(verified.headHash);

    clock.set('2024-01-16T09:00:00+01:00');
    await api('timeline.addEntry', { incidentId: s2.incidentId, at: '2024-01-16T08:30:00+01:00', kind: 'note', title: 'Board informed of the remaining open actions' });
    const after = await api('exports.register', { register: 'incidents', format: 'xlsx' });
    const now = ws.audit.verify();
    expect(now.headHash).not.toBe(verified.headHash);
    expect(after.provenance.auditHeadHash).toBe(now.headHash);
    expect(after.provenance.auditEntries).toBe(verified.count + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(after.file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.keywords).toContain(`audit-head:${now.headHash}`);
    const sheet = wb.getWorksheet('Provenance')!;
    const pairs = Object.fromEntries(sheet.getSheetValues().filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(pairs['Audit log head hash']).toBe(now.headHash);
    expect(pairs['Exported by']).toBe('Claire Dubois (DPO)');
    clock.set(NOW);
  });
});

describe('registers for a regulator', () => {
  it('the breach register lists every incident, notified or not, with the Art. 33(5) facts, effects and remedial action', async () => {
    const r = await api('exports.register', { register: 'incidents', format: 'pdf', lang: 'en' });
    expect(r.rows).toBe(2);
    const file = save('breach-register-en.pdf', r.file.contentBase64);
    checkWithTools(file);
    const text = flat(pdfText(file));
    expect(text).toContain('Breach register');
    expect(text).toContain('I-2018-0001 — Consent migration mapping bug');
    // Each incident lists its notification obligations with their state (obligations of issue 14).
    expect(text).toContain('CNIL: not required (reasons recorded)');
    expect(text).toMatch(/✓ CNIL NOT-2020-\d{4} on time/);
    expect(text).toContain('I-2020-0001 — Customer database exposed on the Internet');
    expect(text).toMatch(/NOT-2020-\d{4} Sat 3 Oct 2020, 21:40 Initial \(on time\)/);
    for (const s of [
      'Effects (likely consequences)',
      'Phishing and scam attempts using the exposed identity and contact data.',
      'Remedial action taken',
      'Database taken off the Internet; access logs secured; passwords rotated.',
      'Remedial action proposed',
      // The period says which end is known: a lone date is never printed as if it were the whole period.
      'from Tue 22 May 2018, 00:00',
      'until Thu 23 Jul 2020, 00:00',
      'Notify the authority: decision and reasons',
      'No — No loss of confidentiality or availability',
      'Sat 3 Oct 2020, 21:40 — Initial, supervisory authority (CNIL), online form, CNIL-NOTIF-2020-4471',
      'Sat 17 Oct 2020, 10:00 — Complementary, supervisory authority (CNIL), online form',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('filters by period and status, in PDF, CSV and XLSX', async () => {
    const closedOnly = await api('exports.register', { register: 'incidents', format: 'csv', status: ['contained'] });
    expect(closedOnly.rows).toBe(1);
    const in2018 = await api('exports.register', { register: 'complaints', format: 'xlsx', from: '2018-08-01T00:00:00+02:00', to: '2018-09-01T00:00:00+02:00' });
    expect(in2018.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(in2018.file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Complaints register');
    expect(sheet.getRow(1).getCell(1).value).toBe('Reference');
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value]).toEqual(['C-2018-0003', 'C-2018-0004']);
    const awaiting = await api('exports.register', { register: 'letters', format: 'pdf', lang: 'fr', status: ['reprimand', 'sanction'] });
    expect(awaiting.rows).toBe(2);
    const file = save('letters-fr.pdf', awaiting.file.contentBase64);
    checkWithTools(file);
    expect(flat(pdfText(file))).toContain('Rappel à l’ordre');
    const actions = await api('exports.register', { register: 'actions', format: 'pdf', lang: 'en', status: ['planned', 'in_progress'] });
    expect(actions.rows).toBe(5);
    checkWithTools(save('actions-en.pdf', actions.file.contentBase64));
    await expect(api('exports.register', { register: 'actions', format: 'csv', status: ['nonsense'] })).rejects.toThrow(/Unknown status "nonsense"/);
  });
});

describe('notification draft', () => {
  it('lays out the CNIL online notification sections in French and English, phased, with the gaps marked', async () => {
    const d = await api('exports.notificationDraft', { incidentId: s2.incidentId, dpoContact: 'Claire Dubois, dpo@exemple-telecom.fr, +33 1 23 45 67 89' });
    expect(d.phase).toBe('complementary');
    expect(d.fr.sections.map((s) => s.id)).toEqual(['type', 'dpo', 'timing', 'nature', 'data', 'persons', 'consequences', 'measures', 'data_subjects', 'phased']);
    expect(d.fr.markdown).toContain('## 6. Catégories et nombre approximatif de personnes concernées');
    expect(d.fr.markdown).toContain('Nombre approximatif de personnes\u00a0: environ 280\u202f000');
    expect(d.fr.markdown).toContain('Atteinte à la\u00a0: confidentialité');
    expect(flat(d.fr.markdown)).toContain('complète la notification initiale du sam. 3 oct. 2020, 21:40 (réf. CNIL-NOTIF-2020-4471)');
    expect(d.en.text).toContain('5. CATEGORIES AND APPROXIMATE NUMBER OF DATA RECORDS');
    expect(d.en.text).toContain('Approximate number of records: about 1,100,000.');
    expect(d.en.text).toContain('Claire Dubois, dpo@exemple-telecom.fr');
    expect(d.warnings).toEqual([]);
    expect(Buffer.from(d.en.file.contentBase64, 'base64').toString('utf8')).toBe(d.en.markdown);

    const initial = await api('exports.notificationDraft', { incidentId: s2.incidentId, phase: 'initial' });
    expect(initial.en.markdown).toContain('[to be completed]');
    expect(initial.warnings.map((w) => w.en)).toContain('Give the DPO’s name and contact details (Settings › Notifications keeps them).');
    await expect(api('exports.notificationDraft', { incidentId: s1.incidentId })).rejects.toThrow(/decided not to be notified/);
  });
});

describe('long exports', () => {
  it('report progress and can be cancelled from a progress listener; the register is unchanged', async () => {
    const auditBefore = ws.audit.verify();
    const phases: string[] = [];
    const off = ws.on('job.progress', (p) => {
      if (p.jobId !== 'export-1') return;
      phases.push(p.phase);
      if (p.phase === 'rendering') void api('jobs.cancel', { jobId: 'export-1' });
    });
    await expect(api('exports.timeline', { incidentId: s2.incidentId, format: 'pdf', lang: 'en', jobId: 'export-1' })).rejects.toMatchObject({ code: 'CANCELLED' });
    off();
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('rendering');
    expect(phases[phases.length - 1]).toBe('cancelled');
    expect(ws.audit.verify()).toEqual(auditBefore);
    // The id is free again, and an uncancelled job ends with 'done'.
    const done: { done: number; total: number; phase: string }[] = [];
    const off2 = ws.on('job.progress', (p) => p.jobId === 'export-1' && done.push(p));
    await api('exports.register', { register: 'complaints', format: 'xlsx', jobId: 'export-1' });
    off2();
    expect(done[done.length - 1]).toEqual({ jobId: 'export-1', done: 6, total: 6, phase: 'done' });
    expect(await api('jobs.cancel', { jobId: 'export-1' })).toEqual({ ok: true, found: false });
  });
});
