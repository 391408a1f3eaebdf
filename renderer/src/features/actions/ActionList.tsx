import { Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { actionsRegister } from '@shared/registers';
import type { Action } from '@shared/schemas/action';
import { statusLabel } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { RegisterList, StatusBadge } from '../../kit';
import { useNavigation } from '../../state/navigation';
import { NS } from './labels';
import { DueMarker, OriginText, PriorityLabel } from './parts';
import { useActionEditor, useActionList } from './register';

/** Remediation actions: who does what by when, where it comes from, and whether it was verified. */
export function ActionList() {
  const t = useFeatureT(NS);
  const go = useNavigation((s) => s.go);
  const openCreate = useActionEditor((s) => s.openCreate);
  const dueBy = useActionList((s) => s.filters.values.dueBy);
  return (
    <RegisterList<Action>
      register={actionsRegister}
      store={useActionList}
      labels={{ ns: NS, section: 'list' }}
      testId="action"
      emptyIcon={<IconChecklist size={28} stroke={1.5} aria-hidden />}
      referenceWidth={130}
      onOpen={(a) => go({ name: 'action', id: a.id })}
      onCreate={() => openCreate()}
      totalNote={dueBy ? t('list.dueByNote') : undefined}
      filters={{
        status: { label: t('fields.status'), optionLabel: (s) => statusLabel('action', s) },
        owner: { label: t('fields.owner'), placeholder: t('list.ownerPlaceholder') },
        dueBy: { label: t('list.dueBy'), testId: 'action-due-by' },
      }}
      columns={[
        {
          accessor: 'title',
          title: t('fields.title'),
          render: (a) => (
            <div>
              <Text size="sm" lineClamp={2} title={a.title}>
                {a.title}
              </Text>
              <Text size="xs" lineClamp={1} component="div">
                <OriginText action={a} size="xs" />
              </Text>
            </div>
          ),
        },
        {
          accessor: 'owner',
          title: t('fields.owner'),
          width: 160,
          render: (a) => (
            <Text size="sm" lineClamp={1} title={a.owner}>
              {a.owner}
            </Text>
          ),
        },
        { accessor: 'priority', title: t('fields.priority'), width: 120, render: (a) => <PriorityLabel priority={a.priority} /> },
        { accessor: 'status', title: t('fields.status'), width: 130, render: (a) => <StatusBadge type="action" status={a.status} testId="action-status" /> },
        { accessor: 'dueAt', title: t('fields.dueAt'), width: 200, render: (a) => <DueMarker action={a} /> },
      ]}
    />
  );
}
