import { EditorDrawer } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { ContractForm } from './ContractForm';
import { NS } from './labels';
import { useContractEditor } from './register';

/** The drawer hosting the contract form; a new contract opens on its page (unless recorded from the list). */
export function ContractEditor() {
  const t = useFeatureT(NS);
  return (
    <EditorDrawer store={useContractEditor} title={(e) => (e.mode === 'edit' ? t('form.editTitle', { reference: e.record.reference }) : t('form.createTitle'))}>
      {(editor, _organisation, close) => (
        <ContractForm
          key={editor.mode === 'edit' ? editor.record.id : 'new'}
          contract={editor.mode === 'edit' ? editor.record : undefined}
          onDone={(saved) => {
            close();
            const nav = useNavigation.getState();
            if (saved && editor.mode === 'create' && nav.view.name !== 'contracts') nav.go({ name: 'contract', id: saved.id });
          }}
        />
      )}
    </EditorDrawer>
  );
}
