import { Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { incidentsRegister } from '@shared/registers';
import type { Incident } from '@shared/schemas/incident';
import { statusLabel } from '../../components/records/labels';
import { RegisterList, StatusBadge } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useTranslation } from 'react-i18next';
import { RiskIndicator } from './badges';
import { authorityClockFacts } from './clockFacts';
import { ClockStatus } from './ClockStatus';
import { NOTIFICATION_CHANGE_TYPE, NS, OBLIGATION_CHANGE_TYPE } from './recordType';
import { useIncidentEditor, useIncidentList } from './register';

/** The breach register (Art. 33(5)): server-side search, filters, sorting and paging, each incident's 72-hour clock live. */
export function IncidentList() {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const openCreate = useIncidentEditor((s) => s.openCreate);
  return (
    <RegisterList<Incident>
      register={incidentsRegister}
      store={useIncidentList}
      labels={{ ns: NS, section: 'list' }}
      testId="incident"
      emptyIcon={<IconShieldCheck size={28} stroke={1.5} aria-hidden />}
      referenceWidth={130}
      onOpen={(i) => go({ name: 'incident', id: i.id })}
      onCreate={() => openCreate()}
      totalNote={tc('shell.timeZone', { zone: f.zone })}
      // A filing recorded elsewhere meets a clock shown here.
      alsoReloadOn={[NOTIFICATION_CHANGE_TYPE, OBLIGATION_CHANGE_TYPE]}
      filters={{
        status: { label: t('fields.status'), optionLabel: (s) => statusLabel('incident', s) },
        risk: { label: t('fields.riskLevel'), optionLabel: (r) => t(`risk.${r}`) },
        aware: { label: t('list.awareBetween'), testId: 'aware-range' },
      }}
      columns={[
        {
          accessor: 'title',
          title: t('fields.title'),
          render: (i) => (
            <Text size="sm" lineClamp={2} title={i.title}>
              {i.title}
            </Text>
          ),
        },
        {
          accessor: 'awareAt',
          title: t('list.awareColumn'),
          width: 150,
          render: (i) => (
            <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
              {f.dateTime(i.awareAt)}
            </Text>
          ),
        },
        { accessor: 'ourRole', title: t('fields.ourRole'), width: 130, render: (i) => <Text size="sm">{t(`role.${i.ourRole}`)}</Text> },
        { accessor: 'riskLevel', title: t('fields.riskLevel'), width: 125, render: (i) => <RiskIndicator risk={i.riskLevel} /> },
        {
          accessor: 'authorityDue',
          title: t('list.authorityClock'),
          width: 260,
          render: (i) => <ClockStatus facts={authorityClockFacts(i)} notApplicableDetail={t('clock.processorDetail')} testId="authority-clock" />,
        },
        { accessor: 'status', title: t('fields.status'), width: 110, render: (i) => <StatusBadge type="incident" status={i.status} testId="incident-status" /> },
      ]}
    />
  );
}
