/**
 * Merge-field rendering for letter templates: `{{ field.name }}` is replaced by its value. Pure,
 * shared by the core (drafts, generated letters) and the UI (the check in Settings › Letters).
 * A field the template names but that does not exist is reported (and left in the text as
 * written, so the mistake shows); a known field with no value in the record is reported too and
 * written as a visible gap, so nothing goes out half-filled by accident.
 */
const FIELD = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

export interface RenderResult {
  text: string;
  /** Fields the text names that are not merge fields of this template. */
  unknown: string[];
  /** Known fields that had no value in the record. */
  empty: string[];
}

/** Every field a text names, in order of first appearance. */
export function fieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1]!))];
}

/** The fields a text names that are not among `known`. */
export function unknownFields(text: string, known: readonly string[]): string[] {
  const ok = new Set(known);
  return fieldsIn(text).filter((k) => !ok.has(k));
}

/**
 * `values` holds every known field (an empty string when the record has no value);
 * `wrap` may mark a value (the core marks what the record says so French typography is applied to
 * the template's words only); `gap` is what an empty field becomes.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>, opts: { gap: string; wrap?: (v: string) => string }): RenderResult {
  const unknown = new Set<string>();
  const empty = new Set<string>();
  const out = text.replace(FIELD, (whole, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, key)) {
      unknown.add(key);
      return whole;
    }
    const v = values[key]!.trim();
    if (!v) {
      empty.add(key);
      return opts.gap;
    }
    return opts.wrap ? opts.wrap(v) : v;
  });
  return { text: out, unknown: [...unknown], empty: [...empty] };
}
