/**
 * The built-in deadline rules. Each rule is data (id, label, legal basis) plus a compute function
 * built from the two period engines: elapsed hours (elapsed.ts) and 1182/71 calendar periods
 * (calendar-period.ts). Rules validate their own inputs so that every entry point (renderer, core,
 * CLI) gets the same clear errors.
 */
import type { DateTime } from 'luxon';
import { calendarPeriodFromDate, calendarPeriodFromInstant, describeAdjustments, describeCalendarPeriod } from './calendar-period';
import { describeElapsedHours } from './describe-hours';
import { addElapsedHoursToInstant } from './elapsed';
import { isoInZone, parseInstant } from './instant';
import { assertOrgCalendar, type OrgCalendar } from './org-calendar';
import type { Bilingual, BuiltInRuleId, DeadlineResult, DeadlineRule, RuleOptions } from './types';
import { bi, dates, instants } from './wording';

/** Validated inputs every rule starts from. */
export interface RuleInput {
  start: DateTime;
  cal: OrgCalendar;
  /** `from` re-expressed in the organisation's zone. */
  fromIso: string;
  /** The user's own target instant (open rules), re-expressed in the organisation's zone. */
  userTarget: string | null;
}

export function prepareInput(from: string, cal: OrgCalendar, opts: RuleOptions | undefined): RuleInput {
  const checked = assertOrgCalendar(cal);
  const start = parseInstant(from).setZone(checked.timeZone);
  const rawTarget = opts?.target;
  const userTarget = rawTarget == null ? null : isoInZone(parseInstant(rawTarget, 'target instant'), checked.timeZone);
  return { start, cal: checked, fromIso: isoInZone(start, checked.timeZone), userTarget };
}

export function hoursResult(
  rule: string,
  input: RuleInput,
  hours: number,
  event: Bilingual,
  basis: Bilingual,
): DeadlineResult {
  const end = addElapsedHoursToInstant(input.start, hours).setZone(input.cal.timeZone);
  const deadline = isoInZone(end, input.cal.timeZone);
  // For hour rules the target is the deadline itself: there is no weekend roll to aim ahead of.
  return { rule, from: input.fromIso, deadline, target: deadline, basis, explanation: describeElapsedHours(hours, input.start, end, event) };
}

/** Rules with no legal count: the app shows the elapsed time and the user's own target. */
export function openResult(rule: string, input: RuleInput, basis: Bilingual, why: Bilingual, event: Bilingual): DeadlineResult {
  const s = instants(input.start);
  const target = input.userTarget ? instants(parseInstant(input.userTarget).setZone(input.cal.timeZone)) : null;
  const targetText = target
    ? bi(`Your target: ${target.en}.`, `Votre objectif : le ${target.fr}.`)
    : bi('No target set yet.', "Aucun objectif fixé pour l'instant.");
  const explanation = bi(
    `${why.en} There is no legal deadline to compute: the app shows the time elapsed since ${event.en} on ${s.en}. ${targetText.en}`,
    `${why.fr} Aucune échéance légale à calculer : l'application affiche le temps écoulé depuis ${event.fr}, le ${s.fr}. ${targetText.fr}`,
  );
  return { rule, from: input.fromIso, deadline: null, target: input.userTarget, basis, explanation };
}

function hourRule(id: BuiltInRuleId, label: Bilingual, hours: number, event: Bilingual, basis: Bilingual): DeadlineRule {
  return {
    id,
    label,
    kind: 'hours',
    compute: (from, cal, opts) => hoursResult(id, prepareInput(from, cal, opts), hours, event, basis),
  };
}

function oneMonthRule(id: BuiltInRuleId, label: Bilingual, event: Bilingual, basis: Bilingual): DeadlineRule {
  return {
    id,
    label,
    kind: 'calendar',
    compute(from, cal, opts) {
      const input = prepareInput(from, cal, opts);
      const p = calendarPeriodFromInstant(input.start, 1, 'months', input.cal);
      return {
        rule: id,
        from: input.fromIso,
        deadline: p.deadline,
        target: p.target,
        basis,
        explanation: describeCalendarPeriod(p, event, input.cal.timeZone),
      };
    },
  };
}

