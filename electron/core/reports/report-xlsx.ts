import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Provenance } from '@shared/schemas/export';
import type { AnnualReport, Count } from '@shared/schemas/report';
import { regulatorLabel } from '@shared/reference/regulators';
import { label, tr, type Lang } from '../exports/labels';
import { provenanceLine } from '../exports/pdf';
import { PROVENANCE_SHEET, provenancePairs } from '../exports/register-export';
import { BUCKET_WORDS, codeWord, extraWord, GROUP_SHORT, GROUP_WORDS, type CountKind } from './words';
import { periodText, reportTitle } from './report-pdf';

/**
 * A spreadsheet cell for an instant: the wall time in the organisation's zone (a spreadsheet has
 * no time zones; the column header names the zone), as a real date cell so it sorts and filters.
 */
function wall(iso: string | null, zone: string): Date | null {
  if (!iso) return null;
  const t = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
}

const DATE_TIME = 'yyyy-mm-dd hh:mm';

/** The report's tables, one sheet each: numbers as numbers, dates as dates, rates as percentages. */
export async function reportXlsx(r: AnnualReport, lang: Lang, p: Provenance): Promise<Buffer> {
  const T = (en: string, fr: string) => tr({ en, fr }, lang);
  const zone = r.period.timeZone;
  const wb = new ExcelJS.Workbook();
  const title = reportTitle(r, lang);
  wb.creator = p.exportedBy;
  wb.lastModifiedBy = p.exportedBy;
  wb.created = new Date(p.exportedAt);
  wb.modified = new Date(p.exportedAt);
  wb.title = `${title} — ${p.organisation}`;
  wb.subject = `${periodText(r, lang)} — ${provenanceLine(p, lang)}`;
  wb.description = provenanceLine(p, lang);
  wb.keywords = `period-from:${r.period.from}; period-to:${r.period.to}; audit-head:${p.auditHeadHash}; profile:${p.redaction?.id ?? 'full'}`;
  wb.company = p.organisation;
  wb.category = `${p.app} export`;

  const sheet = (name: string, cols: { header: string; width: number; numFmt?: string }[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    for (const row of rows) ws.addRow(row);
    cols.forEach((c, k) => {
      if (c.numFmt) ws.getColumn(k + 1).numFmt = c.numFmt;
    });
    if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
    return ws;
  };
  const at = (s: string) => `${s} (${zone})`;

  sheet(
    T('Summary', 'Synthèse'),
    [
      { header: T('Figure', 'Indicateur'), width: 48 },
      { header: T('Value', 'Valeur'), width: 14 },
    ],
    [
      [T('Complaints received', 'Réclamations reçues'), r.complaints.total],
      [T('of which forwarded by a regulator', 'dont transmises par une autorité'), r.forwarded.total],
      [T('Response periods extended in time', 'Délais de réponse prorogés à temps'), r.complaints.extended],
      [T('Incidents (awareness in the period)', 'Incidents (connaissance sur la période)'), r.incidents.total],
      [T('Incidents with special categories of data', 'Incidents avec catégories particulières de données'), r.incidents.specialCategories],
      [T('Drills (breach exercises) left out', 'Exercices (simulations de violation) exclus'), r.incidents.drillsLeftOut ?? 0],
      [T('Letters with regulators', 'Courriers avec les autorités'), r.letters.total],
      [T('Regulator procedures open in the period', 'Procédures ouvertes sur la période'), r.matters.total],
      [T('Procedures opened', 'Procédures ouvertes'), r.matters.opened],
      [T('Procedures closed', 'Procédures closes'), r.matters.closed],
      [T('Remediation actions planned', 'Actions correctives prévues'), r.actions.total],
      [T('Actions open at the end', 'Actions ouvertes à la fin'), r.actions.open.length],
      [T('Actions arising from drills left out', 'Actions issues d’exercices exclues'), r.actions.drillsLeftOut ?? 0],
    ],
  );

  sheet(
    T('Deadlines', 'Échéances'),
    [
      { header: T('Kind of deadline', 'Type d’échéance'), width: 42 },
      { header: T('Due in the period', 'Échues sur la période'), width: 12 },
      { header: T('On time', 'À temps'), width: 10 },
      { header: T('Late', 'En retard'), width: 10 },
      { header: T('Overdue', 'Dépassées'), width: 10 },
      { header: T('Running', 'En cours'), width: 10 },
      { header: T('Stopped', 'Arrêtées'), width: 10 },
      { header: T('On-time rate', 'Taux à temps'), width: 12, numFmt: '0.0%' },
      { header: T('Median time (hours)', 'Délai médian (heures)'), width: 14, numFmt: '0.0' },
      { header: T('90th percentile (hours)', '90e centile (heures)'), width: 14, numFmt: '0.0' },
    ],
    r.clocks.map((c) => [tr(GROUP_WORDS[c.group].name, lang), c.total, c.onTime, c.late, c.overdue, c.running, c.stopped, c.onTimeRate, c.medianHours, c.p90Hours]),
  );

  sheet(
    T('Late items', 'Retards'),
    [
      { header: T('Kind of deadline', 'Type d’échéance'), width: 26 },
      { header: T('Reference', 'Référence'), width: 16 },
      { header: T('Title', 'Intitulé'), width: 36 },
      { header: T('Client', 'Client'), width: 20 },
      { header: at(T('Deadline', 'Échéance')), width: 20, numFmt: DATE_TIME },
      { header: at(T('Done', 'Fait')), width: 20, numFmt: DATE_TIME },
      { header: T('State', 'État'), width: 14 },
      { header: T('Hours late', 'Heures de retard'), width: 12, numFmt: '0.0' },
      { header: T('Reasons recorded', 'Motifs consignés'), width: 60 },
    ],
    r.clocks.flatMap((c) =>
      c.lateItems.map((i) => [
        tr(GROUP_SHORT[c.group], lang),
        i.reference,
        i.title,
        i.party ?? '',
        wall(i.due, zone),
        wall(i.metAt, zone),
        extraWord(i.state, lang),
        i.hoursLate,
        [i.reasons, ...i.flags.map((f) => extraWord(f, lang))].filter(Boolean).join(' · '),
      ]),
    ),
  );

  const counts = (name: string, tables: [string, Count[], CountKind][]) =>
    sheet(
      name,
      [
        { header: T('Counted by', 'Compté par'), width: 30 },
        { header: T('Value', 'Valeur'), width: 40 },
        { header: T('Code', 'Code'), width: 24 },
        { header: T('Records', 'Dossiers'), width: 10 },
      ],
      tables.flatMap(([dim, list, kind]) => list.map((c) => [dim, codeWord(kind, c.key, lang), c.key, c.count])),
    );
  counts(T('Complaints', 'Réclamations'), [
    [T('Channel', 'Canal'), r.complaints.byChannel, 'channel'],
    [T('Right invoked', 'Droit invoqué'), r.complaints.byRight, 'right'],
    [T('Status', 'Statut'), r.complaints.byOutcome, 'complaintStatus'],
    [T('Forwarded by', 'Transmise par'), r.complaints.byRegulator, 'regulator'],
  ]);
  counts(T('Incidents', 'Incidents'), [
    [T('Nature', 'Nature'), r.incidents.byNature, 'nature'],
    [T('Our role', 'Notre rôle'), r.incidents.byRole, 'role'],
    [T('Risk', 'Risque'), r.incidents.byRisk, 'risk'],
    [T('Towards the authority', 'Vis-à-vis de l’autorité'), r.incidents.byOutcome, 'extra'],
    [T('Status', 'Statut'), r.incidents.byStatus, 'incidentStatus'],
  ]);
  counts(T('Letters', 'Courriers'), [
    [T('Direction', 'Sens'), r.letters.byDirection, 'direction'],
    [T('Kind', 'Type'), r.letters.byKind, 'letterKind'],
    [T('Regulator', 'Autorité'), r.letters.byRegulator, 'regulator'],
  ]);
  counts(T('Actions', 'Actions'), [
    [T('Status', 'Statut'), r.actions.byStatus, 'actionStatus'],
    [T('Priority', 'Priorité'), r.actions.byPriority, 'priority'],
  ]);

  sheet(
    T('Forwarded complaints', 'Réclamations transmises'),
    [
      { header: T('Reference', 'Référence'), width: 16 },
      { header: T('Regulator', 'Autorité'), width: 16 },
      { header: T('Regulator’s reference', 'Référence de l’autorité'), width: 20 },
      { header: at(T('Received', 'Reçue')), width: 20, numFmt: DATE_TIME },
      { header: T('Status', 'Statut'), width: 16 },
      { header: at(T('Answered', 'Répondue')), width: 20, numFmt: DATE_TIME },
      { header: T('Art. 12(3) response', 'Réponse art. 12.3'), width: 18 },
    ],
    r.forwarded.items.map((f) => [f.reference, regulatorLabel(f.regulator), f.regulatorReference, wall(f.receivedAt, zone), label('complaintStatus', f.status, lang), wall(f.answeredAt, zone), extraWord(f.clock, lang)]),
  );

  sheet(
    T('Procedures', 'Procédures'),
    [
      { header: T('Procedure', 'Procédure'), width: 16 },
      { header: T('Title', 'Intitulé'), width: 36 },
      { header: T('Regulator', 'Autorité'), width: 14 },
      { header: T('Kind', 'Type'), width: 26 },
      { header: T('Status', 'Statut'), width: 10 },
      { header: at(T('Opened', 'Ouverte')), width: 20, numFmt: DATE_TIME },
      { header: at(T('Closed', 'Close')), width: 20, numFmt: DATE_TIME },
      { header: T('Steps in the period', 'Étapes sur la période'), width: 12 },
      { header: T('Steps in all', 'Étapes en tout'), width: 12 },
    ],
    r.matters.items.map((m) => [m.reference, m.title, regulatorLabel(m.regulator), codeWord('matterKind', m.kind, lang), m.status === 'open' ? T('Open', 'Ouverte') : T('Closed', 'Close'), wall(m.openedAt, zone), wall(m.closedAt, zone), m.steps.length, m.stepsInAll]),
  );

  sheet(
    T('Procedure steps', 'Étapes des procédures'),
    [
      { header: T('Procedure', 'Procédure'), width: 16 },
      { header: at(T('Date', 'Date')), width: 20, numFmt: DATE_TIME },
      { header: T('Letter', 'Courrier'), width: 16 },
      { header: T('Direction', 'Sens'), width: 10 },
      { header: T('Step', 'Étape'), width: 26 },
      { header: T('Subject', 'Objet'), width: 50 },
    ],
    r.matters.items.flatMap((m) => m.steps.map((s) => [m.reference, wall(s.date, zone), s.reference, label('direction', s.direction, lang), label('letterKind', s.kind, lang), s.subject])),
  );

  sheet(
    T('Open actions', 'Actions ouvertes'),
    [
      { header: T('Reference', 'Référence'), width: 14 },
      { header: T('Title', 'Intitulé'), width: 40 },
      { header: T('Owner', 'Responsable'), width: 20 },
      { header: T('Priority', 'Priorité'), width: 10 },
      { header: at(T('Planned', 'Prévue le')), width: 20, numFmt: DATE_TIME },
      { header: at(T('Due', 'Échéance')), width: 20, numFmt: DATE_TIME },
      { header: T('Age (days)', 'Ancienneté (jours)'), width: 12 },
      { header: T('Age bucket', 'Tranche d’ancienneté'), width: 18 },
    ],
    r.actions.open.map((a) => [a.reference, a.title, a.owner, label('priority', a.priority, lang), wall(a.createdAt, zone), wall(a.dueAt, zone), a.ageDays, tr(BUCKET_WORDS[a.bucket], lang)]),
  );

  sheet(
    T('Month by month', 'Mois par mois'),
    [
      { header: T('Month', 'Mois'), width: 12, numFmt: 'yyyy-mm' },
      { header: T('Complaints received', 'Réclamations reçues'), width: 14 },
      { header: T('Incidents', 'Incidents'), width: 12 },
      { header: T('Letters with regulators', 'Courriers avec les autorités'), width: 14 },
    ],
    r.monthly.map((m) => [new Date(`${m.month}-01T00:00:00Z`), m.complaints, m.incidents, m.letters]),
  );

  const pv = wb.addWorksheet(PROVENANCE_SHEET);
  pv.columns = [{ width: 34 }, { width: 80 }];
  pv.addRow([T('Report', 'Rapport'), title]);
  pv.addRow([T('Period', 'Période'), periodText(r, lang)]);
  pv.addRow([T('Period from (UTC, included)', 'Période du (UTC, inclus)'), r.period.from]);
  pv.addRow([T('Period to (UTC, excluded)', 'Période au (UTC, exclu)'), r.period.to]);
  pv.addRow([T('Deadlines judged at (UTC)', 'Échéances appréciées au (UTC)'), r.at]);
  for (const row of provenancePairs(p, lang)) pv.addRow(row);
  pv.getColumn(1).font = { bold: true };
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
