import { z } from 'zod';
import type { FieldChange } from '@shared/schemas/audit';
import { builtInTemplate } from '@shared/letters/templates';
import { ComposeEffect } from '@shared/schemas/compose';
import { BilingualText } from '@shared/schemas/common';
import type { LetterTemplate } from '@shared/schemas/templates';
import { appendAudit, type RegisterContext } from '../registers/context';

/**
 * Template versions and generated letters as operations of the workspace (README › Letters,
 * migration 19). Each has its own record type in the permission table (shared/sync/permissions.ts):
 * - `letter_template` (record id: the template's, e.g. `acknowledgement`): one operation per saved
 *   version, carrying its whole text and its version id; administrators and DPOs, like the
 *   workspace's settings.
 * - `composed_letter` (record id: the generated letter's): the entry of the *Letters generated*
 *   list, naming its record, its two attachments (which travel as attachments) and the template
 *   version it used; whoever may attach files to a record.
 * A colleague's operation that does not hold what it should is kept as history only.
 */
export const LETTER_TEMPLATE = 'letter_template';
export const COMPOSED_LETTER = 'composed_letter';

export interface VersionRow {
  id: string;
  template_id: string;
  hlc: string;
  prior_version: number | null;
  name_en: string;
  name_fr: string;
  subject_en: string;
  subject_fr: string;
  body_en: string;
  body_fr: string;
  saved_at: string;
  saved_by: string;
}

export interface ComposedRow {
  id: string;
  template_id: string;
  template_version: number;
  template_version_id: string | null;
  lang: string;
  record_type: string;
  record_id: string;
  client_id: string | null;
  subject: string;
  pdf_attachment_id: string;
  text_attachment_id: string;
  file_name: string;
  outbound_letter_id: string | null;
  sent_at: string;
  effect: string;
  created_at: string;
  created_by: string;
}

const bi = (r: VersionRow, k: 'name' | 'subject' | 'body') => ({ en: r[`${k}_en`], fr: r[`${k}_fr`] });

/** A saved version as its operation carries it: its id, its whole text (old: the version it followed here), who saved it. */
export function templateChanges(r: VersionRow, before: Pick<LetterTemplate, 'name' | 'subject' | 'body'> | null): FieldChange[] {
  return [
    { field: 'versionId', old: null, new: r.id },
    ...(['name', 'subject', 'body'] as const).map((k) => ({ field: k, old: before ? before[k] : null, new: bi(r, k) })),
    { field: 'savedBy', old: null, new: r.saved_by },
  ];
}

/** A generated letter as its operation carries it: every column of its row. */
export function composedChanges(r: ComposedRow): FieldChange[] {
  const fields: Record<string, unknown> = {
    templateId: r.template_id,
    templateVersion: r.template_version,
    templateVersionId: r.template_version_id,
    lang: r.lang,
    record: { type: r.record_type, id: r.record_id },
    clientId: r.client_id,
    subject: r.subject,
    pdfAttachmentId: r.pdf_attachment_id,
    textAttachmentId: r.text_attachment_id,
    fileName: r.file_name,
    outboundLetterId: r.outbound_letter_id,
    sentAt: r.sent_at,
    effect: JSON.parse(r.effect) as unknown,
    createdBy: r.created_by,
  };
  return Object.entries(fields).map(([field, value]) => ({ field, old: null, new: value }));
}

const TemplateOp = z.object({ versionId: z.string().min(1).max(64), name: BilingualText, subject: BilingualText, body: BilingualText, savedBy: z.string() });
const Id = z.string().min(1).max(64);
const ComposedOp = z.object({
  templateId: z.string(),
  templateVersion: z.number().int().min(1),
  templateVersionId: Id.nullable(),
  lang: z.enum(['en', 'fr']),
  record: z.object({ type: z.enum(['complaint', 'letter', 'incident']), id: Id }),
  clientId: Id.nullable(),
  subject: z.string(),
  pdfAttachmentId: Id,
  textAttachmentId: Id,
  fileName: z.string(),
  outboundLetterId: Id.nullable(),
  sentAt: z.string(),
  effect: ComposeEffect,
  createdBy: z.string(),
});

function valuesOf(changes: readonly FieldChange[]): Record<string, unknown> {
  return Object.fromEntries(changes.map((c) => [c.field, c.new]));
}

/** A colleague's saved version (call inside the applier's transaction): kept, numbered by its operation's clock. */
export function applyTemplateOp(ctx: RegisterContext, op: { recordId: string; hlc: string; at: string; actor: string; changes: readonly FieldChange[] }): void {
  const v = TemplateOp.safeParse(valuesOf(op.changes));
  if (!v.success || !builtInTemplate(op.recordId)) return;
  insertVersionRow(ctx, {
    id: v.data.versionId,
    template_id: op.recordId,
    hlc: op.hlc,
    prior_version: null,
    name_en: v.data.name.en,
    name_fr: v.data.name.fr,
    subject_en: v.data.subject.en,
    subject_fr: v.data.subject.fr,
    body_en: v.data.body.en,
    body_fr: v.data.body.fr,
    saved_at: op.at,
    saved_by: v.data.savedBy,
  });
}

