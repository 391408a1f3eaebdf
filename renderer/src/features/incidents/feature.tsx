import { IconShieldExclamation } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { IncidentDetailView } from './IncidentDetailView';
import { IncidentEditor } from './IncidentEditor';
import { IncidentList } from './IncidentList';

export const feature: Feature = {
  name: 'incidents',
  views: {
    incidents: () => <IncidentList />,
    incident: ({ id }) => (id ? <IncidentDetailView key={id} id={id} /> : null),
  },
  nav: [{ view: 'incidents', labelKey: 'nav', icon: <IconShieldExclamation size={18} stroke={1.6} />, group: 'registers', order: 30, alsoActiveFor: ['incident'] }],
  overlays: [IncidentEditor],
};
