import { Group, Text } from '@mantine/core';
import { contractsRegister } from '@shared/registers';
import type { Contract } from '@shared/schemas/contract';
import { api } from '../../api';
import { DetailFrame, FactList, Panel, RecordActions, StatusBadge } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordVersion } from '../../state/recordChanges';
import { NS } from './labels';
import { DpaDay, NoticeContact, NoticeTerms } from './parts';
import { useContractEditor } from './register';

/** One client contract: the client, the notice terms an incident's clock takes from it, the agreement. */
export function ContractDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const version = useRecordVersion('contract', id);
  const remote = useRemote(() => api.call('contracts.get', { id }), [id, version]);
  const openEdit = useContractEditor((s) => s.openEdit);
  return (
    <DetailFrame<Contract>
      register={contractsRegister}
      labels={{ ns: NS, section: 'detail' }}
      testId="contract"
      backTo={{ name: 'contracts' }}
      record={remote.data}
      error={remote.error}
      render={(contract) => ({
        badges: <StatusBadge type="contract" status={contract.status} testId="contract-status" />,
        subtitle: contract.name,
        subtitleTestId: 'contract-name',
        actions: <RecordActions<Contract> register={contractsRegister} ns={NS} record={contract} onChanged={remote.setData} onEdit={() => openEdit(contract)} />,
        main: (
          <>
            <Panel title={t('detail.notice')}>
              <Text size="sm" c="dimmed" mb="xs">
                {t('detail.noticeHint')}
              </Text>
              <ContractFacts contract={contract} />
            </Panel>
            <Panel title={t('fields.notes')}>
              <Text size="sm" c={contract.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {contract.notes || t('detail.noNotes')}
              </Text>
            </Panel>
          </>
        ),
      })}
    />
  );
}

function ContractFacts({ contract: c }: { contract: Contract }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <FactList
      testId="contract-facts"
      rows={[
        [t('fields.noticeTerms'), <NoticeTerms contract={c} testId="contract-terms" />],
        [t('fields.channel'), t(`channel.${c.channel}`)],
        [t('fields.contacts'), <NoticeContact contract={c} />],
        [t('fields.contractRef'), c.contractRef || t('detail.none')],
        [t('fields.dpaSignedOn'), <DpaDay day={c.dpaSignedOn} />],
        [
          t('fields.countries'),
          c.countries.length ? (
            <Group gap={6} className="tabular">
              {c.countries.join(' · ')}
            </Group>
          ) : (
            t('detail.none')
          ),
        ],
        [t('fields.createdAt'), <span className="tabular">{f.dateTime(c.createdAt)}</span>],
        [t('fields.updatedAt'), <span className="tabular">{f.dateTime(c.updatedAt)}</span>],
      ]}
    />
  );
}
