import { IconLayoutDashboard } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { DashboardView } from './DashboardView';

export const feature: Feature = {
  name: 'dashboard',
  views: { dashboard: () => <DashboardView /> },
  nav: [{ view: 'dashboard', labelKey: 'nav', icon: <IconLayoutDashboard size={18} stroke={1.6} />, group: 'work', order: 0 }],
};
