import { useState } from 'react';
import { Button, Group, Menu } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconCheck, IconChevronDown, IconPencil } from '@tabler/icons-react';
import { ComplaintStatus, type Complaint } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../state/navigation';
import { ArchiveModal } from './ArchiveModal';
import { StatusChangeModal } from './StatusChangeModal';

type Dialog = { kind: 'status'; target: ComplaintStatus } | { kind: 'archive' } | null;

/** What can be done to a complaint from its page; every action lands in its history. */
export function ComplaintActions({ complaint, onChanged }: { complaint: Complaint; onChanged(c: Complaint): void }) {
  const { t } = useTranslation();
  const openEdit = useNavigation((s) => s.openEdit);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [restoring, setRestoring] = useState(false);

  const closeDialog = (updated: Complaint | null) => {
    setDialog(null);
    if (updated) onChanged(updated);
  };

  async function restore() {
    setRestoring(true);
    try {
      const updated = await api.call('complaints.restore', { id: complaint.id });
      notifySuccess(t('archive.restored', { reference: updated.reference }));
      onChanged(updated);
    } catch (e) {
      notifyError(e);
    } finally {
      setRestoring(false);
    }
  }

  if (complaint.archivedAt) {
    return (
      <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={restoring} onClick={() => void restore()}>
        {t('detail.restore')}
      </Button>
    );
  }

  const open = complaint.status !== 'answered' && complaint.status !== 'closed';
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {open && (
          <Button leftSection={<IconCheck size={16} />} onClick={() => setDialog({ kind: 'status', target: 'answered' })}>
            {t('detail.markAnswered')}
          </Button>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} />}>
              {t('detail.changeStatus')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ComplaintStatus.options
              .filter((s) => s !== complaint.status)
              .map((s) => (
                <Menu.Item key={s} onClick={() => setDialog({ kind: 'status', target: s })}>
                  {t(`status.${s}`)}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => openEdit(complaint)}>
          {t('detail.edit')}
        </Button>
        <Button variant="subtle" color="red" leftSection={<IconArchive size={16} />} onClick={() => setDialog({ kind: 'archive' })}>
          {t('detail.archive')}
        </Button>
      </Group>
      {dialog?.kind === 'status' && <StatusChangeModal complaint={complaint} target={dialog.target} onClose={closeDialog} />}
      {dialog?.kind === 'archive' && <ArchiveModal complaint={complaint} onClose={closeDialog} />}
    </>
  );
}
