import { IconArrowsExchange } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { ExchangeView } from './ExchangeView';

export const feature: Feature = {
  name: 'exchange',
  views: {
    exchange: ({ params }) => <ExchangeView params={params} />,
  },
  nav: [{ view: 'exchange', labelKey: 'nav', icon: <IconArrowsExchange size={18} stroke={1.6} />, group: 'tools', order: 70 }],
};
