import { EditorDrawer } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { ComplaintForm } from './ComplaintForm';
import { NS } from './labels';
import { useComplaintEditor } from './register';

/** The drawer hosting the complaint form, opened from the list (new) or a complaint's page (edit). */
export function ComplaintEditor() {
  const t = useFeatureT(NS);
  return (
    <EditorDrawer store={useComplaintEditor} size={960} title={(e) => (e.mode === 'edit' ? t('form.editTitle', { reference: e.record.reference }) : t('form.createTitle'))}>
      {(editor, organisation, close) => (
        <ComplaintForm
          // A fresh form per complaint: never carry one complaint's typing into another.
          key={editor.mode === 'edit' ? editor.record.id : 'new'}
          organisation={organisation}
          complaint={editor.mode === 'edit' ? editor.record : undefined}
          onDone={close}
        />
      )}
    </EditorDrawer>
  );
}
