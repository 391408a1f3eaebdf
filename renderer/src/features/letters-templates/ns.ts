/** The i18n namespace of letter templates and the "Write a letter" dialog (locales/{en,fr}.json). */
export const NS = 'letters-templates';
