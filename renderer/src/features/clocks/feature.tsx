import { IconHourglassHigh } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { ClockAlerts } from './ClockAlerts';
import { ClockBoard } from './ClockBoard';

export const feature: Feature = {
  name: 'clocks',
  views: {
    clocks: ({ params }) => <ClockBoard params={params} />,
  },
  nav: [{ view: 'clocks', labelKey: 'nav', icon: <IconHourglassHigh size={18} stroke={1.6} />, group: 'work', order: 5 }],
  overlays: [ClockAlerts],
};
