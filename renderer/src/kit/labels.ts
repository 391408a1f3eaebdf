import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { featureT } from '../lib/featureT';

/** The kit's own strings (kit/locales/<lang>.json): what every register says alike. */
export const KIT_NS = 'kit';

export type Labels = (key: string, options?: Record<string, unknown>) => string;

/**
 * A register's words for one part of its screens: `<ns>:<section>.<key>` when the register has
 * its own ("New action", "No complaint matches"), else the kit's `<kitSection>.<key>`
 * ("Show archived", "Rows per page"). A register overrides a kit string by defining the key.
 */
export function labelsFor(ns: string, section: string, kitSection: string = section): Labels {
  return (key, options) => {
    const own = `${section}.${key}`;
    // With the options, so plural keys (total_one, total_other) count as defined.
    if (i18next.exists(`${ns}:${own}`, options)) return featureT(ns, own, options);
    return featureT(KIT_NS, `${kitSection}.${key}`, options);
  };
}

/** labelsFor, re-rendering the component when the language changes. */
export function useLabels(ns: string, section: string, kitSection: string = section): Labels {
  useTranslation();
  return labelsFor(ns, section, kitSection);
}

/** The kit's own strings. */
export function useKitT(): Labels {
  useTranslation();
  return (key, options) => featureT(KIT_NS, key, options);
}

export function kitT(key: string, options?: Record<string, unknown>): string {
  return featureT(KIT_NS, key, options);
}
