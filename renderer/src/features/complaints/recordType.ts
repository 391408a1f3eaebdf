import type { RecordType } from '@shared/schemas/record-types';

/** The core's record type for complaints (audit log, 'record.changed' events). */
export const COMPLAINT_RECORD_TYPE: RecordType = 'complaint';
