import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { ApiError } from '@shared/api/contract';
import { registerNamed } from '@shared/registers';
import { LetterKind } from '@shared/schemas/letter';
import type { Provenance, RegisterExportInput, RegisterName } from '@shared/schemas/export';
import type { z } from 'zod';
import { fieldsOf, REGISTER_TITLES, type FieldSpec, type Lookups } from '../imports/fields';
import type { Job } from '../jobs/jobs';
import { toUtc } from '../registers/context';
import { columnOf } from '../registers/record-table';
import { csvCell, csvFile, provenanceComment } from './csv';
import { safeName, type ExchangeContext } from './context';
import { deadlineCell, isoLocal, label, tr, type Lang } from './labels';
import { provenanceLine, redactionText } from './pdf';
import { exportRedactorFor } from './redaction';
import type { Redactor } from '@shared/redaction';
import { registerPdf } from './register-pdf';
import { drillsLeftOutText } from '@shared/drills';

type Query = z.infer<typeof RegisterExportInput>;

interface ExportTable {
  table: string;
  /** The column (or expression) of the register's main date. */
  date: string;
  /** Whether that date is a calendar day (YYYY-MM-DD) rather than an instant. */
  day: boolean;
  status: string;
  statuses: readonly string[];
}

/** Table, main date and statuses from the register's declaration; letters file by received or sent and filter on their state. */
function exportTable(register: RegisterName): ExportTable {
  const d = registerNamed(register);
  if (register === 'letters') {
    return {
      table: d.table,
      date: 'COALESCE(received_at, sent_at)',
      day: false,
      // Letters have no status of their own: filter on their kind, or on awaiting_reply / answered.
      status: `CASE WHEN reply_due IS NOT NULL AND answered_at IS NULL THEN 'awaiting_reply' WHEN answered_at IS NOT NULL THEN 'answered' ELSE kind END`,
      statuses: [...LetterKind.options, 'awaiting_reply', 'answered'],
    };
  }
  return { table: d.table, date: columnOf(d.dateField), day: register === 'contracts', status: 'status', statuses: d.statuses };
}

/** The first local day that starts at or after an instant: a day-dated record is in [from, to) when its day's start is. */
function dayFrom(instant: string, zone: string): string {
  const t = DateTime.fromISO(instant, { zone });
  const start = t.startOf('day');
  return (start.toMillis() === t.toMillis() ? start : start.plus({ days: 1 })).toISODate()!;
}

export function lookups(x: ExchangeContext): Lookups {
  const r = x.d.registers;
  return {
    matterRef: (id) => (id ? (r.matters.find(id)?.reference ?? '') : ''),
    letterRef: (id) => (id ? (r.letters.find(id)?.reference ?? '') : ''),
    originRef: (type, id) => {
      if (!type || !id) return '';
      if (type === 'incident') return r.incidents.find(id)?.reference ?? '';
      if (type === 'complaint') return r.complaints.find(id)?.reference ?? '';
      if (type === 'letter') return r.letters.find(id)?.reference ?? '';
      if (type === 'matter') return r.matters.find(id)?.reference ?? '';
      return '';
    },
    notifications: (id) => r.incidents.notifications.byIncident(id),
    clients: (id) => r.incidents.clients.byIncident(id),
  };
}

/** A cell as exports write it: instants in the organisation's zone with their offset, enums as labels. */
export function cellValue(spec: FieldSpec<never>, rec: never, l: Lookups, lang: Lang, zone: string): string | number {
  if (spec.format) return spec.format(rec, l, lang, zone);
  const v = spec.get(rec, l);
  if (v == null) return '';
  switch (spec.type) {
    case 'instant':
      return isoLocal(String(v), zone);
    case 'deadline':
      return deadlineCell(String(v), zone);
    case 'date':
      return String(v);
    case 'enum':
      return spec.enumKind ? label(spec.enumKind, String(v), lang) : String(v);
    case 'list':
      return (Array.isArray(v) ? v : [String(v)]).map((x) => (spec.enumKind ? label(spec.enumKind, x, lang) : x)).join('; ');
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return label('boolean', String(v), lang);
    default:
      return Array.isArray(v) ? v.join('\n') : String(v);
  }
}

