import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import en from './en.json';
import fr from './fr.json';
import type { UiLanguage } from '../lib/format';

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'fr'];

// The French file must have every key of the English one: a missing translation fails the type check.
const frChecked: typeof en = fr;
export const resources = { en: { translation: en }, fr: { translation: frChecked } } as const;

/**
 * Each feature's strings: features/<name>/locales/<lang>.json, loaded as namespace <name>; the
 * kit's: kit/locales/<lang>.json, namespace 'kit'.
 * (A unit test checks that every feature has the same keys in both languages.)
 */
const featureLocales = import.meta.glob<Record<string, unknown>>(['../features/*/locales/*.json', '../kit/locales/*.json'], { eager: true, import: 'default' });
function featureResources(lang: UiLanguage): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, json] of Object.entries(featureLocales)) {
    // The kit's strings are the namespace 'kit' (kit/labels.ts KIT_NS).
    const m = /(?:features\/([^/]+)|(kit))\/locales\/([a-z]+)\.json$/.exec(path);
    if (m && m[3] === lang) out[m[1] ?? m[2]!] = json;
  }
  return out;
}

const STORAGE_KEY = 'privacyops.language';

function isUiLanguage(v: unknown): v is UiLanguage {
  return v === 'en' || v === 'fr';
}

/** The user's explicit choice if any, else the browser's language (fr* → French, anything else → English). */
export function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isUiLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** dayjs locale used by Mantine's date pickers (month and weekday names). */
export function dayjsLocale(lang: UiLanguage): string {
  return lang === 'fr' ? 'fr' : 'en-gb';
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  dayjs.locale(dayjsLocale(lng));
  await i18next.use(initReactI18next).init({
    resources: {
      en: { ...featureResources('en'), translation: en },
      fr: { ...featureResources('fr'), translation: frChecked },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    // React escapes on render; escaping here would double-escape "l’autorité" & co.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function setLanguage(lang: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  dayjs.locale(dayjsLocale(lang));
  void i18next.changeLanguage(lang);
}

/** The current UI language, re-rendering on change. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}
