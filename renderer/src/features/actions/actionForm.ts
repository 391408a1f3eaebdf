import { ActionCreate, type Action, type ActionUpdate } from '@shared/schemas/action';
import { issuesOf } from '../../lib/errors';
import { featureT } from '../../lib/featureT';
import { lastDayOfDeadline, startOfNextLocalDay } from '../../lib/orgTime';
import { isRecordOrigin, NS, type OriginType, type Priority } from './labels';

/** The action as the form edits it; the due date is its last day ('YYYY-MM-DD' in the organisation's zone). */
export interface ActionFormValues {
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

const FIELD: Record<string, keyof ActionFormValues> = { dueAt: 'dueDay' };
export function formFieldOf(path: string): string {
  const top = path.split('.')[0] ?? path;
  return FIELD[top] ?? top;
}

export function toActionFields(v: ActionFormValues, zone: string): { ok: true; fields: ActionFieldValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const recordOrigin = isRecordOrigin(v.originType);
  if (recordOrigin && !v.originId) errors.originId = featureT(NS, 'fieldErrors.originId');
  const fields: ActionFieldValues = {
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
  };
  const parsed = ActionCreate.safeParse(fields);
  if (!parsed.success) {
    for (const issue of issuesOf(parsed.error)) {
      const field = formFieldOf(issue.path);
      const key = `fieldErrors.${field}`;
      const translated = featureT(NS, key);
      errors[field] ??= translated !== key ? translated : issue.message;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, fields };
}

export function patchOf(original: Action, edited: ActionFieldValues, zone: string): ActionUpdate['patch'] {
  const before = toActionFields(valuesOfAction(original, zone), zone);
  const patch: ActionUpdate['patch'] = {};
  for (const key of Object.keys(edited) as (keyof ActionFieldValues)[]) {
    const was = before.ok ? before.fields[key] : undefined;
    if (JSON.stringify(was) !== JSON.stringify(edited[key])) Object.assign(patch, { [key]: edited[key] });
  }
  return patch;
}
