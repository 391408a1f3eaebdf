import { createContext, Fragment, useContext, useRef, useState, type ReactNode } from 'react';
import { Button, Drawer, Group, Modal, Stack, Text } from '@mantine/core';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { Organisation } from '@shared/schemas/profile';
import { useOrganisation } from '../state/appStatus';
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
 * another's). The title is `<ns>:form.createTitle` / `editTitle` unless `title` says otherwise.
 */
export function EditorDrawer<R extends { id: string; reference: string }, P>({
  store,
  ns = KIT_NS,
  title,
  size = 760,
  children,
}: {
  store: UseBoundStore<StoreApi<EditorStore<R, P>>>;
  ns?: string;
  title?(editor: EditorState<R, P>): string;
  size?: number;
  children(editor: EditorState<R, P>, organisation: Organisation, close: () => void): ReactNode;
}) {
  const t = useKitT();
  const l = useLabels(ns, 'form');
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
        {editor && organisation && <Fragment key={editor.mode === 'edit' ? editor.record.id : 'new'}>{children(editor, organisation, close)}</Fragment>}
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
