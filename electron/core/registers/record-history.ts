import type { AuditEntry } from '@shared/schemas/audit';
import type { RegisterContext } from './context';

/**
 * The full history a record's page shows: its own audit entries and those of the things that
 * hang off it, found through the tables that tie them to it.
 */
export function recordHistory(ctx: RegisterContext, recordType: string, recordId: string): AuditEntry[] {
  return ctx.audit.history(recordType, recordId, [
    { recordType: 'link', idsSql: 'SELECT id FROM links WHERE (from_type = ? AND from_id = ?) OR (to_type = ? AND to_id = ?)', params: [recordType, recordId, recordType, recordId] },
    { recordType: 'attachment', idsSql: 'SELECT id FROM attachments WHERE record_type = ? AND record_id = ?', params: [recordType, recordId] },
    ...(recordType === 'incident'
      ? [
          { recordType: 'notification', idsSql: 'SELECT id FROM incident_notifications WHERE incident_id = ?', params: [recordId] },
          { recordType: 'client', idsSql: 'SELECT id FROM incident_clients WHERE incident_id = ?', params: [recordId] },
        ]
      : []),
  ]);
}
