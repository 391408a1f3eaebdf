import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { complaintsRegister } from '@shared/registers';
import { ComplaintStatus, type Complaint } from '@shared/schemas/complaint';
import { statusLabel } from '../../components/records/labels';
import { RecordActions } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { NS, recordsAnswer } from './labels';
import { useComplaintEditor } from './register';
import { StatusChangeModal } from './StatusChangeModal';
import { WriteLetterButton } from '../letters-templates/WriteLetterButton';

/** What can be done to a complaint from its page: answer it, move its status, then the kit's Edit and Archive. */
export function ComplaintActions({ complaint, onChanged }: { complaint: Complaint; onChanged(c: Complaint): void }) {
  const t = useFeatureT(NS);
  const openEdit = useComplaintEditor((s) => s.openEdit);
  const [target, setTarget] = useState<ComplaintStatus | null>(null);
  return (
    <RecordActions register={complaintsRegister} record={complaint} onChanged={onChanged} onEdit={() => openEdit(complaint)}>
      {!recordsAnswer(complaint.status) && (
        <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setTarget('answered')}>
          {t('detail.markAnswered')}
        </Button>
      )}
      <WriteLetterButton target={{ type: 'complaint', id: complaint.id }} />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
            {t('detail.changeStatus')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {ComplaintStatus.options
            .filter((s) => s !== complaint.status)
            .map((s) => (
              <Menu.Item key={s} onClick={() => setTarget(s)}>
                {statusLabel('complaint', s)}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      {target && <StatusChangeModal complaint={complaint} target={target} onChanged={onChanged} onClose={() => setTarget(null)} />}
    </RecordActions>
  );
}
