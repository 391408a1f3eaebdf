import { create } from 'zustand';

/**
 * Counters bumped on every 'record.changed' event, so views reload what they show when anyone —
 * this window, another window, a script on the API — changes it. `epoch` moves when events may
 * have been missed (after a reconnection) and makes every view reload.
 */
interface RecordChanges {
  epoch: number;
  byRecord: Record<string, number>;
  byType: Record<string, number>;
  bump(recordType: string, id: string): void;
  bumpAll(): void;
}

export const useRecordChanges = create<RecordChanges>((set) => ({
  epoch: 0,
  byRecord: {},
  byType: {},
  bump(recordType, id) {
    const key = `${recordType}:${id}`;
    set((s) => ({
      byRecord: { ...s.byRecord, [key]: (s.byRecord[key] ?? 0) + 1 },
      byType: { ...s.byType, [recordType]: (s.byType[recordType] ?? 0) + 1 },
    }));
  },
  bumpAll() {
    set((s) => ({ epoch: s.epoch + 1 }));
  },
}));

// Sums only ever grow, so any bump gives a new value for the effects that depend on it.
export function useRecordVersion(recordType: string, id: string): number {
  return useRecordChanges((s) => s.epoch + (s.byRecord[`${recordType}:${id}`] ?? 0));
}

export function useRecordTypeVersion(recordType: string): number {
  return useRecordChanges((s) => s.epoch + (s.byType[recordType] ?? 0));
}
