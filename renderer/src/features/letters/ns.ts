/** The i18n namespace of the letters generated for a record (locales/{en,fr}.json). */
export const NS = 'letters';
