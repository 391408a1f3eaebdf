import type { Action } from '@shared/schemas/action';
import { controllersDecide, type AffectedClient, type Incident, type Notification } from '@shared/schemas/incident';
import type { Provenance } from '@shared/schemas/export';
import type { IncidentClock, Timeline, TimelineEvent } from '@shared/schemas/timeline';
import { DRILL_MARK, DRILL_NOTICE, drillMark } from '@shared/drills';
import type { Job } from '../jobs/jobs';
import { csvCell, csvFile, PROVENANCE_PREFIX, provenanceComment } from './csv';
import { COLORS, Pdf, provenanceKeywords, provenanceLine, redactionText, type Cell } from './pdf';
import { drawStrip, type StripClock, type StripMarker } from './timeline-visual';
import { fmtDate, fmtDateTime, fmtDeadline, fmtNumber, fmtStamp, frTypo, isoLocal, label, minutesBetween, pick, type Lang } from './labels';

/** Everything a timeline export shows. */
export interface TimelineDoc {
  incident: Incident;
  notifications: Notification[];
  clients: AffectedClient[];
  timeline: Timeline;
  actions: Action[];
  provenance: Provenance;
}

export const CLOCK_COLORS: Record<IncidentClock['state'], string> = {
  met: COLORS.ok,
  late: COLORS.late,
  running: COLORS.warn,
  overdue: COLORS.late,
  no_deadline: COLORS.neutral,
  done_no_deadline: COLORS.ok,
  not_required: COLORS.neutral,
};

const CLOCK_MARK: Record<IncidentClock['state'], string> = {
  met: '✓',
  late: '✗',
  running: '●',
  overdue: '✗',
  no_deadline: '–',
  done_no_deadline: '✓',
  not_required: '–',
};

export const SOURCE_LABEL: Record<TimelineEvent['source']['type'], { en: string; fr: string }> = {
  incident: { en: 'Incident', fr: 'Incident' },
  notification: { en: 'Notification', fr: 'Notification' },
  client: { en: 'Client', fr: 'Client' },
  action: { en: 'Action', fr: 'Action' },
  letter: { en: 'Letter', fr: 'Courrier' },
  complaint: { en: 'Complaint', fr: 'Réclamation' },
  timeline_entry: { en: 'Entry', fr: 'Saisie' },
};

export function sourceText(e: TimelineEvent, lang: Lang): string {
  const s = SOURCE_LABEL[e.source.type][lang];
  if (e.source.type === 'timeline_entry') return e.origin === 'user' ? (lang === 'fr' ? 'Saisie manuelle' : 'Manual entry') : s;
  return `${s} ${e.source.reference}`.trim();
}

export function isOpenAction(a: Action): boolean {
  return a.status === 'planned' || a.status === 'in_progress';
}

const CATEGORY_COLORS: Record<TimelineEvent['category'], string> = {
  incident: '#1f3a5f',
  assessment: '#6a1b9a',
  notification: '#1f5fa8',
  client: '#00838f',
  action: '#2e7d32',
  letter: '#b26a00',
  complaint: '#8d6e63',
  user: '#455a64',
};

/**
 * A decision on the authority or the data subjects, with its reasons. As processor we decide
 * neither (the controllers do, once told under Art. 33(2)): an undecided one says so instead of
 * reading "pending" as if it were ours to take.
 */
export function decisionText(i: Pick<Incident, 'ourRole'>, value: Incident['notifyAuthority'], reasons: string, lang: Lang, awaitingConfirmation = false): string {
  if (controllersDecide(i, value)) {
    return lang === 'fr' ? 'Aux responsables du traitement de décider\u00a0: nous sommes leur sous-traitant (art. 33(2))' : 'For the controllers to decide: we are their processor (Art. 33(2))';
  }
  // Not final until another member confirms it (a workspace that separates duties).
  const pending = awaitingConfirmation && value === 'no' ? (lang === 'fr' ? ', en attente de confirmation par un autre membre (le délai court jusque-là)' : ', awaiting confirmation by another member (the clock keeps running until then)') : '';
  return `${label('decision', value, lang)}${pending}${reasons ? ` — ${reasons}` : ''}`;
}

