import { IconFileCertificate } from '@tabler/icons-react';
import { registerFeature } from '../registerFeature';
import { ContractDetail } from './ContractDetail';
import { ContractEditor } from './ContractEditor';
import { ContractList } from './ContractList';

export const feature = registerFeature('contracts', { list: 'contracts', record: 'contract', List: ContractList, Detail: ContractDetail, Editor: ContractEditor, icon: IconFileCertificate, order: 35 });
