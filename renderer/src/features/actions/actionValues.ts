import type { Action, ActionCreate } from '@shared/schemas/action';
import { featureT } from '../../lib/featureT';
import { lastDayOfDeadline, startOfNextLocalDay } from '../../lib/orgTime';
import { isRecordOrigin, NS, type OriginType, type Priority } from './labels';

/** The action as the form edits it; the due date is its last day ('YYYY-MM-DD' in the organisation's zone). */
export interface ActionFormValues extends Record<string, unknown> {
  reference: string;
  title: string;
  description: string;
  owner: string;
  dueDay: string | null;
  priority: Priority;
  originType: OriginType | null;
  originId: string | null;
  originNote: string;
  evidence: string;
}

export type ActionFieldValues = Required<Omit<ActionCreate, 'reference' | 'verificationNote'>> & { reference: string };

export function newActionValues(): ActionFormValues {
  return { reference: '', title: '', description: '', owner: '', dueDay: null, priority: 'medium', originType: null, originId: null, originNote: '', evidence: '' };
}

export function valuesOfAction(a: Action, zone: string): ActionFormValues {
  return {
    reference: a.reference,
    title: a.title,
    description: a.description,
    owner: a.owner,
    dueDay: a.dueAt ? lastDayOfDeadline(a.dueAt, zone) : null,
    priority: a.priority,
    originType: a.originType,
    originId: a.originId,
    originNote: a.originNote,
    evidence: a.evidence,
  };
}

/** API paths the form shows under another name. */
export const ACTION_FIELD_OF: Record<string, string> = { dueAt: 'dueDay' };

/** Form values → API fields (the kit checks them with ActionCreate). */
export function toActionFields(v: ActionFormValues, zone: string): { fields: ActionFieldValues; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const recordOrigin = isRecordOrigin(v.originType);
  if (recordOrigin && !v.originId) errors.originId = featureT(NS, 'fieldErrors.originId');
  return {
    errors,
    fields: {
      reference: v.reference.trim(),
      title: v.title,
      description: v.description,
      owner: v.owner,
      // A due day ends at the midnight closing it, as every deadline in the register.
      dueAt: v.dueDay ? startOfNextLocalDay(v.dueDay, zone) : null,
      priority: v.priority,
      originType: v.originType,
      originId: recordOrigin ? v.originId : null,
      originNote: v.originNote,
      evidence: v.evidence,
    },
  };
}
