import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconLock, IconLockOpen, IconPackageExport, IconShieldHalf, IconTimelineEvent } from '@tabler/icons-react';
import { incidentsRegister } from '@shared/registers';
import type { Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { CallButton, RecordActions, recordChangedHandler } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../state/navigation';
import { CloseIncidentModal } from './CloseIncidentModal';
import { NS } from './recordType';
import { useIncidentEditor } from './register';

/** What can be done to an incident from its page (its moves, then Edit and Archive); every action lands in its history. */
export function IncidentActions({ incident, onChanged }: { incident: Incident; onChanged(i: Incident): void }) {
  const t = useFeatureT(NS);
  const openEdit = useIncidentEditor((s) => s.openEdit);
  const [closing, setClosing] = useState(false);
  const changed = recordChangedHandler(incidentsRegister, onChanged);

  /** A move the core makes at once (contain, reopen): no question to ask first. */
  const move = (status: 'open' | 'contained', icon: React.ReactNode, label: string) => (
    <CallButton
      icon={icon}
      call={() => api.call('incidents.setStatus', { id: incident.id, status })}
      done={(i) => {
        notifySuccess(t('statusChange.done', { reference: i.reference, status: t(`status.${status}`) }));
        changed(i);
      }}
    >
      {label}
    </CallButton>
  );

  return (
    <RecordActions
      register={incidentsRegister}
      record={incident}
      onChanged={onChanged}
      onEdit={() => openEdit(incident)}
      reads={
        <>
          <Button variant="default" leftSection={<IconTimelineEvent size={16} aria-hidden />} onClick={() => useNavigation.getState().go({ name: 'timeline', id: incident.id })}>
            {t('detail.openTimeline')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPackageExport size={16} aria-hidden />}
            onClick={() => useNavigation.getState().go({ name: 'exchange', params: { tab: 'bundle', incident: incident.id } })}
            data-testid="incident-evidence-bundle"
          >
            {t('detail.evidenceBundle')}
          </Button>
        </>
      }
    >
      {incident.status === 'open' && move('contained', <IconShieldHalf size={16} aria-hidden />, t('detail.contain'))}
      {incident.status === 'contained' && move('open', <IconLockOpen size={16} aria-hidden />, t('detail.reopenUncontained'))}
      {incident.status !== 'closed' ? (
        <Button leftSection={<IconLock size={16} aria-hidden />} onClick={() => setClosing(true)}>
          {t('detail.close')}
        </Button>
      ) : (
        move('open', <IconLockOpen size={16} aria-hidden />, t('detail.reopen'))
      )}
      {closing && (
        <CloseIncidentModal
          incident={incident}
          onClose={(updated) => {
            setClosing(false);
            if (updated) changed(updated);
          }}
          onEditDecision={() => {
            setClosing(false);
            openEdit(incident);
          }}
        />
      )}
    </RecordActions>
  );
}
