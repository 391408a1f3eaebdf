import { createHash } from 'node:crypto';
import { ApiError } from '@shared/api/contract';
import { BUILT_IN_PROFILES, canonicalRules, Redactor } from '@shared/redaction';
import type { Obligation } from '@shared/schemas/obligation';
import type { ProvenanceRedaction, RedactionProfile } from '@shared/schemas/redaction';
import type { ExchangeContext } from './context';

/**
 * The one place exports take their redaction profile from: every export path asks for the
 * profile by id here and applies the redactor it returns to its records before rendering.
 */
export function profileById(_x: ExchangeContext, id: string): RedactionProfile {
  const p = BUILT_IN_PROFILES.find((b) => b.id === id);
  if (!p) throw new ApiError('NOT_FOUND', `No redaction profile "${id}": use ${BUILT_IN_PROFILES.map((b) => b.id).join(', ')}.`);
  return p;
}

/** What the provenance says of the profile: its id, name and a hash of its rules over every register. */
export function provenanceRedaction(profile: RedactionProfile): ProvenanceRedaction {
  const rulesHash = createHash('sha256').update(canonicalRules(profile)).digest('hex').slice(0, 16);
  return { id: profile.id, name: profile.name, rulesHash };
}

export function redactorFor(x: ExchangeContext, id: string, lang: 'en' | 'fr'): { redactor: Redactor; redaction: ProvenanceRedaction } {
  const profile = profileById(x, id);
  return { redactor: new Redactor(profile, lang), redaction: provenanceRedaction(profile) };
}

/**
 * An incident's obligation as a profile shows it (its clock's label and detail in the timeline):
 * a client's name follows the clients' rule, the reasons follow the incident's decision and delay
 * reasons. An authority's or CSIRT's name is kept (it files the record, like a regulator).
 */
export function redactObligation(redactor: Redactor, o: Obligation): Obligation {
  const reasons = o.regime === 'gdpr-34' ? 'notifyDataSubjectsReasons' : o.recipientKind === 'client' ? 'clients.notes' : 'notifyAuthorityReasons';
  return {
    ...o,
    recipientName: o.recipientKind === 'client' ? (redactor.text('incidents', 'clients.name', o.recipientName) ?? '') : o.recipientName,
    rationale: redactor.text('incidents', reasons, o.rationale) ?? '',
    lateReasons: redactor.text('incidents', 'delayReasons', o.lateReasons) ?? '',
    supersededReason: redactor.text('incidents', 'archiveReason', o.supersededReason) ?? '',
  };
}
