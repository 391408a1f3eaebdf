import type { Provenance } from '@shared/schemas/export';
import type { AnnualReport, ClockFigures, LateItem } from '@shared/schemas/report';
import { drillActionsLeftOutText, drillsLeftOutText } from '@shared/drills';
import { formatDate } from '@shared/format/dates';
import { regulatorLabel } from '@shared/reference/regulators';
import { fmtDate, fmtDeadline, fmtNumber, label, tr, type Lang } from '../exports/labels';
import { COLORS, Pdf, provenanceKeywords, provenanceLine, type Cell } from '../exports/pdf';
import { colophon } from '../exports/timeline-export';
import type { Job } from '../jobs/jobs';
import { barChart, lineChart, stackedBars, type Bar } from './charts';
import { BUCKET_WORDS, codeWord, duration, extraWord, GROUP_SHORT, GROUP_WORDS, pct, worded, type CountKind } from './words';
import type { Count } from '@shared/schemas/report';

/** "1 Jan 2026 – 31 Dec 2026": the period's first and last day (its end is excluded). */
export function periodText(r: AnnualReport, lang: Lang): string {
  const last = new Date(Date.parse(r.period.to) - 1).toISOString();
  return `${formatDate(r.period.from, r.period.timeZone, lang)} – ${formatDate(last, r.period.timeZone, lang)}`;
}