/**
 * Reads the register's records in chunks (yielding between them), then checks that nothing was
 * written meanwhile: the file and the audit head it carries describe one state of the register.
 */
async function readRecords(x: ExchangeContext, q: Query, job: Job): Promise<{ records: unknown[]; provenance: Provenance }> {
  const t = exportTable(q.register);
  const zone = x.d.organisation().timeZone;
  const bound = (instant: string) => (t.day ? dayFrom(instant, zone) : toUtc(instant));
  for (const s of q.status ?? []) {
    if (!t.statuses.includes(s)) throw new ApiError('VALIDATION_FAILED', `Unknown status "${s}" for ${q.register}: use one of ${t.statuses.join(', ')}.`, [{ path: 'status', message: `Unknown status ${s}` }]);
  }
  const where: string[] = [];
  const params: unknown[] = [];
  if (!q.includeArchived) where.push('archived_at IS NULL');
  if (q.from) {
    where.push(`${t.date} >= ?`);
    params.push(bound(q.from));
  }
  if (q.to) {
    where.push(`${t.date} < ?`);
    params.push(bound(q.to));
  }
  if (q.status?.length) {
    where.push(`(${t.status}) IN (${q.status.map(() => '?').join(',')})`);
    params.push(...q.status);
  }
  const provenance: Provenance = x.provenance();
  if (q.register === 'incidents') {
    // The breach register is the regulator's: a breach exercise is not a breach. How many were
    // left out is said in the provenance, so a reader knows the app has them.
    const drills = x.d.ctx.db.prepare(`SELECT count(*) AS n FROM ${t.table} WHERE drill = 1${where.length ? ` AND ${where.join(' AND ')}` : ''}`).get(...params) as { n: number };
    if (drills.n > 0) provenance.drillsLeftOut = drills.n;
    where.push('drill = 0');
  }
  const ids = (x.d.ctx.db.prepare(`SELECT id FROM ${t.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${t.date} IS NULL, ${t.date}, reference, id`).all(...params) as { id: string }[]).map(
    (r) => r.id,
  );
  const reg = registerOf(x, q.register);
  await job.start('reading', ids.length);
  const records: unknown[] = [];
  for (let k = 0; k < ids.length; k++) {
    records.push(reg.get(ids[k]!));
    await job.tick(k + 1);
  }
  if (x.d.ctx.audit.headHash() !== provenance.auditHeadHash) {
    throw new ApiError('CONFLICT', 'The register changed while it was being exported; export it again.');
  }
  return { records, provenance };
}

export function registerOf(x: ExchangeContext, register: RegisterName): { get(id: string): unknown } {
  return x.d.registers[register];
}

/** The sub-records an export looks up (an incident's notifications and clients), through the export's profile. */
export function redactedLookups(x: ExchangeContext, redactor: Redactor): Lookups {
  const base = lookups(x);
  return {
    ...base,
    notifications: (id) => base.notifications(id).map((n) => redactor.part('incidents', 'notifications', n)),
    clients: (id) => base.clients(id).map((c) => redactor.part('incidents', 'clients', c)),
  };
}

export async function exportRegister(x: ExchangeContext, q: Query, job: Job): Promise<{ fileName: string; bytes: Buffer; provenance: Provenance; rows: number }> {
  const { redactor, redaction } = exportRedactorFor(x, q.profile, q.lang);
  const read = await readRecords(x, q, job);
  // The profile is applied here, once, to the records and the sub-records every format reads.
  const records = read.records.map((r) => redactor.record(q.register, r as object));
  const provenance: Provenance = { ...read.provenance, redaction };
  const specs = fieldsOf(q.register);
  const zone = provenance.timeZone;
  const l = redactedLookups(x, redactor);
  const day = isoLocal(provenance.exportedAt, zone).slice(0, 10);
  const fileName = `${safeName(tr(REGISTER_TITLES[q.register], q.lang))}-${day}.${q.format}`;
  await job.start('rendering', records.length);
  let bytes: Buffer;
  if (q.format === 'csv') {
    const lines = [provenanceComment(provenance), specs.map((s) => csvCell(tr(s.label, q.lang))).join(',')];
    for (let k = 0; k < records.length; k++) {
      const rec = records[k] as never;
      lines.push(specs.map((s) => {
        const v = cellValue(s, rec, l, q.lang, zone);
        return csvCell(String(v), s.type === 'text' || s.type === 'reference' || s.type === 'list');
      }).join(','));
      await job.tick(k + 1);
    }
    bytes = csvFile(lines);
  } else if (q.format === 'xlsx') {
    bytes = await xlsx(q, specs, records, l, provenance, job);
  } else {
    bytes = await registerPdf(x, q, records, provenance, job, l, (register, field, v) => redactor.text(register, field, v) ?? '');
  }
  job.check();
  return { fileName, bytes, provenance, rows: records.length };
}

