import { ApiError } from '@shared/api/contract';
import { fieldsFor } from '@shared/letters/fields';
import { unknownFields } from '@shared/letters/render';
import { BUILT_IN_TEMPLATES, builtInTemplate, type TemplateData, type TemplateKind } from '@shared/letters/templates';
import { TemplateSave, type LetterTemplate } from '@shared/schemas/templates';
import { appendAudit, nowIso, type RegisterContext } from '../registers/context';

/** Audit record ids of template changes: `settings` entries, one id per template. */
const AUDIT_PREFIX = 'letter-template:';

interface Row {
  template_id: string;
  version: number;
  name_en: string;
  name_fr: string;
  subject_en: string;
  subject_fr: string;
  body_en: string;
  body_fr: string;
  saved_at: string;
  saved_by: string;
}

function view(base: TemplateData, version: number, over: Row | null): LetterTemplate {
  return {
    id: base.id,
    kind: base.kind,
    target: base.target,
    version,
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
 * The letter templates (Settings › Letters): the built-in text is version 1; each save is the
 * next version in letter_template_versions, never an overwrite, so a letter generated from an
 * older version still names a text that exists. Each save is a `settings` audit entry (only the
 * roles that may change settings make one). A template naming a merge field it may not use is
 * refused with the fields named, nothing stored.
 */
export class TemplateStore {
  constructor(private readonly ctx: RegisterContext) {}

  list(): LetterTemplate[] {
    return BUILT_IN_TEMPLATES.map((t) => this.current(t.id));
  }

  current(id: TemplateKind): LetterTemplate {
    const base = this.base(id);
    const row = this.ctx.db.prepare('SELECT * FROM letter_template_versions WHERE template_id = ? ORDER BY version DESC LIMIT 1').get(id) as Row | undefined;
    return row ? view(base, row.version, row) : view(base, 1, null);
  }

  version(id: TemplateKind, version: number): LetterTemplate {
    const base = this.base(id);
    if (version === 1) return view(base, 1, null);
    const row = this.ctx.db.prepare('SELECT * FROM letter_template_versions WHERE template_id = ? AND version = ?').get(id, version) as Row | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `The template "${id}" has no version ${version}.`);
    return view(base, version, row);
  }

  /** Newest first, down to the built-in version 1. */
  versions(id: TemplateKind): LetterTemplate[] {
    const base = this.base(id);
    const rows = this.ctx.db.prepare('SELECT * FROM letter_template_versions WHERE template_id = ? ORDER BY version DESC').all(id) as Row[];
    return [...rows.map((r) => view(base, r.version, r)), view(base, 1, null)];
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
    const version = before.version + 1;
    const at = nowIso(this.ctx.clock);
    const by = this.ctx.actor();
    this.ctx.write('settings', () => {
      this.ctx.db
        .prepare('INSERT INTO letter_template_versions (template_id, version, name_en, name_fr, subject_en, subject_fr, body_en, body_fr, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(q.id, version, q.name.en, q.name.fr, q.subject.en, q.subject.fr, q.body.en, q.body.fr, at, by);
      appendAudit(this.ctx, 'settings', AUDIT_PREFIX + q.id, 'update', [
        { field: 'version', old: before.version, new: version },
        ...(['name', 'subject', 'body'] as const).filter((k) => before[k].en !== q[k].en || before[k].fr !== q[k].fr).map((k) => ({ field: k, old: before[k], new: q[k] })),
      ]);
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
