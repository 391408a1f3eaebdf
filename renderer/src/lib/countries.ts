import Holidays from 'date-holidays';
import { intlLocale, type UiLanguage } from './format';

/**
 * Countries and regions offered for the organisation's calendar: exactly those the holiday library
 * has calendars for, so every choice is one the deadline engine accepts.
 */
let catalogue: Holidays | undefined;
function getCatalogue(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

export interface Option {
  value: string;
  label: string;
}

function byLabel(lang: UiLanguage) {
  const collator = new Intl.Collator(intlLocale(lang));
  return (a: Option, b: Option) => collator.compare(a.label, b.label);
}

export function countryOptions(lang: UiLanguage): Option[] {
  const names = new Intl.DisplayNames([intlLocale(lang)], { type: 'region', fallback: 'none' });
  const fromLibrary = getCatalogue().getCountries(lang);
  return Object.keys(fromLibrary)
    .map((code) => ({ value: code, label: `${names.of(code) ?? fromLibrary[code] ?? code} (${code})` }))
    .sort(byLabel(lang));
}

export function regionOptions(country: string, lang: UiLanguage): Option[] {
  const states = getCatalogue().getStates(country, lang) ?? {};
  return Object.entries(states)
    .map(([code, name]) => ({ value: code, label: `${name} (${country}-${code})` }))
    .sort(byLabel(lang));
}