const AWARENESS = bi('awareness of the breach', 'la prise de connaissance de la violation');
const DETECTION = bi('detection of the breach', 'la détection de la violation');
const NIS2_AWARENESS = bi('awareness of the significant incident', "la prise de connaissance de l'incident important");
const RECEIPT = bi('receipt of the request', 'la réception de la demande');

export const DEFAULT_PROCESSOR_HOURS = 48;

const gdpr33: DeadlineRule = hourRule(
  'gdpr-33-authority',
  bi('GDPR Art. 33 – notification to the supervisory authority (72 h)', "RGPD art. 33 – notification à l'autorité de contrôle (72 h)"),
  72,
  AWARENESS,
  bi(
    'GDPR Art. 33(1): notification to the supervisory authority within 72 hours after becoming aware of the breach',
    "RGPD art. 33(1) : notification à l'autorité de contrôle dans les 72 heures après en avoir pris connaissance",
  ),
);

const processorToController: DeadlineRule = {
  id: 'processor-to-controller',
  label: bi(
    'Processor to controller notice (Art. 33(2) and client contract, 48 h by default)',
    'Notification du sous-traitant au responsable du traitement (art. 33(2) et contrat client, 48 h par défaut)',
  ),
  kind: 'hours',
  compute(from, cal, opts) {
    const input = prepareInput(from, cal, opts);
    // undefined = the contract says nothing special: our standard 48 hours. null = this client's
    // contract sets no hour count, so only "without undue delay" (Art. 33(2)) remains.
    const hours = opts?.hours === undefined ? DEFAULT_PROCESSOR_HOURS : opts.hours;
    if (hours === null) {
      return openResult(
        'processor-to-controller',
        input,
        bi(
          'GDPR Art. 33(2): the processor notifies the controller without undue delay after becoming aware of a breach; this client contract sets no hour count',
          "RGPD art. 33(2) : le sous-traitant notifie la violation au responsable du traitement dans les meilleurs délais après en avoir pris connaissance ; ce contrat client ne fixe pas de délai en heures",
        ),
        bi('Notify the client (the controller) without undue delay.', 'Notifier le client (responsable du traitement) dans les meilleurs délais.'),
        DETECTION,
      );
    }
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
      throw new Error(`processor-to-controller: contract hours must be a positive number or null (no contract term), got ${String(hours)}`);
    }
    return hoursResult(
      'processor-to-controller',
      input,
      hours,
      DETECTION,
      bi(
        `GDPR Art. 33(2) and the client contract: the processor notifies the controller within ${hours} hours after detecting the breach`,
        `RGPD art. 33(2) et contrat client : le sous-traitant notifie la violation au responsable du traitement dans les ${hours} heures après sa détection`,
      ),
    );
  },
};

const gdpr34: DeadlineRule = {
  id: 'gdpr-34-data-subjects',
  label: bi('GDPR Art. 34 – communication to data subjects (without undue delay)', 'RGPD art. 34 – communication aux personnes concernées (dans les meilleurs délais)'),
  kind: 'open',
  compute(from, cal, opts) {
    return openResult(
      'gdpr-34-data-subjects',
      prepareInput(from, cal, opts),
      bi(
        'GDPR Art. 34(1): communication to the data subjects without undue delay when the breach is likely to result in a high risk to their rights and freedoms',
        "RGPD art. 34(1) : communication à la personne concernée dans les meilleurs délais lorsque la violation est susceptible d'engendrer un risque élevé pour ses droits et libertés",
      ),
      bi('The law sets no hour count: communicate without undue delay once the risk is assessed as high.', "La loi ne fixe pas de délai chiffré : communiquer dans les meilleurs délais dès que le risque est jugé élevé."),
      AWARENESS,
    );
  },
};

