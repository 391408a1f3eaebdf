import { IconSearch } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { SearchView } from './SearchView';

export const feature: Feature = {
  name: 'search',
  views: { search: () => <SearchView /> },
  nav: [{ view: 'search', labelKey: 'nav', icon: <IconSearch size={18} stroke={1.6} />, group: 'tools', order: 0 }],
};
