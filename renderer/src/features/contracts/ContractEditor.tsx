import { EditorDrawer } from '../../kit';
import { ContractForm } from './ContractForm';
import { NS } from './labels';
import { useContractEditor } from './register';

/** The drawer hosting the contract form, opened from the list (new) or a contract's page (edit). */
export function ContractEditor() {
  return (
    <EditorDrawer store={useContractEditor} ns={NS}>
      {(editor, _organisation, close) => <ContractForm contract={editor.mode === 'edit' ? editor.record : undefined} onDone={close} />}
    </EditorDrawer>
  );
}
