import { Text } from '@mantine/core';
import type { Matter } from '@shared/schemas/matter';
import { instantColumn, registerListPage } from '../../kit';
import { NS, regulatorFilter } from './labels';
import { MatterStatus, RegulatorName, TitleWithRefs, ToList } from './parts';
import { matterScreens } from './stores';

/** Procedures with regulators: one matter per complaint forwarded, inspection or breach follow-up. */
export const MatterList = registerListPage<Matter>(matterScreens, ({ t, f }) => ({
  labels: { ns: NS, section: 'matters' },
  headerActions: <ToList view="letters" label={t('matters.toLetters')} />,
  filters: {
    regulator: regulatorFilter(),
  },
  columns: [
    { accessor: 'title', title: t('fields.title'), render: (m) => <TitleWithRefs title={m.title} refs={m.regulatorRefs} /> },
    { accessor: 'regulator', title: t('fields.regulator'), width: 120, render: (m) => <RegulatorName id={m.regulator} /> },
    { accessor: 'kind', title: t('fields.matterKind'), width: 210, render: (m) => <Text size="sm">{t(`matterKind.${m.kind}`)}</Text> },
    instantColumn<Matter>('openedAt', t('fields.openedAt'), { width: 130, as: 'day' }),
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
  ],
}));
