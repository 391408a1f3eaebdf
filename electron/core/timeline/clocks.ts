import { computeDeadline, type OrgCalendar } from '@shared/deadlines';
import type { AffectedClient, Incident, Notification } from '@shared/schemas/incident';
import type { ClockState, IncidentClock } from '@shared/schemas/timeline';
import { findRegulator } from '@shared/reference/regulators';
import { bi, finish, fmtDuration, minutesBetween, U, type Bi } from '../exports/labels';
import { toUtc } from '../registers/context';

/** "met 12 h before the deadline", "late by 8 h", "due in 20 h"… in both languages. */
export function clockSummary(state: ClockState, margin: number | null, startAt: string, metAt: string | null): Bi {
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

function stateOf(dueAt: string | null, metAt: string | null, now: string): { state: ClockState; margin: number | null } {
  if (!dueAt) return { state: metAt ? 'done_no_deadline' : 'no_deadline', margin: null };
  if (metAt) {
    const margin = minutesBetween(metAt, dueAt);
    return { state: margin >= 0 ? 'met' : 'late', margin };
  }
  const margin = minutesBetween(now, dueAt);
  return { state: margin >= 0 ? 'running' : 'overdue', margin };
}

function clock(
  c: Omit<IncidentClock, 'state' | 'marginMinutes' | 'summary'> & { forceState?: ClockState },
  now: string,
): IncidentClock {
  const { forceState, ...rest } = c;
  const s = forceState ? { state: forceState, margin: null } : stateOf(c.dueAt, c.metAt, now);
  return { ...rest, label: finish(c.label), detail: finish(c.detail), state: s.state, marginMinutes: s.margin, summary: finish(clockSummary(s.state, s.margin, c.startAt, c.metAt)) };
}

/**
 * Every clock of an incident: 72 hours to the authority (Art. 33), each client's contractual
 * clock (when we are the processor), communication to data subjects (Art. 34, no hour count:
 * the team's own target), NIS2 reports when in scope. Each says whether and by how much it was met.
 */
export function incidentClocks(i: Incident, notifications: Notification[], clients: AffectedClient[], cal: OrgCalendar, now: string): IncidentClock[] {
  const out: IncidentClock[] = [];
  const incidentSource = { type: 'incident' as const, id: i.id, reference: i.reference };
  const authorityName = findRegulator(i.authority)?.short ?? i.authority ?? '';

  if (i.ourRole !== 'processor' || i.authorityNotifiedAt || i.notifyAuthority === 'yes') {
    const notRequired = i.notifyAuthority === 'no' && !i.authorityNotifiedAt;
    const rule = i.authority === 'GB-ICO' ? 'UK GDPR Art. 33' : 'GDPR Art. 33';
    const ruleFr = i.authority === 'GB-ICO' ? 'UK GDPR art. 33' : 'RGPD art. 33';
    out.push(
      clock(
        {
          id: `authority:${i.id}`,
          kind: 'authority',
          label: bi(`Notification to the authority${authorityName ? ` (${U(authorityName)})` : ''}: 72 h (${rule})`, `Notification à l’autorité${authorityName ? ` (${U(authorityName)})` : ''} : 72 h (${ruleFr})`),
          party: authorityName,
          startAt: i.awareAt,
          dueAt: i.authorityDue,
          metAt: i.authorityNotifiedAt,
          detail: notRequired
            ? bi(`Decided not to notify: ${U(i.notifyAuthorityReasons) || 'reasons not recorded'}`, `Décision de ne pas notifier : ${U(i.notifyAuthorityReasons) || 'motifs non consignés'}`)
            : i.delayReasons && i.authorityNotifiedAt && i.authorityNotifiedAt > i.authorityDue
              ? bi(`Reasons for the delay: ${U(i.delayReasons)}`, `Motifs du retard : ${U(i.delayReasons)}`)
              : bi('', ''),
          source: incidentSource,
          ...(notRequired ? { forceState: 'not_required' as const } : {}),
        },
        now,
      ),
    );
  }

  for (const c of clients) {
    out.push(
      clock(
        {
          id: `client:${c.id}`,
          kind: 'client',
          label:
            c.contractHours != null
              ? bi(`Notice to client ${U(c.name)}: ${c.contractHours} h (contract, Art. 33(2))`, `Notification au client ${U(c.name)} : ${c.contractHours} h (contrat, art. 33(2))`)
              : bi(`Notice to client ${U(c.name)}: without undue delay (Art. 33(2))`, `Notification au client ${U(c.name)} : dans les meilleurs délais (art. 33(2))`),
          party: c.name,
          startAt: i.detectedAt ?? i.awareAt,
          dueAt: c.notifyDue,
          metAt: c.notifiedAt,
          detail: c.acknowledgedAt ? bi(`Acknowledged by the client.`, `Accusé de réception du client.`) : bi('', ''),
          source: { type: 'client', id: c.id, reference: c.name },
        },
        now,
      ),
    );
  }

  const dsRelevant = i.riskLevel === 'high' || i.notifyDataSubjects !== 'pending' || i.dataSubjectsNotifiedAt;
  if (dsRelevant) {
    const notRequired = i.notifyDataSubjects === 'no' && !i.dataSubjectsNotifiedAt;
    out.push(
      clock(
        {
          id: `data_subjects:${i.id}`,
          kind: 'data_subjects',
          label: bi('Communication to data subjects: without undue delay (GDPR Art. 34)', 'Communication aux personnes concernées : dans les meilleurs délais (RGPD art. 34)'),
          party: 'data subjects',
          startAt: i.awareAt,
          // Art. 34 sets no hour count: the team's own target, when it set one, is what is measured.
          dueAt: i.dataSubjectsTarget,
          metAt: i.dataSubjectsNotifiedAt,
          detail: notRequired
            ? bi(`Decided not to communicate: ${U(i.notifyDataSubjectsReasons) || 'reasons not recorded'}`, `Décision de ne pas communiquer : ${U(i.notifyDataSubjectsReasons) || 'motifs non consignés'}`)
            : i.dataSubjectsTarget
              ? bi('Measured against the team’s own target (the law sets no hour count).', 'Mesuré par rapport à l’objectif fixé par l’équipe (la loi ne fixe pas de délai chiffré).')
              : bi('', ''),
          source: incidentSource,
          ...(notRequired ? { forceState: 'not_required' as const } : {}),
        },
        now,
      ),
    );
  }

  if (i.nis2InScope) {
    const csirt = notifications.filter((n) => n.recipient === 'nis2_csirt').sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    const early = csirt[0] ?? null;
    const notification = csirt.find((n) => n.phase !== 'initial') ?? csirt[1] ?? null;
    const final = csirt.find((n) => n.phase === 'final') ?? null;
    const due = (rule: string, from: string) => {
      const r = computeDeadline(rule, from, cal).deadline;
      return r ? toUtc(r) : null;
    };
    out.push(
      clock(
        {
          id: `nis2_early:${i.id}`,
          kind: 'nis2_early_warning',
          label: bi('NIS2 early warning: 24 h (Art. 23(4)(a))', 'NIS 2, alerte précoce : 24 h (art. 23(4)(a))'),
          party: 'CSIRT',
          startAt: i.awareAt,
          dueAt: due('nis2-early-warning', i.awareAt),
          metAt: early?.sentAt ?? null,
          detail: bi('', ''),
          source: incidentSource,
        },
        now,
      ),
      clock(
        {
          id: `nis2_notification:${i.id}`,
          kind: 'nis2_notification',
          label: bi('NIS2 incident notification: 72 h (Art. 23(4)(b))', 'NIS 2, notification d’incident : 72 h (art. 23(4)(b))'),
          party: 'CSIRT',
          startAt: i.awareAt,
          dueAt: due('nis2-notification', i.awareAt),
          metAt: notification?.sentAt ?? null,
          detail: bi('', ''),
          source: incidentSource,
        },
        now,
      ),
    );
    if (notification) {
      out.push(
        clock(
          {
            id: `nis2_final:${i.id}`,
            kind: 'nis2_final_report',
            label: bi('NIS2 final report: 1 month after the notification (Art. 23(4)(d))', 'NIS 2, rapport final : 1 mois après la notification (art. 23(4)(d))'),
            party: 'CSIRT',
            startAt: notification.sentAt,
            dueAt: due('nis2-final-report', notification.sentAt),
            metAt: final?.sentAt ?? null,
            detail: bi('', ''),
            source: incidentSource,
          },
          now,
        ),
      );
    }
  }
  return out;
}
