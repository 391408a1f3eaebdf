import { useState } from 'react';
import { Button, Group, Menu } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconChevronDown, IconDots, IconLock, IconLockOpen, IconPencil, IconShieldHalf, IconTimelineEvent } from '@tabler/icons-react';
import { useNavigation } from '../../state/navigation';
import type { Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { CloseIncidentModal } from './CloseIncidentModal';
import { useIncidentEditor } from './incidentStores';
import { NS } from './recordType';
import { ReasonModal } from '../../components/records/ReasonModal';

type Dialog = 'close' | 'archive' | null;

/** What can be done to an incident from its page; every action lands in its history. */
export function IncidentActions({ incident, onChanged }: { incident: Incident; onChanged(i: Incident): void }) {
  const t = useFeatureT(NS);
  const openEdit = useIncidentEditor((s) => s.openEdit);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => Promise<Incident>, done: (i: Incident) => string) {
    setBusy(true);
    try {
      const updated = await call();
      notifySuccess(done(updated));
      onChanged(updated);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  const setStatus = (status: 'open' | 'contained') =>
    run(
      () => api.call('incidents.setStatus', { id: incident.id, status }),
      (i) => t('statusChange.done', { reference: i.reference, status: t(`status.${status}`) }),
    );

  if (incident.archivedAt) {
    return (
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        loading={busy}
        onClick={() => void run(() => api.call('incidents.restore', { id: incident.id }), (i) => t('archive.restored', { reference: i.reference }))}
      >
        {t('detail.restore')}
      </Button>
    );
  }

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" leftSection={<IconTimelineEvent size={16} />} onClick={() => useNavigation.getState().go({ name: 'timeline', id: incident.id })}>
          {t('detail.openTimeline')}
        </Button>
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => openEdit(incident)}>
          {t('detail.edit')}
        </Button>
        {incident.status === 'open' && (
          <Button variant="default" leftSection={<IconShieldHalf size={16} />} loading={busy} onClick={() => void setStatus('contained')}>
            {t('detail.contain')}
          </Button>
        )}
        {incident.status !== 'closed' ? (
          <Button leftSection={<IconLock size={16} />} onClick={() => setDialog('close')}>
            {t('detail.close')}
          </Button>
        ) : (
          <Button variant="default" leftSection={<IconLockOpen size={16} />} loading={busy} onClick={() => void setStatus('open')}>
            {t('detail.reopen')}
          </Button>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" px={8} aria-label={t('detail.more')} rightSection={<IconChevronDown size={14} />}>
              <IconDots size={16} aria-hidden />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {incident.status === 'contained' && (
              <Menu.Item leftSection={<IconLockOpen size={14} />} onClick={() => void setStatus('open')}>
                {t('detail.reopenUncontained')}
              </Menu.Item>
            )}
            <Menu.Item color="red" leftSection={<IconArchive size={14} />} onClick={() => setDialog('archive')}>
              {t('detail.archive')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {dialog === 'close' && (
        <CloseIncidentModal
          incident={incident}
          onClose={(updated) => {
            setDialog(null);
            if (updated) onChanged(updated);
          }}
          onEditDecision={() => {
            setDialog(null);
            openEdit(incident);
          }}
        />
      )}
      {dialog === 'archive' && (
        <ReasonModal
          title={t('archive.title', { reference: incident.reference })}
          body={t('archive.body')}
          reasonHelp={t('archive.reasonHelp')}
          submitLabel={t('archive.submit')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const updated = await api.call('incidents.archive', { id: incident.id, reason });
            notifySuccess(t('archive.done', { reference: updated.reference }));
            setDialog(null);
            onChanged(updated);
          }}
        />
      )}
    </>
  );
}