const GDPR12_BASIS = bi(
  'GDPR Art. 12(3): information on action taken on a data-subject request without undue delay and at the latest within one month of receipt',
  "RGPD art. 12(3) : réponse à la demande de la personne concernée dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de sa réception",
);

const gdpr12: DeadlineRule = oneMonthRule(
  'gdpr-12-response',
  bi('GDPR Art. 12(3) – response to a data-subject request (1 month)', "RGPD art. 12(3) – réponse à une demande d'exercice de droits (1 mois)"),
  RECEIPT,
  GDPR12_BASIS,
);

const gdpr12Extended: DeadlineRule = {
  id: 'gdpr-12-extended',
  label: bi('GDPR Art. 12(3) – extended response (1 + 2 months)', "RGPD art. 12(3) – réponse avec prolongation (1 + 2 mois)"),
  kind: 'calendar',
  compute(from, cal, opts) {
    const input = prepareInput(from, cal, opts);
    const first = calendarPeriodFromInstant(input.start, 1, 'months', input.cal);
    // The two further months run from the end of the first month as the calendar gives it, not from
    // the day it was moved to because of a weekend: the extension prolongs the period, it does not
    // start a new one from a later working day.
    const ext = calendarPeriodFromDate(first.lastDay, 2, 'months', input.cal);
    const r = dates(input.start.toISODate()!);
    const l1 = dates(first.lastDay);
    const l3 = dates(ext.lastDay);
    const firstEnd = dates(first.workingLastDay);
    const adj = describeAdjustments(ext);
    const clampEn = ext.monthEndClamped ? ' (that date does not exist in the final month, so its last day counts)' : '';
    const clampFr = ext.monthEndClamped ? " (cette date n'existant pas dans le dernier mois, c'est son dernier jour qui compte)" : '';
    return {
      rule: 'gdpr-12-extended',
      from: input.fromIso,
      deadline: ext.deadline,
      target: ext.target,
      basis: bi(
        'GDPR Art. 12(3): the one-month period may be extended by two further months where necessary, taking into account the complexity and number of requests; the data subject must be informed of any extension, with the reasons, within one month of receipt',
        "RGPD art. 12(3) : le délai d'un mois peut être prolongé de deux mois, au besoin, compte tenu de la complexité et du nombre de demandes ; la personne concernée est informée de cette prolongation et des motifs du report dans un délai d'un mois à compter de la réception de la demande",
      ),
      explanation: bi(
        `Request received on ${r.en} (local date in ${input.cal.timeZone}; that day is not counted). ` +
          `The first month ends at the end of ${l1.en} (the calendar date, before any move off a weekend or holiday); ` +
          `the two further months run from that date and end at the end of ${l3.en}${clampEn}. ${adj.en} ` +
          `The extension and its reasons must reach the data subject within the first month, i.e. before the end of ${firstEnd.en}.`,
        `Demande reçue le ${r.fr} (date locale ${input.cal.timeZone} ; ce jour n'est pas compté). ` +
          `Le premier mois expire à la fin du ${l1.fr} (date calendaire, avant tout report d'un week-end ou d'un jour férié) ; ` +
          `les deux mois supplémentaires courent à partir de cette date et expirent à la fin du ${l3.fr}${clampFr}. ${adj.fr} ` +
          `La prolongation et ses motifs doivent être notifiés à la personne concernée dans le premier mois, soit avant la fin du ${firstEnd.fr}.`,
      ),
    };
  },
};

const nis2EarlyWarning = hourRule(
  'nis2-early-warning',
  bi('NIS2 Art. 23 – early warning (24 h)', 'NIS 2 art. 23 – alerte précoce (24 h)'),
  24,
  NIS2_AWARENESS,
  bi(
    'NIS2 Directive (EU) 2022/2555, Art. 23(4)(a): early warning to the CSIRT or competent authority within 24 hours of becoming aware of the significant incident',
    "Directive NIS 2 (UE) 2022/2555, art. 23(4)(a) : alerte précoce au CSIRT ou à l'autorité compétente dans les 24 heures après avoir eu connaissance de l'incident important",
  ),
);

