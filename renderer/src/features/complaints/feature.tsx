import { IconMessageReport } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { ComplaintList } from './ComplaintList';
import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintEditor } from './ComplaintEditor';

export const feature: Feature = {
  name: 'complaints',
  views: {
    complaints: () => <ComplaintList />,
    complaint: ({ id }) => (id ? <ComplaintDetail key={id} id={id} /> : null),
  },
  nav: [{ view: 'complaints', labelKey: 'nav', icon: <IconMessageReport size={18} stroke={1.6} />, group: 'registers', order: 10, alsoActiveFor: ['complaint'] }],
  overlays: [ComplaintEditor],
};
