import { z } from 'zod';
import { ArchiveInput, Empty, IdInput, Ok } from '../schemas/common';
import {
  AppStatus,
  ChangePassphraseInput,
  Profile,
  ProfileUpdate,
  SetupInput,
  SetupResult,
  SuggestedPassphrase,
  SuggestPassphraseInput,
  UnlockInput,
} from '../schemas/profile';
import {
  Complaint,
  ComplaintCreate,
  ComplaintListQuery,
  ComplaintListResult,
  ComplaintSetStatus,
  ComplaintUpdate,
} from '../schemas/complaint';
import { AuditVerifyResult, HistoryInput, HistoryResult } from '../schemas/audit';
import { Letter, LetterCreate, LetterListQuery, LetterListResult, LetterUpdate } from '../schemas/letter';
import { Matter, MatterCreate, MatterDetail, MatterListQuery, MatterListResult, MatterSetStatus, MatterUpdate } from '../schemas/matter';
import {
  AffectedClient,
  AffectedClientAdd,
  AffectedClientUpdate,
  Incident,
  IncidentCreate,
  IncidentDetail,
  IncidentListQuery,
  IncidentListResult,
  IncidentSetStatus,
  IncidentUpdate,
  Notification,
  NotificationCreate,
  NotificationUpdate,
  FilingCheck,
  FilingCheckInput,
} from '../schemas/incident';
import { ObligationAdd, ObligationConfirm, ObligationDecide, ObligationRecord, ObligationsOf, ObligationsResult, PreparedText, PrepareText } from '../schemas/obligation';
import { Action, ActionCreate, ActionListQuery, ActionListResult, ActionSetStatus, ActionUpdate } from '../schemas/action';
import { Contract, ContractCreate, ContractListQuery, ContractListResult, ContractUpdate, ContractUses } from '../schemas/contract';
import { LinkCreate, LinkRemove, LinkView, LinksOf, LinksResult } from '../schemas/link';
import { Attachment, AttachmentAdd, AttachmentContent, AttachmentsOf, AttachmentsResult } from '../schemas/attachment';
import { ConnectInput, Conflict, Invitation, InviteInput, JoinWorkspaceInput, Member, MemberPermissions, QuarantinedItem, WorkspaceSettings, ResolveConflictInput, SetRoleInput, SyncStatus } from '../schemas/sync';
import { Dashboard, SavedView, SavedViewCreate, SavedViewsResult, SearchQuery, SearchResult } from '../schemas/search';
import { Timeline, TimelineEntriesOf, TimelineEntriesResult, TimelineEntry, TimelineEntryCreate, TimelineEntryUpdate, TimelineQuery } from '../schemas/timeline';
import { ExportResult, JobCancel, JobCancelResult, JobProgress, NotificationDraft, NotificationDraftInput, Provenance, RegisterExportInput, TimelineExportInput } from '../schemas/export';
import { AnnualReport, ReportExportInput, ReportExportResult, ReportInput } from '../schemas/report';
import { BundleExportInput, BundleResult, BundleVerifyInput, BundleVerifyResult, SigningKey } from '../schemas/bundle';
import { RedactionProfile, RedactionProfileCreate, RedactionProfileRef, RedactionProfilesResult, RedactionProfileUpdate } from '../schemas/redaction';
import { ImportCommitInput, ImportCommitResult, ImportFieldsInput, ImportFieldsResult, ImportPreview, ImportPreviewInput } from '../schemas/import';
import {
  Alert,
  AlertListQuery,
  AlertListResult,
  ClockBadge,
  ClockListQuery,
  ClockListResult,
  Clock,
  ClocksIcs,
  ClocksIcsInput,
  ClocksOfRecord,
  CustomRuleInput,
  ReminderSettings,
  RuleIdInput,
  RuleInfo,
  RuleListResult,
  SetClockInput,
  SetClockResult,
} from '../schemas/clock';
import { CoreState, Preferences, PreferencesUpdate } from '../schemas/core';
import { LetterTemplate, TemplateRef, TemplateSave, TemplatesResult, TemplateVersionsResult } from '../schemas/templates';
import { ComposeDraft, ComposeDraftInput, ComposedOf, ComposedResult, ComposeGenerateInput, ComposeGenerateResult } from '../schemas/compose';
import { RecordRef } from '../schemas/record-types';