/** The breach's period in words ("du … au …", "jusqu’au …", "until …"): dates, or date-times for a register. */
export function breachPeriod(i: Pick<Incident, 'occurredFrom' | 'occurredTo'>, lang: Lang, zone: string, fmt: typeof fmtDate = fmtDate): string {
  const f = (iso: string | null) => (iso ? fmt(iso, lang, zone) : '');
  if (i.occurredFrom && i.occurredTo) return lang === 'fr' ? `du ${f(i.occurredFrom)} au ${f(i.occurredTo)}` : `${f(i.occurredFrom)} to ${f(i.occurredTo)}`;
  if (i.occurredTo) return lang === 'fr' ? `jusqu’au ${f(i.occurredTo)}` : `until ${f(i.occurredTo)}`;
  if (i.occurredFrom) return lang === 'fr' ? `depuis le ${f(i.occurredFrom)}` : `from ${f(i.occurredFrom)}`;
  return lang === 'fr' ? 'inconnue' : 'unknown';
}

/* ------------------------------------------------------------------------------------------ */
/* PDF for management                                                                          */
/* ------------------------------------------------------------------------------------------ */

export async function timelinePdf(d: TimelineDoc, lang: Lang, job: Job): Promise<Buffer> {
  const { incident: i, timeline: tl, provenance: p } = d;
  const zone = tl.timeZone;
  const T = (en: string, fr: string) => (lang === 'fr' ? frTypo(fr) : en);
  // A drill says so in its title, hence on every page's footer too.
  const mark = i.drill ? `${drillMark(lang)} ` : '';
  const docTitle = mark + T(`Incident timeline ${i.reference}`, `Chronologie de l’incident ${i.reference}`);
  const pdf = new Pdf({
    lang,
    title: `${docTitle} — ${i.title}`,
    footerLabel: docTitle,
    provenance: p,
    subject: `${docTitle} — ${provenanceLine(p, lang)}`,
    keywords: ['PrivacyOps', T('incident timeline', 'chronologie d’incident'), i.reference, ...provenanceKeywords(p)],
  });
  const doc = pdf.doc;
  await job.start('rendering', tl.events.length);

  // Header.
  pdf.font('bold', 9, COLORS.muted);
  doc.text(p.organisation.toUpperCase(), pdf.left, pdf.y, { width: pdf.width, characterSpacing: 0.6 });
  pdf.font('title', 18, COLORS.header);
  doc.text(mark + T('Incident timeline', 'Chronologie de l’incident'), pdf.left, doc.y + 2, { width: pdf.width });
  pdf.font('bold', 12, COLORS.ink);
  doc.text(`${i.reference} — ${i.title}`, pdf.left, doc.y + 1, { width: pdf.width });
  // Status and risk badges.
  const badges: [string, string][] = [
    ...(i.drill ? [[T('Drill', 'Exercice'), COLORS.header] as [string, string]] : []),
    [T(`Status: ${label('incidentStatus', i.status, 'en')}`, `Statut : ${label('incidentStatus', i.status, 'fr')}`), i.status === 'closed' ? COLORS.neutral : COLORS.accent],
    [
      T(`Risk: ${label('risk', i.riskLevel, 'en', 'not assessed')}`, `Risque : ${label('risk', i.riskLevel, 'fr', 'non évalué')}`),
      i.riskLevel === 'high' ? COLORS.late : i.riskLevel === 'risk' ? COLORS.warn : COLORS.neutral,
    ],
    [T(`Our role: ${label('role', i.ourRole, 'en')}`, `Notre rôle : ${label('role', i.ourRole, 'fr')}`), COLORS.neutral],
  ];
  let bx = pdf.left;
  const by = doc.y + 5;
  for (const [text, color] of badges) {
    pdf.font('bold', 8.5, '#ffffff');
    const w = doc.widthOfString(text) + 12;
    doc.roundedRect(bx, by, w, 15, 3).fill(color);
    doc.fillColor('#ffffff').text(text, bx + 6, by + 3.5, { lineBreak: false });
    bx += w + 6;
  }
  pdf.y = by + 21;
  if (i.drill) pdf.paragraph(T(DRILL_NOTICE.en, DRILL_NOTICE.fr), { size: 9, color: COLORS.ink });
  pdf.paragraph(
    T(
      `Times are in ${zone}. Situation on ${fmtDateTime(tl.at, 'en', zone)}; exported by ${p.exportedBy}.`,
      `Fuseau horaire : ${zone}. Situation au ${fmtDateTime(tl.at, 'fr', zone)} ; export réalisé par ${p.exportedBy}.`,
    ),
    { size: 8, color: COLORS.muted },
  );

  // What happened.
  pdf.heading(T('What happened', 'Ce qui s’est passé'), 11.5, 4);
  const facts = i.facts || i.howDiscovered || i.title;
  // What the user typed is shown as typed (typography rules apply to the app's own words).
  pdf.paragraph(facts, { size: 9, maxLines: 5 });
  const nature = i.nature.map((n) => label('nature', n, lang)).join(', ');
  const data = i.dataCategories.map((c) => label('dataCategory', c, lang)).join(', ');
  const unknown = T('unknown', 'inconnu');
  pdf.facts(
    [
      [T('Became aware', 'Prise de connaissance'), `${fmtDateTime(i.awareAt, lang, zone)}${i.howDiscovered ? ` — ${i.howDiscovered}` : ''}`],
      [T('Breach period', 'Période de la violation'), breachPeriod(i, lang, zone)],
      [T('Nature of the breach', 'Nature de la violation'), nature || unknown],
      [T('Data concerned', 'Données concernées'), data || unknown],
      [
        T('People affected (approx.)', 'Personnes concernées (approx.)'),
        `${i.approxSubjects != null ? fmtNumber(i.approxSubjects, lang) : unknown}${i.dataSubjectCategories ? ` — ${i.dataSubjectCategories}` : ''}`,
      ],
      [T('Records (approx.)', 'Enregistrements (approx.)'), i.approxRecords != null ? fmtNumber(i.approxRecords, lang) : unknown],
    ],
    3,
  );
  // Where the regulator's procedure stands: its latest decisive letter.
  const decisive = [...tl.events].reverse().find((e) => e.kind === 'letter_received' && e.milestone);
  if (decisive) {
    pdf.facts([[T('Latest step of the regulator', 'Dernière étape de l’autorité'), `${fmtDate(decisive.at, lang, zone)} — ${pick(decisive.text, lang)}`]], 1);
  }

  // Clocks.
  pdf.heading(T('Clocks: were the deadlines met?', 'Délais : ont-ils été respectés ?'), 11.5, 4);
  const clockRows: Cell[][] = tl.clocks.map((c) => [
    { text: pick(c.label, lang), sub: c.detail.en ? pick(c.detail, lang).slice(0, 160) : undefined },
    c.dueAt ? fmtDeadline(c.dueAt, lang, zone) : T('no hour count', 'pas de délai chiffré'),
    c.metAt ? fmtDateTime(c.metAt, lang, zone) : c.state === 'not_required' ? '—' : T('not yet', 'pas encore'),
    { text: `${CLOCK_MARK[c.state]} ${pick(c.summary, lang)}`, color: CLOCK_COLORS[c.state], bold: true },
  ]);
  if (clockRows.length === 0) pdf.paragraph(T('No clock applies.', 'Aucun délai ne s’applique.'), { size: 9, color: COLORS.muted });
  else
    await pdf.table(
      [
        { header: T('Clock', 'Délai'), width: 190 },
        { header: T('Deadline', 'Échéance'), width: 95 },
        { header: T('Done', 'Réalisé le'), width: 95 },
        { header: T('Result', 'Résultat'), width: pdf.width - 380 },
      ],
      clockRows,
      { size: 8.2, zebra: true },
    );

  // Current risk and decisions.
  pdf.heading(T('Current risk and decisions', 'Risque actuel et décisions'), 11.5, 2);
  const awaiting = (kind: IncidentClock['kind']) => tl.clocks.some((c) => c.kind === kind && c.awaitingConfirmation);
  const decision = (v: Incident['notifyAuthority'], reasons: string, kind: IncidentClock['kind']) => decisionText(i, v, reasons, lang, awaiting(kind));
  const three: [string, string][] = [
    [T('Risk to people', 'Risque pour les personnes'), `${label('risk', i.riskLevel, lang, T('not assessed', 'non évalué'))}${i.likelyConsequences ? ` — ${i.likelyConsequences}` : ''}`],
    [T('Notify the authority (Art. 33)', 'Notifier l’autorité (art. 33)'), decision(i.notifyAuthority, i.notifyAuthorityReasons, 'authority')],
    [T('Inform data subjects (Art. 34)', 'Informer les personnes (art. 34)'), decision(i.notifyDataSubjects, i.notifyDataSubjectsReasons, 'data_subjects')],
  ];
  {
    const gap = 10;
    const colW = (pdf.width - 2 * gap) / 3;
    const y0 = pdf.y;
    let h = 0;
    three.forEach(([l, v], k) => {
      const x = pdf.left + k * (colW + gap);
      pdf.font('bold', 8, COLORS.muted);
      doc.text(l, x, y0, { width: colW });
      pdf.font('body', 8.4, COLORS.ink);
      const lineH = doc.currentLineHeight(true);
      const vh = Math.min(doc.heightOfString(v, { width: colW }), lineH * 4 + 0.5);
      doc.text(v, x, doc.y, { width: colW, height: vh, ellipsis: '…' });
      h = Math.max(h, doc.y - y0);
    });
    pdf.y = y0 + h + 4;
  }

  // Open actions.
  const open = d.actions.filter(isOpenAction).sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  const nowIso = tl.at;
  pdf.heading(T(`Open actions (${open.length})`, `Actions en cours (${open.length})`), 11.5, 2);
  // Leave room for the visual timeline on this page when the list is long.
  const maxRows = Math.max(3, Math.floor((pdf.remaining - 250) / 14));
  const shown = open.slice(0, maxRows);
  if (open.length === 0) {
    pdf.paragraph(T('No open action.', 'Aucune action en cours.'), { size: 9, color: COLORS.muted });
  } else {
    await pdf.table(
      [
        { header: T('Ref.', 'Réf.'), width: 62 },
        { header: T('Action', 'Action'), width: 209 },
        { header: T('Owner', 'Responsable'), width: 96 },
        { header: T('Due', 'Échéance'), width: 94 },
        { header: T('Status', 'Statut'), width: pdf.width - 461 },
      ],
      shown.map((a) => {
        const overdue = a.dueAt != null && a.dueAt < nowIso;
        return [
          a.reference,
          a.title,
          a.owner,
          { text: a.dueAt ? fmtDeadline(a.dueAt, lang, zone) + (overdue ? T(' (late)', ' (retard)') : '') : '—', color: overdue ? COLORS.late : COLORS.ink, bold: overdue },
          label('actionStatus', a.status, lang),
        ];
      }),
      { size: 8 },
    );
    if (open.length > shown.length) pdf.paragraph(T(`… and ${open.length - shown.length} more in the full table.`, `… et ${open.length - shown.length} autres dans la chronologie complète.`), { size: 8, color: COLORS.muted });
  }

  // Visual timeline: the first hours (every clock) and the whole story.
  await job.tick(0, true);
  const markers: StripMarker[] = tl.events.map((e) => ({
    at: e.at,
    color: CATEGORY_COLORS[e.category],
    label: e.milestone ? pick(e.short, lang) : null,
    strong: e.milestone,
  }));
  const clocks: StripClock[] = tl.clocks
    .filter((c) => c.dueAt)
    .map((c) => ({
      label:
        c.kind === 'authority'
          ? T(`72 h ${c.party}`.trim(), `72 h ${c.party}`.trim())
          : c.kind === 'client'
            ? `${c.party}`
            : c.kind === 'data_subjects'
              ? T('Data subjects', 'Personnes')
              : c.kind === 'nis2_early_warning'
                ? T('NIS2 24 h', 'NIS 2 24 h')
                : c.kind === 'nis2_notification'
                  ? T('NIS2 72 h', 'NIS 2 72 h')
                  : T('NIS2 final', 'NIS 2 final'),
      startAt: c.startAt,
      dueAt: c.dueAt!,
      metAt: c.metAt,
      state: c.state,
      summary: `${CLOCK_MARK[c.state]} ${pick(c.summary, lang)}`,
    }));
  const zoomHeight = 62 + clocks.length * 13;
  const overviewHeight = 72;
  if (pdf.remaining < zoomHeight + overviewHeight + 40) pdf.newPage();
  pdf.heading(T('Visual timeline', 'Chronologie visuelle'), 11.5, 4);
  // Zoom on the clocks: from just before awareness to just after the last deadline.
  const starts = clocks.map((c) => Date.parse(c.startAt));
  const ends = clocks.flatMap((c) => [Date.parse(c.dueAt), c.metAt ? Date.parse(c.metAt) : 0]);
  const zFrom = Math.min(Date.parse(i.awareAt), ...starts);
  const zTo = Math.max(zFrom + 72 * 3_600_000, ...ends);
  const zPad = (zTo - zFrom) * 0.06;
  drawStrip(pdf, {
    title: T('The first hours: each clock from its start to its deadline ◆ (✓ done in time, ✗ late)', 'Les premières heures : chaque délai, de son départ à son échéance ◆ (✓ dans les temps, ✗ en retard)'),
    from: zFrom - zPad,
    to: zTo + zPad,
    zone,
    markers: markers.filter((m) => Date.parse(m.at) >= zFrom - zPad && Date.parse(m.at) <= zTo + zPad),
    clocks,
    relativeTo: Date.parse(i.awareAt),
    height: zoomHeight,
    lanes: 2,
  });
  const all = tl.events.map((e) => Date.parse(e.at));
  const oFrom = Math.min(...all, zFrom);
  const oTo = Math.max(...all, zTo);
  const oPad = Math.max((oTo - oFrom) * 0.03, 3_600_000);
  const zoomIsWhole = zTo + zPad >= oTo && zFrom - zPad <= oFrom;
  if (!zoomIsWhole) {
    drawStrip(pdf, {
      title: T('The whole story', 'L’ensemble de l’affaire'),
      from: oFrom - oPad,
      to: oTo + oPad,
      zone,
      markers,
      clocks: [],
      deadlines: tl.clocks.filter((c) => c.dueAt).map((c) => ({ at: c.dueAt!, state: c.state })),
      highlight: { from: zFrom - zPad, to: zTo + zPad, label: T('first hours (above)', 'premières heures (ci-dessus)') },
      skipLabels: { from: zFrom - zPad, to: zTo + zPad },
      height: overviewHeight,
      lanes: 4,
    });
  }
  legend(pdf);

  // The full chronological table.
  pdf.newPage();
  pdf.heading(T('Full chronology', 'Chronologie complète'), 13, 0);
  pdf.paragraph(
    T(
      `${tl.events.length} events in the order they happened (times in ${zone}). "Entered" shows when an event was written into the register, when that differs from when it happened.`,
      `${tl.events.length} événements dans l’ordre où ils se sont produits (fuseau horaire ${zone}). "Saisi le" indique quand un événement a été enregistré, lorsque cela diffère du moment où il s’est produit.`,
    ),
    { size: 8.2, color: COLORS.muted },
  );
  const rows: Cell[][] = tl.events.map((e, k) => {
    const entered = e.recordedAt && Math.abs(minutesBetween(e.at, e.recordedAt)) > 60 ? T(`entered ${fmtStamp(e.recordedAt, zone)}`, `saisi le ${fmtStamp(e.recordedAt, zone)}`) : undefined;
    const detail = pick(e.detail, lang);
    return [
      { text: String(k + 1), color: COLORS.muted },
      { text: fmtDateTime(e.at, lang, zone), sub: entered },
      { text: pick(e.text, lang), sub: detail ? (detail.length > 300 ? `${detail.slice(0, 300)}…` : detail) : undefined, bold: e.milestone },
      e.actor,
      { text: sourceText(e, lang), color: COLORS.muted },
    ];
  });
  await pdf.table(
    [
      { header: '#', width: 22, align: 'right' },
      { header: T('When', 'Quand'), width: 92 },
      { header: T('What happened', 'Événement'), width: 228 },
      { header: T('Who', 'Qui'), width: 80 },
      { header: T('Source', 'Source'), width: pdf.width - 422 },
    ],
    rows,
    { size: 7.8, job },
  );

  colophon(pdf, p);
  await job.tick(tl.events.length, true);
  return pdf.finish();
}

