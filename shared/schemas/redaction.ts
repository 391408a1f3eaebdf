import { z } from 'zod';
import { BilingualText } from './common';

/**
 * Redaction profiles (issue #10): what an export keeps of each register's free-text fields.
 * keep: as recorded. withhold: replaced by "[withheld]" / "[masqué]". summarise: replaced by a
 * neutral description ("[withheld: 312 characters]"), or for a name or contact a pseudonym stable
 * within one export ("Complainant 1"), so a reader can still count.
 */
export const RedactionAction = z.enum(['keep', 'withhold', 'summarise']);
export type RedactionAction = z.infer<typeof RedactionAction>;

/** Register name → field → action. Fields of sub-records are named `part.field` (clients.contact). */
export const RedactionRules = z.record(z.string().max(40), z.record(z.string().max(80), RedactionAction));
export type RedactionRules = z.infer<typeof RedactionRules>;

export const RedactionProfileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Lower-case letters, digits and dashes');

export const RedactionProfile = z.object({
  id: RedactionProfileId,
  name: BilingualText,
  /**
   * What a field the rules do not name gets. Only the built-in `full` keeps unnamed fields; every
   * other profile withholds them, so a field added to a register later is never let through.
   */
  unnamed: z.enum(['keep', 'withhold']),
  rules: RedactionRules,
  builtIn: z.boolean(),
});
export type RedactionProfile = z.infer<typeof RedactionProfile>;

/** The profile an export was made with, as its provenance states it. */
export const ProvenanceRedaction = z.object({
  id: RedactionProfileId,
  name: BilingualText,
  /** SHA-256 (hex, first 16) of the profile's rules in canonical form: two exports with the same hash hid the same fields. */
  rulesHash: z.string(),
});
export type ProvenanceRedaction = z.infer<typeof ProvenanceRedaction>;

/* ------------------------------------------------------------------------------------------ */
/* Custom profiles: defined field by field in Settings › Redaction, kept in the register        */
/* ------------------------------------------------------------------------------------------ */

const ProfileName = z.object({
  en: z.string().trim().min(1, 'Give the profile an English name').max(80),
  fr: z.string().trim().min(1, 'Give the profile a French name').max(80),
});

/**
 * A new custom profile: its names and, per register, what each field gets. A field the rules do
 * not name is withheld (like every profile but `full`); the core checks each register and field
 * is one a profile can decide on (shared/redaction › redactableFields).
 */
export const RedactionProfileCreate = z.object({ name: ProfileName, rules: RedactionRules });
export type RedactionProfileCreate = z.input<typeof RedactionProfileCreate>;
export const RedactionProfileUpdate = z.object({ id: RedactionProfileId, name: ProfileName.optional(), rules: RedactionRules.optional() });
export type RedactionProfileUpdate = z.input<typeof RedactionProfileUpdate>;
export const RedactionProfileRef = z.object({ id: RedactionProfileId });
export const RedactionProfilesResult = z.object({ profiles: z.array(RedactionProfile) });
export type RedactionProfilesResult = z.infer<typeof RedactionProfilesResult>;
