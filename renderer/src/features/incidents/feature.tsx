import { IconShieldExclamation } from '@tabler/icons-react';
import { registerFeature } from '../registerFeature';
import { IncidentDetailView } from './IncidentDetailView';
import { IncidentEditor } from './IncidentEditor';
import { IncidentList } from './IncidentList';

export const feature = registerFeature('incidents', { list: 'incidents', record: 'incident', List: IncidentList, Detail: IncidentDetailView, Editor: IncidentEditor, icon: IconShieldExclamation, order: 30 });
