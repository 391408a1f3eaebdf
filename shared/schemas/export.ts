import { z } from 'zod';
import { IsoInstant, RecordId } from './common';
import { ProvenanceRedaction, RedactionProfileId } from './redaction';
import { BilingualText, TimelineFilter } from './timeline';

export const ExportLang = z.enum(['en', 'fr']);
export type ExportLang = z.infer<typeof ExportLang>;

/* ------------------------------------------------------------------------------------------ */
/* Long work: a client-chosen job id, progress events, cancellation                            */
/* ------------------------------------------------------------------------------------------ */

/** Chosen by the caller before it starts a long method, so it can follow and cancel it. */
export const JobId = z.string().trim().min(1).max(100);
export const JobPhase = z.enum(['reading', 'parsing', 'validating', 'rendering', 'writing', 'done', 'cancelled', 'failed']);
export type JobPhase = z.infer<typeof JobPhase>;
/** Event 'job.progress': emitted between chunks of a long export or import. */
export const JobProgress = z.object({ jobId: JobId, done: z.number().int().nonnegative(), total: z.number().int().nonnegative(), phase: JobPhase });
export type JobProgress = z.infer<typeof JobProgress>;
export const JobCancel = z.object({ jobId: JobId });
/** found: false when the job had already finished (or never existed). */
export const JobCancelResult = z.object({ ok: z.literal(true), found: z.boolean() });

/* ------------------------------------------------------------------------------------------ */
/* Files and provenance                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** A file for the renderer to save (Electron: a save dialog; web host: a download). */
export const FileOut = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type FileOut = z.infer<typeof FileOut>;

/**
 * Where an export comes from: which app, who, when, and the audit chain's head at that moment.
 * If audit.verify() later reports the same head hash, the register has not changed since.
 */
export const Provenance = z.object({
  app: z.string(),
  appVersion: z.string(),
  organisation: z.string(),
  exportedAt: IsoInstant,
  exportedBy: z.string(),
  deviceId: z.string(),
  auditHeadHash: z.string(),
  auditEntries: z.number().int(),
  timeZone: z.string(),
  /** The redaction profile the export was made with (register and timeline exports, evidence bundles; absent: nothing redacted). */
  redaction: ProvenanceRedaction.optional(),
  /** Breach exercises in the export's scope that were left out of it (the breach register, a period's bundle). */
  drillsLeftOut: z.number().int().nonnegative().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const ExportResult = z.object({ file: FileOut, provenance: Provenance, rows: z.number().int() });
export type ExportResult = z.infer<typeof ExportResult>;

/* ------------------------------------------------------------------------------------------ */
/* Incident timeline exports                                                                   */
/* ------------------------------------------------------------------------------------------ */

export const TimelineExportFormat = z.enum(['pdf', 'csv', 'json', 'md']);
export const TimelineExportInput = z.object({
  incidentId: RecordId,
  format: TimelineExportFormat,
  lang: ExportLang.default('en'),
  /** Optional: only some events in the table (the first page always shows every clock). */
  filter: TimelineFilter.optional(),
  /** The redaction profile, as for the register exports: `full` (the default), `management`, or a custom one. */
  profile: RedactionProfileId.default('full'),
  jobId: JobId.optional(),
});
export type TimelineExportInput = z.input<typeof TimelineExportInput>;

/* ------------------------------------------------------------------------------------------ */
/* Registers for a regulator                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** The registers exports write and imports read (each one's declaration: shared/registers, registerNamed). */
export const RegisterName = z.enum(['incidents', 'complaints', 'letters', 'actions', 'contracts']);
export type RegisterName = z.infer<typeof RegisterName>;
export const RegisterExportFormat = z.enum(['pdf', 'csv', 'xlsx']);
export type RegisterExportFormat = z.infer<typeof RegisterExportFormat>;

/**
 * Period: on each register's main date (incidents: awareness; complaints: receipt; letters: date
 * received or sent; actions: due date; client contracts: the day the DPA was signed). Status: the
 * register's own status codes.
 */
export const RegisterExportInput = z.object({
  register: RegisterName,
  format: RegisterExportFormat,
  lang: ExportLang.default('en'),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  status: z.array(z.string().max(50)).optional(),
  includeArchived: z.boolean().default(false),
  /** The redaction profile (shared/redaction): `full` for the regulator, `management`, or a custom one. */
  profile: RedactionProfileId.default('full'),
  jobId: JobId.optional(),
});
export type RegisterExportInput = z.input<typeof RegisterExportInput>;

/* ------------------------------------------------------------------------------------------ */
/* Notification draft (sections of the CNIL online breach notification)                        */
/* ------------------------------------------------------------------------------------------ */

export const NotificationDraftInput = z.object({
  incidentId: RecordId,
  /** DPO name and contact details as they should appear (the profile has no DPO contact). */
  dpoContact: z.string().trim().max(1_000).optional(),
  /** Which notification this draft is for; default: initial if none sent yet, else complementary. */
  phase: z.enum(['initial', 'complementary']).optional(),
});
export type NotificationDraftInput = z.input<typeof NotificationDraftInput>;

export const DraftSection = z.object({ id: z.string(), title: z.string(), body: z.string() });
export const NotificationDraftText = z.object({
  sections: z.array(DraftSection),
  markdown: z.string(),
  text: z.string(),
  file: FileOut,
});
export const NotificationDraft = z.object({
  incidentId: RecordId,
  reference: z.string(),
  phase: z.enum(['initial', 'complementary']),
  /** The recorded decision: yes, pending (a warning says so). */
  decision: z.enum(['pending', 'yes', 'no']),
  warnings: z.array(BilingualText),
  en: NotificationDraftText,
  fr: NotificationDraftText,
  provenance: Provenance,
});
export type NotificationDraft = z.infer<typeof NotificationDraft>;
