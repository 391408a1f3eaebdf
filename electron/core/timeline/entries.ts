import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { TimelineEntry, TimelineEntryCreate, TimelineEntryUpdate } from '@shared/schemas/timeline';
import { toUtc, type RegisterContext } from '../registers/context';
import { RecordTable } from '../registers/record-table';
import { RegisterBase, stripUndefined } from '../registers/register-base';

export const TIMELINE_ENTRY = 'timeline_entry';

/**
 * What the user adds to an incident's timeline: a call, a meeting, a decision. Records of their
 * own (created, corrected, archived with a reason), each change in the audit log.
 */
export class TimelineEntries extends RegisterBase<typeof TimelineEntry> {
  constructor(ctx: RegisterContext) {
    super(ctx, new RecordTable(ctx.db, 'timeline_entries', TimelineEntry, 'timeline entry'), TIMELINE_ENTRY);
  }

  protected searchDoc(): null {
    return null;
  }

  byIncident(incidentId: string, includeArchived = false): TimelineEntry[] {
    return this.table.all(`incident_id = ?${includeArchived ? '' : ' AND archived_at IS NULL'}`, [incidentId], 'at, id');
  }

  create(input: TimelineEntryCreate): TimelineEntry {
    const data = TimelineEntryCreate.parse(input);
    if (!this.ctx.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(data.incidentId)) throw new ApiError('NOT_FOUND', `No incident with id ${data.incidentId}`);
    const now = this.now();
    return this.insertNew({
      ...data,
      at: toUtc(data.at),
      actor: data.actor || this.ctx.actor(),
      id: uuidv7(),
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      archiveReason: null,
    });
  }

  update(input: TimelineEntryUpdate): TimelineEntry {
    const { id, patch } = TimelineEntryUpdate.parse(input);
    return this.change(id, 'update', (before) => {
      this.assertNotArchived(before);
      const merged = { ...before, ...stripUndefined(patch) };
      return { ...merged, at: toUtc(merged.at) };
    });
  }

  protected override describe(e: TimelineEntry): string {
    return `Timeline entry "${e.title}"`;
  }
}
