import { IconMessageReport } from '@tabler/icons-react';
import { registerFeature } from '../registerFeature';
import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintEditor } from './ComplaintEditor';
import { ComplaintList } from './ComplaintList';

export const feature = registerFeature('complaints', { list: 'complaints', record: 'complaint', List: ComplaintList, Detail: ComplaintDetail, Editor: ComplaintEditor, icon: IconMessageReport, order: 10 });
