/**
 * Which notification obligations an incident's facts create. Pure: the core runs it whenever the
 * facts change (and reconciles the stored rows: new proposals added, vanished ones superseded,
 * nothing duplicated), the renderer can run it to explain a proposal. Each proposal names its
 * regime, recipient, deadline rule and why it applies, in English and French.
 */
import type { BilingualText } from '../schemas/common';
import type { ObligationDecision, ObligationRegime, RecipientKind, Nis2Sector } from '../schemas/obligation';
import { csirtOf, findRegulator } from '../reference/regulators';

export interface ObligationFacts {
  ourRole: 'controller' | 'processor' | 'joint';
  /** False for an incident that touches no personal data (only NIS2 can then apply). */
  personalData: boolean;
  riskLevel: 'unlikely' | 'risk' | 'high' | null;
  /** The lead or competent supervisory authority (catalogue id or custom text), null if unknown. */
  authority: string | null;
  /** Countries whose data subjects are affected (ISO 3166-1 alpha-2). */
  memberStates: readonly string[];
  /** The organisation's NIS2 sector (null: not an NIS2 entity) and country of establishment. */
  nis2Sector: Nis2Sector | null;
  /** The incident is significant under NIS2 Art. 23(3). */
  nis2Significant: boolean;
  country: string;
  /** Client controllers affected, when we are the processor. */
  clients: readonly { id: string; name: string; contractHours: number | null }[];
}

export interface ProposedObligation {
  key: string;
  regime: ObligationRegime;
  recipientKind: RecipientKind;
  recipientId: string | null;
  recipientName: string;
  contractHours: number | null;
  /** The decision a new row starts with. */
  decision: ObligationDecision;
  why: BilingualText;
}

const bi = (en: string, fr: string): BilingualText => ({ en, fr });

/** The deadline rule (shared/deadlines) and start of each regime's clock. */
export const REGIME: Record<
  ObligationRegime,
  { rule: string; from: 'awareness' | 'detection' | 'notification'; label: BilingualText; basis: BilingualText }
> = {
  'gdpr-33': {
    rule: 'gdpr-33-authority',
    from: 'awareness',
    label: bi('Notification to the supervisory authority (72 h)', 'Notification à l’autorité de contrôle (72 h)'),
    basis: bi('GDPR Art. 33(1) and (3)', 'RGPD art. 33(1) et (3)'),
  },
  'uk-gdpr-33': {
    rule: 'uk-gdpr-33-ico',
    from: 'awareness',
    label: bi('Notification to the ICO (72 h)', 'Notification à l’ICO (72 h)'),
    basis: bi('UK GDPR Art. 33(1)', 'UK GDPR art. 33(1)'),
  },
  'gdpr-34': {
    rule: 'gdpr-34-data-subjects',
    from: 'awareness',
    label: bi('Communication to the data subjects (without undue delay)', 'Communication aux personnes concernées (dans les meilleurs délais)'),
    basis: bi('GDPR Art. 34(1)', 'RGPD art. 34(1)'),
  },
  'gdpr-33-2': {
    rule: 'processor-to-controller',
    from: 'detection',
    label: bi('Notice to the client controller', 'Notification au client responsable du traitement'),
    basis: bi('GDPR Art. 33(2) and the client contract', 'RGPD art. 33(2) et contrat client'),
  },
  'nis2-early-warning': {
    rule: 'nis2-early-warning',
    from: 'awareness',
    label: bi('NIS2 early warning (24 h)', 'NIS 2 – alerte précoce (24 h)'),
    basis: bi('Directive (EU) 2022/2555 Art. 23(4)(a)', 'Directive (UE) 2022/2555 art. 23(4)(a)'),
  },
  'nis2-notification': {
    rule: 'nis2-notification',
    from: 'awareness',
    label: bi('NIS2 incident notification (72 h)', 'NIS 2 – notification d’incident (72 h)'),
    basis: bi('Directive (EU) 2022/2555 Art. 23(4)(b)', 'Directive (UE) 2022/2555 art. 23(4)(b)'),
  },
  'nis2-final-report': {
    rule: 'nis2-final-report',
    from: 'notification',
    label: bi('NIS2 final report (1 month after the notification)', 'NIS 2 – rapport final (1 mois après la notification)'),
    basis: bi('Directive (EU) 2022/2555 Art. 23(4)(d)', 'Directive (UE) 2022/2555 art. 23(4)(d)'),
  },
};

/** A client notice's label names its contract hours. */
export function regimeLabel(regime: ObligationRegime, contractHours: number | null): BilingualText {
  if (regime !== 'gdpr-33-2') return REGIME[regime].label;
  return contractHours == null
    ? bi('Notice to the client controller (without undue delay, no hours in the contract)', 'Notification au client (dans les meilleurs délais, pas de délai au contrat)')
    : bi(`Notice to the client controller (${contractHours} h under the contract)`, `Notification au client (${contractHours} h selon le contrat)`);
}

export function obligationKey(regime: ObligationRegime, recipient: string | null): string {
  return `${regime}:${recipient ?? '-'}`;
}

const UK = 'GB-ICO';

