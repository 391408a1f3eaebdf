import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { ComplaintForm } from './ComplaintForm';

/** The drawer that hosts the complaint form, opened from the list (new) or the detail (edit). */
export function ComplaintEditor() {
  const { t } = useTranslation();
  const editor = useNavigation((s) => s.editor);
  const close = useNavigation((s) => s.closeEditor);
  const organisation = useOrganisation();

  const title = !editor
    ? ''
    : editor.mode === 'create'
      ? t('form.createTitle')
      : t('form.editTitle', { reference: editor.complaint.reference });

  return (
    <Drawer
      opened={editor !== null && organisation !== null}
      onClose={close}
      position="right"
      size={960}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      // Typing into a long form and losing it to a stray click or an Escape meant for a dropdown
      // would be costly: the form closes with its own Cancel or the close button.
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {editor && organisation && (
        <ComplaintForm
          // A fresh form per complaint: never carry one complaint's typing into another.
          key={editor.mode === 'edit' ? editor.complaint.id : 'new'}
          organisation={organisation}
          complaint={editor.mode === 'edit' ? editor.complaint : undefined}
          onDone={close}
        />
      )}
    </Drawer>
  );
}