const FilingCheckRequest = FilingCheckInput.extend({ recipient: NotificationCreate.shape.recipient });

/**
 * The one API contract between the UI and the core. Both transports (Electron IPC and the
 * loopback web host) carry exactly these methods; the core validates every input and output
 * against these schemas at the boundary.
 */
const coreMethods = {
  'app.status': { input: Empty, output: AppStatus, summary: 'Where the register is: needs setup, locked or unlocked.' },
  'app.suggestPassphrase': { input: SuggestPassphraseInput, output: SuggestedPassphrase, summary: 'A strong random recovery passphrase (not stored).' },
  'app.setup': { input: SetupInput, output: SetupResult, summary: 'First run: create the encrypted register, its key and the recovery passphrase.' },
  'app.unlock': { input: UnlockInput, output: AppStatus, summary: 'Open the register with the recovery passphrase (when the keychain cannot).' },
  'app.retryKeychain': { input: Empty, output: AppStatus, summary: 'Try the OS keychain again to unlock.' },
  'app.lock': { input: Empty, output: AppStatus, summary: 'Close the register; the next unlock needs the keychain or the passphrase.' },
  'app.activity': { input: Empty, output: Ok, summary: 'The user is active (the UI reports input now and then): restarts the idle time before the register locks itself.' },
  'preferences.get': { input: Empty, output: Preferences, summary: 'Preferences of this machine (auto-lock delay, close to tray); readable while locked.' },
  'preferences.set': { input: PreferencesUpdate, output: Preferences, summary: 'Change preferences of this machine.' },
  'app.changePassphrase': { input: ChangePassphraseInput, output: Ok, summary: 'Replace the recovery passphrase (the register must be unlocked).' },

  'profile.get': { input: Empty, output: Profile, summary: 'The organisation and the local user.' },
  'profile.update': { input: ProfileUpdate, output: Profile, summary: 'Change organisation settings or the local user name.' },

  'complaints.list': { input: ComplaintListQuery, output: ComplaintListResult, summary: 'Page, sort, filter and full-text search complaints.' },
  'complaints.get': { input: IdInput, output: Complaint, summary: 'One complaint.' },
  'complaints.create': { input: ComplaintCreate, output: Complaint, summary: 'Record a complaint.' },
  'complaints.update': { input: ComplaintUpdate, output: Complaint, summary: 'Edit a complaint.' },
  'complaints.setStatus': { input: ComplaintSetStatus, output: Complaint, summary: 'Move a complaint to another status.' },
  'complaints.archive': { input: ArchiveInput, output: Complaint, summary: 'Withdraw a complaint from the active register, with a reason (never deleted).' },
  'complaints.restore': { input: IdInput, output: Complaint, summary: 'Bring an archived complaint back.' },

  'letters.list': { input: LetterListQuery, output: LetterListResult, summary: 'Page, sort, filter and search regulator correspondence.' },
  'letters.get': { input: IdInput, output: Letter, summary: 'One letter.' },
  'letters.thread': { input: IdInput, output: z.object({ letters: z.array(Letter) }), summary: 'The thread a letter belongs to, oldest first.' },
  'letters.create': { input: LetterCreate, output: Letter, summary: 'Record a letter to or from a regulator.' },
  'letters.update': { input: LetterUpdate, output: Letter, summary: 'Edit a letter.' },
  'letters.archive': { input: ArchiveInput, output: Letter, summary: 'Withdraw a letter, with a reason.' },
  'letters.restore': { input: IdInput, output: Letter, summary: 'Bring an archived letter back.' },

  'matters.list': { input: MatterListQuery, output: MatterListResult, summary: 'Procedures with regulators.' },
  'matters.get': { input: IdInput, output: MatterDetail, summary: 'A matter with its letters (steps) and every deadline the regulator set.' },
  'matters.create': { input: MatterCreate, output: Matter, summary: 'Open a matter.' },
  'matters.update': { input: MatterUpdate, output: Matter, summary: 'Edit a matter.' },
  'matters.setStatus': { input: MatterSetStatus, output: Matter, summary: 'Close or reopen a matter.' },
  'matters.archive': { input: ArchiveInput, output: Matter, summary: 'Withdraw a matter, with a reason.' },
  'matters.restore': { input: IdInput, output: Matter, summary: 'Bring an archived matter back.' },

  'incidents.list': { input: IncidentListQuery, output: IncidentListResult, summary: 'The breach register.' },
  'incidents.get': { input: IdInput, output: IncidentDetail, summary: 'An incident with its notifications and affected clients.' },
  'incidents.create': { input: IncidentCreate, output: Incident, summary: 'Record an incident the moment the organisation becomes aware.' },
  'incidents.update': { input: IncidentUpdate, output: Incident, summary: 'Edit an incident.' },
  'incidents.setStatus': { input: IncidentSetStatus, output: Incident, summary: 'Contain, close or reopen an incident.' },
  'incidents.archive': { input: ArchiveInput, output: Incident, summary: 'Withdraw an incident, with a reason.' },
  'incidents.restore': { input: IdInput, output: Incident, summary: 'Bring an archived incident back.' },
  'incidents.addNotification': {
    input: NotificationCreate,
    output: Notification,
    summary: 'Record a filing (what was sent to the authority, data subjects, a client or a CSIRT, with its files): checked, referenced (NOT-…), judged on time or late, frozen.',
  },
  'incidents.updateNotification': { input: NotificationUpdate, output: Notification, summary: 'Add to a filing what can still be added: the recipient’s reference, its acknowledgement, the outcome.' },
  'incidents.archiveNotification': { input: ArchiveInput, output: Notification, summary: 'Refused: a filing is evidence and is never withdrawn (kept so older scripts get a clear error).' },
  'filings.check': { input: FilingCheckRequest, output: FilingCheck, summary: 'The pre-filing check: what a filing would lack (Art. 33(3), CNIL form) and whether it would be late.' },
  'obligations.of': { input: ObligationsOf, output: ObligationsResult, summary: 'An incident’s notification obligations: regime, recipient, decision, state, clock, filings.' },
  'obligations.decide': { input: ObligationDecide, output: ObligationRecord, summary: 'Decide an obligation: required, or not required with the written reasons.' },
  'obligations.add': { input: ObligationAdd, output: ObligationRecord, summary: 'Add an obligation the rules did not propose.' },
  'obligations.confirm': {
    input: ObligationConfirm,
    output: ObligationRecord,
    summary: 'Confirm another member’s decision not to notify (a workspace that separates duties: until then its clock runs).',
  },
  'obligations.prepareText': {
    input: PrepareText,
    output: PreparedText,
    summary: 'The text a filing starts from, from the incident’s facts: the CNIL draft for the authority, the processor’s notice for a client (in its language), a notice for the people or the CSIRT.',
  },
  'incidents.addClient': { input: AffectedClientAdd, output: AffectedClient, summary: 'Add an affected client controller (we are the processor); with a contractId, its name, contacts, notice hours and language come from that client contract unless given.' },
  'incidents.updateClient': { input: AffectedClientUpdate, output: AffectedClient, summary: 'Record when a client was notified, acknowledged, notified its authority.' },
  'incidents.archiveClient': { input: ArchiveInput, output: AffectedClient, summary: 'Withdraw an affected client, with a reason.' },

  'actions.list': { input: ActionListQuery, output: ActionListResult, summary: 'Remediation actions.' },
  'actions.get': { input: IdInput, output: Action, summary: 'One action.' },
  'actions.create': { input: ActionCreate, output: Action, summary: 'Plan a remediation action.' },
  'actions.update': { input: ActionUpdate, output: Action, summary: 'Edit an action.' },
  'actions.setStatus': { input: ActionSetStatus, output: Action, summary: 'Start, finish, verify or cancel an action.' },
  'actions.duties': {
    input: IdInput,
    output: z.object({ separated: z.boolean(), doneHere: z.boolean() }),
    summary: 'Whether the workspace separates duties and this machine’s member marked this action done (then another member must verify it).',
  },
  'actions.archive': { input: ArchiveInput, output: Action, summary: 'Withdraw an action, with a reason.' },
  'actions.restore': { input: IdInput, output: Action, summary: 'Bring an archived action back.' },

  'contracts.list': { input: ContractListQuery, output: ContractListResult, summary: 'Client contracts (we are the processor): page, sort, filter and search.' },
  'contracts.get': { input: IdInput, output: Contract, summary: 'One client contract.' },
  'contracts.create': { input: ContractCreate, output: Contract, summary: 'Record a client controller and the notice terms of its agreement (hours, language, channel, contacts).' },
  'contracts.update': { input: ContractUpdate, output: Contract, summary: 'Edit a client contract (end it with status ended).' },
  'contracts.uses': { input: IdInput, output: ContractUses, summary: 'The incidents whose affected client was picked from this contract, newest first, each with that client’s clock.' },
  'contracts.archive': { input: ArchiveInput, output: Contract, summary: 'Withdraw a client contract, with a reason.' },
  'contracts.restore': { input: IdInput, output: Contract, summary: 'Bring an archived client contract back.' },

  'links.create': { input: LinkCreate, output: LinkView, summary: 'Link two records.' },
  'links.remove': { input: LinkRemove, output: Ok, summary: 'Remove a link, with a reason (kept in the history).' },
  'links.of': { input: LinksOf, output: LinksResult, summary: 'The links of a record, from its side.' },

  'attachments.add': { input: AttachmentAdd, output: Attachment, summary: 'Attach a file (stored encrypted; PDF and text are searchable).' },
  'attachments.list': { input: AttachmentsOf, output: AttachmentsResult, summary: 'The attachments of a record.' },
  'attachments.get': { input: IdInput, output: AttachmentContent, summary: "An attachment's bytes, checked against its digest." },
  'attachments.archive': { input: ArchiveInput, output: Attachment, summary: 'Withdraw an attachment, with a reason.' },

  'search.query': { input: SearchQuery, output: SearchResult, summary: 'One full-text search across every register, with filters.' },
  'views.list': { input: Empty, output: SavedViewsResult, summary: 'Saved searches.' },
  'views.create': { input: SavedViewCreate, output: SavedView, summary: 'Save a search under a name.' },
  'views.remove': { input: IdInput, output: Ok, summary: 'Forget a saved search.' },
  'dashboard.get': { input: Empty, output: Dashboard, summary: 'Open, due soon and overdue, per register.' },

  'timeline.get': { input: TimelineQuery, output: Timeline, summary: "An incident's timeline (what happened, when, who, from which record) and its clocks; filter by kind, category, source, origin, period." },
  'timeline.entries': { input: TimelineEntriesOf, output: TimelineEntriesResult, summary: 'The entries the user added to an incident timeline.' },
  'timeline.addEntry': { input: TimelineEntryCreate, output: TimelineEntry, summary: 'Add a call, meeting, decision or note to an incident timeline, at the time it happened.' },
  'timeline.updateEntry': { input: TimelineEntryUpdate, output: TimelineEntry, summary: 'Correct a timeline entry.' },
  'timeline.archiveEntry': { input: ArchiveInput, output: TimelineEntry, summary: 'Withdraw a timeline entry, with a reason.' },
  'exports.timeline': { input: TimelineExportInput, output: ExportResult, summary: 'An incident timeline as PDF (for management), CSV, JSON or Markdown, with provenance. Long: takes a jobId.' },
  'exports.register': { input: RegisterExportInput, output: ExportResult, summary: 'The breach register or another register as PDF, CSV or XLSX, filtered by period and status, with provenance. Long: takes a jobId.' },
  'exports.notificationDraft': { input: NotificationDraftInput, output: NotificationDraft, summary: 'A draft breach notification in the sections of the CNIL online form, in French and English.' },
  'exports.provenance': { input: Empty, output: Provenance, summary: 'What an export made now would carry: app version, who, when, audit-chain head.' },
  'exports.bundle': {
    input: BundleExportInput,
    output: BundleResult,
    summary:
      'An evidence bundle for an incident, a regulator matter or a period: one ZIP with the records as PDF and JSON, their attachments, the timeline, the audit entries that concern them with the chain hashes around them, and a manifest of every file’s SHA-256 signed with this device’s Ed25519 key. Long: takes a jobId.',
  },
  'exports.verifyBundle': { input: BundleVerifyInput, output: BundleVerifyResult, summary: 'Check an evidence bundle: its signature, every file against the manifest, the audit entries against their hashes and neighbours; names the first that does not match, and whether this device signed it.' },
  'reports.annual': {
    input: ReportInput,
    output: AnnualReport,
    summary:
      'The DPO’s annual report figures for a period [from, to) (default: this calendar year): per register, counts by type, right, channel, regulator and outcome; on-time rates, median and 90th-percentile times and late items with their reasons for every kind of deadline; forwarded complaints; regulator procedures and their steps; open actions by age; month by month.',
  },
  'exports.report': {
    input: ReportExportInput,
    output: ReportExportResult,
    summary: 'The annual report as a PDF with charts or an XLSX appendix (one sheet per table), in French or English, through a redaction profile; the provenance states the period and the profile. Long: takes a jobId.',
  },
  'exports.signingKey': { input: Empty, output: SigningKey, summary: 'This device’s Ed25519 signing key for evidence bundles (public half and fingerprint; made on first use, the private half stays inside the encrypted register).' },
  'imports.fields': { input: ImportFieldsInput, output: ImportFieldsResult, summary: 'The columns a register can import (for the mapping step).' },
  'imports.preview': { input: ImportPreviewInput, output: ImportPreview, summary: 'Read a CSV or XLSX file, suggest or apply a column mapping, check every row; writes nothing. Long: takes a jobId.' },
  'imports.commit': { input: ImportCommitInput, output: ImportCommitResult, summary: 'Import the file in one transaction (all or nothing), skipping rows already imported. Long: takes a jobId.' },
  'jobs.cancel': { input: JobCancel, output: JobCancelResult, summary: 'Cancel a running export or import by its jobId; the register stays as it was.' },

  'sync.status': { input: Empty, output: SyncStatus, summary: 'Connected, syncing, offline since when, last synced, changes waiting to go up.' },
  'sync.createWorkspace': { input: ConnectInput, output: SyncStatus, summary: 'Connect to the shared backend and create a workspace (first member).' },
  'sync.readInvitation': { input: z.object({ invitation: z.string() }), output: z.object({ workspaceId: z.string(), connection: z.unknown() }), summary: 'Where an invitation points (to fill in the connection).' },
  'sync.join': { input: JoinWorkspaceInput, output: SyncStatus, summary: 'Join a workspace with an invitation and the code sent separately.' },
  'sync.invite': { input: InviteInput, output: Invitation, summary: 'A new invitation carrying the role chosen for the invitee (administrators only), and its code to send by another channel.' },
  'sync.permissions': {
    input: Empty,
    output: MemberPermissions,
    summary: 'What this machine’s member may change: its role in the workspace and the record types it may write (every right on a register that syncs with nobody); the core refuses the rest with ROLE_FORBIDDEN.',
  },
  'sync.workspaceSettings': { input: Empty, output: WorkspaceSettings, summary: 'Settings of the whole workspace, as this machine has them: separation of duties (who marks an action done may not verify it).' },
  'sync.setWorkspaceSettings': {
    input: WorkspaceSettings,
    output: WorkspaceSettings,
    summary: 'Change the workspace’s settings (administrator or DPO); the change travels in the operation log and every machine follows it from its position there.',
  },
  'sync.members': { input: Empty, output: z.object({ members: z.array(Member) }), summary: 'Members of the workspace.' },
  'sync.removeMember': { input: z.object({ memberId: z.string() }), output: Ok, summary: 'Remove a member (administrators only); new changes use a new key.' },
  'sync.setRole': { input: SetRoleInput, output: Ok, summary: 'Change a member’s role (administrators only): a statement signed with this member’s key, synced to every machine.' },
  'sync.quarantine': {
    input: Empty,
    output: z.object({ items: z.array(QuarantinedItem) }),
    summary: 'What this machine refused from the workspace’s log and why (a signature that does not verify, an author not a member at that point, a role that does not allow it): never applied, the audit chain unaffected.',
  },
  'sync.now': { input: Empty, output: SyncStatus, summary: 'Sync now.' },
  'sync.disconnect': { input: Empty, output: SyncStatus, summary: 'Stop syncing on this machine (the local register stays).' },
  'conflicts.list': { input: z.object({ includeResolved: z.boolean().default(false) }), output: z.object({ conflicts: z.array(Conflict) }), summary: 'Values that lost to a concurrent change.' },
  'conflicts.resolve': { input: ResolveConflictInput, output: Ok, summary: 'Keep the current value or take the one that lost.' },

  'clocks.list': { input: ClockListQuery, output: ClockListResult, summary: 'The clocks board: running and overdue deadlines across registers, most urgent first.' },
  'clocks.ofRecord': { input: ClocksOfRecord, output: z.object({ clocks: z.array(Clock) }), summary: 'Every clock of one record (a matter: its letters), whatever its state.' },
  'clocks.ics': { input: ClocksIcsInput, output: ClocksIcs, summary: 'All open deadlines as an iCalendar (.ics) file, with reminders as alarms.' },
  'reminders.settings.get': { input: Empty, output: ReminderSettings, summary: 'Reminder thresholds, in hours before a deadline (0 = at expiry).' },
  'reminders.settings.set': { input: ReminderSettings, output: ReminderSettings, summary: 'Change the reminder thresholds.' },
  'alerts.list': { input: AlertListQuery, output: AlertListResult, summary: 'Recent reminders, newest first (missed = fell due while the app was closed).' },
  'alerts.acknowledge': { input: IdInput, output: Alert, summary: 'Mark a reminder as seen.' },
  'redaction.profiles': { input: Empty, output: RedactionProfilesResult, summary: 'Redaction profiles the exports take: the built-in full and management (read-only), then the custom ones.' },
  'redaction.createProfile': { input: RedactionProfileCreate, output: RedactionProfile, summary: 'Create a custom redaction profile: per register, each field kept, withheld or summarised; names unique.' },
  'redaction.updateProfile': { input: RedactionProfileUpdate, output: RedactionProfile, summary: 'Rename a custom redaction profile or change its rules (built-in profiles are read-only).' },
  'redaction.deleteProfile': { input: RedactionProfileRef, output: Ok, summary: 'Delete a custom redaction profile (nothing stores a reference to one; exports made with it keep its name and rules hash).' },
  'templates.list': { input: Empty, output: TemplatesResult, summary: 'Letter templates (FR and EN), each at its current version: acknowledgement, extension notice, refusal, reply to a regulator, processor’s notice to a client.' },
  'templates.versions': { input: TemplateRef, output: TemplateVersionsResult, summary: 'Every version of a letter template, newest first, down to the built-in version 1.' },
  'templates.save': { input: TemplateSave, output: LetterTemplate, summary: 'Save a letter template as its next version (a field it may not use is refused, nothing stored).' },
  'compose.draft': { input: ComposeDraftInput, output: ComposeDraft, summary: 'A letter merged from a template and its record, to edit before it is generated, with its warnings and what generating it will do to the record’s clock.' },
  'compose.generate': {
    input: ComposeGenerateInput,
    output: ComposeGenerateResult,
    summary: 'Generate the edited letter as PDF and plain text, stored as encrypted attachments of the record; a reply to a regulator is recorded as outbound correspondence; the act the clock waits for is recorded on the record.',
  },
  'compose.of': { input: ComposedOf, output: ComposedResult, summary: 'The letters generated for a record, newest first, with the template version each used.' },
  'rules.list': { input: Empty, output: RuleListResult, summary: 'Deadline rules: built in and the organisation’s own.' },
  'rules.saveCustom': { input: CustomRuleInput, output: RuleInfo, summary: 'Create or replace a custom rule: a period in hours, days, weeks or months from an event.' },
  'rules.removeCustom': { input: RuleIdInput, output: Ok, summary: 'Remove a custom rule.' },
  'app.setClock': {
    input: SetClockInput,
    output: SetClockResult,
    summary: 'Test mode only (host started with --clock): jump the app clock to an instant; reminders are checked at once.',
    testOnly: true,
  },

  'audit.verify': { input: Empty, output: AuditVerifyResult, summary: 'Check the hash chain, its sealed head and (when syncing) the head signed at the last push; reports the first finding.' },
  'audit.history': { input: HistoryInput, output: HistoryResult, summary: "A record's history from the audit log." },
} as const;

