import { Letter, LetterCreate, LetterDirection, LetterKind, LetterListQuery, LetterListResult, LetterUpdate } from '../schemas/letter';
import { defineRegister } from './types';

/** Regulator correspondence: letters in and out, in threads, with the deadlines they set. */
export const lettersRegister = defineRegister({
  type: 'letter',
  name: 'letters',
  table: 'letters',
  ns: 'correspondence',
  referencePrefix: 'L',
  schemas: { record: Letter, create: LetterCreate, update: LetterUpdate, listQuery: LetterListQuery, listResult: LetterListResult },
  titleField: 'subject',
  // Received for inbound letters, sent for outbound ones (the core's COALESCE).
  dateField: 'receivedAt',
  // A letter has no status of its own: it awaits a reply or it does not.
  statuses: [],
  openStatuses: [],
  sort: {
    fields: ['reference', 'date', 'replyDue', 'kind', 'regulator'],
    default: { field: 'date', dir: 'desc' },
    firstDirection: { reference: 'asc', date: 'desc', replyDue: 'asc', kind: 'asc', regulator: 'asc' },
  },
  filters: [
    { key: 'regulator', kind: 'multi', param: 'regulator', view: 'regulator' },
    { key: 'kind', kind: 'multi', param: 'kind', values: LetterKind.options },
    { key: 'direction', kind: 'single', param: 'direction', values: LetterDirection.options },
    { key: 'matter', kind: 'record', param: 'matterId', recordType: 'matter' },
  ],
});
