import { z } from 'zod';
import { BilingualText, IsoInstant, RecordId } from './common';
import { Clock } from './clock';

/**
 * Notification obligations of a breach incident: one row per regime and recipient (GDPR Art. 33 to
 * the authority, Art. 34 to data subjects, Art. 33(2) to each client controller when we are the
 * processor, NIS2's three reports to the CSIRT, UK GDPR to the ICO). Rules in shared/obligations
 * propose them from the incident's facts; people decide them; filings meet them.
 */

export const ObligationRegime = z.enum([
  /** GDPR Art. 33(1): the controller notifies the lead or competent supervisory authority within 72 h. */
  'gdpr-33',
  /** UK GDPR Art. 33: the ICO, when UK data subjects are affected or the ICO is the authority. */
  'uk-gdpr-33',
  /** GDPR Art. 34: communication to the data subjects when the risk is high. */
  'gdpr-34',
  /** GDPR Art. 33(2) and the client contract: the processor notifies each client controller. */
  'gdpr-33-2',
  'nis2-early-warning',
  'nis2-notification',
  'nis2-final-report',
]);
export type ObligationRegime = z.infer<typeof ObligationRegime>;

export const RecipientKind = z.enum(['authority', 'data_subjects', 'client', 'csirt']);
export type RecipientKind = z.infer<typeof RecipientKind>;

/** What people decided; 'undecided' blocks closing the incident. */
export const ObligationDecision = z.enum(['undecided', 'required', 'not_required']);
export type ObligationDecision = z.infer<typeof ObligationDecision>;

/**
 * Where an obligation stands. filed_on_time / filed_late come from its first filing and are fixed
 * at the moment it was recorded; superseded: the facts no longer call for it (kept, never deleted).
 */
export const ObligationState = z.enum(['undecided', 'required', 'not_required', 'filed_on_time', 'filed_late', 'superseded']);
export type ObligationState = z.infer<typeof ObligationState>;

/** NIS2 Annex I and II sectors: an entity in one of them reports significant incidents. */
export const Nis2Sector = z.enum([
  'energy',
  'transport',
  'banking',
  'financial_market_infrastructure',
  'health',
  'drinking_water',
  'waste_water',
  'digital_infrastructure',
  'ict_service_management',
  'public_administration',
  'space',
  'postal_courier',
  'waste_management',
  'chemicals',
  'food',
  'manufacturing',
  'digital_providers',
  'research',
]);
export type Nis2Sector = z.infer<typeof Nis2Sector>;

/** A stored obligation row. */
export const ObligationRecord = z.object({
  id: RecordId,
  incidentId: RecordId,
  /** `${regime}:${recipient}`: unique per incident, so rules re-run without duplicating rows. */
  key: z.string(),
  regime: ObligationRegime,
  recipientKind: RecipientKind,
  /** Catalogue id (FR-CNIL, FR-ANSSI…), the affected client's id, or null for data subjects. */
  recipientId: z.string().nullable(),
  recipientName: z.string(),
  /** For client notices: the hours of the client's contract (null: "without undue delay"). */
  contractHours: z.number().int().nullable(),
  decision: ObligationDecision,
  /** Why it is (not) required: mandatory for not_required. */
  rationale: z.string(),
  proposedBy: z.enum(['rules', 'user']),
  supersededAt: IsoInstant.nullable(),
  supersededReason: z.string(),
  /**
   * A second member's confirmation of a decision not to notify (a workspace that separates
   * duties: README › Roles): when and by whom. Changing the decision (or its reasons) clears it.
   */
  confirmedAt: IsoInstant.nullable().default(null),
  confirmedBy: z.string().nullable().default(null),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type ObligationRecord = z.infer<typeof ObligationRecord>;

/** An obligation as the app shows it: the row, its state, its clock, its filings. */
export const Obligation = ObligationRecord.extend({
  state: ObligationState,
  label: BilingualText,
  basis: BilingualText,
  /** Why the rules propose it (or null when a person added it). */
  why: BilingualText.nullable(),
  clock: Clock,
  /** The authority catalogue's entry (portal, phone, languages, notes) when the recipient is in it. */
  catalogueId: z.string().nullable(),
  /** Ids of its filings, oldest first (the first one meets the clock). */
  filingIds: z.array(RecordId),
  /** The first filing's reference (NOT-…) and, when it was late, its reasons. */
  firstFilingRef: z.string().nullable(),
  lateReasons: z.string(),
  /**
   * Once filed, the clock keeps the deadline the first filing was judged against (its timeliness is
   * fixed then). When the clock's inputs were edited afterwards (awareness moved, contract hours
   * changed), the deadline they now give, so the change shows; null otherwise.
   */
  currentDue: IsoInstant.nullable(),
  /**
   * Decided not required in a workspace that separates duties, and no other member has confirmed
   * it yet: not final, so its clock keeps running (and reminding).
   */
  awaitingConfirmation: z.boolean(),
  /** The decision not to notify was recorded by this machine's member (so it may not confirm it). */
  decidedHere: z.boolean(),
});
export type Obligation = z.infer<typeof Obligation>;

export const ObligationsOf = z.object({ incidentId: RecordId, includeSuperseded: z.boolean().default(true) });
export const ObligationsResult = z.object({ obligations: z.array(Obligation) });
export type ObligationsResult = z.infer<typeof ObligationsResult>;

export const ObligationDecide = z
  .object({
    id: RecordId,
    decision: z.enum(['required', 'not_required', 'undecided']),
    rationale: z.string().trim().max(10_000).default(''),
  })
  .refine((d) => d.decision !== 'not_required' || d.rationale.length >= 10, {
    message: 'Say why it is not required (at least 10 characters): the register must show the reasons (GDPR Art. 33(5)).',
    path: ['rationale'],
  });
export type ObligationDecide = z.input<typeof ObligationDecide>;

/** A second member confirms a decision not to notify (a workspace that separates duties). */
export const ObligationConfirm = z.object({ obligationId: RecordId });
export type ObligationConfirm = z.infer<typeof ObligationConfirm>;

/** A person adds an obligation the rules did not propose (e.g. a sector regulator, a contract). */
export const ObligationAdd = z.object({
  incidentId: RecordId,
  regime: ObligationRegime,
  recipientKind: RecipientKind,
  recipientId: z.string().trim().max(100).nullable().default(null),
  recipientName: z.string().trim().min(1).max(200),
  contractHours: z.number().int().min(1).max(720).nullable().default(null),
  rationale: z.string().trim().max(10_000).default(''),
});
export type ObligationAdd = z.input<typeof ObligationAdd>;

/** The text a filing starts from (edited by the user before recording). */
export const PrepareText = z.object({ obligationId: RecordId, lang: z.enum(['en', 'fr']).optional() });
export const PreparedText = z.object({ lang: z.enum(['en', 'fr']), subject: z.string(), body: z.string() });
export type PreparedText = z.infer<typeof PreparedText>;
