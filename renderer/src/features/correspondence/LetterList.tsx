import { Button, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { lettersRegister } from '@shared/registers';
import type { Letter } from '@shared/schemas/letter';
import { RegisterList } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useLetterClocks } from './clocks';
import { letterDate, NS, regulatorFilterOptions } from './labels';
import { DirectionLabel, LetterDueCell, RegulatorName, TitleWithRefs, useMatterOptions } from './parts';
import { useLetterEditor, useLetterList } from './stores';

/** Regulator correspondence: every letter in and out, with the deadlines it set. */
export function LetterList() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const openCreate = useLetterEditor((s) => s.openCreate);
  const items = useLetterList((s) => s.items);
  const clocks = useLetterClocks(items);
  const matters = useMatterOptions();
  return (
    <RegisterList<Letter>
      register={lettersRegister}
      store={useLetterList}
      labels={{ ns: NS, section: 'list' }}
      testId="letter"
      emptyIcon={<IconMail size={28} stroke={1.5} aria-hidden />}
      onOpen={(l) => go({ name: 'letter', id: l.id })}
      onCreate={() => openCreate()}
      headerActions={
        <Button variant="default" onClick={() => go({ name: 'matters' })}>
          {t('list.toMatters')}
        </Button>
      }
      totalNote={t('common.timeZone', { zone: f.zone })}
      filters={{
        regulator: { label: t('fields.regulator'), options: regulatorFilterOptions(), searchable: true, w: 170 },
        kind: { label: t('fields.kind'), optionLabel: (k) => t(`kind.${k}`), w: 210, comboboxProps: { width: 300, position: 'bottom-start' } },
        direction: { label: t('fields.direction'), optionLabel: (d) => t(`direction.${d}`), w: 150 },
        matter: {
          label: t('fields.matter'),
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
