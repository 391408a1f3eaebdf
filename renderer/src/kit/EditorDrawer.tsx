import { createContext, Fragment, useContext, useRef, useState, type ReactNode } from 'react';
import { Button, Drawer, Group, Modal, Stack, Text } from '@mantine/core';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { Organisation } from '@shared/schemas/profile';
import type { RecordType } from '@shared/schemas/record-types';
import { useOrganisation } from '../state/appStatus';
import { useNavigation } from '../state/navigation';
import type { EditorState, EditorStore } from './editorStore';
import { KIT_NS, useKitT, useLabels } from './labels';

interface Guard {
  /** The form says whether it holds changes not saved. */
  setDirty(dirty: boolean): void;
  /** Close, asking first when changes would be lost. */
  requestClose(): void;
}

const GuardContext = createContext<Guard | null>(null);

/** The drawer a form is in, if any: a form asks it before closing. */
export function useEditorGuard(): Guard | null {
  return useContext(GuardContext);
}

/**
 * The drawer hosting a register's form, opened from its list (new) or a record's page (edit).
 * Typing into a long form and losing it to a stray click or an Escape meant for a dropdown would
 * be costly: it closes with the form's Cancel or the close button, and asks first when the form
 * holds changes. Each record gets a fresh form (one record's typing never carries into
 * another's). The title is `<ns>:<section>.createTitle` / `editTitle` unless `title` says otherwise.
 * The form calls `done` (with what it saved, if anything): the drawer closes and, with `opens`, a
 * new record opens on its page (unless the user is on the `stayOn` view, the register's list).
 */
export function EditorDrawer<R extends { id: string; reference: string }, P>({
  store,
  ns = KIT_NS,
  section = 'form',
  title,
  size = 760,
  opens,
  stayOn,
  children,
}: {
  store: UseBoundStore<StoreApi<EditorStore<R, P>>>;
  ns?: string;
  section?: string;
  title?(editor: EditorState<R, P>): string;
  size?: number;
  opens?: RecordType;
  stayOn?: string;
  children(editor: EditorState<R, P>, organisation: Organisation, done: (saved?: { id: string } | null) => void): ReactNode;
}) {
  const t = useKitT();
  const l = useLabels(ns, section, 'form');
  const titleOf = title ?? ((e: EditorState<R, P>) => (e.mode === 'edit' ? l('editTitle', { reference: e.record.reference }) : l('createTitle')));
  const editor = store((s) => s.editor);
  const close = store((s) => s.close);
  const organisation = useOrganisation();
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  const guard: Guard = {
    setDirty: (d) => {
      dirty.current = d;
    },
    requestClose: () => {
      if (dirty.current) setAsking(true);
      else close();
    },
  };
  const opened = editor !== null && organisation !== null;
  const done = (saved?: { id: string } | null) => {
    close();
    const nav = useNavigation.getState();
    if (opens && saved && editor?.mode === 'create' && nav.view.name !== stayOn) nav.openRecord(opens, saved.id);
  };
  return (
    <GuardContext.Provider value={guard}>
      <Drawer
        opened={opened}
        onClose={guard.requestClose}
        position="right"
        size={size}
        title={editor ? titleOf(editor) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
        closeOnClickOutside={false}
        closeOnEscape={false}
      >
        {editor && organisation && <Fragment key={editor.mode === 'edit' ? editor.record.id : 'new'}>{children(editor, organisation, done)}</Fragment>}
      </Drawer>
      <Modal opened={asking && opened} onClose={() => setAsking(false)} title={t('form.discardTitle')} size="sm" zIndex={400}>
        <Stack gap="sm">
          <Text size="sm">{t('form.discardBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" data-autofocus onClick={() => setAsking(false)}>
              {t('form.keepEditing')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setAsking(false);
                dirty.current = false;
                close();
              }}
            >
              {t('form.discard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </GuardContext.Provider>
  );
}