const nis2Notification = hourRule(
  'nis2-notification',
  bi('NIS2 Art. 23 – incident notification (72 h)', "NIS 2 art. 23 – notification d'incident (72 h)"),
  72,
  NIS2_AWARENESS,
  bi(
    'NIS2 Directive (EU) 2022/2555, Art. 23(4)(b): incident notification within 72 hours of becoming aware of the significant incident',
    "Directive NIS 2 (UE) 2022/2555, art. 23(4)(b) : notification d'incident dans les 72 heures après avoir eu connaissance de l'incident important",
  ),
);

const nis2FinalReport = oneMonthRule(
  'nis2-final-report',
  bi('NIS2 Art. 23 – final report (1 month after the notification)', 'NIS 2 art. 23 – rapport final (1 mois après la notification)'),
  bi('the incident notification', "la notification d'incident"),
  bi(
    'NIS2 Directive (EU) 2022/2555, Art. 23(4)(d): final report not later than one month after the submission of the incident notification',
    "Directive NIS 2 (UE) 2022/2555, art. 23(4)(d) : rapport final au plus tard un mois après la présentation de la notification d'incident",
  ),
);

const ukGdpr33 = hourRule(
  'uk-gdpr-33-ico',
  bi('UK GDPR Art. 33 – notification to the ICO (72 h)', "UK GDPR art. 33 – notification à l'ICO (72 h)"),
  72,
  AWARENESS,
  bi(
    "UK GDPR Art. 33(1): notification to the Information Commissioner's Office (ICO) within 72 hours after becoming aware of the breach",
    "UK GDPR (RGPD britannique) art. 33(1) : notification à l'Information Commissioner's Office (ICO) dans les 72 heures après en avoir pris connaissance",
  ),
);

const ukGdpr12 = oneMonthRule(
  'uk-gdpr-12-response',
  bi('UK GDPR Art. 12(3) – response to a data-subject request (1 month)', "UK GDPR art. 12(3) – réponse à une demande d'exercice de droits (1 mois)"),
  RECEIPT,
  bi(
    'UK GDPR Art. 12(3): response to a data-subject request without undue delay and at the latest within one month of receipt',
    "UK GDPR (RGPD britannique) art. 12(3) : réponse à la demande de la personne concernée dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de sa réception",
  ),
);

/**
 * The appeal is lodged with a French court in Paris, so the délai franc is counted on the court's
 * calendar (Paris dates, French public holidays) whatever the organisation's own settings; the
 * instants are still written in the organisation's zone.
 */
export const CONSEIL_ETAT_CALENDAR: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };

