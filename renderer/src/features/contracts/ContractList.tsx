import { Text } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { contractsRegister } from '@shared/registers';
import type { Contract } from '@shared/schemas/contract';
import { statusLabel } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { RegisterList, StatusBadge } from '../../kit';
import { NS } from './labels';
import { DpaDay, NoticeContact, NoticeTerms } from './parts';
import { useContractEditor, useContractList } from './register';

/** Client contracts: the client controllers we process for and what each contract says of breach notices. */
export function ContractList() {
  const t = useFeatureT(NS);
  return (
    <RegisterList<Contract>
      register={contractsRegister}
      store={useContractList}
      editor={useContractEditor}
      emptyIcon={<IconFileCertificate size={28} stroke={1.5} aria-hidden />}
      referenceWidth={140}
      filters={{
        status: { label: t('fields.status'), optionLabel: (s) => statusLabel('contract', s) },
        language: { label: t('fields.language'), optionLabel: (l) => t(`language.${l}`) },
      }}
      columns={[
        {
          accessor: 'name',
          title: t('fields.name'),
          render: (c) => (
            <div>
              <Text size="sm" lineClamp={1} title={c.name}>
                {c.name}
              </Text>
              {c.contractRef && (
                <Text size="xs" c="dimmed" lineClamp={1} className="tabular">
                  {c.contractRef}
                </Text>
              )}
            </div>
          ),
        },
        { accessor: 'noticeHours', title: t('fields.noticeTerms'), width: 150, render: (c) => <NoticeTerms contract={c} /> },
        { accessor: 'contacts', title: t('fields.contacts'), width: 230, render: (c) => <NoticeContact contract={c} /> },
        { accessor: 'dpaSignedOn', title: t('fields.dpaSignedOn'), width: 150, render: (c) => <DpaDay day={c.dpaSignedOn} /> },
        { accessor: 'status', title: t('fields.status'), width: 110, render: (c) => <StatusBadge type="contract" status={c.status} testId="contract-status" /> },
      ]}
    />
  );
}
