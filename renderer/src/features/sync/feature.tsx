import { IconCloudLock } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { SyncIndicator } from './SyncIndicator';
import { SyncView } from './SyncView';

export const feature: Feature = {
  name: 'sync',
  views: {
    sync: ({ params }) => <SyncView params={params} />,
  },
  nav: [{ view: 'sync', labelKey: 'nav', icon: <IconCloudLock size={18} stroke={1.6} />, group: 'tools', order: 80 }],
  overlays: [SyncIndicator],
};