/**
 * Methods the host that runs the core answers itself (they work while the core is stopped):
 * the core's state and its restart after a crash.
 */
export const hostMethods = {
  'core.state': { input: Empty, output: CoreState, summary: 'Whether the core (register and services, in its own worker) is starting, running or stopped, and why.' },
  'core.restart': { input: Empty, output: CoreState, summary: 'Start the core again after it stopped; the register then unlocks as at launch.' },
  'core.crash': {
    input: Empty,
    output: Ok,
    summary: 'Test mode only (host started with --clock): kill the core as a crash would, to see the app report it and restart it.',
    testOnly: true,
  },
} as const;

export const methods = { ...coreMethods, ...hostMethods } as const;
export type HostMethodName = keyof typeof hostMethods;
export type CoreMethodName = keyof typeof coreMethods;
export function isHostMethod(name: string): name is HostMethodName {
  return Object.prototype.hasOwnProperty.call(hostMethods, name);
}

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** Events pushed from the core to every connected UI. */
export const events = {
  'app.status': AppStatus,
  'record.changed': z.object({ recordType: z.string(), id: z.string() }),
  'clock.alert': Alert,
  'clocks.badge': ClockBadge,
  'sync.status': SyncStatus,
  /** A long export or import moved on (or ended: phase done, cancelled or failed). */
  'job.progress': JobProgress,
  /** The core started, stopped (crashed) or was restarted: sent by the host that runs it. */
  'core.state': CoreState,
  'preferences.changed': Preferences,
  /** Desktop host only: open this record in the window (a clock chosen in the tray menu). */
  'ui.openRecord': RecordRef,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const EventMessage = z.object({ event: z.string(), payload: z.unknown() });

/** Error codes and the HTTP status each maps to on the web host. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  NEEDS_SETUP: 409,
  ALREADY_SET_UP: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  WRONG_PASSPHRASE: 422,
  WRONG_KEY: 422,
  /** The register's schema is newer than this build knows (written by a later version): refused, nothing written. */
  DATABASE_NEWER: 409,
  LOCKED: 423,
  KEYCHAIN_UNAVAILABLE: 503,
  BACKEND_UNAVAILABLE: 503,
  BACKEND_NOT_POSTGRES: 502,
  BACKEND_AUTH: 401,
  BACKEND_PERMISSION: 403,
  BACKEND_INCOMPATIBLE: 409,
  REVOKED: 403,
  /** This member's workspace role does not allow the operation (README › Roles). */
  ROLE_FORBIDDEN: 403,
  /** The workspace separates duties: who marked an action done may not verify it (README › Roles). */
  DUTIES_SEPARATED: 403,
  /** A long job was cancelled by jobs.cancel; nothing was changed. */
  CANCELLED: 409,
  INTERNAL: 500,
  /** The core stopped (crashed) before answering: the call may not have happened; restart and check. */
  CORE_STOPPED: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The error both transports deliver to the UI. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** What any transport offers: call a method, listen to events. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
