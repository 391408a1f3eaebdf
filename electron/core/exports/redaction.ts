import { createHash } from 'node:crypto';
import { ApiError } from '@shared/api/contract';
import { BUILT_IN_PROFILES, canonicalRules, hidesAnything, REDACTION_SCOPES, redactableFields, Redactor, type RedactionScope } from '@shared/redaction';
import { mayExportInFull } from '@shared/sync/permissions';
import type { Obligation } from '@shared/schemas/obligation';
import {
  RedactionProfileCreate,
  RedactionProfileUpdate,
  type ProvenanceRedaction,
  type RedactionProfile,
  type RedactionRules,
} from '@shared/schemas/redaction';
import { appendAudit, nowIso, type RegisterContext } from '../registers/context';
import type { ExchangeContext } from './context';

/** The audit entries of custom profiles: `settings` entries (like the deadline rules), one record id per profile. */
const AUDIT_PREFIX = 'redaction-profile:';

interface Row {
  id: string;
  name_en: string;
  name_fr: string;
  rules: string;
}

const fromRow = (r: Row): RedactionProfile => ({ id: r.id, name: { en: r.name_en, fr: r.name_fr }, unnamed: 'withhold', rules: JSON.parse(r.rules) as RedactionRules, builtIn: false });

/**
 * The organisation's own redaction profiles (Settings › Redaction), kept in the encrypted register
 * (table redaction_profiles). Every change is a `settings` audit entry — so only the roles that may
 * change the workspace's settings make them — inside the write's transaction: a refused or invalid
 * change leaves the table as it was. Not applied on other machines (like the custom deadline
 * rules, a settings entry is history there).
 */
export class RedactionProfiles {
  constructor(private readonly ctx: RegisterContext) {}

  /** Built-in first, then the custom ones by English name. */
  list(): RedactionProfile[] {
    const rows = this.ctx.db.prepare('SELECT id, name_en, name_fr, rules FROM redaction_profiles ORDER BY name_en COLLATE NOCASE').all() as Row[];
    return [...BUILT_IN_PROFILES, ...rows.map(fromRow)];
  }

