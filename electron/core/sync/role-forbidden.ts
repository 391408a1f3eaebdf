import { ApiError } from '@shared/api/contract';
import type { MemberPermissions, MemberRole } from '@shared/schemas/sync';

/** What each role may do, in the words of the API's (English) messages; the UI says it in FR/EN. */
const MAY: Record<MemberRole, string> = {
  administrator: 'may change everything and manage the members',
  dpo: 'may change everything',
  editor: 'may change the registers (complaints, letters, matters, incidents, actions, contracts), not the workspace’s settings',
  security_lead: 'may change incidents (their clients, filings, obligations and timeline), remediation actions and letters',
  reader: 'may read the registers and export them with a redaction profile',
  auditor: 'may read the registers, verify the audit log and export it',
};

const NAME: Record<MemberRole, string> = {
  administrator: 'administrator',
  dpo: 'DPO',
  editor: 'editor',
  security_lead: 'security lead',
  reader: 'reader',
  auditor: 'auditor',
};

/**
 * Verifying an action this member marked done, or confirming a decision not to notify this
 * member recorded, in a workspace that separates duties.
 */
export function dutiesSeparated(recordType: string): ApiError {
  if (recordType === 'obligation') {
    return new ApiError(
      'DUTIES_SEPARATED',
      'This workspace separates duties: the decision not to notify was recorded by this member, so another member must confirm it. Nothing was changed.',
    );
  }
  return new ApiError(
    'DUTIES_SEPARATED',
    'This workspace separates duties: this action was marked done by this member, so another member must verify it. Nothing was changed.',
  );
}

/** The refusal of a local change the member's role does not allow (README › Roles). */
export function roleForbidden(p: MemberPermissions, recordType: string): ApiError {
  if (!p.role) {
    return new ApiError(
      'ROLE_FORBIDDEN',
      `This machine’s membership of the workspace is not confirmed (its signed membership has not reached it yet, or it was removed): it may change nothing in the registers (${recordType}) until it is. Sync, or ask an administrator. Nothing was changed.`,
    );
  }
  return new ApiError(
    'ROLE_FORBIDDEN',
    `This member’s role in the workspace is ${NAME[p.role]}: a ${NAME[p.role]} ${MAY[p.role]}, not records of this kind (${recordType}). Nothing was changed.`,
  );
}
