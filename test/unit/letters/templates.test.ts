/**
 * Letter templates (issue #10, Letters): every built-in template renders in French and English
 * with every merge field it may use filled — no field left, none unknown, none empty, each value
 * where the template put it — and a field that does not exist is reported and left visible.
 */
import { describe, expect, it } from 'vitest';
import { fieldsFor } from '@shared/letters/fields';
import { fieldsIn, renderTemplate, unknownFields } from '@shared/letters/render';
import { BUILT_IN_TEMPLATES, TARGET_OF, TEMPLATE_KINDS } from '@shared/letters/templates';
import { mergeTemplate } from '../../../electron/core/templates/merge';

const valuesFor = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, `<${k}>`]));

describe('built-in letter templates', () => {
  it('cover the five letters, each written from its record', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_KINDS]);
    for (const t of BUILT_IN_TEMPLATES) expect(t.target).toBe(TARGET_OF[t.kind]);
  });

  for (const t of BUILT_IN_TEMPLATES) {
    for (const lang of ['en', 'fr'] as const) {
      it(`${t.id} renders in ${lang} with every merge field filled`, () => {
        const keys = fieldsFor(t.target).map((f) => f.key);
        const values = valuesFor(keys);
        const used = [...fieldsIn(t.subject[lang]), ...fieldsIn(t.body[lang])];
        expect(unknownFields(t.subject[lang] + t.body[lang], keys)).toEqual([]);
        // Both languages name the same fields — a translation drops nothing — except the French
        // salutation, "Madame, Monsieur," by convention (the name is in the address block).
        const other = lang === 'en' ? 'fr' : 'en';
        const salutation = (k: string) => k !== 'complaint.complainant';
        expect(new Set(used.filter(salutation))).toEqual(new Set([...fieldsIn(t.subject[other]), ...fieldsIn(t.body[other])].filter(salutation)));
        const merged = mergeTemplate(t, values, lang);
        expect(merged.unknown).toEqual([]);
        expect(merged.empty).toEqual([]);
        expect(merged.subject + merged.body).not.toMatch(/\{\{|\}\}/);
        for (const k of used) expect(merged.subject + merged.body).toContain(`<${k}>`);
        expect(merged.body).toContain('<organisation.name>');
      });
    }
  }

  it('applies French typography to the template’s words, never to the record’s', () => {
    const t = BUILT_IN_TEMPLATES.find((x) => x.id === 'refusal')!;
    const values = { ...valuesFor(fieldsFor('complaint').map((f) => f.key)), 'complaint.outcome': "Motif: l'identité n'a pas été établie" };
    const m = mergeTemplate(t, values, 'fr');
    expect(m.body).toContain('pour les motifs suivants\u00a0: Motif: l\'identité n\'a pas été établie');
    expect(m.body).toContain('l’article 12');
  });

  it('says which fields are empty and leaves a visible gap', () => {
    const t = BUILT_IN_TEMPLATES.find((x) => x.id === 'extension')!;
    const values = { ...valuesFor(fieldsFor('complaint').map((f) => f.key)), 'complaint.extensionReason': '  ' };
    expect(mergeTemplate(t, values, 'en')).toMatchObject({ empty: ['complaint.extensionReason'], unknown: [] });
    expect(mergeTemplate(t, values, 'en').body).toContain('for the following reasons: [to be completed]');
    expect(mergeTemplate(t, values, 'fr').body).toContain('[à compléter]');
  });
});

describe('merge-field rendering', () => {
  it('reports an unknown merge field and leaves it as written', () => {
    const r = renderTemplate('Dear {{ complaint.complainant }}, see {{complaint.nonsense}} and {{complaint.nonsense}}.', { 'complaint.complainant': 'M. X' }, { gap: '[…]' });
    expect(r.unknown).toEqual(['complaint.nonsense']);
    expect(r.text).toBe('Dear M. X, see {{complaint.nonsense}} and {{complaint.nonsense}}.');
    expect(unknownFields('{{letter.date}} {{client.name}}', fieldsFor('complaint').map((f) => f.key))).toEqual(['client.name']);
  });
});
