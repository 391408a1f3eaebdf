import { Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { complaintsRegister } from '@shared/registers';
import type { Complaint } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { statusLabel } from '../../components/records/labels';
import { RegisterList, StatusBadge } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { ChannelCell } from './ChannelCell';
import { DueIndicator } from './DueIndicator';
import { channelOptions, NS, rightOptions } from './labels';
import { useComplaintEditor, useComplaintList } from './register';
import { RightBadges } from './RightBadges';

/** The complaints register: who complained of what, through which channel, and when the answer is due. */
export function ComplaintList() {
  const t = useFeatureT(NS);
  const { t: ts } = useTranslation();
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const openCreate = useComplaintEditor((s) => s.openCreate);
  return (
    <RegisterList<Complaint>
      register={complaintsRegister}
      store={useComplaintList}
      labels={{ ns: NS, section: 'list' }}
      testId="complaint"
      emptyIcon={<IconInbox size={28} stroke={1.5} aria-hidden />}
      referenceWidth={150}
      onOpen={(c) => go({ name: 'complaint', id: c.id })}
      onCreate={() => openCreate()}
      totalNote={ts('shell.timeZone', { zone: f.zone })}
      filters={{
        status: { label: t('fields.status'), optionLabel: (s) => statusLabel('complaint', s), w: 190 },
        channel: { label: t('fields.channel'), options: channelOptions(t), w: 170 },
        right: { label: t('list.filterRight'), options: rightOptions(t), w: 190, comboboxProps: { width: 340, position: 'bottom-start' } },
        received: { label: t('list.receivedBetween'), testId: 'received-range' },
      }}
      columns={[
        {
          accessor: 'receivedAt',
          title: t('fields.receivedAt'),
          width: 150,
          render: (c) => (
            <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
              {f.dateTime(c.receivedAt)}
            </Text>
          ),
        },
        { accessor: 'channel', title: t('fields.channel'), width: 170, render: (c) => <ChannelCell complaint={c} /> },
        {
          accessor: 'complainantLabel',
          title: t('fields.complainantLabel'),
          render: (c) => (
            <Text size="sm" lineClamp={1} title={c.complainantLabel}>
              {c.complainantLabel}
            </Text>
          ),
        },
        { accessor: 'rights', title: t('fields.rights'), render: (c) => <RightBadges rights={c.rights} /> },
        { accessor: 'status', title: t('fields.status'), width: 215, render: (c) => <StatusBadge type="complaint" status={c.status} /> },
        { accessor: 'responseDue', title: t('fields.responseDue'), width: 200, render: (c) => <DueIndicator complaint={c} /> },
      ]}
    />
  );
}
