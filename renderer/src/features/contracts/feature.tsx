import { IconFileCertificate } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { ContractDetail } from './ContractDetail';
import { ContractEditor } from './ContractEditor';
import { ContractList } from './ContractList';

export const feature: Feature = {
  name: 'contracts',
  views: {
    contracts: () => <ContractList />,
    contract: ({ id }) => (id ? <ContractDetail key={id} id={id} /> : null),
  },
  nav: [{ view: 'contracts', labelKey: 'nav', icon: <IconFileCertificate size={18} stroke={1.6} />, group: 'registers', order: 35, alsoActiveFor: ['contract'] }],
  overlays: [ContractEditor],
};
