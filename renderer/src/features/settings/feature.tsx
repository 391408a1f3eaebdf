import { IconSettings } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { SettingsView } from './SettingsView';

export const feature: Feature = {
  name: 'settings',
  views: {
    settings: ({ params }) => <SettingsView params={params} />,
  },
  nav: [{ view: 'settings', labelKey: 'nav', icon: <IconSettings size={18} stroke={1.6} />, group: 'tools', order: 90 }],
};
