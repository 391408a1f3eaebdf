import { IconChecklist } from '@tabler/icons-react';
import { registerFeature } from '../registerFeature';
import { ActionDetail } from './ActionDetail';
import { ActionEditor } from './ActionEditor';
import { ActionList } from './ActionList';

export const feature = registerFeature('actions', { list: 'actions', record: 'action', List: ActionList, Detail: ActionDetail, Editor: ActionEditor, icon: IconChecklist, order: 40 });
