import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Workstation } from '../../electron/core/workstation';
import { verifyBundle } from '../../electron/core/exports/bundle-verify';
import { alertMessage } from '@shared/clocks';
import { BundleManifest } from '@shared/schemas/bundle';
import type { Incident } from '@shared/schemas/incident';
import { ManualClock, PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';
import { apiOf, type Api } from '../fixtures/scenarios';
import { pdfText } from '../support/pdf';

/**
 * Drill mode (issue #10): a breach exercise runs through the real clocks and reminders, is marked
 * as a drill wherever it shows, stays out of the regulator's exports (the breach register, a
 * period's evidence bundle) and is exported as evidence of the exercise (its own timeline and
 * bundle). Everything here goes through the API on a real encrypted register, on a set clock.
 */

let ws: Workstation;
let api: Api;
let clock: ManualClock;
let dir: string;
let drill: Incident;
let real: Incident;
const cleanups: (() => void)[] = [];
const text = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  dir = t.dir;
  clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  ws = await setUpWorkstation(dir, { clock, reminderIntervalMs: 0 });
  api = apiOf(ws);
  // The exercise, played on Monday 2 March 2026 at 10:00 Paris: 72 hours run to Thursday 10:00.
  drill = await api('incidents.create', {
    title: 'Exercice : ransomware sur le serveur RH',
    ourRole: 'controller',
    awareAt: '2026-03-02T10:00:00+01:00',
    riskLevel: 'high',
    facts: 'Scénario d’exercice joué par la cellule de crise.',
    drill: true,
  });
  real = await api('incidents.create', { title: 'Lost laptop with payroll export', ourRole: 'controller', awareAt: '2026-03-02T11:00:00+01:00', riskLevel: 'risk' });
});

afterAll(() => {
  ws?.close();
  while (cleanups.length) cleanups.pop()!();
});

