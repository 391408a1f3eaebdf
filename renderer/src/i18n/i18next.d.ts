import 'i18next';
import type en from './en.json';

// Typed keys: t('status.received') is checked at compile time against the English resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