/** Provenance as key/value pairs: the XLSX second sheet and document properties. */
export function provenancePairs(p: Provenance, lang: Lang): [string, string | number][] {
  const fr = lang === 'fr';
  return [
    [fr ? 'Application' : 'Application', `${p.app} ${p.appVersion}`],
    [fr ? 'Organisme' : 'Organisation', p.organisation],
    [fr ? 'Exporté le (UTC)' : 'Exported at (UTC)', p.exportedAt],
    [fr ? 'Exporté par' : 'Exported by', p.exportedBy],
    [fr ? 'Poste' : 'Device', p.deviceId],
    [fr ? 'Empreinte du journal d’audit' : 'Audit log head hash', p.auditHeadHash],
    [fr ? 'Entrées du journal d’audit' : 'Audit log entries', p.auditEntries],
    [fr ? 'Fuseau horaire' : 'Time zone', p.timeZone],
    ...(p.redaction ? [[fr ? 'Profil de masquage' : 'Redaction profile', redactionText(p, lang)] as [string, string]] : []),
    ...(p.drillsLeftOut ? [[fr ? 'Exercices' : 'Drills', drillsLeftOutText(p.drillsLeftOut, lang)] as [string, string]] : []),
    [
      fr ? 'Échéances en jours' : 'Deadlines counted in days',
      fr ? 'indiquées par leur dernier jour : le délai court jusqu’à la fin de ce jour (fuseau ci-dessus)' : 'given as their last day: the period runs to the end of that day (time zone above)',
    ],
  ];
}

export const PROVENANCE_SHEET = 'Provenance';

/** Calendar days as date cells (a spreadsheet sorts and filters them as dates); numbers stay numbers. */
function xlsxCell(spec: FieldSpec<never>, v: string | number): string | number | Date {
  return spec.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;
}

async function xlsx(q: Query, specs: FieldSpec<never>[], records: unknown[], l: Lookups, p: Provenance, job: Job): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const title = tr(REGISTER_TITLES[q.register], q.lang);
  wb.creator = p.exportedBy;
  wb.lastModifiedBy = p.exportedBy;
  wb.created = new Date(p.exportedAt);
  wb.modified = new Date(p.exportedAt);
  wb.title = `${title} — ${p.organisation}`;
  wb.subject = provenanceLine(p, q.lang);
  wb.keywords = `audit-head:${p.auditHeadHash}; audit-entries:${p.auditEntries}; app-version:${p.appVersion}; exported-at:${p.exportedAt}; exported-by:${p.exportedBy}`;
  wb.description = provenanceLine(p, q.lang);
  wb.company = p.organisation;
  wb.category = `${p.app} export`;
  const ws = wb.addWorksheet(title.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = specs.map((s) => ({ header: tr(s.label, q.lang), key: s.field, width: s.type === 'text' ? 40 : s.type === 'instant' ? 26 : 18 }));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  const zone = p.timeZone;
  for (let k = 0; k < records.length; k++) {
    const rec = records[k] as never;
    ws.addRow(specs.map((s) => xlsxCell(s, cellValue(s, rec, l, q.lang, zone))));
    await job.tick(k + 1);
  }
  specs.forEach((s, k) => {
    if (s.type === 'date') ws.getColumn(k + 1).numFmt = 'yyyy-mm-dd';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: specs.length } };
  const pv = wb.addWorksheet(PROVENANCE_SHEET);
  pv.columns = [{ width: 34 }, { width: 80 }];
  for (const row of provenancePairs(p, q.lang)) pv.addRow(row);
  pv.getColumn(1).font = { bold: true };
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