const conseilEtat: DeadlineRule = {
  id: 'conseil-etat-appeal',
  label: bi(
    "Appeal to the Conseil d'État against a CNIL decision (2 months, délai franc)",
    "Recours devant le Conseil d'État contre une décision de la CNIL (2 mois, délai franc)",
  ),
  kind: 'calendar',
  compute(from, cal, opts) {
    const input = prepareInput(from, cal, opts);
    const p = calendarPeriodFromInstant(input.start, 2, 'months', CONSEIL_ETAT_CALENDAR, {
      regime: 'delai-franc',
      outputTimeZone: input.cal.timeZone,
    });
    const n = dates(p.eventDate);
    const nominal = dates(p.nominalLastDay);
    const last = dates(p.lastDay);
    const adj = describeAdjustments(p);
    const basis = bi(
      "Appeal before the Conseil d'État against a CNIL decision: two months from notification, counted as a délai franc (Code de justice administrative, Art. R. 421-1)",
      "Recours devant le Conseil d'État contre une décision de la CNIL : deux mois à compter de la notification, délai franc (code de justice administrative, art. R. 421-1)",
    );
    const strict = p.monthEndClamped
      ? calendarPeriodFromInstant(input.start, 2, 'months', CONSEIL_ETAT_CALENDAR, {
          regime: 'delai-franc',
          francExtraDay: false,
          outputTimeZone: input.cal.timeZone,
        })
      : null;
    if (strict && strict.deadline !== p.deadline) {
      // Unsettled: whether the extra day of the délai franc applies when the period ends on a
      // month's last day because the notification's date does not exist in that month. The
      // register shows the earlier reading and gives the later one as the outer bound (only when
      // the two end on different working days).
      const sAdj = describeAdjustments(strict);
      const outer = dates(p.workingLastDay);
      const reason = bi(
        `The notification's date (${n.en}) has no counterpart two months later, so the period reaches the month's last day, ${nominal.en}. ` +
          `Whether the délai franc then adds the day of expiry is not settled; the register keeps the earlier reading and gives ${outer.en} as the outer bound. Lodge the appeal by the earlier date.`,
        `La date de notification (${n.fr}) n'a pas d'équivalent deux mois plus tard : le délai atteint le dernier jour du mois, le ${nominal.fr}. ` +
          `Que le délai franc y ajoute encore le jour de l'échéance n'est pas établi ; le registre retient la lecture la plus stricte et indique le ${outer.fr} comme limite extrême. Former le recours avant la date la plus proche.`,
      );
      return {
        rule: 'conseil-etat-appeal',
        from: input.fromIso,
        deadline: strict.deadline,
        target: strict.target,
        basis,
        explanation: bi(
          `Délai franc: the day of notification (${n.en}, Paris date) does not count. ${reason.en} ${sAdj.en} Counted on the court's calendar (Paris dates, French public holidays).`,
          `Délai franc : le jour de la notification (${n.fr}, date de Paris) ne compte pas. ${reason.fr} ${sAdj.fr} Calcul selon le calendrier de la juridiction (dates de Paris, jours fériés français).`,
        ),
        outerBound: { deadline: p.deadline, reason },
      };
    }
    return {
      rule: 'conseil-etat-appeal',
      from: input.fromIso,
      deadline: p.deadline,
      target: p.target,
      basis,
      explanation: bi(
        `Délai franc: neither the day of notification (${n.en}, Paris date) nor the day of expiry counts. ` +
          `Two months from the notification reach ${nominal.en}; since the day of expiry does not count, the appeal can still be lodged on ${last.en}. ` +
          `${adj.en} Counted on the court's calendar (Paris dates, French public holidays).`,
        `Délai franc : ni le jour de la notification (${n.fr}, date de Paris) ni le jour de l'échéance ne comptent. ` +
          `Les deux mois à compter de la notification arrivent à échéance le ${nominal.fr} ; le jour de l'échéance ne comptant pas, le recours peut encore être formé le ${last.fr}. ` +
          `${adj.fr} Calcul selon le calendrier de la juridiction (dates de Paris, jours fériés français).`,
      ),
    };
  },
};

export const BUILT_IN_RULES: readonly DeadlineRule[] = Object.freeze([
  gdpr33,
  processorToController,
  gdpr34,
  gdpr12,
  gdpr12Extended,
  nis2EarlyWarning,
  nis2Notification,
  nis2FinalReport,
  ukGdpr33,
  ukGdpr12,
  conseilEtat,
]);

export const BUILT_IN_RULE_IDS: readonly BuiltInRuleId[] = Object.freeze([
  'gdpr-33-authority',
  'processor-to-controller',
  'gdpr-34-data-subjects',
  'gdpr-12-response',
  'gdpr-12-extended',
  'nis2-early-warning',
  'nis2-notification',
  'nis2-final-report',
  'uk-gdpr-33-ico',
  'uk-gdpr-12-response',
  'conseil-etat-appeal',
] as const);

export function isBuiltInRuleId(id: string): id is BuiltInRuleId {
  return (BUILT_IN_RULE_IDS as readonly string[]).includes(id);
}