/** "Annual report 2026" when the period is one calendar year, else "Report for 1 Mar 2026 – 28 Feb 2027". */
export function reportTitle(r: AnnualReport, lang: Lang): string {
  const from = r.period.from;
  const y = new Intl.DateTimeFormat('en-CA', { timeZone: r.period.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  const a = y.format(new Date(from));
  const b = y.format(new Date(r.period.to));
  const year = a.slice(0, 4);
  if (a.endsWith('-01-01, 00') && b === `${Number(year) + 1}-01-01, 00`) return lang === 'fr' ? `Rapport annuel ${year}` : `Annual report ${year}`;
  return lang === 'fr' ? `Rapport du ${periodText(r, lang)}` : `Report for ${periodText(r, lang)}`;
}

/**
 * The annual report as a PDF (portrait A4): the key figures and on-time rates first, the month by
 * month line, then each register's counts as bar charts, the late items with their reasons, the
 * forwarded complaints, the regulator procedures and their steps, the open actions by age, and the
 * provenance (period and profile included). `r` is already read through the export's profile.
 */
export async function reportPdf(r: AnnualReport, lang: Lang, p: Provenance, job: Job): Promise<Buffer> {
  const zone = r.period.timeZone;
  const T = (en: string, fr: string) => tr({ en, fr }, lang);
  const title = reportTitle(r, lang);
  const pdf = new Pdf({
    lang,
    title: `${title} — ${p.organisation}`,
    footerLabel: title,
    provenance: p,
    subject: `${title} — ${periodText(r, lang)} — ${provenanceLine(p, lang)}`,
    keywords: ['PrivacyOps', title, `period-from:${r.period.from}`, `period-to:${r.period.to}`, ...provenanceKeywords(p)],
  });
  const doc = pdf.doc;
  const W = pdf.width;
  const half = (W - 18) / 2;
  const noData = T('None in the period.', 'Aucun sur la période.');

  pdf.font('bold', 9, COLORS.muted);
  doc.text(p.organisation.toUpperCase(), pdf.left, pdf.y, { characterSpacing: 0.6 });
  pdf.font('title', 19, COLORS.header);
  doc.text(title, pdf.left, doc.y + 2);
  pdf.paragraph(
    T(
      `Period: ${periodText(r, lang)} (times in ${zone}) · deadlines judged on ${fmtDate(r.at, lang, zone)} · profile: ${redactionName(p, lang)}`,
      `Période : ${periodText(r, lang)} (fuseau ${zone}) · échéances appréciées au ${fmtDate(r.at, lang, zone)} · profil : ${redactionName(p, lang)}`,
    ),
    { size: 8.5, color: COLORS.muted, gapAfter: 8 },
  );

  // Key figures.
  pdf.heading(T('The year in figures', 'L’année en chiffres'), 12, 4);
  const n = (v: number) => fmtNumber(v, lang);
  pdf.facts(
    [
      [T('Complaints received', 'Réclamations reçues'), `${n(r.complaints.total)} ${T(`(${n(r.forwarded.total)} forwarded by a regulator)`, `(dont ${n(r.forwarded.total)} transmises par une autorité)`)}`],
      [T('Incidents (awareness in the period)', 'Incidents (connaissance sur la période)'), n(r.incidents.total)],
      [T('Letters with regulators', 'Courriers avec les autorités'), n(r.letters.total)],
      [T('Regulator procedures', 'Procédures avec les autorités'), T(`${n(r.matters.total)} (${n(r.matters.opened)} opened, ${n(r.matters.closed)} closed)`, `${n(r.matters.total)} (${n(r.matters.opened)} ouvertes, ${n(r.matters.closed)} closes)`)],
      [T('Remediation actions planned', 'Actions correctives prévues'), n(r.actions.total)],
      [T('Actions open', 'Actions ouvertes'), T(`${n(r.actions.open.length)} on ${fmtDate(r.actions.openAt, lang, zone)}`, `${n(r.actions.open.length)} au ${fmtDate(r.actions.openAt, lang, zone)}`)],
    ],
    2,
  );

  // On-time rates: one stacked bar per kind of clock.
  pdf.y += 4;
  pdf.ensure(150);
  pdf.y += stackedBars(pdf, {
    x: pdf.left,
    y: pdf.y,
    width: W,
    title: T('Deadlines met on time, by kind (deadlines due in the period)', 'Échéances respectées, par type (échéances tombant sur la période)'),
    rows: r.clocks.map((c) => ({
      label: tr(GROUP_SHORT[c.group], lang),
      parts: [
        { value: c.onTime, fill: 'solid' },
        { value: c.late, fill: 'hatch' },
        { value: c.overdue, fill: 'cross' },
      ],
      note: c.onTime + c.late + c.overdue === 0 ? T('none judged', 'aucune appréciée') : T(`${pct(c.onTimeRate, lang)} on time (${c.onTime}/${c.onTime + c.late + c.overdue})`, `${pct(c.onTimeRate, lang)} à temps (${c.onTime}/${c.onTime + c.late + c.overdue})`),
    })),
    legend: [
      { fill: 'solid', label: T('on time', 'dans les délais') },
      { fill: 'hatch', label: T('late', 'en retard') },
      { fill: 'cross', label: T('overdue, not done', 'dépassée, non faite') },
    ],
  });
  pdf.y += 6;
  await pdf.table(
    [
      { header: T('Kind of deadline', 'Type d’échéance'), width: W - 8 * 46 },
      { header: T('Due', 'Échues'), width: 46, align: 'right' },
      { header: T('On time', 'À temps'), width: 46, align: 'right' },
      { header: T('Late', 'En retard'), width: 46, align: 'right' },
      { header: T('Overdue', 'Dépassées'), width: 46, align: 'right' },
      { header: T('Running / stopped', 'En cours / arrêtées'), width: 46, align: 'right' },
      { header: T('On-time rate', 'Taux à temps'), width: 46, align: 'right' },
      { header: T('Median time', 'Délai médian'), width: 46, align: 'right' },
      { header: T('90th centile', '90e centile'), width: 46, align: 'right' },
    ],
    r.clocks.map((c) => clockRow(c, lang)),
    { size: 7.4 },
  );
  pdf.paragraph(
    T(
      'A deadline counts in the period when it falls due in it. On time: the act (answer, notification, reply, action done) was recorded by the deadline; late: after it; overdue: not recorded and past due on the day the deadline was judged. Times run from the start of each clock to the act, over the deadlines met: the median is the middle value, the 90th percentile the value 9 in 10 acts did not exceed (nearest rank).',
      'Une échéance compte dans la période quand elle y tombe. À temps : l’acte (réponse, notification, réponse à l’autorité, action réalisée) a été consigné au plus tard à l’échéance ; en retard : après ; dépassée : non consigné et échéance passée au jour de l’appréciation. Les délais courent du départ de chaque compteur jusqu’à l’acte, sur les échéances respectées ou non : la médiane est la valeur du milieu, le 90e centile la valeur que 9 actes sur 10 n’ont pas dépassée (rang le plus proche).',
    ),
    { size: 7.4, color: COLORS.muted },
  );

  // Month by month.
  pdf.ensure(170);
  pdf.y += 6;
  pdf.y += lineChart(pdf, {
    x: pdf.left,
    y: pdf.y,
    width: W,
    height: 110,
    title: T('Month by month', 'Mois par mois'),
    months: r.monthly.map((m) => m.month),
    series: [
      { name: T('Complaints received', 'Réclamations reçues'), values: r.monthly.map((m) => m.complaints), dash: null, marker: 'circle' },
      { name: T('Incidents', 'Incidents'), values: r.monthly.map((m) => m.incidents), dash: [5, 2.5], marker: 'square' },
      { name: T('Letters with regulators', 'Courriers avec les autorités'), values: r.monthly.map((m) => m.letters), dash: [1.5, 2], marker: 'triangle' },
    ],
    lang,
  });
  await job.tick(1);

  /** A section's heading never ends a page alone: it starts with room for its first chart or table. */
  const section = () => pdf.ensure(130);

  /** Two charts side by side, a new page first when they do not fit. */
  const pair = (a: { title: string; counts: Count[]; kind: CountKind }, b?: { title: string; counts: Count[]; kind: CountKind }) => {
    const rows = Math.max(a.counts.length, b?.counts.length ?? 0, 1);
    pdf.ensure(24 + rows * 11);
    const y0 = pdf.y;
    const h1 = barChart(pdf, { x: pdf.left, y: y0, width: half, title: a.title, bars: worded(a.counts, a.kind, lang), lang, empty: noData });
    const h2 = b ? barChart(pdf, { x: pdf.left + half + 18, y: y0, width: half, title: b.title, bars: worded(b.counts, b.kind, lang), lang, empty: noData }) : 0;
    pdf.y = y0 + Math.max(h1, h2) + 6;
  };

  // Complaints.
  section();
  pdf.heading(T(`Complaints (${n(r.complaints.total)})`, `Réclamations (${n(r.complaints.total)})`), 12, 12);
  pair({ title: T('By channel', 'Par canal'), counts: r.complaints.byChannel, kind: 'channel' }, { title: T('By right invoked', 'Par droit invoqué'), counts: r.complaints.byRight, kind: 'right' });
  pair(
    { title: T('Where they stand', 'Où elles en sont'), counts: r.complaints.byOutcome, kind: 'complaintStatus' },
    { title: T('Forwarded, by regulator', 'Transmises, par autorité'), counts: r.complaints.byRegulator, kind: 'regulator' },
  );
  pdf.paragraph(T(`${n(r.complaints.extended)} response period(s) extended by a notice sent within the first month.`, `${n(r.complaints.extended)} délai(s) de réponse prorogé(s) par un avis envoyé dans le premier mois.`), { size: 8 });

  // Incidents.
  section();
  pdf.heading(T(`Incidents (${n(r.incidents.total)})`, `Incidents (${n(r.incidents.total)})`), 12, 12);
  pair({ title: T('By nature of the breach', 'Par nature de la violation'), counts: r.incidents.byNature, kind: 'nature' }, { title: T('By our role', 'Par notre rôle'), counts: r.incidents.byRole, kind: 'role' });
  pair({ title: T('By risk', 'Par risque'), counts: r.incidents.byRisk, kind: 'risk' }, { title: T('Towards the authority', 'Vis-à-vis de l’autorité'), counts: r.incidents.byOutcome, kind: 'extra' });
  pdf.paragraph(T(`${n(r.incidents.specialCategories)} incident(s) concerned special categories of data (Art. 9, 10).`, `${n(r.incidents.specialCategories)} incident(s) portai(en)t sur des catégories particulières de données (art. 9, 10).`), { size: 8 });
  if (r.incidents.drillsLeftOut) pdf.paragraph(T(`${drillsLeftOutText(r.incidents.drillsLeftOut, lang)} of every figure of this report.`, `${drillsLeftOutText(r.incidents.drillsLeftOut, lang)} de tous les chiffres de ce rapport.`), { size: 8 });

  // Letters and procedures.
  section();
  pdf.heading(T(`Regulators: letters (${n(r.letters.total)}) and procedures (${n(r.matters.total)})`, `Autorités : courriers (${n(r.letters.total)}) et procédures (${n(r.matters.total)})`), 12, 12);
  pair({ title: T('Letters by kind', 'Courriers par type'), counts: r.letters.byKind, kind: 'letterKind' }, { title: T('Letters by regulator', 'Courriers par autorité'), counts: r.letters.byRegulator, kind: 'regulator' });
  pair({ title: T('Procedures by kind', 'Procédures par type'), counts: r.matters.byKind, kind: 'matterKind' }, { title: T('Letters received and sent', 'Courriers reçus et envoyés'), counts: r.letters.byDirection, kind: 'direction' });

  // Actions.
  section();
  pdf.heading(T(`Remediation actions (${n(r.actions.total)} planned)`, `Actions correctives (${n(r.actions.total)} prévues)`), 12, 12);
  pair({ title: T('Planned in the period, where they stand', 'Prévues sur la période, où elles en sont'), counts: r.actions.byStatus, kind: 'actionStatus' }, { title: T('By priority', 'Par priorité'), counts: r.actions.byPriority, kind: 'priority' });
  {
    pdf.ensure(90);
    const y0 = pdf.y;
    const bars: Bar[] = r.actions.openByAge.map((b) => ({ label: tr(BUCKET_WORDS[b.bucket], lang), value: b.count }));
    pdf.y = y0 + barChart(pdf, { x: pdf.left, y: y0, width: half, title: T(`Open on ${fmtDate(r.actions.openAt, lang, zone)}, by age`, `Ouvertes au ${fmtDate(r.actions.openAt, lang, zone)}, par ancienneté`), bars, lang, empty: noData }) + 6;
  }
  if (r.actions.drillsLeftOut) pdf.paragraph(T(`${drillActionsLeftOutText(r.actions.drillsLeftOut, lang)} of every action figure and deadline of this report.`, `${drillActionsLeftOutText(r.actions.drillsLeftOut, lang)} de tous les chiffres et échéances d’actions de ce rapport.`), { size: 8 });
  await job.tick(2);

  // Late items, per kind of deadline.
  section();
  pdf.heading(T('Deadlines missed, and why', 'Échéances manquées, et pourquoi'), 12, 12);
  const late = r.clocks.filter((c) => c.lateItems.length > 0);
  if (late.length === 0) pdf.paragraph(T('No deadline due in the period was missed.', 'Aucune échéance de la période n’a été manquée.'), { size: 8.5 });
  for (const c of late) {
    pdf.ensure(60);
    pdf.font('bold', 9, COLORS.header);
    doc.text(`${tr(GROUP_WORDS[c.group].name, lang)} — ${c.lateItems.length}`, pdf.left, pdf.y);
    pdf.y = doc.y + 3;
    await pdf.table(
      [
        { header: T('Record', 'Dossier'), width: 128 },
        { header: T('Deadline', 'Échéance'), width: 88 },
        { header: T('Done', 'Fait'), width: 88 },
        { header: T('Reasons recorded', 'Motifs consignés'), width: W - 128 - 88 - 88 },
      ],
      c.lateItems.map((i) => lateRow(i, lang, zone, GROUP_WORDS[c.group].unit)),
      { size: 7.4 },
    );
  }

  // Forwarded complaints.
  section();
  pdf.heading(T(`Complaints forwarded by a regulator (${n(r.forwarded.total)})`, `Réclamations transmises par une autorité (${n(r.forwarded.total)})`), 12, 12);
  if (r.forwarded.items.length === 0) pdf.paragraph(noData, { size: 8.5 });
  else {
    pair({ title: T('How they ended', 'Leur issue'), counts: r.forwarded.byOutcome, kind: 'complaintStatus' }, { title: T('By regulator', 'Par autorité'), counts: r.forwarded.byRegulator, kind: 'regulator' });
    await pdf.table(
      [
        { header: T('Complaint', 'Réclamation'), width: 70 },
        { header: T('Regulator and its reference', 'Autorité et sa référence'), width: W - 70 - 80 - 90 - 120 },
        { header: T('Received', 'Reçue'), width: 80 },
        { header: T('Status', 'Statut'), width: 90 },
        { header: T('Art. 12(3) response', 'Réponse art. 12.3'), width: 120 },
      ],
      r.forwarded.items.map((f) => [
        f.reference,
        `${regulatorLabel(f.regulator)}${f.regulatorReference ? ` · ${f.regulatorReference}` : ''}`,
        fmtDate(f.receivedAt, lang, zone),
        label('complaintStatus', f.status, lang),
        { text: `${stateMark(f.clock)} ${extraWord(f.clock, lang)}`, sub: f.answeredAt ? T(`answered ${fmtDate(f.answeredAt, lang, zone)}`, `répondu le ${fmtDate(f.answeredAt, lang, zone)}`) : undefined, color: f.clock === 'met_late' || f.clock === 'overdue' ? COLORS.late : COLORS.ink },
      ]),
      { size: 7.4 },
    );
  }

  // Regulator procedures and their steps.
  section();
  pdf.heading(T(`Regulator procedures (${n(r.matters.total)})`, `Procédures avec les autorités (${n(r.matters.total)})`), 12, 12);
  if (r.matters.items.length === 0) pdf.paragraph(noData, { size: 8.5 });
  for (const m of r.matters.items) {
    pdf.ensure(70);
    pdf.font('bold', 9, COLORS.ink);
    doc.text(`${m.reference} — ${m.title}`, pdf.left, pdf.y, { width: W });
    pdf.font('body', 7.8, COLORS.muted);
    const status = m.status === 'closed' && m.closedAt ? T(`closed ${fmtDate(m.closedAt, lang, zone)}`, `close le ${fmtDate(m.closedAt, lang, zone)}`) : T('open', 'ouverte');
    doc.text(
      `${regulatorLabel(m.regulator)} · ${codeWord('matterKind', m.kind, lang)} · ${T(`opened ${fmtDate(m.openedAt, lang, zone)}`, `ouverte le ${fmtDate(m.openedAt, lang, zone)}`)} · ${status} · ${T(`${m.steps.length} step(s) in the period, ${m.stepsInAll} in all`, `${m.steps.length} étape(s) sur la période, ${m.stepsInAll} en tout`)}`,
      pdf.left,
      doc.y + 1,
      { width: W },
    );
    pdf.y = doc.y + 3;
    if (m.steps.length)
      await pdf.table(
        [
          { header: T('Date', 'Date'), width: 72 },
          { header: T('Letter', 'Courrier'), width: 70 },
          { header: T('Step', 'Étape'), width: 130 },
          { header: T('Subject', 'Objet'), width: W - 72 - 70 - 130 },
        ],
        m.steps.map((s) => [fmtDate(s.date, lang, zone), s.reference, `${s.direction === 'inbound' ? '←' : '→'} ${label('letterKind', s.kind, lang)}`, s.subject]),
        { size: 7.4 },
      );
  }

  // Open actions.
  section();
  pdf.heading(T(`Actions open on ${fmtDate(r.actions.openAt, lang, zone)} (${n(r.actions.open.length)})`, `Actions ouvertes au ${fmtDate(r.actions.openAt, lang, zone)} (${n(r.actions.open.length)})`), 12, 12);
  if (r.actions.open.length === 0) pdf.paragraph(T('No action was open.', 'Aucune action n’était ouverte.'), { size: 8.5 });
  else
    await pdf.table(
      [
        { header: T('Action', 'Action'), width: W - 90 - 60 - 80 - 70 },
        { header: T('Owner', 'Responsable'), width: 90 },
        { header: T('Priority', 'Priorité'), width: 60 },
        { header: T('Due', 'Échéance'), width: 80 },
        { header: T('Age', 'Ancienneté'), width: 70, align: 'right' },
      ],
      r.actions.open.map((a) => [
        { text: a.reference, sub: a.title },
        a.owner,
        label('priority', a.priority, lang),
        a.dueAt ? fmtDeadline(a.dueAt, lang, zone) : '—',
        { text: T(`${a.ageDays} days`, `${a.ageDays} jours`), sub: tr(BUCKET_WORDS[a.bucket], lang) },
      ]),
      { size: 7.4 },
    );

  colophon(pdf, p);
  pdf.paragraph(T(`Period of this report: ${periodText(r, lang)} (${r.period.from} to ${r.period.to}, end excluded).`, `Période de ce rapport : ${periodText(r, lang)} (du ${r.period.from} au ${r.period.to}, fin exclue).`), { size: 7.6, color: COLORS.muted });
  return pdf.finish();
}

function redactionName(p: Provenance, lang: Lang): string {
  return p.redaction ? (lang === 'fr' ? p.redaction.name.fr : p.redaction.name.en) : '—';
}

function stateMark(s: string): string {
  return s === 'met_on_time' ? '✓' : s === 'met_late' || s === 'overdue' ? '✗' : '…';
}

function clockRow(c: ClockFigures, lang: Lang): Cell[] {
  const w = GROUP_WORDS[c.group];
  const nf = (v: number) => fmtNumber(v, lang);
  return [
    { text: tr(w.name, lang), sub: tr(w.what, lang) },
    nf(c.total),
    nf(c.onTime),
    { text: nf(c.late), color: c.late ? COLORS.late : COLORS.ink },
    { text: nf(c.overdue), color: c.overdue ? COLORS.late : COLORS.ink },
    `${nf(c.running)} / ${nf(c.stopped)}`,
    { text: pct(c.onTimeRate, lang), bold: true },
    duration(c.medianHours, w.unit, lang),
    duration(c.p90Hours, w.unit, lang),
  ];
}

function lateRow(i: LateItem, lang: Lang, zone: string, unit: 'hours' | 'days'): Cell[] {
  const T = (en: string, fr: string) => tr({ en, fr }, lang);
  const by = duration(i.hoursLate, unit, lang);
  const reasons = [i.reasons, ...i.flags.map((f) => extraWord(f, lang))].filter(Boolean).join(' · ');
  return [
    { text: i.reference, sub: [i.title, i.party].filter(Boolean).join(' · ') },
    fmtDeadline(i.due, lang, zone),
    i.metAt
      ? { text: fmtDate(i.metAt, lang, zone), sub: T(`${by} late`, `${by} de retard`), color: COLORS.late }
      : { text: T('not done', 'non fait'), sub: T(`overdue by ${by}`, `dépassée de ${by}`), color: COLORS.late },
    reasons || { text: T('No reasons recorded', 'Aucun motif consigné'), color: COLORS.muted },
  ];
}
