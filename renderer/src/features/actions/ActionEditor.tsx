import { Drawer } from '@mantine/core';
import { useFeatureT } from '../../lib/featureT';
import { useOrganisation } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { ActionForm } from './ActionForm';
import { NS } from './labels';
import { useActionEditor } from './stores';

/** The drawer hosting the action form; a new action opens on its page. */
export function ActionEditor() {
  const t = useFeatureT(NS);
  const editor = useActionEditor((s) => s.editor);
  const close = useActionEditor((s) => s.close);
  const organisation = useOrganisation();
  const go = useNavigation((s) => s.go);
  const title = !editor ? '' : editor.mode === 'edit' ? t('form.editTitle', { reference: editor.action.reference }) : t('form.createTitle');
  return (
    <Drawer
      opened={editor !== null && organisation !== null}
      onClose={close}
      position="right"
      size={760}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {editor && organisation && (
        <ActionForm
          key={editor.mode === 'edit' ? editor.action.id : 'new'}
          organisation={organisation}
          action={editor.mode === 'edit' ? editor.action : undefined}
          onDone={(saved) => {
            close();
            if (saved && editor.mode === 'create' && useNavigation.getState().view.name !== 'actions') go({ name: 'action', id: saved.id });
          }}
        />
      )}
    </Drawer>
  );
}