function legend(pdf: Pdf): void {
  const doc = pdf.doc;
  const T = (en: string, fr: string) => pdf.t(en, fr);
  const items: [string, string][] = [
    [CATEGORY_COLORS.incident, T('incident', 'incident')],
    [CATEGORY_COLORS.assessment, T('risk & decisions', 'risque et décisions')],
    [CATEGORY_COLORS.notification, T('notifications', 'notifications')],
    [CATEGORY_COLORS.client, T('clients', 'clients')],
    [CATEGORY_COLORS.letter, T('regulator letters', 'courriers de l’autorité')],
    [CATEGORY_COLORS.action, T('actions', 'actions')],
    [CATEGORY_COLORS.user, T('entries (calls, meetings…)', 'saisies (appels, réunions…)')],
    [COLORS.late, T('deadline', 'échéance')],
  ];
  let x = pdf.left;
  const y = pdf.y + 2;
  pdf.font('body', 7, COLORS.muted);
  for (const [k, [color, text]] of items.entries()) {
    if (k === items.length - 1) doc.moveTo(x + 3, y).lineTo(x + 6.5, y + 3.5).lineTo(x + 3, y + 7).lineTo(x - 0.5, y + 3.5).closePath().fill(color);
    else doc.circle(x + 3, y + 3.5, 2.6).fill(color);
    doc.fillColor(COLORS.muted).text(text, x + 8, y, { lineBreak: false });
    x += 8 + doc.widthOfString(text) + 10;
  }
  pdf.y = y + 12;
}

