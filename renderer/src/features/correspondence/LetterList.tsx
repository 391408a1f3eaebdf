import { Text } from '@mantine/core';
import type { Letter } from '@shared/schemas/letter';
import { RegisterList } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useLetterClocks } from './clocks';
import { letterDate, NS, regulatorFilter } from './labels';
import { DirectionLabel, LetterDueCell, RegulatorName, TitleWithRefs, ToList, useMatterOptions } from './parts';
import { letterScreens } from './stores';

/** Regulator correspondence: every letter in and out, with the deadlines it set. */
export function LetterList() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const items = letterScreens.useList((s) => s.items);
  const clocks = useLetterClocks(items);
  const matters = useMatterOptions();
  return (
    <RegisterList<Letter>
      screens={letterScreens}
      zoneNote
      headerActions={<ToList view="matters" label={t('list.toMatters')} />}
      filters={{
        regulator: regulatorFilter(),
        kind: { optionLabel: (k) => t(`kind.${k}`), w: 210, comboboxProps: { width: 300, position: 'bottom-start' } },
        direction: { optionLabel: (d) => t(`direction.${d}`), w: 150 },
        matter: {
          placeholder: t('list.anyMatter'),
          options: matters,
          searchable: true,
          nothingFound: t('list.noMatterFound'),
          w: 240,
          comboboxProps: { width: 380, position: 'bottom-start' },
        },
      }}
      columns={[
        { accessor: 'direction', title: t('fields.direction'), width: 112, render: (l) => <DirectionLabel direction={l.direction} /> },
        { accessor: 'regulator', title: t('fields.regulator'), width: 115, render: (l) => <RegulatorName id={l.regulator} /> },
        {
          accessor: 'kind',
          title: t('fields.kind'),
          width: 170,
          render: (l) => (
            <Text size="sm" lineClamp={2}>
              {t(`kind.${l.kind}`)}
            </Text>
          ),
        },
        { accessor: 'subject', title: t('fields.subject'), render: (l) => <TitleWithRefs title={l.subject} refs={l.regulatorRefs} /> },
        {
          accessor: 'date',
          title: t('fields.date'),
          width: 112,
          render: (l) => {
            const d = letterDate(l);
            return (
              <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {d ? f.day(d) : t('common.empty')}
              </Text>
            );
          },
        },
        { accessor: 'replyDue', title: t('fields.deadlines'), width: 250, render: (l) => <LetterDueCell letter={l} clocks={clocks[l.id]} /> },
      ]}
    />
  );
}
