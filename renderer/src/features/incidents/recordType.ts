import type { RecordType } from '@shared/schemas/record-types';

/** The core's record type for incidents (audit log, links, attachments, clocks, 'record.changed'). */
export const INCIDENT_RECORD_TYPE: RecordType = 'incident';

/**
 * The record types the core announces in 'record.changed' when a notification or an affected client
 * of an incident is written: the incident page reloads on them too.
 */
export const NOTIFICATION_CHANGE_TYPE = 'notification';
export const CLIENT_CHANGE_TYPE = 'client';
export const OBLIGATION_CHANGE_TYPE = 'obligation';

/** The i18n namespace of this feature (features/incidents/locales). */
export const NS = 'incidents';
