import { Text } from '@mantine/core';
import type { Contract } from '@shared/schemas/contract';
import { registerListPage, statusColumn, textColumn } from '../../kit';
import { DpaDay, NoticeContact, NoticeTerms } from './parts';
import { contractScreens } from './register';

/** Client contracts: the client controllers we process for and what each contract says of breach notices. */
export const ContractList = registerListPage<Contract>(contractScreens, ({ t }) => ({
  referenceWidth: 140,
  filters: {
    language: { optionLabel: (l) => t(`language.${l}`) },
  },
  columns: [
    textColumn<Contract>('name', t('fields.name'), {
      sub: (c) =>
        c.contractRef && (
          <Text size="xs" c="dimmed" lineClamp={1} className="tabular">
            {c.contractRef}
          </Text>
        ),
    }),
    { accessor: 'noticeHours', title: t('fields.noticeTerms'), width: 150, render: (c) => <NoticeTerms contract={c} /> },
    { accessor: 'contacts', title: t('fields.contacts'), width: 230, render: (c) => <NoticeContact contract={c} /> },
    { accessor: 'dpaSignedOn', title: t('fields.dpaSignedOn'), width: 150, render: (c) => <DpaDay day={c.dpaSignedOn} /> },
    statusColumn<Contract>('contract', t('fields.status'), { testId: 'contract-status' }),
  ],
}));