describe('drills', () => {
  it('are kept as drills, and neither a drill nor a real breach can change sides once recorded', async () => {
    expect(drill.drill).toBe(true);
    expect(real.drill).toBe(false);
    await expect(api('incidents.update', { id: drill.id, patch: { drill: false } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('stays one') });
    await expect(api('incidents.update', { id: real.id, patch: { drill: true } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('cannot become a drill'),
    });
    // Nothing stored moved: the same records, and an edit that leaves the flag alone still works.
    expect((await api('incidents.get', { id: drill.id })).incident.drill).toBe(true);
    expect((await api('incidents.get', { id: real.id })).incident.drill).toBe(false);
    const edited = await api('incidents.update', { id: drill.id, patch: { lead: 'Cellule de crise', drill: true } });
    expect(edited).toMatchObject({ lead: 'Cellule de crise', drill: true });
  });

  it('run the real clocks and reminders, marked as a drill in both languages and in the calendar', async () => {
    const board = await api('clocks.list', { recordType: 'incident' });
    const authority = (i: Incident) => board.items.find((c) => c.recordId === i.id && c.kind === 'gdpr-33-authority')!;
    expect(authority(drill)).toMatchObject({ due: '2026-03-05T09:00:00.000Z', state: 'running', drill: true });
    expect(authority(real)).toMatchObject({ due: '2026-03-05T10:00:00.000Z', drill: false });

    // 4 hours before the drill's deadline the reminder fires as for a real breach, and says it is a drill.
    clock.set('2026-03-05T05:00:00Z');
    const fired = ws.clocks.reminders.check().filter((a) => a.recordId === drill.id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ threshold: 4, drill: true });
    expect(alertMessage(fired[0]!, 'en', 'Europe/Paris').title).toMatch(/^\[Drill\] /);
    expect(alertMessage(fired[0]!, 'fr', 'Europe/Paris').title).toMatch(/^\[Exercice\] /);
    // The alert keeps its mark once stored (the alerts list reads it back from the register).
    expect((await api('alerts.list', {})).alerts.find((a) => a.recordId === drill.id)).toMatchObject({ drill: true });
    const realAlert = (await api('alerts.list', {})).alerts.find((a) => a.recordId === real.id);
    expect(realAlert?.drill ?? false).toBe(false);

    const ics = (await api('clocks.ics', { lang: 'fr' })).content.replace(/\r\n /g, '');
    const summaries = ics.split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries.filter((l) => l.includes(drill.reference))).toEqual([expect.stringMatching(/^SUMMARY:\[Exercice\] /)]);
    expect(summaries.filter((l) => l.includes(real.reference))).toEqual([expect.not.stringContaining('Exercice')]);
  });

  it('stay out of the breach register in every format, which says how many it left out', async () => {
    const csv = await api('exports.register', { register: 'incidents', format: 'csv' });
    const body = text(csv.file.contentBase64);
    expect(body).toContain(real.reference);
    expect(body).not.toContain(drill.reference);
    expect(body).not.toContain('ransomware');
    expect(body.split('\r\n')[0]).toContain('drills-left-out=1');
    expect(csv.provenance.drillsLeftOut).toBe(1);
    expect(csv.rows).toBe(1);

    const pdf = pdfText((await api('exports.register', { register: 'incidents', format: 'pdf', lang: 'en' })).file.contentBase64, 'breach-register-drills.pdf');
    expect(pdf).toContain(real.reference);
    expect(pdf).not.toContain(drill.reference);
    expect(pdf).toContain('1 drill (breach exercise) left out');
    const fr = pdfText((await api('exports.register', { register: 'incidents', format: 'pdf', lang: 'fr' })).file.contentBase64, 'registre-violations-exercices.pdf');
    expect(fr).toContain('1 exercice (simulation de violation) exclu');

    const xlsx = await api('exports.register', { register: 'incidents', format: 'xlsx', lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(cells.some((c) => c.includes(drill.reference))).toBe(false);
    expect(cells).toContain('1 drill (breach exercise) left out');

    // Other registers' exports know nothing of drills.
    expect((await api('exports.register', { register: 'actions', format: 'csv' })).provenance.drillsLeftOut).toBeUndefined();
  });

  it('stay out of a period’s evidence bundle; a drill’s own bundle is the evidence of the exercise', async () => {
    const period = await api('exports.bundle', { scope: { kind: 'period', from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' }, lang: 'en' });
    const files = unzipSync(Buffer.from(period.file.contentBase64, 'base64'));
    const manifest = BundleManifest.parse(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')));
    expect(manifest.records.map((r) => r.reference)).toEqual([real.reference]);
    expect(manifest.provenance.drillsLeftOut).toBe(1);
    expect(Object.keys(files).some((f) => f.includes(drill.reference))).toBe(false);
    expect(verifyBundle(Buffer.from(period.file.contentBase64, 'base64')).ok).toBe(true);

    const own = await api('exports.bundle', { scope: { kind: 'incident', incidentId: drill.id }, lang: 'fr' });
    const ownFiles = unzipSync(Buffer.from(own.file.contentBase64, 'base64'));
    const ownManifest = BundleManifest.parse(JSON.parse(Buffer.from(ownFiles['manifest.json']!).toString('utf8')));
    expect(ownManifest.scope).toMatchObject({ kind: 'incident', label: `[Exercice] ${drill.reference}`, drill: true });
    expect(ownManifest.records.map((r) => r.reference)).toContain(drill.reference);
    expect(verifyBundle(Buffer.from(own.file.contentBase64, 'base64')).ok).toBe(true);
    const recordsPdf = Object.keys(ownFiles).find((f) => f.startsWith('records/incidents-'))!;
    expect(pdfText(Buffer.from(ownFiles[recordsPdf]!).toString('base64'), 'drill-bundle-records.pdf')).toContain(`[Exercice] ${drill.reference}`);
  });

  it('export their timeline marked as a drill in every format and language', async () => {
    const en = pdfText((await api('exports.timeline', { incidentId: drill.id, format: 'pdf', lang: 'en' })).file.contentBase64, 'drill-timeline-en.pdf');
    expect(en).toContain('[Drill] Incident timeline');
    expect(en).toContain('Drill: a breach exercise, not a personal-data breach.');
    const fr = pdfText((await api('exports.timeline', { incidentId: drill.id, format: 'pdf', lang: 'fr' })).file.contentBase64, 'drill-timeline-fr.pdf');
    expect(fr).toContain('[Exercice] Chronologie de l’incident');
    expect(fr).toContain('pas une violation de données personnelles');
    const csv = text((await api('exports.timeline', { incidentId: drill.id, format: 'csv', lang: 'en' })).file.contentBase64);
    expect(csv.split('\r\n')[1]).toMatch(/^# \[Drill\] Drill: a breach exercise/);
    const md = text((await api('exports.timeline', { incidentId: drill.id, format: 'md', lang: 'fr' })).file.contentBase64);
    expect(md).toContain('drill: true');
    expect(md).toContain(`# [Exercice] Chronologie de l’incident ${drill.reference}`);
    const json = JSON.parse(text((await api('exports.timeline', { incidentId: drill.id, format: 'json', lang: 'en' })).file.contentBase64));
    expect(json.incident.drill).toBe(true);
    expect((await api('timeline.get', { incidentId: drill.id })).incident.drill).toBe(true);
    // A real breach's timeline says nothing of drills.
    const realPdf = pdfText((await api('exports.timeline', { incidentId: real.id, format: 'pdf', lang: 'en' })).file.contentBase64, 'real-timeline.pdf');
    expect(realPdf).not.toContain('[Drill]');
    // The authority draft of a drill warns it must not be sent.
    const draft = await api('exports.notificationDraft', { incidentId: drill.id });
    expect(draft.en.markdown).toContain('[Drill] Draft initial notification');
    expect(draft.warnings.map((w) => w.en)).toContain('This incident is a drill: the draft is for the exercise and must not be sent to the authority.');
  });

  it('stay out of the annual report: its counts, its clocks and its late items', async () => {
    // Friday 6 March: both 72-hour clocks have passed unmet.
    clock.set('2026-03-06T12:00:00Z');
    const report = await api('reports.annual', { from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' });
    expect(report.incidents.total).toBe(1);
    expect(report.incidents.drillsLeftOut).toBe(1);
    expect(report.monthly.find((m) => m.month === '2026-03')?.incidents).toBe(1);
    const clocks = report.clocks.flatMap((g) => g.lateItems);
    expect(clocks.map((c) => c.reference)).toContain(real.reference);
    expect(clocks.map((c) => c.reference)).not.toContain(drill.reference);
    expect(report.clocks.reduce((n, g) => n + g.overdue, 0)).toBe(1);
  });

  it('leave their remediation actions out of the annual report’s action figures and deadlines, and say how many', async () => {
    clock.set('2026-03-06T12:00:00Z');
    const fromDrill = await api('actions.create', { title: 'Restaurer les sauvegardes RH (exercice)', owner: 'Cellule de crise', dueAt: '2026-03-13T17:00:00+01:00', originType: 'incident', originId: drill.id });
    const fromReal = await api('actions.create', { title: 'Encrypt payroll laptops', owner: 'IT', dueAt: '2026-03-13T17:00:00+01:00', originType: 'incident', originId: real.id });
    // Friday 20 March: both actions are a week overdue.
    clock.set('2026-03-20T12:00:00Z');
    const report = await api('reports.annual', { from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' });
    expect(report.actions.total).toBe(1);
    expect(report.actions.byStatus.reduce((n, c) => n + c.count, 0)).toBe(1);
    expect(report.actions.open.map((a) => a.reference)).toEqual([fromReal.reference]);
    expect(report.actions.openByAge.reduce((n, b) => n + b.count, 0)).toBe(1);
    expect(report.actions.drillsLeftOut).toBe(1);
    const action = report.clocks.find((g) => g.group === 'action')!;
    expect([action.total, action.overdue]).toEqual([1, 1]);
    expect(action.lateItems.map((i) => i.reference)).toEqual([fromReal.reference]);
    // The action's own clock is the exercise's: marked as a drill on the board and in its reminders.
    const { clocks } = await api('clocks.ofRecord', { recordType: 'action', recordId: fromDrill.id });
    expect(clocks.map((c) => [c.kind, c.drill])).toEqual([['action-due', true]]);
    expect((await api('clocks.ofRecord', { recordType: 'action', recordId: fromReal.id })).clocks[0]!.drill).toBe(false);
    // Said in the files, in both languages.
    const en = pdfText((await api('exports.report', { format: 'pdf', lang: 'en', from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' })).file.contentBase64, 'report-drill-actions-en.pdf');
    expect(en.replace(/\s+/g, ' ')).toContain('1 action arising from a drill (breach exercise) left out of every action figure and deadline of this report.');
    expect(en).not.toContain(fromDrill.reference);
    const fr = pdfText((await api('exports.report', { format: 'pdf', lang: 'fr', from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' })).file.contentBase64, 'report-drill-actions-fr.pdf');
    expect(fr.replace(/\s+/g, ' ')).toContain('1 action issue d’un exercice (simulation de violation) exclue de tous les chiffres et échéances d’actions de ce rapport.');
    const xlsx = await api('exports.report', { format: 'xlsx', lang: 'en', from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const summary = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(summary).toContainEqual(['Actions arising from drills left out', 1]);
    expect(wb.worksheets.flatMap((w) => w.getSheetValues().flat().map(String)).some((c) => c.includes(fromDrill.reference))).toBe(false);
  });

  it('are found by searching for a drill, and stay drills after the register is reopened', async () => {
    const hits = await api('search.query', { text: 'exercice' });
    expect(hits.hits.map((h) => h.reference)).toContain(drill.reference);
    expect((await api('search.query', { text: 'drill' })).hits.map((h) => h.reference)).not.toContain(real.reference);
    ws.close();
    ws = await startWorkstation(dir, { clock, reminderIntervalMs: 0 });
    await ws.unlock(PASSPHRASE);
    api = apiOf(ws);
    expect((await api('incidents.get', { id: drill.id })).incident.drill).toBe(true);
    expect((await api('incidents.list', {})).items.find((i) => i.id === drill.id)?.drill).toBe(true);
  });
});
