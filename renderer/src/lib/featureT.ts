import { useTranslation } from 'react-i18next';
import i18next from 'i18next';

export type FeatureT = (key: string, options?: Record<string, unknown>) => string;

/** i18next's t without the compile-time key types, which only know the shared namespace. */
const untypedT = (key: string, options: Record<string, unknown>): string =>
  (i18next.t as unknown as (k: string, o: Record<string, unknown>) => string)(key, options);

/**
 * Translation in a feature's own namespace (features/<ns>/locales/<lang>.json). Keys are
 * checked by test/unit/locales.test.ts rather than by the compiler: namespaces are discovered at
 * build time, so the typed resources only cover the shared strings.
 */
export function useFeatureT(ns: string): FeatureT {
  // Subscribes the component to language changes.
  useTranslation();
  return (key, options) => untypedT(key, { ...options, ns });
}

export function featureT(ns: string, key: string, options?: Record<string, unknown>): string {
  return untypedT(key, { ...options, ns });
}
