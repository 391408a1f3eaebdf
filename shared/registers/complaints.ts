import {
  Complaint,
  ComplaintChannel,
  ComplaintCreate,
  ComplaintListQuery,
  ComplaintListResult,
  ComplaintSortField,
  ComplaintStatus,
  ComplaintUpdate,
  DataSubjectRight,
} from '../schemas/complaint';
import { defineRegister } from './types';

/** Data subjects' complaints, each with its GDPR Art. 12(3) response deadline. */
export const complaintsRegister = defineRegister({
  type: 'complaint',
  name: 'complaints',
  table: 'complaints',
  ns: 'complaints',
  referencePrefix: 'C',
  schemas: { record: Complaint, create: ComplaintCreate, update: ComplaintUpdate, listQuery: ComplaintListQuery, listResult: ComplaintListResult },
  titleField: 'complainantLabel',
  dateField: 'receivedAt',
  statuses: ComplaintStatus.options,
  openStatuses: ['received', 'in_progress', 'awaiting_information'],
  sort: {
    fields: ComplaintSortField.options,
    default: { field: 'receivedAt', dir: 'desc' },
    firstDirection: { reference: 'asc', receivedAt: 'desc', responseDue: 'asc', status: 'asc', complainantLabel: 'asc', channel: 'asc' },
  },
  filters: [
    { key: 'status', kind: 'multi', param: 'status', values: ComplaintStatus.options, view: 'status' },
    { key: 'channel', kind: 'multi', param: 'channel', values: ComplaintChannel.options },
    { key: 'right', kind: 'multi', param: 'right', values: DataSubjectRight.options },
    { key: 'received', kind: 'dateRange', from: 'receivedFrom', to: 'receivedTo', view: 'period' },
  ],
});
