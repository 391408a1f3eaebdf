import type { z } from 'zod';
import type { Action } from '@shared/schemas/action';
import type { Complaint } from '@shared/schemas/complaint';
import type { Contract } from '@shared/schemas/contract';
import type { Incident } from '@shared/schemas/incident';
import type { Obligation } from '@shared/schemas/obligation';
import type { Letter } from '@shared/schemas/letter';
import type { Provenance, RegisterExportInput, RegisterName } from '@shared/schemas/export';
import { regulatorLabel } from '@shared/reference/regulators';
import { REGISTER_TITLES, type Lookups } from '../imports/fields';
import type { Job } from '../jobs/jobs';
import type { ExchangeContext } from './context';
import { fmtDate, fmtDateTime, fmtDeadline, fmtMoney, fmtNumber, frTypo, label, NBSP, tr, type Lang } from './labels';
import { COLORS, Pdf, provenanceKeywords, provenanceLine, type Cell, type Column } from './pdf';
import { drillMark, drillsLeftOutText } from '@shared/drills';
import { breachPeriod, colophon, decisionText } from './timeline-export';

type Query = z.infer<typeof RegisterExportInput>;

function filterText(q: Query, lang: Lang, zone: string): string {
  const T = (en: string, fr: string) => (lang === 'fr' ? frTypo(fr) : en);
  const parts: string[] = [];
  if (q.from) parts.push(T(`from ${fmtDate(q.from, lang, zone)}`, `à partir du ${fmtDate(q.from, lang, zone)}`));
  if (q.to) parts.push(T(`before ${fmtDate(q.to, lang, zone)}`, `avant le ${fmtDate(q.to, lang, zone)}`));
  if (q.status?.length) {
    const kind = ({ incidents: 'incidentStatus', complaints: 'complaintStatus', actions: 'actionStatus', letters: 'letterKind', contracts: 'contractStatus' } as const)[q.register];
    const extra: Record<string, [string, string]> = { awaiting_reply: ['awaiting a reply', 'réponse attendue'], answered: ['answered', 'répondu'] };
    const names = q.status.map((st) => (extra[st] ? T(...extra[st]!) : label(kind, st, lang)));
    parts.push(T(`status: ${names.join(', ')}`, `statut : ${names.join(', ')}`));
  }
  if (q.includeArchived) parts.push(T('archived records included', 'dossiers archivés inclus'));
  return parts.length ? parts.join(' · ') : T('all records', 'tous les dossiers');
}

/** The registers as PDF: a summary table, and for the breach register every incident's Art. 33(5) facts. */
/**
 * `records` and `l` come already redacted (register-export.ts); `redact` gives the same redaction
 * of a value the PDF reads from elsewhere (an obligation naming an affected client).
 */
