import { Action, ActionCreate, ActionListQuery, ActionListResult, ActionStatus, ActionUpdate } from '../schemas/action';
import { defineRegister } from './types';

/** Remediation actions: owner, due date, status, evidence and verification. */
export const actionsRegister = defineRegister({
  type: 'action',
  name: 'actions',
  table: 'actions',
  ns: 'actions',
  referencePrefix: 'A',
  schemas: { record: Action, create: ActionCreate, update: ActionUpdate, listQuery: ActionListQuery, listResult: ActionListResult },
  titleField: 'title',
  dateField: 'dueAt',
  statuses: ActionStatus.options,
  openStatuses: ['planned', 'in_progress'],
  sort: {
    fields: ['reference', 'dueAt', 'status', 'owner', 'priority', 'title'],
    default: { field: 'dueAt', dir: 'asc' },
    firstDirection: { reference: 'asc', dueAt: 'asc', status: 'asc', owner: 'asc', priority: 'desc', title: 'asc' },
  },
  filters: [
    { key: 'status', kind: 'multi', param: 'status', values: ActionStatus.options, view: 'status' },
    { key: 'owner', kind: 'tags', param: 'owner', view: 'owner' },
    { key: 'dueBy', kind: 'dayBefore', param: 'dueBefore' },
  ],
});
