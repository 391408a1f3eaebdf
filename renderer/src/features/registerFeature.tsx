import type { ComponentType } from 'react';
import type { Icon } from '@tabler/icons-react';
import type { Feature, NavEntry } from './registry';

/** One register's screens in a feature: its list and record views, its navigation entry and its form drawer. */
export interface RegisterScreens {
  list: string;
  record: string;
  List: ComponentType;
  Detail: ComponentType<{ id: string }>;
  Editor: ComponentType;
  icon: Icon;
  /** Place among the registers in the navigation (lower first). */
  order: number;
  /** The entry's words in the feature's namespace; `nav` by default. */
  labelKey?: string;
}

/**
 * A register feature from its screens: what every register's feature.tsx said alike. The record
 * page is keyed by its id so moving from one record to another starts a fresh page.
 */
export function registerFeature(name: string, ...screens: RegisterScreens[]): Feature {
  const views: Feature['views'] = {};
  const nav: NavEntry[] = [];
  for (const s of screens) {
    const { List, Detail, icon: NavIcon } = s;
    views[s.list] = () => <List />;
    views[s.record] = ({ id }) => (id ? <Detail key={id} id={id} /> : null);
    nav.push({ view: s.list, labelKey: s.labelKey ?? 'nav', icon: <NavIcon size={18} stroke={1.6} />, group: 'registers', order: s.order, alsoActiveFor: [s.record] });
  }
  return { name, views, nav, overlays: screens.map((s) => s.Editor) };
}
