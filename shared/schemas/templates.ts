import { z } from 'zod';
import { TEMPLATE_KINDS } from '../letters/templates';
import { BilingualText, IsoInstant } from './common';

/** Letter templates (Settings › Letters): one per kind of letter, versioned (migration 16). */
export const TemplateKind = z.enum(TEMPLATE_KINDS);
export const TemplateTarget = z.enum(['complaint', 'letter', 'client']);

export const MergeFieldInfo = z.object({ key: z.string(), label: BilingualText });

export const LetterTemplate = z.object({
  id: TemplateKind,
  kind: TemplateKind,
  target: TemplateTarget,
  /**
   * 1 is the built-in text; every save in Settings › Letters is the next version, numbered in the
   * order of the saves' operations on every machine (README › Letters).
   */
  version: z.number().int().min(1),
  /** The saved version's id, the same on every machine (null: the built-in version 1). */
  versionId: z.string().nullable(),
  builtIn: z.boolean().describe('True for version 1, the text the app ships'),
  name: BilingualText,
  subject: BilingualText,
  body: BilingualText,
  savedAt: IsoInstant.nullable(),
  savedBy: z.string().nullable(),
  /** The merge fields this template may use. */
  fields: z.array(MergeFieldInfo),
});
export type LetterTemplate = z.infer<typeof LetterTemplate>;

export const TemplatesResult = z.object({ templates: z.array(LetterTemplate) });
export const TemplateRef = z.object({ id: TemplateKind });
export const TemplateVersionsResult = z.object({ versions: z.array(LetterTemplate) });

const bi = (max: number, what: { en: string; fr: string }) =>
  z.object({
    en: z.string().trim().min(1, `Write the ${what.en} in English`).max(max),
    fr: z.string().trim().min(1, `Write the ${what.fr} in French`).max(max),
  });

export const TemplateSave = z.object({
  id: TemplateKind,
  name: bi(200, { en: 'name', fr: 'name' }),
  subject: bi(500, { en: 'subject', fr: 'subject' }),
  body: bi(20_000, { en: 'text', fr: 'text' }),
});
export type TemplateSave = z.input<typeof TemplateSave>;
