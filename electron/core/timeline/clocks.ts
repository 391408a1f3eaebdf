import type { Incident } from '@shared/schemas/incident';
import type { Obligation } from '@shared/schemas/obligation';
import type { ClockResult, IncidentClock } from '@shared/schemas/timeline';
import { bi, finish, fmtDuration, minutesBetween, U, type Bi } from '../exports/labels';

/** "met 12 h before the deadline", "late by 8 h", "due in 20 h"… in both languages. */
export function clockSummary(state: ClockResult, margin: number | null, startAt: string, metAt: string | null): Bi {
  const d = (lang: 'en' | 'fr') => fmtDuration(margin ?? 0, lang);
  switch (state) {
    case 'met':
      return margin === 0 ? bi('met exactly at the deadline', 'respecté, pile à l’échéance') : bi(`met ${d('en')} before the deadline`, `respecté, ${d('fr')} avant l’échéance`);
    case 'late':
      return bi(`late by ${d('en')}`, `en retard de ${d('fr')}`);
    case 'running':
      return bi(`due in ${d('en')}`, `échéance dans ${d('fr')}`);
    case 'overdue':
      return bi(`overdue by ${d('en')}`, `dépassé de ${d('fr')}`);
    case 'done_no_deadline': {
      const after = metAt ? minutesBetween(startAt, metAt) : 0;
      return bi(`done ${fmtDuration(after, 'en')} after the clock started (no legal hour count)`, `fait ${fmtDuration(after, 'fr')} après le départ du délai (pas de délai chiffré)`);
    }
    case 'no_deadline':
      return bi('no legal hour count: without undue delay', 'pas de délai chiffré : dans les meilleurs délais');
    case 'not_required':
      return bi('not required (decision recorded)', 'non requise (décision consignée)');
  }
}

/**
 * The timeline's clocks: a view of the incident's notification obligations (their one clock
 * each), saying whether and by how much each was met. A filed obligation is judged as it was at
 * filing; superseded ones are left out (the facts no longer call for them).
 */
export function incidentClocks(i: Incident, obligations: Obligation[], now: string): IncidentClock[] {
  const source = { type: 'incident' as const, id: i.id, reference: i.reference };
  const out: IncidentClock[] = [];
  const ordered = [...obligations].sort((a, b) => ORDER[a.regime] - ORDER[b.regime] || a.recipientName.localeCompare(b.recipientName) || a.id.localeCompare(b.id));
  for (const o of ordered) {
    if (o.state === 'superseded') continue;
    const c = o.clock;
    const isClient = o.regime === 'gdpr-33-2';
    // A decision not to notify that awaits a second member's confirmation is not final: its clock
    // runs on, and every reading of it (timeline, exports) must say so rather than "not required".
    const pending = o.awaitingConfirmation;
    const notRequired = o.state === 'not_required' && !pending;
    const filedLate = o.state === 'filed_late';
    let result: ClockResult;
    let margin: number | null = null;
    if (notRequired) result = 'not_required';
    else if (c.metAt) {
      if (!c.due) result = 'done_no_deadline';
      else {
        margin = minutesBetween(c.metAt, c.due);
        result = o.state === 'filed_on_time' ? 'met' : 'late';
      }
    } else if (!c.due) result = 'no_deadline';
    else {
      margin = minutesBetween(now, c.due);
      result = margin >= 0 ? 'running' : 'overdue';
    }
    const dueAt = o.regime === 'gdpr-34' ? i.dataSubjectsTarget : c.due;
    if (o.regime === 'gdpr-34' && c.metAt && dueAt) {
      margin = minutesBetween(c.metAt, dueAt);
      result = margin >= 0 ? 'met' : 'late';
    } else if (o.regime === 'gdpr-34' && !c.metAt && dueAt && !notRequired) {
      margin = minutesBetween(now, dueAt);
      result = margin >= 0 ? 'running' : 'overdue';
    }
    const detail = pending
      ? bi(
          `Decided not to ${o.regime === 'gdpr-34' ? 'communicate' : 'notify'}, awaiting confirmation by another member (the clock keeps running until then): ${U(o.rationale) || 'reasons not recorded'}`,
          `Décision de ne pas ${o.regime === 'gdpr-34' ? 'communiquer' : 'notifier'}, en attente de confirmation par un autre membre (le délai court jusque-là) : ${U(o.rationale) || 'motifs non consignés'}`,
        )
      : notRequired
      ? o.regime === 'gdpr-34'
        ? bi(`Decided not to communicate: ${U(o.rationale) || 'reasons not recorded'}`, `Décision de ne pas communiquer : ${U(o.rationale) || 'motifs non consignés'}`)
        : bi(`Decided not to notify: ${U(o.rationale) || 'reasons not recorded'}`, `Décision de ne pas notifier : ${U(o.rationale) || 'motifs non consignés'}`)
      : filedLate && (lateReasonsOf(o, i) || '')
        ? bi(`Reasons for the delay: ${U(lateReasonsOf(o, i))}`, `Motifs du retard : ${U(lateReasonsOf(o, i))}`)
        : o.regime === 'gdpr-34' && i.dataSubjectsTarget
          ? bi('Measured against the team’s own target (the law sets no hour count).', 'Mesuré par rapport à l’objectif fixé par l’équipe (la loi ne fixe pas de délai chiffré).')
          : bi('', '');
    out.push({
      id: `${KIND[o.regime]}:${isClient ? o.recipientId : i.id}${o.proposedBy === 'user' ? `:${o.id}` : ''}`,
      kind: KIND[o.regime],
      label: finish(labelOf(o)),
      party: o.regime === 'gdpr-34' ? 'data subjects' : o.recipientName,
      startAt: c.startedAt,
      dueAt,
      metAt: c.metAt,
      state: result,
      marginMinutes: margin,
      summary: finish(clockSummary(result, margin, c.startedAt, c.metAt)),
      detail: finish(detail),
      awaitingConfirmation: pending,
      source: isClient && o.recipientId ? { type: 'client', id: o.recipientId, reference: o.recipientName } : source,
    });
  }
  return out;
}

