import type { DataCategory, Incident, IncidentCreate, RiskLevel } from '@shared/schemas/incident';
import type { LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { featureT } from '../../lib/featureT';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import type { BreachNatureValue, DecisionValue, IncidentRoleValue } from './labels';
import { NS } from './recordType';

/**
 * The incident as the form edits it: instants split into the organisation's local date and time,
 * counts as text ("" = unknown), the occurrence period with an explicit "unknown". Everything else
 * has the API's own types.
 */
export interface IncidentFormValues extends Record<string, unknown> {
  reference: string;
  title: string;
  ourRole: IncidentRoleValue;
  detected: LocalDateTimeValue;
  aware: LocalDateTimeValue;
  /** Asked whenever awareness comes later than detection. */
  awarenessDelayReason: string;
  /** False for an incident without personal data (then only NIS2 can apply). */
  personalData: boolean;
  /** A breach exercise: chosen when the incident is recorded, never changed after. */
  drill: boolean;
  /** Countries of the people affected (UK data subjects bring UK GDPR in). */
  memberStates: string[];
  occurredUnknown: boolean;
  occurredFrom: LocalDateTimeValue;
  occurredTo: LocalDateTimeValue;
  howDiscovered: string;
  facts: string;
  nature: BreachNatureValue[];
  dataCategories: DataCategory[];
  dataSubjectCategories: string;
  approxSubjects: number | string;
  approxRecords: number | string;
  likelyConsequences: string;
  /** '' = not assessed yet. */
  riskLevel: RiskLevel | '';
  notifyAuthority: DecisionValue;
  notifyAuthorityReasons: string;
  notifyDataSubjects: DecisionValue;
  notifyDataSubjectsReasons: string;
  dataSubjectsTarget: LocalDateTimeValue;
  delayReasons: string;
  nis2InScope: boolean;
  measuresTaken: string;
  measuresProposed: string;
  lead: string;
  authority: string;
}

/** The editable fields of an incident, as the API takes them. */
export type IncidentFieldValues = Required<Omit<IncidentCreate, 'reference'>> & { reference: string };

const NO_INSTANT: LocalDateTimeValue = { date: null, time: '' };

/** A new incident is recorded the minute the organisation becomes aware: awareness defaults to now (the app's clock). */
export function newIncidentValues(zone: string, defaultRegulator: string, orgIsProcessor: boolean, now: Date): IncidentFormValues {
  return {
    reference: '',
    title: '',
    ourRole: orgIsProcessor ? 'processor' : 'controller',
    detected: NO_INSTANT,
    aware: nowLocalParts(zone, now),
    awarenessDelayReason: '',
    personalData: true,
    drill: false,
    memberStates: [],
    occurredUnknown: false,
    occurredFrom: NO_INSTANT,
    occurredTo: NO_INSTANT,
    howDiscovered: '',
    facts: '',
    nature: [],
    dataCategories: [],
    dataSubjectCategories: '',
    approxSubjects: '',
    approxRecords: '',
    likelyConsequences: '',
    riskLevel: '',
    notifyAuthority: 'pending',
    notifyAuthorityReasons: '',
    notifyDataSubjects: 'pending',
    notifyDataSubjectsReasons: '',
    dataSubjectsTarget: NO_INSTANT,
    delayReasons: '',
    nis2InScope: false,
    measuresTaken: '',
    measuresProposed: '',
    lead: '',
    authority: defaultRegulator,
  };
}

const partsOrEmpty = (iso: string | null, zone: string): LocalDateTimeValue => (iso ? localPartsOf(iso, zone) : NO_INSTANT);

export function valuesOfIncident(i: Incident, zone: string, defaultRegulator: string): IncidentFormValues {
  return {
    reference: i.reference,
    title: i.title,
    ourRole: i.ourRole,
    detected: partsOrEmpty(i.detectedAt, zone),
    aware: localPartsOf(i.awareAt, zone),
    awarenessDelayReason: i.awarenessDelayReason,
    personalData: i.personalData,
    drill: i.drill,
    memberStates: [...i.memberStates],
    occurredUnknown: i.occurredFrom === null && i.occurredTo === null,
    occurredFrom: partsOrEmpty(i.occurredFrom, zone),
    occurredTo: partsOrEmpty(i.occurredTo, zone),
    howDiscovered: i.howDiscovered,
    facts: i.facts,
    nature: [...i.nature],
    dataCategories: [...i.dataCategories],
    dataSubjectCategories: i.dataSubjectCategories,
    approxSubjects: i.approxSubjects ?? '',
    approxRecords: i.approxRecords ?? '',
    likelyConsequences: i.likelyConsequences,
    riskLevel: i.riskLevel ?? '',
    notifyAuthority: i.notifyAuthority,
    notifyAuthorityReasons: i.notifyAuthorityReasons,
    notifyDataSubjects: i.notifyDataSubjects,
    notifyDataSubjectsReasons: i.notifyDataSubjectsReasons,
    dataSubjectsTarget: partsOrEmpty(i.dataSubjectsTarget, zone),
    delayReasons: i.delayReasons,
    nis2InScope: i.nis2InScope,
    measuresTaken: i.measuresTaken,
    measuresProposed: i.measuresProposed,
    lead: i.lead,
    authority: i.authority ?? defaultRegulator,
  };
}

/** API paths the form shows under another name (its instants are split into a local date and time). */
export const INCIDENT_FIELD_OF: Record<string, string> = { detectedAt: 'detected', awareAt: 'aware' };

const err = (key: string) => featureT(NS, `fieldErrors.${key}`);

/** An optional instant: null when left empty, undefined when half-entered (an error). */
function optionalInstant(v: LocalDateTimeValue, zone: string): string | null | undefined {
  if (!v.date) return null;
  return instantFromLocal(v.date, v.time, zone) ?? undefined;
}

function count(v: number | string): number | null | undefined {
  if (v === '' || v === null) return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[\s\u202f\u00a0,.]/g, ''));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Form values → API fields (the kit checks them with IncidentCreate, the schema the core applies),
 * and what is wrong with them before the schema looks: instants half entered, counts that are not
 * whole numbers, and what the register owes Art. 33(5) (a decision comes with its reasons).
 */
