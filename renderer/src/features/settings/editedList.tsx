import { useState } from 'react';
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import { ConfirmRemove } from '../../components/ConfirmRemove';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useRemote } from '../../lib/useRemote';
import { useRecordChanges } from '../../state/recordChanges';
import { NS } from './ns';

export interface EditedList<T> {
  items: T[] | null;
  error: unknown;
  /** The item open in its dialog, 'new' for one being created, null for none. */
  editing: T | 'new' | null;
  setEditing(item: T | 'new' | null): void;
  removing: T | null;
  setRemoving(item: T | null): void;
  /** After a save: close the dialog and read the list again. */
  saved(): void;
  /** After a delete: the same. */
  removed(): void;
}

/**
 * A list the organisation edits in Settings (its deadline rules, its redaction profiles): read from
 * the core again after each save or delete here and whenever settings change elsewhere (another
 * window, a colleague through sync); which item is open and which is about to be removed.
 */
export function useEditedList<T>(load: () => Promise<T[]>): EditedList<T> {
  const changes = useRecordChanges((s) => s.epoch + (s.byType.settings ?? 0));
  const [reload, setReload] = useState(0);
  const { data: items, error } = useRemote(load, [reload, changes]);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const again = () => setReload((n) => n + 1);
  return {
    items,
    error,
    editing,
    setEditing,
    removing,
    setRemoving,
    saved: () => {
      setEditing(null);
      again();
    },
    removed: () => {
      setRemoving(null);
      again();
    },
  };
}

/**
 * "Delete this?" for the item `list.removing`, in the words of the tab (`<words>.removeTitle`,
 * `.removeBody`, `.remove`, `.removed`, each given `named(item)`); once deleted, it says so and the
 * list is read again.
 */
export function RemoveDialog<T>({ list, words, named, onRemove, testId }: { list: EditedList<T>; words: string; named(item: T): Record<string, string>; onRemove(item: T): Promise<unknown>; testId?: string }) {
  const t = useFeatureT(NS);
  const item = list.removing;
  return (
    <ConfirmRemove
      title={item ? t(`${words}.removeTitle`, named(item)) : null}
      body={t(`${words}.removeBody`)}
      confirmLabel={t(`${words}.remove`)}
      cancelLabel={t('common.cancel')}
      onConfirm={async () => {
        if (!item) return;
        await onRemove(item);
        notifySuccess(t(`${words}.removed`, named(item)));
        list.removed();
      }}
      onClose={() => list.setRemoving(null)}
      testId={testId}
    />
  );
}

/**
 * An item's icon buttons: open it (`<words>.edit`, or `.view` for one that cannot be changed,
 * which cannot be deleted either) and delete it (`.remove`); the tooltip says what, the accessible
 * name (`.editOne`, `.viewOne`, `.removeOne`) says which.
 */
export function ItemActions<T>({ list, item, words, named, readOnly = false }: { list: EditedList<T>; item: T; words: string; named(item: T): Record<string, string>; readOnly?: boolean }) {
  const t = useFeatureT(NS);
  const open = readOnly ? 'view' : 'edit';
  return (
    <Group gap={2} justify="flex-end" wrap="nowrap">
      <Tooltip label={t(`${words}.${open}`)}>
        <ActionIcon variant="subtle" color="gray" aria-label={t(`${words}.${open}One`, named(item))} onClick={() => list.setEditing(item)}>
          {readOnly ? <IconEye size={16} /> : <IconPencil size={16} />}
        </ActionIcon>
      </Tooltip>
      {!readOnly && (
        <Tooltip label={t(`${words}.remove`)}>
          <ActionIcon variant="subtle" color="red" aria-label={t(`${words}.removeOne`, named(item))} onClick={() => list.setRemoving(item)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
