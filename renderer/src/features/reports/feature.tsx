import { IconReportAnalytics } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { ReportsView } from './ReportsView';

export const feature: Feature = {
  name: 'reports',
  views: {
    reports: () => <ReportsView />,
  },
  nav: [{ view: 'reports', labelKey: 'nav', icon: <IconReportAnalytics size={18} stroke={1.6} />, group: 'tools', order: 65 }],
};