export function toIncidentFields(v: IncidentFormValues, zone: string): { fields: IncidentFieldValues; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const awareAt = instantFromLocal(v.aware.date, v.aware.time, zone);
  if (!awareAt) errors.aware = err('awareAt');
  const detectedAt = optionalInstant(v.detected, zone);
  if (detectedAt === undefined) errors.detected = err('instant');
  const occurredFrom = v.occurredUnknown ? null : optionalInstant(v.occurredFrom, zone);
  const occurredTo = v.occurredUnknown ? null : optionalInstant(v.occurredTo, zone);
  if (detectedAt && awareAt && Date.parse(awareAt) - Date.parse(detectedAt) >= 60_000 && !v.awarenessDelayReason.trim()) errors.awarenessDelayReason = err('awarenessDelayReason');
  if (detectedAt && awareAt && Date.parse(awareAt) < Date.parse(detectedAt)) errors.aware = err('awareBeforeDetected');
  if (occurredFrom === undefined) errors.occurredFrom = err('instant');
  if (occurredTo === undefined) errors.occurredTo = err('instant');
  if (occurredFrom && occurredTo && Date.parse(occurredFrom) > Date.parse(occurredTo)) errors.occurredTo = err('occurredOrder');
  const dataSubjectsTarget = optionalInstant(v.dataSubjectsTarget, zone);
  if (dataSubjectsTarget === undefined) errors.dataSubjectsTarget = err('instant');
  const approxSubjects = count(v.approxSubjects);
  const approxRecords = count(v.approxRecords);
  if (approxSubjects === undefined) errors.approxSubjects = err('count');
  if (approxRecords === undefined) errors.approxRecords = err('count');
  if (v.notifyAuthority !== 'pending' && !v.notifyAuthorityReasons.trim()) errors.notifyAuthorityReasons = err('decisionReasons');
  if (v.notifyDataSubjects !== 'pending' && !v.notifyDataSubjectsReasons.trim()) errors.notifyDataSubjectsReasons = err('decisionReasons');

  const fields: IncidentFieldValues = {
    reference: v.reference.trim(),
    title: v.title,
    ourRole: v.ourRole,
    detectedAt: detectedAt ?? null,
    awareAt: awareAt ?? '',
    awarenessDelayReason: v.awarenessDelayReason,
    personalData: v.personalData,
    drill: v.drill,
    memberStates: v.memberStates,
    occurredFrom: occurredFrom ?? null,
    occurredTo: occurredTo ?? null,
    howDiscovered: v.howDiscovered,
    nature: v.nature,
    dataCategories: v.dataCategories,
    dataSubjectCategories: v.dataSubjectCategories,
    approxSubjects: approxSubjects ?? null,
    approxRecords: approxRecords ?? null,
    likelyConsequences: v.likelyConsequences,
    riskLevel: v.riskLevel === '' ? null : v.riskLevel,
    authority: v.authority.trim() || null,
    notifyAuthority: v.notifyAuthority,
    notifyAuthorityReasons: v.notifyAuthorityReasons,
    notifyDataSubjects: v.notifyDataSubjects,
    notifyDataSubjectsReasons: v.notifyDataSubjectsReasons,
    dataSubjectsTarget: dataSubjectsTarget ?? null,
    delayReasons: v.delayReasons,
    nis2InScope: v.nis2InScope,
    measuresTaken: v.measuresTaken,
    measuresProposed: v.measuresProposed,
    lead: v.lead,
    facts: v.facts,
  };
  return { fields, errors };
}
