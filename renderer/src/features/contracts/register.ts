import type { Contract } from '@shared/schemas/contract';
import { contractsRegister } from '@shared/registers';
import { registerScreens } from '../../kit';

/** The client-contracts list as shown and the contract form's drawer. */
export const contractScreens = registerScreens<Contract>(contractsRegister);
export const { useList: useContractList, useEditor: useContractEditor } = contractScreens;
