import type { RecordHeader, RecordRef } from '@shared/schemas/record-types';
import { api } from '../../api';

export function refKey(ref: RecordRef): string {
  return `${ref.type}:${ref.id}`;
}

/**
 * A record's name for another record's page, read from its own register. Used for the records a
 * history points to that are no longer linked (a removed link keeps only the other side's id).
 */
export async function fetchRecordHeader(ref: RecordRef): Promise<RecordHeader> {
  const archived = (at: string | null) => at !== null;
  switch (ref.type) {
    case 'complaint': {
      const c = await api.call('complaints.get', { id: ref.id });
      return { ...ref, reference: c.reference, title: c.complainantLabel, status: c.status, archived: archived(c.archivedAt) };
    }
    case 'letter': {
      const l = await api.call('letters.get', { id: ref.id });
      return { ...ref, reference: l.reference, title: l.subject, status: null, archived: archived(l.archivedAt) };
    }
    case 'matter': {
      const { matter: m } = await api.call('matters.get', { id: ref.id });
      return { ...ref, reference: m.reference, title: m.title, status: m.status, archived: archived(m.archivedAt) };
    }
    case 'incident': {
      const { incident: i } = await api.call('incidents.get', { id: ref.id });
      return { ...ref, reference: i.reference, title: i.title, status: i.status, archived: archived(i.archivedAt) };
    }
    case 'action': {
      const a = await api.call('actions.get', { id: ref.id });
      return { ...ref, reference: a.reference, title: a.title, status: a.status, archived: archived(a.archivedAt) };
    }
    case 'contract': {
      const c = await api.call('contracts.get', { id: ref.id });
      return { ...ref, reference: c.reference, title: c.name, status: c.status, archived: archived(c.archivedAt) };
    }
  }
}

/** Names for many records at once; a record that cannot be read is left out (shown by its id). */
export async function fetchRecordHeaders(refs: readonly RecordRef[], known: ReadonlyMap<string, RecordHeader> = new Map()): Promise<Map<string, RecordHeader>> {
  const out = new Map(known);
  const missing = new Map<string, RecordRef>();
  for (const r of refs) if (!out.has(refKey(r))) missing.set(refKey(r), r);
  const found = await Promise.all([...missing.values()].map((r) => fetchRecordHeader(r).catch(() => null)));
  for (const h of found) if (h) out.set(refKey(h), h);
  return out;
}