/**
 * The obligations the facts create. Controllers (and joint controllers) notify the authority and,
 * when the risk is high, the data subjects; processors notify each client controller and never the
 * authority in their clients' place; NIS2 entities report significant incidents to their CSIRT,
 * personal data or not.
 */
export function proposeObligations(f: ObligationFacts): ProposedObligation[] {
  const out: ProposedObligation[] = [];
  const add = (p: Omit<ProposedObligation, 'key'>) => out.push({ ...p, key: obligationKey(p.regime, p.recipientId) });
  const controller = f.ourRole === 'controller' || f.ourRole === 'joint';

  if (f.personalData && controller) {
    // Art. 33 applies "unless the breach is unlikely to result in a risk": with a risk assessed the
    // duty is proposed as required; unassessed or assessed unlikely, a person decides and says why.
    const riskDecision: ObligationDecision = f.riskLevel === 'risk' || f.riskLevel === 'high' ? 'required' : 'undecided';
    const riskWhy =
      f.riskLevel === 'risk' || f.riskLevel === 'high'
        ? bi('We are the controller and the breach is likely to result in a risk to people.', 'Nous sommes responsable du traitement et la violation est susceptible d’engendrer un risque pour les personnes.')
        : bi(
            'We are the controller: notify unless the breach is unlikely to result in a risk (decide and record why).',
            'Nous sommes responsable du traitement : notifier sauf si la violation est peu susceptible d’engendrer un risque (décider et consigner pourquoi).',
          );
    const lead = f.authority;
    if (lead && lead !== UK) {
      const reg = findRegulator(lead);
      add({ regime: 'gdpr-33', recipientKind: 'authority', recipientId: lead, recipientName: reg?.short ?? lead, contractHours: null, decision: riskDecision, why: riskWhy });
    } else if (!lead && f.country !== 'GB') {
      add({
        regime: 'gdpr-33',
        recipientKind: 'authority',
        recipientId: null,
        recipientName: '',
        contractHours: null,
        decision: riskDecision,
        why: bi(`${riskWhy.en} Name the lead or competent authority.`, `${riskWhy.fr} Indiquez l’autorité chef de file ou compétente.`),
      });
    }
    if (lead === UK || f.memberStates.includes('GB') || f.country === 'GB') {
      add({
        regime: 'uk-gdpr-33',
        recipientKind: 'authority',
        recipientId: UK,
        recipientName: 'ICO',
        contractHours: null,
        decision: riskDecision,
        why:
          lead === UK || f.country === 'GB'
            ? riskWhy
            : bi('Data subjects in the United Kingdom are affected: UK GDPR applies besides the GDPR.', 'Des personnes au Royaume-Uni sont concernées : le UK GDPR s’applique en plus du RGPD.'),
      });
    }
    if (f.riskLevel === 'high') {
      add({
        regime: 'gdpr-34',
        recipientKind: 'data_subjects',
        recipientId: null,
        recipientName: '',
        contractHours: null,
        decision: 'required',
        why: bi('The risk to people is high: they must be told (unless Art. 34(3) applies, decide and record why).', 'Le risque pour les personnes est élevé : elles doivent être informées (sauf art. 34(3), à décider et motiver).'),
      });
    }
  }

  if (f.personalData && f.ourRole === 'processor') {
    for (const c of f.clients) {
      add({
        regime: 'gdpr-33-2',
        recipientKind: 'client',
        recipientId: c.id,
        recipientName: c.name,
        contractHours: c.contractHours,
        decision: 'required',
        why: bi(
          `We process ${c.name}'s data: the processor notifies the controller of every breach (Art. 33(2))${c.contractHours != null ? `, within ${c.contractHours} h under our contract` : ''}.`,
          `Nous traitons les données de ${c.name} : le sous-traitant notifie toute violation au responsable du traitement (art. 33(2))${c.contractHours != null ? `, sous ${c.contractHours} h selon notre contrat` : ''}.`,
        ),
      });
    }
  }

  if (f.nis2Significant) {
    const csirt = csirtOf(f.country);
    // With the organisation's sector known the three reports are due; without it, someone confirms
    // the organisation is an essential or important entity (NIS2 Art. 3) before they are.
    const why = f.nis2Sector
      ? bi(
          `A significant incident of an NIS2 entity (${f.nis2Sector.replace(/_/g, ' ')}): three reports to the CSIRT, personal data or not.`,
          `Incident important d’une entité NIS 2 (${f.nis2Sector.replace(/_/g, ' ')}) : trois déclarations au CSIRT, données personnelles ou non.`,
        )
      : bi(
          'Marked as a significant NIS2 incident, but the organisation’s NIS2 sector is not set (Settings › Notifications): confirm it is an essential or important entity.',
          'Marqué comme incident important NIS 2, mais le secteur NIS 2 de l’organisme n’est pas renseigné (Paramètres › Notifications) : confirmer qu’il s’agit d’une entité essentielle ou importante.',
        );
    for (const regime of ['nis2-early-warning', 'nis2-notification', 'nis2-final-report'] as const) {
      add({ regime, recipientKind: 'csirt', recipientId: csirt?.id ?? null, recipientName: csirt?.short ?? '', contractHours: null, decision: f.nis2Sector ? 'required' : 'undecided', why });
    }
  }
  return out;
}
