import { Anchor, Group, Stack, Text } from '@mantine/core';
import { contractsRegister } from '@shared/registers';
import type { Contract, ContractUse } from '@shared/schemas/contract';
import { api } from '../../api';
import { FactList, Panel, RecordActions, recordPage } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { NS } from './labels';
import { DpaDay, NoticeContact, NoticeTerms } from './parts';
import { useContractEditor } from './register';

/** One client contract: the client, the notice terms an incident's clock takes from it, the agreement. */
export const ContractDetail = recordPage<Contract>(contractsRegister, (contract, { t, changed }) => ({
  subtitle: contract.name,
  subtitleTestId: 'contract-name',
  actions: <RecordActions<Contract> register={contractsRegister} ns={NS} record={contract} onChanged={changed} onEdit={() => useContractEditor.getState().openEdit(contract)} />,
  main: (
    <>
      <Panel title={t('detail.notice')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('detail.noticeHint')}
        </Text>
        <ContractFacts contract={contract} />
      </Panel>
      <ContractUses contract={contract} />
      <Panel title={t('fields.notes')}>
        <Text size="sm" c={contract.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {contract.notes || t('detail.noNotes')}
        </Text>
      </Panel>
    </>
  ),
}));

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

/** The incidents whose affected client was picked from this contract, each with that client's notice. */
function ContractUses({ contract }: { contract: Contract }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const openRecord = useNavigation((s) => s.openRecord);
  // A client added, notified or withdrawn on an incident changes this list.
  const changes = useRecordTypeVersion('client') + useRecordTypeVersion('incident');
  const uses = useRemote(() => api.call('contracts.uses', { id: contract.id }), [contract.id, changes]);
  const list: ContractUse[] = uses.data?.uses ?? [];
  return (
    <Panel title={t('detail.uses')} testId="contract-uses">
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {uses.loading ? t('detail.loadingUses') : t('detail.noUses')}
        </Text>
      ) : (
        <Stack gap="xs">
          {list.map(({ incident: i, client: c }) => (
            <div key={c.id} data-testid="contract-use">
              <Group gap={8} wrap="nowrap">
                <Anchor component="button" type="button" size="sm" fw={600} className="tabular" onClick={() => openRecord('incident', i.id)}>
                  {i.reference}
                </Anchor>
                <Text size="sm" lineClamp={1} title={i.title}>
                  {i.title}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" className="tabular">
                {[
                  c.name,
                  c.contractHours === null ? t('detail.noHourTerm') : t('detail.useHours', { hours: c.contractHours }),
                  c.notifiedAt ? t('detail.notified', { date: f.dateTime(c.notifiedAt) }) : c.notifyDue ? t('detail.noticeDue', { date: f.dateTime(c.notifyDue) }) : t('detail.notNotified'),
                ].join(' · ')}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
