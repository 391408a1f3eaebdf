import { renderTemplate } from '@shared/letters/render';
import { GAP, type Bilingual } from '@shared/letters/templates';
import { finish, U, type Lang } from '../exports/labels';
import type { Values } from './merge-values';

export interface Merged {
  subject: string;
  body: string;
  unknown: string[];
  empty: string[];
}

/**
 * A template's subject and body with the record's values merged, in one language. French
 * typography is applied to the template's words, never to what the record says (U() marks it).
 */
export function mergeTemplate(t: { subject: Bilingual; body: Bilingual }, values: Values, lang: Lang): Merged {
  const opts = { gap: U(GAP[lang]), wrap: U };
  const s = renderTemplate(t.subject[lang], values, opts);
  const b = renderTemplate(t.body[lang], values, opts);
  const done = (text: string) => (lang === 'fr' ? finish({ en: '', fr: text }).fr : finish({ en: text, fr: '' }).en);
  return {
    subject: done(s.text),
    body: done(b.text),
    unknown: [...new Set([...s.unknown, ...b.unknown])],
    empty: [...new Set([...s.empty, ...b.empty])],
  };
}
