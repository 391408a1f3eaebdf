import type { z } from 'zod';
import { registerNamed } from '../registers';
import { AffectedClient, Notification } from '../schemas/incident';
import { RegisterName } from '../schemas/export';
import { Matter } from '../schemas/matter';
import { TimelineEntry } from '../schemas/timeline';
import type { BilingualText } from '../schemas/common';
import type { RedactionAction, RedactionProfile } from '../schemas/redaction';

/**
 * Redaction profiles as pure code: which fields of each register a profile can hide (derived from
 * the registers' record schemas, so a field added to a schema is listed, and withheld by every
 * profile but `full` until someone decides), the built-in profiles, and the redactor that applies
 * a profile to the records of one export.
 */

/**
 * What a profile has rules for: each register, `timeline` — the entries a person adds to an
 * incident's timeline (calls, meetings, decisions), which the timeline exports show — and
 * `matters`, the regulator procedures an evidence bundle carries.
 */
export const REDACTION_SCOPES = [...RegisterName.options, 'timeline', 'matters'] as const;
export type RedactionScope = (typeof REDACTION_SCOPES)[number];

/** Sub-records exported with a register's records (an incident's affected clients and notifications). */
const PARTS: Partial<Record<RedactionScope, Record<string, z.ZodType>>> = {
  incidents: { clients: AffectedClient, notifications: Notification },
};

/** Fields that identify or file a record rather than describe it: never redacted. */
const STRUCTURAL = new Set(['reference', 'regulator', 'authority']);

type Def = { type: string; format?: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Free text: a string without a format (not an id, an instant, a day, an enum), maybe optional or nullable. */
function isFreeText(s: z.ZodType): boolean {
  let d = defOf(s);
  while ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) d = defOf(d.innerType);
  return d.type === 'string' && !d.format;
}

function textFieldsOf(schema: z.ZodType): string[] {
  const shape = defOf(schema).shape ?? {};
  return Object.keys(shape).filter((k) => !STRUCTURAL.has(k) && isFreeText(shape[k]!));
}

const FIELDS_OF = new Map<RedactionScope, readonly string[]>();

/** Every field of a register a profile decides on: its record's free-text fields, then its parts' (`clients.contact`). */
export function redactableFields(register: RedactionScope): readonly string[] {
  let fields = FIELDS_OF.get(register);
  if (!fields) {
    // Read from the schemas once: the redactor asks for every record of an export.
    const own = textFieldsOf(register === 'timeline' ? TimelineEntry : register === 'matters' ? Matter : registerNamed(register).schemas.record);
    const parts = Object.entries(PARTS[register] ?? {}).flatMap(([part, schema]) => textFieldsOf(schema).map((f) => `${part}.${f}`));
    FIELDS_OF.set(register, (fields = [...own, ...parts]));
  }
  return fields;
}

/** Fields shown as a numbered pseudonym when summarised (so management can still count people and clients). */
const PSEUDONYM: Record<string, BilingualText> = {
  'complaints.complainantLabel': { en: 'Complainant', fr: 'Réclamant' },
  'complaints.complainantContact': { en: 'Contact', fr: 'Contact' },
  'incidents.clients.contact': { en: 'Contact', fr: 'Contact' },
  'incidents.notifications.recipientName': { en: 'Recipient', fr: 'Destinataire' },
  'incidents.clients.name': { en: 'Client', fr: 'Client' },
  'contracts.name': { en: 'Client', fr: 'Client' },
  'contracts.contacts': { en: 'Contact', fr: 'Contact' },
  'incidents.lead': { en: 'Person', fr: 'Personne' },
  'actions.owner': { en: 'Person', fr: 'Personne' },
  'timeline.actor': { en: 'Person', fr: 'Personne' },
};

const keepAll = (fields: string[]): Record<string, RedactionAction> => Object.fromEntries(fields.map((f) => [f, 'keep' as const]));

