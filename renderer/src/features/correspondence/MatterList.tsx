import { Button, Text } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';
import { mattersRegister } from '@shared/registers';
import type { Matter } from '@shared/schemas/matter';
import { statusLabel } from '../../components/records/labels';
import { RegisterList } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { NS, regulatorFilterOptions } from './labels';
import { MatterStatus, RegulatorName, TitleWithRefs } from './parts';
import { useMatterEditor, useMatterList } from './stores';

/** Procedures with regulators: one matter per complaint forwarded, inspection or breach follow-up. */
export function MatterList() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const openCreate = useMatterEditor((s) => s.openCreate);
  return (
    <RegisterList<Matter>
      register={mattersRegister}
      store={useMatterList}
      labels={{ ns: NS, section: 'matters' }}
      testId="matter"
      emptyIcon={<IconFolders size={28} stroke={1.5} aria-hidden />}
      onOpen={(m) => go({ name: 'matter', id: m.id })}
      onCreate={() => openCreate()}
      headerActions={
        <Button variant="default" onClick={() => go({ name: 'letters' })}>
          {t('matters.toLetters')}
        </Button>
      }
      filters={{
        regulator: { label: t('fields.regulator'), options: regulatorFilterOptions(), searchable: true, w: 170 },
        status: { label: t('fields.status'), optionLabel: (s) => statusLabel('matter', s) },
      }}
      columns={[
        { accessor: 'title', title: t('fields.title'), render: (m) => <TitleWithRefs title={m.title} refs={m.regulatorRefs} /> },
        { accessor: 'regulator', title: t('fields.regulator'), width: 120, render: (m) => <RegulatorName id={m.regulator} /> },
        { accessor: 'kind', title: t('fields.matterKind'), width: 210, render: (m) => <Text size="sm">{t(`matterKind.${m.kind}`)}</Text> },
        {
          accessor: 'openedAt',
          title: t('fields.openedAt'),
          width: 130,
          render: (m) => (
            <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
              {f.day(m.openedAt)}
            </Text>
          ),
        },
        {
          accessor: 'status',
          title: t('fields.status'),
          width: 150,
          render: (m) => (
            <div>
              <MatterStatus status={m.status} />
              {m.closedAt && (
                <Text size="xs" c="dimmed" className="tabular">
                  {t('matters.closedOn', { date: f.day(m.closedAt) })}
                </Text>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
