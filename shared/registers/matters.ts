import { Matter, MatterCreate, MatterListQuery, MatterListResult, MatterStatus, MatterUpdate } from '../schemas/matter';
import { defineRegister } from './types';

/** Procedures with a regulator; their letters are the steps. */
export const mattersRegister = defineRegister({
  type: 'matter',
  name: 'matters',
  table: 'matters',
  ns: 'correspondence',
  referencePrefix: 'M',
  schemas: { record: Matter, create: MatterCreate, update: MatterUpdate, listQuery: MatterListQuery, listResult: MatterListResult },
  titleField: 'title',
  dateField: 'openedAt',
  statuses: MatterStatus.options,
  openStatuses: ['open'],
  sort: {
    fields: ['reference', 'openedAt', 'title', 'regulator'],
    default: { field: 'openedAt', dir: 'desc' },
    firstDirection: { reference: 'asc', openedAt: 'desc', title: 'asc', regulator: 'asc' },
  },
  filters: [
    { key: 'regulator', kind: 'multi', param: 'regulator', view: 'regulator' },
    { key: 'status', kind: 'multi', param: 'status', values: MatterStatus.options, view: 'status' },
  ],
});
