import type { Contract } from '@shared/schemas/contract';
import { contractsRegister } from '@shared/registers';
import { createEditorStore, createRegisterList } from '../../kit';

/** The client-contracts list as shown (kept while the user opens a contract and comes back). */
export const useContractList = createRegisterList<Contract>(contractsRegister);

/** The contract form's drawer. */
export const useContractEditor = createEditorStore<Contract>();