/** What management reads: the facts' shape without the people. Fields not named here are withheld. */
const MANAGEMENT_RULES: RedactionProfile['rules'] = {
  complaints: { complainantLabel: 'summarise', complainantContact: 'withhold', regulatorReference: 'keep', summary: 'summarise', outcome: 'summarise', extensionReason: 'summarise', archiveReason: 'summarise' },
  letters: { subject: 'keep', summary: 'summarise', archiveReason: 'summarise' },
  incidents: {
    ...keepAll(['title', 'lead']),
    facts: 'summarise',
    howDiscovered: 'summarise',
    awarenessDelayReason: 'summarise',
    dataSubjectCategories: 'keep',
    likelyConsequences: 'summarise',
    measuresTaken: 'summarise',
    measuresProposed: 'summarise',
    notifyAuthorityReasons: 'summarise',
    notifyDataSubjectsReasons: 'summarise',
    delayReasons: 'summarise',
    archiveReason: 'summarise',
    'clients.name': 'keep',
    'clients.contact': 'withhold',
    'clients.notifiedHow': 'keep',
    'clients.authorityReference': 'keep',
    'clients.notes': 'summarise',
    'notifications.recipientName': 'summarise',
    'notifications.reference': 'keep',
    'notifications.content': 'summarise',
  },
  actions: { ...keepAll(['title', 'owner']), description: 'summarise', originNote: 'summarise', evidence: 'summarise', verificationNote: 'summarise', archiveReason: 'summarise' },
  contracts: { name: 'keep', contractRef: 'keep', contacts: 'withhold', notes: 'summarise', archiveReason: 'summarise' },
  // A timeline entry's title says what happened (a call, a meeting); who took part is a person.
  timeline: { title: 'keep', details: 'summarise', actor: 'summarise', archiveReason: 'summarise' },
  matters: { title: 'keep', summary: 'summarise', appeal: 'summarise', archiveReason: 'summarise' },
};

export const FULL_PROFILE: RedactionProfile = { id: 'full', name: { en: 'Full — for the regulator', fr: 'Complet — pour l’autorité' }, unnamed: 'keep', rules: {}, builtIn: true };
export const MANAGEMENT_PROFILE: RedactionProfile = {
  id: 'management',
  name: { en: 'Management', fr: 'Direction' },
  unnamed: 'withhold',
  rules: MANAGEMENT_RULES,
  builtIn: true,
};
export const BUILT_IN_PROFILES: readonly RedactionProfile[] = [FULL_PROFILE, MANAGEMENT_PROFILE];

export function actionFor(profile: RedactionProfile, register: RedactionScope, field: string): RedactionAction {
  return profile.rules[register]?.[field] ?? profile.unnamed;
}

/** The rules in one canonical form (every redactable field of every register, sorted): what the provenance hash is taken of. */
export function canonicalRules(profile: RedactionProfile, registers: readonly RedactionScope[] = REDACTION_SCOPES): string {
  const out: [string, [string, RedactionAction][]][] = [...registers].sort().map((r) => [r, [...redactableFields(r)].sort().map((f) => [f, actionFor(profile, r, f)] as [string, RedactionAction])]);
  return JSON.stringify(out);
}

/** Whether a profile hides anything at all (`full` does not). */
export function hidesAnything(profile: RedactionProfile, registers: readonly RedactionScope[] = REDACTION_SCOPES): boolean {
  return registers.some((r) => redactableFields(r).some((f) => actionFor(profile, r, f) !== 'keep'));
}

/**
 * Applies one profile to the records of one export, in the export's language. Pseudonyms are
 * numbered in the order values are met and stay the same for the same value within the export.
 */
export class Redactor {
  private readonly pseudonyms = new Map<string, Map<string, number>>();

  constructor(
    readonly profile: RedactionProfile,
    private readonly lang: 'en' | 'fr',
  ) {}

  /** One field's value as the export shows it. */
  text(register: RedactionScope, field: string, value: string | null | undefined): string | null {
    if (value == null || value === '') return value ?? null;
    const action = actionFor(this.profile, register, field);
    if (action === 'keep') return value;
    const fr = this.lang === 'fr';
    if (action === 'withhold') return fr ? '[masqué]' : '[withheld]';
    const noun = PSEUDONYM[`${register}.${field}`];
    if (noun) {
      let seen = this.pseudonyms.get(field);
      if (!seen) this.pseudonyms.set(field, (seen = new Map()));
      if (!seen.has(value)) seen.set(value, seen.size + 1);
      return `${fr ? noun.fr : noun.en} ${seen.get(value)}`;
    }
    const n = [...value].length;
    return fr ? `[masqué : ${n} caractère${n > 1 ? 's' : ''}]` : `[withheld: ${n} character${n > 1 ? 's' : ''}]`;
  }

  private fields<T extends object>(register: RedactionScope, prefix: string, rec: T): T {
    const out: Record<string, unknown> = { ...(rec as Record<string, unknown>) };
    for (const f of redactableFields(register)) {
      if (prefix ? !f.startsWith(`${prefix}.`) : f.includes('.')) continue;
      const key = prefix ? f.slice(prefix.length + 1) : f;
      if (typeof out[key] === 'string') out[key] = this.text(register, f, out[key] as string);
    }
    return out as T;
  }

  /** A record of the register with its fields redacted. */
  record<T extends object>(register: RedactionScope, rec: T): T {
    return this.fields(register, '', rec);
  }

  /** A sub-record (an incident's client or notification) with its fields redacted. */
  part<T extends object>(register: RedactionScope, part: string, rec: T): T {
    return this.fields(register, part, rec);
  }
}
