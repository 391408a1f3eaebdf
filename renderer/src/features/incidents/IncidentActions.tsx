import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconLock, IconLockOpen, IconPackageExport, IconShieldHalf, IconTimelineEvent } from '@tabler/icons-react';
import { incidentsRegister } from '@shared/registers';
import type { Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { RecordActions, recordChangedHandler } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../state/navigation';
import { CloseIncidentModal } from './CloseIncidentModal';
import { NS } from './recordType';
import { useIncidentEditor } from './register';

/** What can be done to an incident from its page (its moves, then Edit and Archive); every action lands in its history. */
export function IncidentActions({ incident, onChanged }: { incident: Incident; onChanged(i: Incident): void }) {
  const t = useFeatureT(NS);
  const openEdit = useIncidentEditor((s) => s.openEdit);
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState<'open' | 'contained' | null>(null);
  const changed = recordChangedHandler(incidentsRegister, onChanged);

  const setStatus = (status: 'open' | 'contained') => {
    setBusy(status);
    api
      .call('incidents.setStatus', { id: incident.id, status })
      .then((i) => {
        notifySuccess(t('statusChange.done', { reference: i.reference, status: t(`status.${status}`) }));
        changed(i);
      }, notifyError)
      .finally(() => setBusy(null));
  };

  return (
    <RecordActions
      register={incidentsRegister}
      ns={NS}
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
      {incident.status === 'open' && (
        <Button variant="default" leftSection={<IconShieldHalf size={16} aria-hidden />} loading={busy === 'contained'} onClick={() => setStatus('contained')}>
          {t('detail.contain')}
        </Button>
      )}
      {incident.status === 'contained' && (
        <Button variant="default" leftSection={<IconLockOpen size={16} aria-hidden />} loading={busy === 'open'} onClick={() => setStatus('open')}>
          {t('detail.reopenUncontained')}
        </Button>
      )}
      {incident.status !== 'closed' ? (
        <Button leftSection={<IconLock size={16} aria-hidden />} onClick={() => setClosing(true)}>
          {t('detail.close')}
        </Button>
      ) : (
        <Button variant="default" leftSection={<IconLockOpen size={16} aria-hidden />} loading={busy === 'open'} onClick={() => setStatus('open')}>
          {t('detail.reopen')}
        </Button>
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