/** The last block: provenance in full and how to check it. */
export function colophon(pdf: Pdf, p: Provenance): void {
  const T = (en: string, fr: string) => pdf.t(en, fr);
  pdf.ensure(120);
  pdf.heading(T('About this document', 'À propos de ce document'), 10.5, 10);
  pdf.facts(
    [
      [T('Organisation', 'Organisme'), p.organisation],
      [T('Made with', 'Produit avec'), `${p.app} ${p.appVersion}`],
      [T('Exported on', 'Exporté le'), `${fmtDateTime(p.exportedAt, pdf.lang, p.timeZone)} (${p.exportedAt})`],
      [T('Exported by', 'Exporté par'), `${p.exportedBy} (${T('device', 'poste')} ${p.deviceId.slice(0, 8)})`],
      ...(p.redaction ? [[T('Redaction profile', 'Profil de masquage'), redactionText(p, pdf.lang)] as [string, string]] : []),
    ],
    2,
    8,
  );
  pdf.font('bold', 7.6, COLORS.muted);
  pdf.doc.text(T(`Audit log head at export (${p.auditEntries} entries)`, `Empreinte du journal d’audit à l’export (${p.auditEntries} entrées)`), pdf.left, pdf.y);
  pdf.font('mono', 8, COLORS.ink);
  pdf.doc.text(p.auditHeadHash, pdf.left, pdf.doc.y + 1);
  pdf.y = pdf.doc.y + 3;
  pdf.paragraph(
    T(
      'The register keeps a hash-chained audit log of every change. If verifying the audit log in the app (audit.verify) reports this same head hash, the register has not changed since this document was made; a different hash means later changes.',
      'Le registre tient un journal d’audit chaîné par empreintes de chaque modification. Si la vérification du journal dans l’application (audit.verify) donne la même empreinte, le registre n’a pas changé depuis ce document ; une empreinte différente signale des modifications ultérieures.',
    ),
    { size: 7.6, color: COLORS.muted },
  );
}