/** The order a reader expects: the authority, the people, the clients, then NIS2's three reports. */
const ORDER: Record<Obligation['regime'], number> = { 'gdpr-33': 0, 'uk-gdpr-33': 1, 'gdpr-34': 2, 'gdpr-33-2': 3, 'nis2-early-warning': 4, 'nis2-notification': 5, 'nis2-final-report': 6 };

const KIND: Record<Obligation['regime'], IncidentClock['kind']> = {
  'gdpr-33': 'authority',
  'uk-gdpr-33': 'authority',
  'gdpr-34': 'data_subjects',
  'gdpr-33-2': 'client',
  'nis2-early-warning': 'nis2_early_warning',
  'nis2-notification': 'nis2_notification',
  'nis2-final-report': 'nis2_final_report',
};

/** The late first filing's reasons (or, for older records, the incident's). */
function lateReasonsOf(o: Obligation, i: Incident): string {
  return o.lateReasons || (o.regime === 'gdpr-33' ? i.delayReasons : '');
}

function labelOf(o: Obligation): Bi {
  const name = o.recipientName ? ` (${U(o.recipientName)})` : '';
  switch (o.regime) {
    case 'gdpr-33':
      return bi(`Notification to the authority${name}: 72 h (GDPR Art. 33)`, `Notification à l’autorité${name} : 72 h (RGPD art. 33)`);
    case 'uk-gdpr-33':
      return bi(`Notification to the authority${name}: 72 h (UK GDPR Art. 33)`, `Notification à l’autorité${name} : 72 h (UK GDPR art. 33)`);
    case 'gdpr-33-2':
      return o.contractHours != null
        ? bi(`Notice to client ${U(o.recipientName)}: ${o.contractHours} h (contract, Art. 33(2))`, `Notification au client ${U(o.recipientName)} : ${o.contractHours} h (contrat, art. 33(2))`)
        : bi(`Notice to client ${U(o.recipientName)}: without undue delay (Art. 33(2))`, `Notification au client ${U(o.recipientName)} : dans les meilleurs délais (art. 33(2))`);
    case 'gdpr-34':
      return bi('Communication to data subjects: without undue delay (GDPR Art. 34)', 'Communication aux personnes concernées : dans les meilleurs délais (RGPD art. 34)');
    case 'nis2-early-warning':
      return bi('NIS2 early warning: 24 h (Art. 23(4)(a))', 'NIS 2, alerte précoce : 24 h (art. 23(4)(a))');
    case 'nis2-notification':
      return bi('NIS2 incident notification: 72 h (Art. 23(4)(b))', 'NIS 2, notification d’incident : 72 h (art. 23(4)(b))');
    case 'nis2-final-report':
      return bi('NIS2 final report: 1 month after the notification (Art. 23(4)(d))', 'NIS 2, rapport final : 1 mois après la notification (art. 23(4)(d))');
  }
}