  find(id: string): RedactionProfile | null {
    const b = BUILT_IN_PROFILES.find((p) => p.id === id);
    if (b) return b;
    const row = this.ctx.db.prepare('SELECT id, name_en, name_fr, rules FROM redaction_profiles WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  create(input: RedactionProfileCreate): RedactionProfile {
    const q = parsed(RedactionProfileCreate, input);
    const rules = checkedRules(q.rules);
    const now = nowIso(this.ctx.clock);
    const id = this.freeId(q.name.en);
    const profile: RedactionProfile = { id, name: q.name, unnamed: 'withhold', rules, builtIn: false };
    this.ctx.write('settings', () => {
      this.assertNamesFree(q.name, null);
      this.ctx.db.prepare('INSERT INTO redaction_profiles (id, name_en, name_fr, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, q.name.en, q.name.fr, JSON.stringify(rules), now, now);
      appendAudit(this.ctx, 'settings', AUDIT_PREFIX + id, 'create', [
        { field: 'name', old: null, new: q.name },
        { field: 'rules', old: null, new: rules },
      ]);
      return { id };
    });
    return profile;
  }

  update(input: RedactionProfileUpdate): RedactionProfile {
    const q = parsed(RedactionProfileUpdate, input);
    const before = this.editable(q.id);
    const after: RedactionProfile = { ...before, name: q.name ?? before.name, rules: q.rules ? checkedRules(q.rules) : before.rules };
    const changes = [
      ...(JSON.stringify(after.name) !== JSON.stringify(before.name) ? [{ field: 'name', old: before.name, new: after.name }] : []),
      ...(JSON.stringify(after.rules) !== JSON.stringify(before.rules) ? [{ field: 'rules', old: before.rules, new: after.rules }] : []),
    ];
    if (changes.length === 0) return before;
    this.ctx.write('settings', () => {
      this.assertNamesFree(after.name, after.id);
      this.ctx.db
        .prepare('UPDATE redaction_profiles SET name_en = ?, name_fr = ?, rules = ?, updated_at = ? WHERE id = ?')
        .run(after.name.en, after.name.fr, JSON.stringify(after.rules), nowIso(this.ctx.clock), after.id);
      appendAudit(this.ctx, 'settings', AUDIT_PREFIX + after.id, 'update', changes);
      return { id: after.id };
    });
    return after;
  }

  /** Nothing stores a reference to a profile (an export states its name and rules hash in itself), so any custom one can go. */
  remove(id: string): void {
    const before = this.editable(id);
    this.ctx.write('settings', () => {
      this.ctx.db.prepare('DELETE FROM redaction_profiles WHERE id = ?').run(id);
      appendAudit(this.ctx, 'settings', AUDIT_PREFIX + id, 'update', [
        { field: 'name', old: before.name, new: null },
        { field: 'rules', old: before.rules, new: null },
      ]);
      return { id };
    });
  }

  private editable(id: string): RedactionProfile {
    const p = this.find(id);
    if (!p) throw new ApiError('NOT_FOUND', `No redaction profile "${id}".`);
    if (p.builtIn) throw new ApiError('CONFLICT', `"${p.name.en}" is a built-in profile: it cannot be changed or deleted.`, [{ path: 'id', message: 'built-in' }]);
    return p;
  }

  private assertNamesFree(name: RedactionProfile['name'], exceptId: string | null): void {
    for (const lang of ['en', 'fr'] as const) {
      const taken = this.list().find((p) => p.id !== exceptId && p.name[lang].toLocaleLowerCase() === name[lang].toLocaleLowerCase());
      if (taken) throw new ApiError('CONFLICT', `Another redaction profile is already called "${name[lang]}".`, [{ path: `name.${lang}`, message: 'taken' }]);
    }
  }

  /** A readable id from the English name ("board-pack"), numbered when taken. */
  private freeId(name: string): string {
    const base = `custom-${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'profile'}`;
    let id = base;
    for (let k = 2; this.find(id); k++) id = `${base}-${k}`;
    return id;
  }
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new ApiError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** Rules name only registers and fields a profile can decide on. */
function checkedRules(rules: RedactionRules): RedactionRules {
  const issues: { path: string; message: string }[] = [];
  for (const [scope, fields] of Object.entries(rules)) {
    if (!(REDACTION_SCOPES as readonly string[]).includes(scope)) {
      issues.push({ path: `rules.${scope}`, message: `No register "${scope}"` });
      continue;
    }
    const known = redactableFields(scope as RedactionScope);
    for (const f of Object.keys(fields)) if (!known.includes(f)) issues.push({ path: `rules.${scope}.${f}`, message: `No field "${f}" a profile decides on in ${scope}` });
  }
  if (issues.length) throw new ApiError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  return rules;
}

/**
 * The one place exports take their redaction profile from: every export path asks for the
 * profile by id here and applies the redactor it returns to its records before rendering.
 */
export function profileById(x: ExchangeContext, id: string): RedactionProfile {
  const store = new RedactionProfiles(x.d.ctx);
  const p = store.find(id);
  if (!p) throw new ApiError('NOT_FOUND', `No redaction profile "${id}": use ${store.list().map((b) => b.id).join(', ')}.`);
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
 * The profile of an export (a file that leaves the app: registers, timeline, bundle, report), as
 * the member's role allows it: a reader exports through a profile that hides something, never in
 * full (README › Roles). The in-app views read the records as they are.
 */
export function exportRedactorFor(x: ExchangeContext, id: string, lang: 'en' | 'fr'): { redactor: Redactor; redaction: ProvenanceRedaction } {
  const r = redactorFor(x, id, lang);
  if (!mayExportInFull(x.d.permissions()) && !hidesAnything(r.redactor.profile)) {
    throw new ApiError(
      'ROLE_FORBIDDEN',
      `This member’s role in the workspace is reader: a reader may read the registers and export them with a redaction profile, not in full (profile "${id}" hides nothing). Choose the management profile or one of the organisation’s own. Nothing was exported.`,
    );
  }
  return r;
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
