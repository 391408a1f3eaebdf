import type { Migration } from './types';
import { baseMigration } from './001-base';
import { registersMigration } from './002-registers';
import { remindersMigration } from './003-reminders';
import { timelineImportsMigration } from './004-timeline-imports';
import { syncMigration } from './005-sync';
import { indexMigration } from './006-indexes';
import { searchMigration } from './007-search';
import { listsMigration } from './008-lists';
import { obligationsMigration } from './009-obligations';
import { letterPeriodsMigration } from './010-letter-periods';
import { contractsMigration } from './011-contracts';
import { contractClientsMigration } from './012-contract-clients';
import { workspaceMembersMigration } from './013-workspace-members';
import { quarantineMigration } from './014-quarantine';
import { redactionProfilesMigration } from './015-redaction-profiles';
import { letterTemplatesMigration } from './016-letter-templates';
import { incidentDrillsMigration } from './017-incident-drills';
import { obligationConfirmationsMigration } from './018-obligation-confirmations';
import { syncedLettersMigration } from './019-synced-letters';
import { auditAuthorsMigration } from './020-audit-authors';

/** Every schema step, in version order (README › Adding a migration). */
export const steps: readonly Migration[] = [
  baseMigration,
  registersMigration,
  remindersMigration,
  timelineImportsMigration,
  syncMigration,
  indexMigration,
  searchMigration,
  listsMigration,
  obligationsMigration,
  letterPeriodsMigration,
  contractsMigration,
  contractClientsMigration,
  workspaceMembersMigration,
  quarantineMigration,
  redactionProfilesMigration,
  letterTemplatesMigration,
  incidentDrillsMigration,
  obligationConfirmationsMigration,
  syncedLettersMigration,
  auditAuthorsMigration,
];
