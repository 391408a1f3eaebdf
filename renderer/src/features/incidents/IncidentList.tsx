import { Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { Incident } from '@shared/schemas/incident';
import { instantColumn, registerListPage, statusColumn, textColumn } from '../../kit';
import { RiskIndicator } from './badges';
import { DrillBadge } from '../../components/Drill';
import { authorityClockFacts } from './clockFacts';
import { ClockStatus } from './ClockStatus';
import { NOTIFICATION_CHANGE_TYPE, OBLIGATION_CHANGE_TYPE } from './recordType';
import { incidentScreens } from './register';

/** The breach register (Art. 33(5)): server-side search, filters, sorting and paging, each incident's 72-hour clock live. */
export const IncidentList = registerListPage<Incident>(incidentScreens, ({ t }) => ({
  zoneNote: true,
  emptyIcon: <IconShieldCheck size={28} stroke={1.5} aria-hidden />,
  referenceWidth: 130,
  // A filing recorded elsewhere meets a clock shown here.
  alsoReloadOn: [NOTIFICATION_CHANGE_TYPE, OBLIGATION_CHANGE_TYPE],
  filters: {
    risk: { label: t('fields.riskLevel'), optionLabel: (r) => t(`risk.${r}`) },
    aware: { label: t('list.awareBetween'), testId: 'aware-range' },
  },
  columns: [
    textColumn<Incident>('title', t('fields.title'), { lines: 2, lead: (i) => i.drill && <DrillBadge size="xs" /> }),
    instantColumn<Incident>('awareAt', t('list.awareColumn')),
    { accessor: 'ourRole', title: t('fields.ourRole'), width: 130, render: (i) => <Text size="sm">{t(`role.${i.ourRole}`)}</Text> },
    { accessor: 'riskLevel', title: t('fields.riskLevel'), width: 125, render: (i) => <RiskIndicator risk={i.riskLevel} /> },
    {
      accessor: 'authorityDue',
      title: t('list.authorityClock'),
      width: 260,
      render: (i) => <ClockStatus facts={authorityClockFacts(i)} notApplicableDetail={t('clock.processorDetail')} testId="authority-clock" />,
    },
    statusColumn<Incident>('incident', t('fields.status'), { testId: 'incident-status' }),
  ],
}));
