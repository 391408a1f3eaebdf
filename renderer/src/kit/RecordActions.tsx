import { useState, type ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import type { RegisterDeclaration } from '@shared/registers';
import type { MethodName } from '@shared/api/contract';
import { api } from '../api';
import { ReasonModal } from '../components/records/ReasonModal';
import { notifySuccess } from '../lib/notify';
import { useCan } from '../lib/permissions';
import { useRecordChanges } from '../state/recordChanges';
import { CallButton } from './CallButton';
import { useLabels } from './labels';
import type { ListRecord } from './RegisterList';

/**
 * The action bar of a record's page: the register's own moves first (`children`), then Edit and
 * Archive; an archived record offers Restore only. Archiving asks why (kept in the history) and
 * calls `<name>.archive`; restoring calls `<name>.restore`. Words from `<ns>:detail.*` and
 * `<ns>:archive.*`, else the kit's. A member whose workspace role may not change this register's
 * records sees only `reads` (buttons that change nothing: a timeline, an export).
 */
export function RecordActions<R extends ListRecord>({
  register,
  ns,
  record,
  onChanged,
  onEdit,
  children,
  reads,
  alsoChanged,
  archiveSection = 'archive',
}: {
  register: RegisterDeclaration;
  /** Where the words are; the register's own namespace unless two registers share one differently. */
  ns?: string;
  /** Where the archive dialog's words are (`<ns>:<archiveSection>.*`): two registers can share a namespace. */
  archiveSection?: string;
  record: R;
  onChanged(r: R): void;
  onEdit?(): void;
  children?: ReactNode;
  /** Buttons that only read (open the timeline, export): shown whatever the member's role. */
  reads?: ReactNode;
  /** Other records a change of this one moves (a letter's matter). */
  alsoChanged?(r: R): { type: string; id: string }[];
}) {
  const l = useLabels(ns ?? register.ns, 'detail');
  const a = useLabels(ns ?? register.ns, archiveSection, 'archive');
  const [archiving, setArchiving] = useState(false);
  const changed = recordChangedHandler(register, onChanged, alsoChanged);
  const can = useCan();

  if (!can('write', register.type)) {
    return reads ? (
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {reads}
      </Group>
    ) : null;
  }
  if (record.archivedAt) {
    return (
      <CallButton
        icon={<IconArrowBackUp size={16} aria-hidden />}
        call={() => api.call(`${register.name}.restore` as MethodName, { id: record.id } as never) as unknown as Promise<R>}
        done={(r) => {
          notifySuccess(l('restored', { reference: record.reference }));
          changed(r);
        }}
      >
        {l('restore')}
      </CallButton>
    );
  }
  return (
    <>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {reads}
        {children}
        {onEdit && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {l('edit')}
          </Button>
        )}
        <Button variant="subtle" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => setArchiving(true)}>
          {l('archive')}
        </Button>
      </Group>
      {archiving && (
        <ReasonModal
          title={a('title', { reference: record.reference })}
          body={a('body')}
          submitLabel={a('submit')}
          reasonHelp={a('reasonHelp')}
          onClose={() => setArchiving(false)}
          onSubmit={async (reason) => {
            const r = (await api.call(`${register.name}.archive` as MethodName, { id: record.id, reason } as never)) as unknown as R;
            notifySuccess(a('done', { reference: r.reference }));
            changed(r);
          }}
        />
      )}
    </>
  );
}

/**
 * What a write on a record's page does with the record it returns: show it, and tell every view
 * (the core sends 'record.changed' too; bumping here keeps views right if the event is late).
 */
export function recordChangedHandler<R extends { id: string }>(register: RegisterDeclaration, onChanged: (r: R) => void, alsoChanged?: (r: R) => { type: string; id: string }[]) {
  return (r: R) => {
    onChanged(r);
    const bump = useRecordChanges.getState().bump;
    bump(register.type, r.id);
    for (const o of alsoChanged?.(r) ?? []) bump(o.type, o.id);
  };
}
