import { IconInbox } from '@tabler/icons-react';
import type { Complaint } from '@shared/schemas/complaint';
import { instantColumn, registerListPage, statusColumn, textColumn } from '../../kit';
import { ChannelCell } from './ChannelCell';
import { DueIndicator } from './DueIndicator';
import { channelOptions, rightOptions } from './labels';
import { complaintScreens } from './register';
import { RightBadges } from './RightBadges';

/** The complaints register: who complained of what, through which channel, and when the answer is due. */
export const ComplaintList = registerListPage<Complaint>(complaintScreens, ({ t }) => ({
  zoneNote: true,
  emptyIcon: <IconInbox size={28} stroke={1.5} aria-hidden />,
  referenceWidth: 150,
  filters: {
    status: { w: 190 },
    channel: { options: channelOptions(t), w: 170 },
    right: { label: t('list.filterRight'), options: rightOptions(t), w: 190, comboboxProps: { width: 340, position: 'bottom-start' } },
    received: { label: t('list.receivedBetween'), testId: 'received-range' },
  },
  columns: [
    instantColumn<Complaint>('receivedAt', t('fields.receivedAt')),
    { accessor: 'channel', title: t('fields.channel'), width: 170, render: (c) => <ChannelCell complaint={c} /> },
    textColumn<Complaint>('complainantLabel', t('fields.complainantLabel')),
    { accessor: 'rights', title: t('fields.rights'), render: (c) => <RightBadges rights={c.rights} /> },
    statusColumn<Complaint>('complaint', t('fields.status'), { width: 215 }),
    { accessor: 'responseDue', title: t('fields.responseDue'), width: 200, render: (c) => <DueIndicator complaint={c} /> },
  ],
}));
