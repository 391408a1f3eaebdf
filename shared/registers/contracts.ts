import { Contract, ContractCreate, ContractListQuery, ContractListResult, ContractStatus, ContractUpdate } from '../schemas/contract';
import { Lang } from '../schemas/common';
import { defineRegister } from './types';

/** Client contracts (we are the processor): each client controller and the notice terms of its agreement. */
export const contractsRegister = defineRegister({
  type: 'contract',
  name: 'contracts',
  table: 'client_contracts',
  ns: 'contracts',
  referencePrefix: 'CT',
  schemas: { record: Contract, create: ContractCreate, update: ContractUpdate, listQuery: ContractListQuery, listResult: ContractListResult },
  titleField: 'name',
  dateField: 'dpaSignedOn',
  statuses: ContractStatus.options,
  openStatuses: ['active'],
  sort: {
    fields: ['reference', 'name', 'noticeHours', 'dpaSignedOn', 'status'],
    default: { field: 'name', dir: 'asc' },
    firstDirection: { reference: 'asc', name: 'asc', noticeHours: 'asc', dpaSignedOn: 'desc', status: 'asc' },
  },
  filters: [
    { key: 'status', kind: 'multi', param: 'status', values: ContractStatus.options, view: 'status' },
    { key: 'language', kind: 'multi', param: 'language', values: Lang.options },
  ],
});