/* ------------------------------------------------------------------------------------------ */
/* CSV, JSON, Markdown                                                                         */
/* ------------------------------------------------------------------------------------------ */

const CSV_HEADERS = {
  en: ['#', 'When (local)', 'When (UTC)', 'Kind', 'Category', 'Origin', 'Who', 'What happened', 'Details', 'Source type', 'Source reference', 'Source id', 'Entered (UTC)'],
  fr: ['#', 'Quand (heure locale)', 'Quand (UTC)', 'Type', 'Catégorie', 'Origine', 'Qui', 'Événement', 'Détails', 'Type de source', 'Référence de la source', 'Identifiant de la source', 'Saisi le (UTC)'],
};

export async function timelineCsv(d: TimelineDoc, lang: Lang, job: Job): Promise<Buffer> {
  const zone = d.timeline.timeZone;
  await job.start('rendering', d.timeline.events.length);
  const lines = [
    provenanceComment(d.provenance),
    ...(d.incident.drill ? [`${PROVENANCE_PREFIX}${DRILL_MARK[lang]} ${DRILL_NOTICE[lang]}`] : []),
    CSV_HEADERS[lang].map((h) => csvCell(h)).join(','),
  ];
  let k = 0;
  for (const e of d.timeline.events) {
    k++;
    lines.push(
      [String(k), isoLocal(e.at, zone), e.at, e.kind, e.category, e.origin, e.actor, pick(e.text, lang), pick(e.detail, lang), e.source.type, e.source.reference, e.source.id, e.recordedAt ?? '']
        .map((v, c) => csvCell(v, c >= 6 && c <= 10))
        .join(','),
    );
    await job.tick(k);
  }
  return csvFile(lines);
}

