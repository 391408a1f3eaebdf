import i18next, { type TFunction } from 'i18next';
import type { ZodError } from 'zod';
import { ApiError, HostUnreachableError } from '../api';
import { featureT } from './featureT';
import { usePermissions } from './permissions';

export interface Issue {
  path: string;
  message: string;
}

// Codes whose core message says something the translated sentence cannot (which reference
// conflicts, what failed inside): the core's own words are shown as a detail line.
const DETAIL_WORTH_SHOWING = new Set(['CONFLICT', 'INTERNAL', 'BAD_REQUEST', 'VALIDATION_FAILED', 'NOT_FOUND']);

/** A translated sentence for any error a call can throw, plus the core's detail when it helps. */
export function describeError(t: TFunction, e: unknown): { message: string; detail: string | null } {
  if (e instanceof ApiError && e.code === 'ROLE_FORBIDDEN') return { message: roleForbidden(), detail: null };
  if (e instanceof ApiError) {
    return { message: t(`errors.${e.code}`), detail: DETAIL_WORTH_SHOWING.has(e.code) ? e.message : null };
  }
  if (e instanceof HostUnreachableError) return { message: t('errors.HOST_UNREACHABLE'), detail: null };
  return { message: t('errors.INTERNAL'), detail: e instanceof Error ? e.message : String(e) };
}

/** The refusal in words naming this member's role and what it may do (README › Roles). */
function roleForbidden(): string {
  const p = usePermissions.getState().permissions;
  if (!p) return i18next.t('errors.ROLE_FORBIDDEN');
  const role = p.role ? featureT('sync', `roles.${p.role}`) : featureT('sync', 'roles.unconfirmed');
  return featureT('sync', 'roles.forbidden', { role, may: featureT('sync', `roles.may.${p.role ?? 'unconfirmed'}`) });
}

export function issuesOf(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Validation issues (from the shared zod schemas here, or VALIDATION_FAILED from the core) turned
 * into translated messages keyed by form field. The schema's English message is used only when no
 * translation exists for that path. `fieldOf` maps an API path to the form field showing it
 * (e.g. receivedAt → receivedDate); issues for fields the form does not show end up in `other`.
 */
export function fieldErrorsFromIssues(
  issues: readonly Issue[],
  fieldOf: (path: string) => string | null = (p) => p,
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const key = `fieldErrors.${issue.path}`;
    const text = issue.path && i18next.exists(key) ? i18next.t(key as never) : issue.message;
    const field = issue.path ? fieldOf(issue.path) : null;
    if (field && !(field in fields)) fields[field] = text;
    else if (!field) other.push(text);
  }
  return { fields, other };
}

/**
 * Where a failed save's error goes on a form: the core's VALIDATION_FAILED issues under the fields
 * `fieldOf` maps them to (`setFieldErrors`); what is left (issues of fields the form does not show,
 * or any other error) is returned for the notice above the buttons, or null when nothing is left.
 */
export function placeRefusal(e: unknown, fieldOf: (path: string) => string | null, setFieldErrors: (fields: Record<string, string>) => void): unknown {
  if (!(e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues)) return e;
  const { fields, other } = fieldErrorsFromIssues(e.issues, fieldOf);
  setFieldErrors(fields);
  return other.length > 0 ? e : null;
}
