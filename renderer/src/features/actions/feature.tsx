import { IconChecklist } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { ActionDetail } from './ActionDetail';
import { ActionEditor } from './ActionEditor';
import { ActionList } from './ActionList';

export const feature: Feature = {
  name: 'actions',
  views: {
    actions: () => <ActionList />,
    action: ({ id }) => (id ? <ActionDetail key={id} id={id} /> : null),
  },
  nav: [{ view: 'actions', labelKey: 'nav', icon: <IconChecklist size={18} stroke={1.6} />, group: 'registers', order: 40, alsoActiveFor: ['action'] }],
  overlays: [ActionEditor],
};
