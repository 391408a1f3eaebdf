import type { MantineColor } from '@mantine/core';
import { ActionOriginType, ActionPriority, type Action } from '@shared/schemas/action';
import type { RecordType } from '@shared/schemas/record-types';
import type { FeatureT } from '../../lib/featureT';

export const NS = 'actions';

export type Status = Action['status'];
export type Priority = Action['priority'];
export type OriginType = NonNullable<Action['originType']>;

export const PRIORITY_COLOR: Record<Priority, MantineColor> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

export function priorityOptions(t: FeatureT) {
  return ActionPriority.options.map((p) => ({ value: p, label: t(`priority.${p}`) }));
}

export function originTypeOptions(t: FeatureT) {
  return ActionOriginType.options.map((o) => ({ value: o, label: t(`origin.${o}`) }));
}

/** Origins that are records of the register (picked), as opposed to a finding or another source (described). */
export const RECORD_ORIGINS: readonly OriginType[] = ['incident', 'complaint', 'letter', 'matter'];

export function isRecordOrigin(o: OriginType | null): o is OriginType & RecordType {
  return o !== null && RECORD_ORIGINS.includes(o);
}

export function isOpen(status: Status): boolean {
  return status === 'planned' || status === 'in_progress';
}
