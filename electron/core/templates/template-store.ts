import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { fieldsFor } from '@shared/letters/fields';
import { unknownFields } from '@shared/letters/render';
import { BUILT_IN_TEMPLATES, builtInTemplate, type TemplateData, type TemplateKind } from '@shared/letters/templates';
import { TemplateSave, type LetterTemplate } from '@shared/schemas/templates';
import { appendAudit, nowIso, type RegisterContext } from '../registers/context';
import { numberVersions } from './numbering';
import { LETTER_TEMPLATE, insertVersionRow, templateChanges, type VersionRow } from './letters-sync';

function view(base: TemplateData, version: number, over: VersionRow | null): LetterTemplate {
  return {
    id: base.id,
    kind: base.kind,
    target: base.target,
    version,
    versionId: over?.id ?? null,
    builtIn: over === null,
    name: over ? { en: over.name_en, fr: over.name_fr } : base.name,
    subject: over ? { en: over.subject_en, fr: over.subject_fr } : base.subject,
    body: over ? { en: over.body_en, fr: over.body_fr } : base.body,
    savedAt: over?.saved_at ?? null,
    savedBy: over?.saved_by ?? null,
    fields: fieldsFor(base.target).map((f) => ({ key: f.key, label: f.label })),
  };
}

/**
 * The letter templates (Settings › Letters): the built-in text is version 1; each save is a new
 * version in letter_template_versions, never an overwrite, so a letter generated from an older
 * version still names a text that exists. Each save is an operation of the workspace (record
 * type `letter_template`, the template's id as record id: its history is the template's), which
 * the permission table gives to administrators and DPOs, and which colleagues apply
 * (letters-sync.ts). Versions are numbered in the order of those operations (numbering.ts), so
 * two saves made apart are both kept and numbered alike on every machine. A template naming a
 * merge field it may not use is refused with the fields named, nothing stored.
 */
export class TemplateStore {
  constructor(private readonly ctx: RegisterContext) {}

  list(): LetterTemplate[] {
    return BUILT_IN_TEMPLATES.map((t) => this.current(t.id));
  }

  /** The saved versions of a template, oldest first, numbered (2 for the first). */
  private numbered(id: string) {
    const rows = this.ctx.db.prepare('SELECT * FROM letter_template_versions WHERE template_id = ?').all(id) as VersionRow[];
    return numberVersions(rows.map((r) => ({ ...r, priorVersion: r.prior_version })));
  }

  current(id: TemplateKind): LetterTemplate {
    const base = this.base(id);
    const last = this.numbered(id).at(-1);
    return last ? view(base, last.version, last) : view(base, 1, null);
  }

  version(id: TemplateKind, version: number): LetterTemplate {
    const base = this.base(id);
    if (version === 1) return view(base, 1, null);
    const row = this.numbered(id).find((r) => r.version === version);
    if (!row) throw new ApiError('NOT_FOUND', `The template "${id}" has no version ${version}.`);
    return view(base, version, row);
  }

  /** The number a version has now (null: the built-in version 1), or null when this machine does not hold it. */
  numberOf(id: TemplateKind, versionId: string | null): number | null {
    if (versionId === null) return 1;
    return this.numbered(id).find((r) => r.id === versionId)?.version ?? null;
  }

  /** Newest first, down to the built-in version 1. */
  versions(id: TemplateKind): LetterTemplate[] {
    const base = this.base(id);
    return [...this.numbered(id).reverse().map((r) => view(base, r.version, r)), view(base, 1, null)];
  }

  save(input: TemplateSave): LetterTemplate {
    const q = TemplateSave.parse(input);
    const before = this.current(q.id);
    const known = before.fields.map((f) => f.key);
    const issues = (['subject', 'body'] as const).flatMap((part) =>
      (['en', 'fr'] as const).flatMap((lang) =>
        unknownFields(q[part][lang], known).map((k) => ({ path: `${part}.${lang}`, message: `{{${k}}} is not a merge field of this template` })),
      ),
    );
    if (issues.length) throw new ApiError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    const same = (['name', 'subject', 'body'] as const).every((k) => before[k].en === q[k].en && before[k].fr === q[k].fr);
    if (same) return before;
    const row: VersionRow = {
      id: uuidv7(),
      template_id: q.id,
      hlc: '',
      prior_version: null,
      name_en: q.name.en,
      name_fr: q.name.fr,
      subject_en: q.subject.en,
      subject_fr: q.subject.fr,
      body_en: q.body.en,
      body_fr: q.body.fr,
      saved_at: nowIso(this.ctx.clock),
      saved_by: this.ctx.actor(),
    };
    this.ctx.write(LETTER_TEMPLATE, () => {
      // The operation carries the whole text (a colleague may not hold the version before it).
      const entry = appendAudit(this.ctx, LETTER_TEMPLATE, q.id, 'update', templateChanges(row, before), row.saved_at);
      insertVersionRow(this.ctx, { ...row, hlc: entry.hlc! });
      return { id: q.id };
    });
    return this.current(q.id);
  }

  private base(id: string): TemplateData {
    const t = builtInTemplate(id);
    if (!t) throw new ApiError('NOT_FOUND', `No letter template "${id}".`);
    return t;
  }
}
