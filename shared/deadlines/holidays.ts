/**
 * Public holidays of the organisation's country, from the maintained date-holidays library (never
 * a hand-written list: holiday laws change, and substitute days such as the UK's "Boxing Day
 * (substitute day)" are rules, not dates).
 *
 * Country codes are ISO 3166-1 alpha-2, optionally with a subdivision: 'FR', 'DE', 'GB-ENG',
 * 'FR-67' (Alsace has Good Friday and 26 December). date-holidays wants them split as ('GB', 'ENG').
 */
import Holidays from 'date-holidays';
import { addDays, isoWeekday, parseLocalDate } from './local-date';

export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export interface PublicHoliday {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Name in the requested language, falling back to the country's own language. */
  name: string;
}

// One catalogue instance answers "which countries/states exist"; building it is not free.
let catalogue: Holidays | undefined;
function getCatalogue(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

function findCountryCodeProblem(code: string): string | null {
  if (!COUNTRY_CODE_PATTERN.test(code)) {
    return `'${code}' is not a country code like 'FR', 'DE' or 'GB-ENG' (ISO 3166 upper case, optional subdivision)`;
  }
  const [country, state] = code.split('-') as [string, string | undefined];
  const countries = getCatalogue().getCountries();
  if (!(country in countries)) {
    return `Unknown country '${code}': no public-holiday calendar for '${country}'`;
  }
  if (state !== undefined) {
    const states = getCatalogue().getStates(country) ?? {};
    if (!(state in states)) {
      const known = Object.keys(states);
      return `Unknown subdivision '${code}'` + (known.length ? `; known for ${country}: ${known.map((s) => `${country}-${s}`).join(', ')}` : `; ${country} has no subdivisions in the holiday calendar`);
    }
  }
  return null;
}

// Memoised: the catalogue lookups build objects, and the guards run on every deadline computed.
const countryVerdicts = new Map<string, string | null>();

/** Why a country code cannot be used, or null when it can. Used by the zod schema and the guards. */
export function countryCodeProblem(code: string): string | null {
  if (typeof code !== 'string') return `Country must be a string like 'FR', got ${typeof code}`;
  let verdict = countryVerdicts.get(code);
  if (verdict === undefined) {
    verdict = findCountryCodeProblem(code);
    if (countryVerdicts.size < 1000) countryVerdicts.set(code, verdict); // bounded: codes come from users
  }
  return verdict;
}

export function assertCountryCode(code: string): void {
  const problem = countryCodeProblem(code);
  if (problem) throw new Error(problem);
}

// Cache Holidays instances per country: each one compiles the country's rules.
const instances = new Map<string, Holidays>();
function holidaysFor(code: string): Holidays {
  let instance = instances.get(code);
  if (!instance) {
    assertCountryCode(code);
    const [country, state] = code.split('-') as [string, string | undefined];
    instance = state === undefined ? new Holidays(country) : new Holidays(country, state);
    instances.set(code, instance);
  }
  return instance;
}

// Cache the computed years too: deadline loops ask "is this date a holiday?" many times per call.
const yearCache = new Map<string, readonly PublicHoliday[]>();

/**
 * The public holidays (type === 'public' only: bank holidays in the German sense, observances and
 * school holidays are working days for a deadline) of `country` in `year`, sorted by date.
 */
export function publicHolidays(year: number, country: string, lang?: 'en' | 'fr'): readonly PublicHoliday[] {
  if (!Number.isInteger(year)) throw new Error(`Year must be an integer, got ${year}`);
  const key = `${country}|${year}|${lang ?? ''}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const list: PublicHoliday[] = [];
  for (const h of holidaysFor(country).getHolidays(year, lang)) {
    if (h.type !== 'public') continue;
    // h.date is the local wall date "YYYY-MM-DD hh:mm:ss" in the country's own calendar, independent
    // of the process time zone. A few holidays last several days: expand them from start/end.
    const first = h.date.slice(0, 10);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) {
      const date = i === 0 ? first : addDays(first, i);
      list.push({ date, name: h.name });
    }
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(list);
  yearCache.set(key, frozen);
  return frozen;
}

// Date sets per country and year for the hot path (isWorkingDay runs for every day a roll inspects).
const dateSets = new Map<string, ReadonlySet<string>>();
function holidayDates(year: number, country: string): ReadonlySet<string> {
  const key = `${country}|${year}`;
  let set = dateSets.get(key);
  if (!set) {
    set = new Set(publicHolidays(year, country).map((h) => h.date));
    dateSets.set(key, set);
  }
  return set;
}

/** The public holiday falling on a local date, or undefined. */
export function holidayOn(localDate: string, country: string, lang?: 'en' | 'fr'): PublicHoliday | undefined {
  const year = parseLocalDate(localDate).year;
  if (!holidayDates(year, country).has(localDate)) return undefined;
  return publicHolidays(year, country, lang).find((h) => h.date === localDate);
}

/**
 * Regulation 1182/71 Art. 2(2) and 3(4): working days are all days other than public holidays,
 * Sundays and Saturdays.
 */
export function isWorkingDay(localDate: string, country: string): boolean {
  const { year } = parseLocalDate(localDate);
  assertCountryCode(country); // an unknown country must fail even on a Sunday
  if (isoWeekday(localDate) >= 6) return false;
  return !holidayDates(year, country).has(localDate);
}