export function timelineJson(d: TimelineDoc): Buffer {
  const body = {
    format: 'privacyops.incident-timeline',
    formatVersion: 1,
    provenance: d.provenance,
    incident: d.incident,
    notifications: d.notifications,
    clients: d.clients,
    clocks: d.timeline.clocks,
    events: d.timeline.events,
    openActions: d.actions.filter(isOpenAction),
  };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export async function timelineMarkdown(d: TimelineDoc, lang: Lang, job: Job): Promise<Buffer> {
  const { incident: i, timeline: tl, provenance: p } = d;
  const zone = tl.timeZone;
  const T = (en: string, fr: string) => (lang === 'fr' ? frTypo(fr) : en);
  await job.start('rendering', tl.events.length);
  const out: string[] = [
    '---',
    `title: "${(i.drill ? `${drillMark(lang)} ` : '') + T(`Incident timeline ${i.reference}`, `Chronologie de l’incident ${i.reference}`).replace(/"/g, "'")}"`,
    ...(i.drill ? ['drill: true'] : []),
    `organisation: "${p.organisation.replace(/"/g, "'")}"`,
    `app: "${p.app} ${p.appVersion}"`,
    `exported_at: ${p.exportedAt}`,
    `exported_by: "${p.exportedBy.replace(/"/g, "'")}"`,
    `audit_head: ${p.auditHeadHash}`,
    `audit_entries: ${p.auditEntries}`,
    `time_zone: ${zone}`,
    '---',
    '',
    `# ${i.drill ? `${drillMark(lang)} ` : ''}${T('Incident timeline', 'Chronologie de l’incident')} ${i.reference} — ${i.title}`,
    '',
    ...(i.drill ? [`> ${T(DRILL_NOTICE.en, DRILL_NOTICE.fr)}`, ''] : []),
    `**${T('Status', 'Statut')}**: ${label('incidentStatus', i.status, lang)} · **${T('Risk', 'Risque')}**: ${label('risk', i.riskLevel, lang, T('not assessed', 'non évalué'))} · **${T('Became aware', 'Prise de connaissance')}**: ${fmtDateTime(i.awareAt, lang, zone)}`,
    '',
  ];
  if (lang === 'fr') out[out.length - 2] = frTypo(out[out.length - 2]!.replace(/\*\*: /g, '** : '));
  if (i.facts) out.push(i.facts, '');
  out.push(`## ${T('Clocks', 'Délais')}`, '', `| ${T('Clock', 'Délai')} | ${T('Deadline', 'Échéance')} | ${T('Done', 'Réalisé le')} | ${T('Result', 'Résultat')} |`, '|---|---|---|---|');
  for (const c of tl.clocks) {
    out.push(`| ${mdEscape(pick(c.label, lang))} | ${c.dueAt ? fmtDeadline(c.dueAt, lang, zone) : '—'} | ${c.metAt ? fmtDateTime(c.metAt, lang, zone) : '—'} | ${CLOCK_MARK[c.state]} ${mdEscape(pick(c.summary, lang))} |`);
  }
  const open = d.actions.filter(isOpenAction);
  out.push('', `## ${T('Open actions', 'Actions en cours')} (${open.length})`, '');
  for (const a of open) out.push(`- **${a.reference}** ${mdEscape(a.title)} — ${a.owner}${a.dueAt ? `, ${T('due', 'échéance')} ${fmtDeadline(a.dueAt, lang, zone)}` : ''}`);
  out.push('', `## ${T('Chronology', 'Chronologie')}`, '', `| # | ${T('When', 'Quand')} | ${T('What happened', 'Événement')} | ${T('Who', 'Qui')} | ${T('Source', 'Source')} |`, '|---:|---|---|---|---|');
  let k = 0;
  for (const e of tl.events) {
    k++;
    out.push(`| ${k} | ${fmtDateTime(e.at, lang, zone)} | ${mdEscape(pick(e.text, lang))} | ${mdEscape(e.actor)} | ${mdEscape(sourceText(e, lang))} |`);
    await job.tick(k);
  }
  out.push('', `> ${provenanceLine(p, lang)}`, '');
  return Buffer.from(out.join('\n'), 'utf8');
}
