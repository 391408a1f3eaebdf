import type { Dashboard } from '@shared/schemas/search';
import type { RegisterContext } from './context';
import { OPEN_COMPLAINT_SQL } from './complaints';
import { OPEN_ACTION_SQL } from './actions';

const SOON_DAYS = 7;

/**
 * Open, due within a week, overdue: per register, counted in the database. "Due" is each
 * register's own clock (response, reply, compliance, 72 hours, contractual hours, action date).
 */
export function dashboard(ctx: RegisterContext): Dashboard {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const soon = new Date(now.getTime() + SOON_DAYS * 86_400_000).toISOString();
  const counts = (openSql: string, dueExpr: string, params: unknown[] = []) => {
    const row = ctx.db
      .prepare(
        `SELECT count(*) AS open,
                sum(CASE WHEN ${dueExpr} >= ? AND ${dueExpr} < ? THEN 1 ELSE 0 END) AS dueSoon,
                sum(CASE WHEN ${dueExpr} < ? THEN 1 ELSE 0 END) AS overdue
         FROM (${openSql})`,
      )
      .get(...params, at, soon, at) as { open: number; dueSoon: number | null; overdue: number | null };
    return { open: row.open, dueSoon: row.dueSoon ?? 0, overdue: row.overdue ?? 0 };
  };
  const incidents = counts(
    `SELECT CASE WHEN authority_notified_at IS NULL AND notify_authority != 'no' THEN authority_due END AS due FROM incidents
     WHERE archived_at IS NULL AND status != 'closed'`,
    'due',
  );
  // A client controller not yet told is a clock of the incident too.
  const clients = counts(
    `SELECT c.notify_due AS due FROM incident_clients c JOIN incidents i ON i.id = c.incident_id
     WHERE c.archived_at IS NULL AND i.archived_at IS NULL AND i.status != 'closed' AND c.notified_at IS NULL AND c.notify_due IS NOT NULL`,
    'due',
  );
  return {
    at,
    registers: {
      complaint: counts(`SELECT response_due AS due FROM complaints WHERE archived_at IS NULL AND ${OPEN_COMPLAINT_SQL}`, 'due'),
      letter: counts(`SELECT reply_due AS due FROM letters WHERE archived_at IS NULL AND reply_due IS NOT NULL AND answered_at IS NULL AND direction = 'inbound'`, 'due'),
      matter: counts(
        `SELECT (SELECT min(l.compliance_due) FROM letters l WHERE l.matter_id = m.id AND l.archived_at IS NULL AND l.compliance_due >= '') AS due
         FROM matters m WHERE m.archived_at IS NULL AND m.status = 'open'`,
        'due',
      ),
      incident: { open: incidents.open, dueSoon: incidents.dueSoon + clients.dueSoon, overdue: incidents.overdue + clients.overdue },
      action: counts(`SELECT due_at AS due FROM actions WHERE archived_at IS NULL AND ${OPEN_ACTION_SQL}`, 'due'),
    },
  };
}
