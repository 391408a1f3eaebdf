import { Text } from '@mantine/core';
import type { Action } from '@shared/schemas/action';
import { useFeatureT } from '../../lib/featureT';
import { RegisterList, statusColumn, textColumn } from '../../kit';
import { NS } from './labels';
import { DueMarker, OriginText, PriorityLabel } from './parts';
import { actionScreens } from './register';

/** Remediation actions: who does what by when, where it comes from, and whether it was verified. */
export function ActionList() {
  const t = useFeatureT(NS);
  const dueBy = actionScreens.useList((s) => s.filters.values.dueBy);
  return (
    <RegisterList<Action>
      screens={actionScreens}
      referenceWidth={130}
      totalNote={dueBy ? t('list.dueByNote') : undefined}
      filters={{
        owner: { placeholder: t('list.ownerPlaceholder') },
        dueBy: { label: t('list.dueBy'), testId: 'action-due-by' },
      }}
      columns={[
        textColumn<Action>('title', t('fields.title'), {
          lines: 2,
          sub: (a) => (
            <Text size="xs" lineClamp={1} component="div">
              <OriginText action={a} size="xs" />
            </Text>
          ),
        }),
        textColumn<Action>('owner', t('fields.owner'), { width: 160 }),
        { accessor: 'priority', title: t('fields.priority'), width: 120, render: (a) => <PriorityLabel priority={a.priority} /> },
        statusColumn<Action>('action', t('fields.status'), { width: 130, testId: 'action-status' }),
        { accessor: 'dueAt', title: t('fields.dueAt'), width: 200, render: (a) => <DueMarker action={a} /> },
      ]}
    />
  );
}
