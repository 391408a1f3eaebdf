import type { ComponentType, ReactNode } from 'react';

/** Where a feature's entry sits in the left navigation. */
export type NavGroup = 'work' | 'registers' | 'tools';

export interface NavEntry {
  /** The view the entry opens. */
  view: string;
  /** i18n key, in the feature's namespace (features/<ns>/locales/<lang>.json). */
  labelKey: string;
  icon: ReactNode;
  group: NavGroup;
  /** Lower first, within the group. */
  order: number;
  /** Other views that light this entry up (e.g. 'incident' for 'incidents'). */
  alsoActiveFor?: string[];
}

/**
 * A feature of the open register: the views it adds and its navigation entries. Each lives in
 * features/<name>/feature.tsx and exports `feature`; they are collected here, so adding one
 * touches no shared file. Its strings live in features/<name>/locales/{en,fr}.json, loaded as
 * the i18n namespace <name>.
 */
export interface Feature {
  name: string;
  views: Record<string, ComponentType<{ id?: string; params?: Record<string, string> }>>;
  nav?: NavEntry[];
  /** Mounted once while the register is open (drawers, in-page alerts). */
  overlays?: ComponentType[];
}

const modules = import.meta.glob<{ feature: Feature }>('./*/feature.tsx', { eager: true });

export const features: Feature[] = Object.values(modules)
  .map((m) => m.feature)
  .sort((a, b) => a.name.localeCompare(b.name));

export function viewComponent(name: string) {
  for (const f of features) {
    const c = f.views[name];
    if (c) return c;
  }
  return null;
}

export function navEntries(): (NavEntry & { ns: string })[] {
  return features.flatMap((f) => (f.nav ?? []).map((n) => ({ ...n, ns: f.name }))).sort((a, b) => a.order - b.order);
}
