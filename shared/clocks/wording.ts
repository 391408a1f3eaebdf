/**
 * Words for clocks that no deadline rule computes (dates a regulator or a person set), for stop
 * reasons and for reminders. Clocks computed by a rule take the rule's own label and basis.
 */
import type { Alert, BilingualText, ClockKind, Lang, StopReason } from '../schemas/clock';
import { formatDeadline } from '../format/dates';
import { drillMark } from '../drills';

const bi = (en: string, fr: string): BilingualText => ({ en, fr });

export const NON_RULE_KINDS: Partial<Record<ClockKind, { label: BilingualText; basis: BilingualText }>> = {
  'letter-reply': {
    label: bi('Reply to the regulator by the date it set', 'Réponse au régulateur à la date qu’il a fixée'),
    basis: bi('Reply date written by the regulator in its letter', 'Date de réponse fixée par le régulateur dans son courrier'),
  },
  'letter-compliance': {
    label: bi('Compliance by the deadline the regulator set', 'Mise en conformité dans le délai fixé par le régulateur'),
    basis: bi(
      'Compliance deadline set by the regulator (formal notice or order); met by our letter justifying compliance',
      'Délai de mise en conformité fixé par le régulateur (mise en demeure ou injonction) ; respecté par notre courrier justifiant la mise en conformité',
    ),
  },
  'gdpr-12-extension-notice': {
    label: bi('GDPR Art. 12(3) – notice of the extension within the first month', 'RGPD art. 12(3) – information sur la prolongation dans le premier mois'),
    basis: bi(
      'GDPR Art. 12(3): the data subject shall be informed of any extension within one month of receipt of the request, together with the reasons for the delay',
      'RGPD art. 12(3) : la personne concernée est informée de cette prolongation et des motifs du report dans un délai d’un mois à compter de la réception de la demande',
    ),
  },
  'action-due': {
    label: bi('Remediation action due', 'Échéance de l’action corrective'),
    basis: bi('Due date set for the action', 'Échéance fixée pour l’action'),
  },
};

export const STOP_REASON_TEXT: Record<StopReason, BilingualText> = {
  decided_not_to_notify: bi('Decision not to notify (reasons recorded in the incident)', 'Décision de ne pas notifier (motifs consignés dans l’incident)'),
  incident_closed: bi('Incident closed', 'Incident clos'),
  matter_closed: bi('Matter closed', 'Dossier clos'),
  complaint_closed: bi('Complaint closed', 'Réclamation close'),
  action_cancelled: bi('Action cancelled', 'Action annulée'),
  superseded: bi('Replaced by the extension the regulator granted', 'Remplacé par la prorogation accordée par le régulateur'),
  window_closed: bi('The appeal window ended without an appeal', 'Le délai de recours a expiré sans recours'),
};

export const EXTENDED_NOTE = bi(
  'Extended by two further months (Art. 12(3)); the extension notice is tracked as its own clock.',
  'Prolongé de deux mois (art. 12(3)) ; l’information sur la prolongation est suivie par une échéance distincte.',
);

function hoursWords(h: number, lang: Lang): string {
  if (h >= 48 && h % 24 === 0) return lang === 'fr' ? `${h / 24} jours` : `${h / 24} days`;
  if (h < 1) return `${Math.round(h * 60)} min`;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

/**
 * The text of a desktop notification (or an in-page toast) for an alert, in the user's language,
 * the due instant written in the organisation's time zone.
 */
export function alertMessage(a: Alert, lang: Lang, timeZone: string): { title: string; body: string } {
  // A day-counted deadline reads as its last day ("end of Thu 2 Apr 2026"), never the midnight after.
  const due = formatDeadline(a.dueAt, timeZone, lang);
  const party = a.party ? ` – ${a.party}` : '';
  const when =
    a.threshold === 0
      ? lang === 'fr'
        ? `Échéance atteinte (${due})`
        : `Deadline reached (${due})`
      : lang === 'fr'
        ? `Plus que ${hoursWords(a.threshold, lang)} : échéance ${due}`
        : `${hoursWords(a.threshold, lang)} left: due ${due}`;
  const missed = a.missed ? (lang === 'fr' ? ' (pendant que l’application était fermée)' : ' (while the app was closed)') : '';
  return { title: `${a.drill ? `${drillMark(lang)} ` : ''}${a.reference}${party} – ${a.label[lang]}`, body: `${when}${missed}` };
}