/** A colleague's generated letter (call inside the applier's transaction): listed with its record. */
export function applyComposedOp(ctx: RegisterContext, op: { recordId: string; at: string; changes: readonly FieldChange[] }): void {
  const v = ComposedOp.safeParse(valuesOf(op.changes));
  if (!v.success || !builtInTemplate(v.data.templateId)) return;
  const d = v.data;
  insertComposedRow(ctx, {
    id: op.recordId,
    template_id: d.templateId,
    template_version: d.templateVersion,
    template_version_id: d.templateVersionId,
    lang: d.lang,
    record_type: d.record.type,
    record_id: d.record.id,
    client_id: d.clientId,
    subject: d.subject,
    pdf_attachment_id: d.pdfAttachmentId,
    text_attachment_id: d.textAttachmentId,
    file_name: d.fileName,
    outbound_letter_id: d.outboundLetterId,
    sent_at: d.sentAt,
    effect: JSON.stringify(d.effect),
    created_at: op.at,
    created_by: d.createdBy,
  });
}

/**
 * On its author's machine, a template version or a generated letter's entry that colleagues
 * refused (quarantined: the role no longer allowed it where it reached the log) is taken out of
 * the versions or the list here too, so every machine numbers and lists the same ones. The
 * letter's files are attachments and stay, as attachments do. Returns whether anything went.
 */
export function undoLetterOp(ctx: RegisterContext, op: { recordType: string; recordId: string; changes: readonly FieldChange[] }): boolean {
  if (op.recordType === COMPOSED_LETTER) return ctx.db.prepare('DELETE FROM composed_letters WHERE id = ?').run(op.recordId).changes > 0;
  const versionId = valuesOf(op.changes).versionId;
  if (typeof versionId !== 'string') return false;
  return ctx.db.prepare('DELETE FROM letter_template_versions WHERE id = ? AND template_id = ?').run(versionId, op.recordId).changes > 0;
}

export function insertVersionRow(ctx: RegisterContext, r: VersionRow): void {
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO letter_template_versions (id, template_id, hlc, prior_version, name_en, name_fr, subject_en, subject_fr, body_en, body_fr, saved_at, saved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.id, r.template_id, r.hlc, r.prior_version, r.name_en, r.name_fr, r.subject_en, r.subject_fr, r.body_en, r.body_fr, r.saved_at, r.saved_by);
}

export function insertComposedRow(ctx: RegisterContext, r: ComposedRow): void {
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO composed_letters (id, template_id, template_version, template_version_id, lang, record_type, record_id, client_id, subject, pdf_attachment_id, text_attachment_id, file_name, outbound_letter_id, sent_at, effect, created_at, created_by, published)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    .run(
      r.id,
      r.template_id,
      r.template_version,
      r.template_version_id,
      r.lang,
      r.record_type,
      r.record_id,
      r.client_id,
      r.subject,
      r.pdf_attachment_id,
      r.text_attachment_id,
      r.file_name,
      r.outbound_letter_id,
      r.sent_at,
      r.effect,
      r.created_at,
      r.created_by,
    );
}

/**
 * Template versions saved and letters generated before they travelled (migration 19): published
 * once as operations, in the order they were made, when this machine's member may write them
 * (otherwise they stay here until a later opening finds it may). Returns how many.
 */
export function publishLocalLetters(ctx: RegisterContext, may: (recordType: string) => boolean): number {
  let done = 0;
  if (may(LETTER_TEMPLATE)) {
    const rows = ctx.db.prepare(`SELECT * FROM letter_template_versions WHERE hlc = '' ORDER BY template_id, prior_version, id`).all() as VersionRow[];
    for (const r of rows) {
      ctx.write(LETTER_TEMPLATE, () => {
        const entry = appendAudit(ctx, LETTER_TEMPLATE, r.template_id, 'update', templateChanges(r, null), r.saved_at);
        ctx.db.prepare('UPDATE letter_template_versions SET hlc = ? WHERE id = ?').run(entry.hlc, r.id);
        return { id: r.template_id };
      });
      done++;
    }
  }
  if (may(COMPOSED_LETTER)) {
    const rows = ctx.db.prepare('SELECT * FROM composed_letters WHERE published = 0 ORDER BY created_at, id').all() as ComposedRow[];
    for (const r of rows) {
      ctx.write(COMPOSED_LETTER, () => {
        appendAudit(ctx, COMPOSED_LETTER, r.id, 'create', composedChanges(r), r.created_at, true);
        ctx.db.prepare('UPDATE composed_letters SET published = 1 WHERE id = ?').run(r.id);
        return { id: r.id };
      });
      done++;
    }
  }
  return done;
}