export async function registerPdf(
  x: ExchangeContext,
  q: Query,
  records: unknown[],
  p: Provenance,
  job: Job,
  l: Lookups,
  redact: (register: RegisterName, field: string, value: string) => string,
): Promise<Buffer> {
  const lang = q.lang;
  const zone = p.timeZone;
  const T = (en: string, fr: string) => (lang === 'fr' ? frTypo(fr) : en);
  const title = tr(REGISTER_TITLES[q.register], lang);
  const pdf = new Pdf({
    lang,
    title: `${title} — ${p.organisation}`,
    footerLabel: title,
    provenance: p,
    subject: `${title} — ${provenanceLine(p, lang)}`,
    keywords: ['PrivacyOps', title, ...provenanceKeywords(p)],
    layout: 'landscape',
  });
  const doc = pdf.doc;
  pdf.font('bold', 9, COLORS.muted);
  doc.text(p.organisation.toUpperCase(), pdf.left, pdf.y, { characterSpacing: 0.6 });
  pdf.font('title', 17, COLORS.header);
  doc.text(title, pdf.left, doc.y + 2);
  const drills = p.drillsLeftOut ? ` · ${drillsLeftOutText(p.drillsLeftOut, lang)}` : '';
  pdf.paragraph(
    T(
      `${records.length} record(s) · ${filterText(q, lang, zone)} · times in ${zone} · situation on ${fmtDateTime(p.exportedAt, lang, zone)}${drills}`,
      `${records.length} dossier(s) · ${filterText(q, lang, zone)} · fuseau horaire ${zone} · situation au ${fmtDateTime(p.exportedAt, lang, zone)}${drills}`,
    ),
    { size: 8.5, color: COLORS.muted, gapAfter: 8 },
  );
  const W = pdf.width;
  const cols = (spec: [string, string, number][]): Column[] => {
    const fixed = spec.reduce((s, c) => s + c[2], 0);
    return spec.map(([en, fr, w], k) => ({ header: T(en, fr), width: k === 2 ? w + (W - fixed) : w }));
  };

  if (q.register === 'incidents') {
    const incidents = records as Incident[];
    const now = Date.parse(p.exportedAt);
    // Read once per incident: its list row, its decision rows and its obligations block all show them.
    const obligationViews = new Map<string, ReturnType<typeof x.d.registers.incidents.obligations.views>>();
    const obligationsOf = (i: Incident) => {
      let v = obligationViews.get(i.id);
      if (!v) obligationViews.set(i.id, (v = x.d.registers.incidents.obligations.views(i.id, now, false)));
      return v;
    };
    // An obligation to an affected client names it: the client's name as the profile shows it.
    const recipientOf = (o: Obligation) => (o.recipientKind === 'client' ? redact('incidents', 'clients.name', o.recipientName) : o.recipientName);
    /** One line per obligation: recipient, state (filed on time / late with the filing's reference, not required, pending with its deadline). */
    const obligationLine = (o: Obligation): { text: string; late: boolean } => {
      const who = o.regime === 'gdpr-34' ? T('data subjects', 'personnes concernées') : recipientOf(o) || T('authority to name', 'autorité à désigner');
      const ref = o.firstFilingRef ? ` ${o.firstFilingRef}` : '';
      switch (o.state) {
        case 'filed_on_time':
          return { text: `✓ ${who}${ref} ${T('on time', 'dans les délais')}`, late: false };
        case 'filed_late':
          return { text: `✗ ${who}${ref} ${T('late', 'en retard')}`, late: true };
        case 'not_required': {
          if (!o.awaitingConfirmation) return { text: `– ${who}: ${T('not required (reasons recorded)', 'non requise (motifs consignés)')}`, late: false };
          // Not final: the clock runs on until another member confirms the decision.
          const due = o.clock.due ? `, ${T('due', 'échéance')} ${fmtDeadline(o.clock.due, lang, zone)}` : '';
          const over = o.clock.state === 'overdue';
          return { text: `${over ? '!' : '…'} ${who}: ${T('not required, awaiting confirmation by another member', 'non requise, en attente de confirmation par un autre membre')}${due}`, late: over };
        }
        default: {
          const due = o.clock.due ? `, ${T('due', 'échéance')} ${fmtDeadline(o.clock.due, lang, zone)}` : '';
          const over = o.clock.state === 'overdue';
          const what = o.state === 'undecided' ? T('to decide', 'à décider') : T('to file', 'à déposer');
          return { text: `${over ? '!' : '…'} ${who}: ${what}${due}`, late: over };
        }
      }
    };
    const notified = (i: Incident): Cell => {
      const lines = obligationsOf(i).map(obligationLine);
      if (lines.length === 0) return { text: T('no obligation', 'aucune obligation'), color: COLORS.neutral };
      return { text: lines.map((l) => l.text).join('\n'), color: lines.some((l) => l.late) ? COLORS.late : COLORS.ink };
    };
    await pdf.table(
      cols([
        ['Ref.', 'Réf.', 62],
        ['Became aware', 'Connaissance', 92],
        ['Incident', 'Incident', 130],
        ['Nature', 'Nature', 80],
        ['Persons', 'Personnes', 56],
        ['Risk', 'Risque', 70],
        ['Notification obligations', 'Obligations de notification', 150],
        ['Status', 'Statut', 52],
      ]),
      incidents.map((i) => [
        i.reference,
        fmtDateTime(i.awareAt, lang, zone),
        // Only a drill's own evidence bundle shows one here (the breach register leaves drills out).
        { text: i.drill ? `${drillMark(lang)} ${i.title}` : i.title, bold: true },
        i.nature.map((n) => label('nature', n, lang)).join(', '),
        i.approxSubjects != null ? fmtNumber(i.approxSubjects, lang) : '—',
        label('risk', i.riskLevel, lang, '—'),
        notified(i),
        label('incidentStatus', i.status, lang),
      ]),
      { size: 7.8 },
    );
    // Art. 33(5): the facts, effects and remedial action of every breach, notified or not.
    for (let k = 0; k < incidents.length; k++) {
      const i = incidents[k]!;
      const notes = l.notifications(i.id);
      const clients = l.clients(i.id);
      pdf.ensure(170);
      pdf.heading(`${i.drill ? `${drillMark(lang)} ` : ''}${i.reference} — ${i.title}`, 11, 12);
      const tx = (s: string) => s || '—';
      pdf.facts(
        [
          [T('Our role', 'Notre rôle'), label('role', i.ourRole, lang)],
          [T('Became aware', 'Prise de connaissance'), fmtDateTime(i.awareAt, lang, zone)],
          [T('Breach period', 'Période de la violation'), breachPeriod(i, lang, zone, fmtDateTime)],
          [T('Facts', 'Faits'), tx(i.facts || i.howDiscovered)],
          [T('Nature', 'Nature'), i.nature.map((n) => label('nature', n, lang)).join(', ') || '—'],
          [T('Data categories', 'Catégories de données'), i.dataCategories.map((c) => label('dataCategory', c, lang)).join(', ') || '—'],
          [T('Persons concerned (approx.)', 'Personnes concernées (approx.)'), `${i.approxSubjects != null ? fmtNumber(i.approxSubjects, lang) : T('unknown', 'inconnu')}${i.dataSubjectCategories ? ` — ${i.dataSubjectCategories}` : ''}`],
          [T('Records concerned (approx.)', 'Enregistrements concernés (approx.)'), i.approxRecords != null ? fmtNumber(i.approxRecords, lang) : T('unknown', 'inconnu')],
          [T('Effects (likely consequences)', 'Effets (conséquences probables)'), tx(i.likelyConsequences)],
          [T('Risk', 'Risque'), label('risk', i.riskLevel, lang, T('not assessed', 'non évalué'))],
          [T('Remedial action taken', 'Mesures prises'), tx(i.measuresTaken)],
          [T('Remedial action proposed', 'Mesures envisagées'), tx(i.measuresProposed)],
          [T('Notify the authority: decision and reasons', 'Notification à l’autorité : décision et motifs'), decisionText(i, i.notifyAuthority, i.notifyAuthorityReasons, lang, obligationsOf(i).some((o) => (o.regime === 'gdpr-33' || o.regime === 'uk-gdpr-33') && o.awaitingConfirmation))],
          [T('Inform data subjects: decision and reasons', 'Information des personnes : décision et motifs'), decisionText(i, i.notifyDataSubjects, i.notifyDataSubjectsReasons, lang, obligationsOf(i).some((o) => o.regime === 'gdpr-34' && o.awaitingConfirmation))],
          [
            T('Notification obligations and filings', 'Obligations de notification et dépôts'),
            obligationsOf(i)
              .map((o) => {
                const filings = notes.filter((n) => n.obligationId === o.id).map((n) => `   ${n.filingRef || '—'} ${fmtDateTime(n.sentAt, lang, zone)} ${label('phase', n.phase, lang)}${n.timeliness === 'late' ? T(' (late)', ' (en retard)') : n.timeliness === 'on_time' ? T(' (on time)', ' (dans les délais)') : ''}${n.lateReasons ? `\n      ${T('Reasons for the delay: ', `Motifs du retard${NBSP}: `)}${n.lateReasons}` : ''}`);
                return [`${obligationLine(o).text} — ${tr(o.basis, lang)}`, ...filings].join('\n');
              })
              .join('\n') || '—',
          ],
          ...(i.authorityDue ? [[T('Authority deadline (72 h)', 'Échéance autorité (72 h)'), fmtDeadline(i.authorityDue, lang, zone)] as [string, string]] : []),
          // The incident's own delay reasons are those of the Art. 33 notice to the authority, which a processor does not make.
          ...(i.ourRole === 'processor' ? [] : [[T('Reasons for delay', 'Motifs du retard'), tx(i.delayReasons)] as [string, string]]),
          [
            T('Notifications', 'Notifications'),
            notes.length
              ? notes
                  .map((n) => `${fmtDateTime(n.sentAt, lang, zone)} — ${label('phase', n.phase, lang)}, ${label('recipient', n.recipient, lang)}${n.recipientName ? ` (${n.recipientName})` : ''}, ${label('method', n.method, lang)}${n.reference ? `, ${n.reference}` : ''}`)
                  .join('\n')
              : '—',
          ],
          [
            T('Affected clients', 'Clients concernés'),
            clients.length ? clients.map((c) => `${c.name}${T(': ', `${NBSP}: `)}${c.notifiedAt ? fmtDateTime(c.notifiedAt, lang, zone) : T('not notified', 'non notifié')}`).join('\n') : '—',
          ],
          [T('Status', 'Statut'), `${label('incidentStatus', i.status, lang)}${i.closedAt ? ` (${fmtDate(i.closedAt, lang, zone)})` : ''}`],
          [T('Lead', 'Pilote'), i.lead || '—'],
        ],
        2,
        8,
      );
      await job.tick(k + 1);
    }
  } else if (q.register === 'complaints') {
    const rows = (records as Complaint[]).map((c): Cell[] => {
      const late = c.answeredAt ? c.answeredAt > c.responseDue : c.responseDue < p.exportedAt;
      return [
        c.reference,
        fmtDate(c.receivedAt, lang, zone),
        { text: c.summary, sub: c.outcome || undefined },
        `${label('channel', c.channel, lang)}${c.regulatorReference ? ` (${regulatorLabel(c.regulator)} ${c.regulatorReference})` : ''}`,
        c.complainantLabel,
        c.rights.map((r) => label('right', r, lang)).join(', '),
        label('complaintStatus', c.status, lang),
        { text: fmtDeadline(c.responseDue, lang, zone), color: late ? COLORS.late : COLORS.ink },
        c.answeredAt ? fmtDate(c.answeredAt, lang, zone) : '—',
      ];
    });
    await pdf.table(
      cols([
        ['Ref.', 'Réf.', 64],
        ['Received', 'Reçue le', 60],
        ['Summary', 'Résumé', 150],
        ['Channel', 'Canal', 96],
        ['Complainant', 'Plaignant', 70],
        ['Rights', 'Droits', 90],
        ['Status', 'Statut', 60],
        ['Response due', 'Réponse due', 72],
        ['Answered', 'Répondue le', 60],
      ]),
      rows,
      { size: 7.6, job },
    );
  } else if (q.register === 'letters') {
    const rows = (records as Letter[]).map((l): Cell[] => [
      l.reference,
      fmtDate(l.receivedAt ?? l.sentAt, lang, zone),
      { text: l.subject, sub: l.summary ? l.summary.slice(0, 240) : undefined },
      regulatorLabel(l.regulator),
      `${label('direction', l.direction, lang)} — ${label('letterKind', l.kind, lang)}`,
      l.regulatorRefs.join(', '),
      l.replyDue ? `${fmtDeadline(l.replyDue, lang, zone)}${l.answeredAt ? ` ✓` : ''}` : '—',
      l.complianceDue ? fmtDeadline(l.complianceDue, lang, zone) : '—',
      l.appealDue ? fmtDeadline(l.appealDue, lang, zone) : '—',
      l.amountEur != null ? fmtMoney(l.amountEur, lang) : '',
    ]);
    await pdf.table(
      cols([
        ['Ref.', 'Réf.', 60],
        ['Date', 'Date', 56],
        ['Subject', 'Objet', 120],
        ['Regulator', 'Autorité', 48],
        ['Kind', 'Nature', 92],
        ['Their refs', 'Leurs réf.', 58],
        ['Reply due', 'Réponse due', 72],
        ['Compliance due', 'Mise en conformité', 72],
        ['Conseil d’État appeal', 'Recours Conseil d’État', 72],
        ['Amount', 'Montant', 50],
      ]),
      rows,
      { size: 7.6, job },
    );
  } else if (q.register === 'contracts') {
    // A calendar day, not an instant: shown as the day it is, whatever the zone.
    const day = (d: string | null) => (d ? fmtDate(d, lang, 'UTC') : '—');
    const rows = (records as Contract[]).map((c): Cell[] => [
      c.reference,
      day(c.dpaSignedOn),
      { text: c.name, bold: true, sub: [c.contractRef, c.notes ? c.notes.slice(0, 240) : ''].filter(Boolean).join(' — ') || undefined },
      `${fmtNumber(c.noticeHours, lang)}${lang === 'fr' ? '\u00a0' : ' '}h`,
      label('noticeChannel', c.channel, lang),
      c.contacts,
      label('language', c.language, lang),
      c.countries.join(', ') || '—',
      { text: `${label('contractStatus', c.status, lang)}${c.archivedAt ? T(' (archived)', ' (archivé)') : ''}`, color: c.status === 'ended' ? COLORS.neutral : COLORS.ink },
    ]);
    await pdf.table(
      cols([
        ['Ref.', 'Réf.', 66],
        ['DPA signed', 'DPA signé', 62],
        ['Client', 'Client', 140],
        ['Notice', 'Délai', 50],
        ['Channel', 'Canal', 56],
        ['Contacts', 'Contacts', 140],
        ['Language', 'Langue', 56],
        ['Countries', 'Pays', 56],
        ['Status', 'Statut', 56],
      ]),
      rows,
      { size: 7.6, job },
    );
  } else {
    const rows = (records as Action[]).map((a): Cell[] => {
      const open = a.status === 'planned' || a.status === 'in_progress';
      const late = open && a.dueAt != null && a.dueAt < p.exportedAt;
      return [
        a.reference,
        label('priority', a.priority, lang),
        { text: a.title, sub: [a.originNote, a.verificationNote].filter(Boolean).join(' — ') || undefined },
        a.owner,
        { text: a.dueAt ? fmtDeadline(a.dueAt, lang, zone) : '—', color: late ? COLORS.late : COLORS.ink, bold: late },
        label('actionStatus', a.status, lang),
        a.doneAt ? fmtDate(a.doneAt, lang, zone) : '—',
        a.verifiedAt ? fmtDate(a.verifiedAt, lang, zone) : '—',
      ];
    });
    await pdf.table(
      cols([
        ['Ref.', 'Réf.', 62],
        ['Priority', 'Priorité', 52],
        ['Action', 'Action', 200],
        ['Owner', 'Responsable', 100],
        ['Due', 'Échéance', 74],
        ['Status', 'Statut', 64],
        ['Done', 'Réalisée le', 64],
        ['Verified', 'Vérifiée le', 64],
      ]),
      rows,
      { size: 7.6, job },
    );
  }
  colophon(pdf, p);
  return pdf.finish();
}
