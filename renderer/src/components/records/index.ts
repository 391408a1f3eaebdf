/**
 * The panels every record page shows: its history (audit log), links, attachments and clocks.
 * Each takes the record as { type, id } and loads, refreshes and edits what it shows by itself.
 */
export { RecordHistory } from './RecordHistory';
export { RecordLinks } from './RecordLinks';
export { RecordAttachments } from './RecordAttachments';
export { RecordClocks } from './RecordClocks';
export { ClockCountdown, ClockStateLabel, useDueText } from './ClockStateLabel';
export { ArchivedMarker, RecordStatusBadge, RecordTypeLabel } from './RecordBadges';
export { recordTypeLabel, recordTypePlural, statusLabel } from './labels';
