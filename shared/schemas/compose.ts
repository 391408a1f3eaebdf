import { z } from 'zod';
import { BilingualText, IsoInstant, Lang, RecordId } from './common';
import { RecordRef } from './record-types';
import { TemplateKind } from './templates';

/**
 * Writing a letter from a template (the "Write a letter" dialog): a draft merged from the record,
 * which the user edits, then the generated letter (PDF and plain text) stored as encrypted
 * attachments, and what it does to the record's clock.
 */
export const ComposeTarget = z.object({
  /** A complaint (to the data subject), a regulator's letter (our reply), an incident's affected client (the processor's notice). */
  type: z.enum(['complaint', 'letter', 'client']),
  id: RecordId,
});
export type ComposeTarget = z.infer<typeof ComposeTarget>;

export const ComposeDraftInput = z.object({
  templateId: TemplateKind,
  target: ComposeTarget,
  /** Default: the client's language for a client notice, else the organisation's. */
  lang: Lang.optional(),
  /** When the letter goes out (default: now): decides whether an extension notice is in time. */
  sentAt: IsoInstant.optional(),
});
export type ComposeDraftInput = z.input<typeof ComposeDraftInput>;

/** What generating the letter does to its record. */
export const ComposeEffect = z.object({
  kind: z.enum(['none', 'extension', 'answered', 'regulator_reply', 'client_notified']),
  /** False when the letter is stored but the record is left as it is (say why in `text`). */
  applies: z.boolean(),
  text: BilingualText,
});
export type ComposeEffect = z.infer<typeof ComposeEffect>;

export const ComposeWarning = z.object({
  code: z.enum(['extension_late', 'extension_done', 'no_extension_reason', 'no_outcome', 'empty_fields', 'unknown_fields', 'answered', 'not_inbound', 'no_reply_due', 'replied', 'client_filed', 'client_notified', 'drill']),
  text: BilingualText,
});
export type ComposeWarning = z.infer<typeof ComposeWarning>;

export const ComposeDraft = z.object({
  templateId: TemplateKind,
  templateVersion: z.number().int().min(1),
  templateName: BilingualText,
  lang: Lang,
  target: ComposeTarget,
  /** The record the letter is attached to (a client's notice goes on its incident). */
  record: RecordRef,
  recordReference: z.string(),
  recipient: z.string(),
  sentAt: IsoInstant,
  subject: z.string(),
  body: z.string(),
  unknown: z.array(z.string()),
  empty: z.array(z.string()),
  warnings: z.array(ComposeWarning),
  effect: ComposeEffect,
});
export type ComposeDraft = z.infer<typeof ComposeDraft>;

export const ComposeGenerateInput = z.object({
  templateId: TemplateKind,
  /** The version the draft was made from (recorded with the letter). */
  templateVersion: z.number().int().min(1),
  target: ComposeTarget,
  lang: Lang,
  sentAt: IsoInstant,
  subject: z.string().trim().min(1, 'Give the letter a subject').max(500),
  body: z.string().trim().min(1, 'The letter has no text').max(50_000),
});
export type ComposeGenerateInput = z.input<typeof ComposeGenerateInput>;

export const ComposedLetter = z.object({
  id: RecordId,
  templateId: TemplateKind,
  /** The version of the template the letter used, as it is numbered now (the same on every machine). */
  templateVersion: z.number().int(),
  /**
   * The number its file name and PDF give: the version's number when the letter was generated.
   * It differs from templateVersion only when a colleague's version saved apart came before it.
   */
  printedVersion: z.number().int(),
  lang: Lang,
  record: RecordRef,
  clientId: RecordId.nullable(),
  subject: z.string(),
  pdfAttachmentId: RecordId,
  textAttachmentId: RecordId,
  fileName: z.string(),
  /** The outbound entry in the regulator correspondence register, for a reply to a regulator. */
  outboundLetterId: RecordId.nullable(),
  sentAt: IsoInstant,
  effect: ComposeEffect,
  createdAt: IsoInstant,
  createdBy: z.string(),
});
export type ComposedLetter = z.infer<typeof ComposedLetter>;

export const ComposeGenerateResult = ComposedLetter.extend({ warnings: z.array(ComposeWarning) });
export const ComposedOf = z.object({ record: RecordRef });
export const ComposedResult = z.object({ letters: z.array(ComposedLetter) });
