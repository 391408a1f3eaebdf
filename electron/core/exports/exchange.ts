import type { ArchiveInput } from '@shared/schemas/common';
import {
  NotificationDraftInput,
  RegisterExportInput,
  TimelineExportInput,
  type ExportResult,
  type NotificationDraft,
} from '@shared/schemas/export';
import { ImportCommitInput, ImportPreviewInput, type ImportCommitResult, type ImportPreview, type ImportRegister } from '@shared/schemas/import';
import type { TimelineEntryCreate, TimelineEntryUpdate, TimelineQuery, Timeline } from '@shared/schemas/timeline';
import type { RegisterContext } from '../registers/context';
import type { AnyRegister } from '../sync/apply';
import { Jobs } from '../jobs/jobs';
import { provenanceOf, safeName, type ExchangeContext, type ExchangeDeps } from './context';
import { TimelineEntries } from '../timeline/entries';
import { applyFilter, buildTimeline, incidentSurroundings } from '../timeline/timeline';
import { timelineCsv, timelineJson, timelineMarkdown, timelinePdf, type TimelineDoc } from './timeline-export';
import { exportRegister } from './register-export';
import { notificationDraft } from './notification-draft';
import { commitImport, importFields, previewImport } from '../imports/importer';
import { BundleExportInput, BundleVerifyInput, type BundleResult, type BundleVerifyResult, type SigningKey } from '@shared/schemas/bundle';
import type { Lang } from '@shared/schemas/common';
import type { Job } from '../jobs/jobs';
import { DeviceKey } from '../keys/device-key';
import { buildBundle } from './evidence-bundle';
import { exportRedactorFor, RedactionProfiles } from './redaction';
import { verifyBundle } from './bundle-verify';

const MIME = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8', json: 'application/json', md: 'text/markdown; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * Timelines, exports, imports and the jobs they run as: the services behind the timeline.*,
 * exports.*, imports.* and jobs.* API methods. One per open register.
 */
export class Exchange implements ExchangeContext {
  readonly jobs: Jobs;
  readonly entries: TimelineEntries;
  /** The profile's Ed25519 key that signs evidence bundles (kept inside the encrypted register). */
  readonly key: DeviceKey;
  /** The redaction profiles the exports take (built-in and the organisation's own). */
  readonly profiles: RedactionProfiles;

  constructor(readonly d: ExchangeDeps) {
    this.profiles = new RedactionProfiles(d.ctx);
    this.jobs = new Jobs(d.emitProgress);
    this.entries = new TimelineEntries(d.ctx);
    this.key = new DeviceKey(d.ctx.db, () => d.ctx.clock.now());
  }

  provenance() {
    return provenanceOf(this.d);
  }

  /* ----------------------------------------------------------------- timeline */

  timeline(q: TimelineQuery): Timeline {
    return buildTimeline({ ctx: this.d.ctx, registers: this.d.registers, entries: this.entries }, q);
  }

  addEntry(input: TimelineEntryCreate) {
    return this.entries.create(input);
  }

  updateEntry(input: TimelineEntryUpdate) {
    return this.entries.update(input);
  }

  archiveEntry(input: ArchiveInput) {
    return this.entries.archive(input);
  }

  entriesOf(incidentId: string, includeArchived = false) {
    return this.entries.byIncident(incidentId, includeArchived);
  }

  /**
   * Everything the timeline exports show, read at one moment with its provenance, through the
   * export's redaction profile: the records and the timeline built from them are redacted before
   * any format renders them, and the provenance names the profile.
   */
  private timelineDoc(incidentId: string, filter: TimelineExportInput['filter'], profile: string, lang: Lang): TimelineDoc {
    const r = this.d.registers;
    const { redactor, redaction } = exportRedactorFor(this, profile, lang);
    const deps = { ctx: this.d.ctx, registers: r, entries: this.entries, redactor };
    const detail = r.incidents.detail(incidentId);
    const whole = buildTimeline(deps, { incidentId });
    const timeline = filter ? { ...whole, events: applyFilter(whole.events, filter) } : whole;
    const around = incidentSurroundings(deps, incidentId);
    return {
      incident: redactor.record('incidents', detail.incident),
      notifications: detail.notifications.map((n) => redactor.part('incidents', 'notifications', n)),
      clients: detail.clients.map((c) => redactor.part('incidents', 'clients', c)),
      timeline,
      actions: around.actions,
      provenance: { ...this.provenance(), redaction },
    };
  }

  async exportTimeline(input: TimelineExportInput): Promise<ExportResult> {
    const q = TimelineExportInput.parse(input);
    return this.jobs.run(q.jobId, async (job) => {
      await job.start('reading', 1);
      // Read in one synchronous step: the data and the audit head it is stamped with match.
      const doc = this.timelineDoc(q.incidentId, q.filter, q.profile, q.lang);
      const base = `${safeName(doc.incident.reference)}-timeline-${q.lang}`;
      let bytes: Buffer;
      if (q.format === 'pdf') bytes = await timelinePdf(doc, q.lang, job);
      else if (q.format === 'csv') bytes = await timelineCsv(doc, q.lang, job);
      else if (q.format === 'md') bytes = await timelineMarkdown(doc, q.lang, job);
      else bytes = timelineJson(doc);
      job.check();
      return {
        file: { fileName: `${base}.${q.format}`, mimeType: MIME[q.format], contentBase64: bytes.toString('base64') },
        provenance: doc.provenance,
        rows: doc.timeline.events.length,
      };
    });
  }

  /* ----------------------------------------------------------------- evidence bundle */

  async exportBundle(input: BundleExportInput): Promise<BundleResult> {
    const q = BundleExportInput.parse(input);
    return this.jobs.run(q.jobId, async (job) => {
      const deps = { key: this.key, entries: this.entries, timelineFiles: (id: string, lang: Lang, j: Job) => this.timelineFiles(id, lang, j, q.profile) };
      const out = await buildBundle(this, deps, q.scope, q.lang, q.profile, job);
      return {
        file: { fileName: out.fileName, mimeType: 'application/zip', contentBase64: out.bytes.toString('base64') },
        provenance: out.provenance,
        files: out.manifest.files.length,
        auditEntries: out.manifest.audit.entries.length,
        fingerprint: out.manifest.signer.fingerprint,
      };
    });
  }

  /** An incident's timeline as the timeline exports make it (with the bundle's profile), for a bundle: PDF and JSON. */
  private async timelineFiles(incidentId: string, lang: Lang, job: Job, profile: string): Promise<{ name: string; bytes: Buffer }[]> {
    const doc = this.timelineDoc(incidentId, undefined, profile, lang);
    const base = `${safeName(doc.incident.reference)}-timeline-${lang}`;
    return [
      { name: `${base}.pdf`, bytes: await timelinePdf(doc, lang, job) },
      { name: `${base}.json`, bytes: timelineJson(doc) },
    ];
  }

  verifyBundle(input: BundleVerifyInput): BundleVerifyResult {
    const q = BundleVerifyInput.parse(input);
    return verifyBundle(Buffer.from(q.contentBase64, 'base64'), { thisDevice: this.key.info().fingerprint });
  }

  signingKey(): SigningKey {
    return this.key.info();
  }

  /* ----------------------------------------------------------------- registers */

  async exportRegister(input: RegisterExportInput): Promise<ExportResult> {
    const q = RegisterExportInput.parse(input);
    return this.jobs.run(q.jobId, async (job) => {
      const out = await exportRegister(this, q, job);
      return { file: { fileName: out.fileName, mimeType: MIME[q.format], contentBase64: out.bytes.toString('base64') }, provenance: out.provenance, rows: out.rows };
    });
  }

  notificationDraft(input: NotificationDraftInput): NotificationDraft {
    const q = NotificationDraftInput.parse(input);
    return notificationDraft(this, q);
  }

  /* ----------------------------------------------------------------- imports */

  importFields(register: ImportRegister) {
    return importFields(register);
  }

  async previewImport(input: ImportPreviewInput): Promise<ImportPreview> {
    const q = ImportPreviewInput.parse(input);
    return this.jobs.run(q.jobId, (job) => previewImport(this, q, job));
  }

  async commitImport(input: ImportCommitInput): Promise<ImportCommitResult> {
    const q = ImportCommitInput.parse(input);
    return this.jobs.run(q.jobId, (job) => commitImport(this, q, job));
  }

  cancelJob(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }
}

const perRegister = new WeakMap<RegisterContext, Exchange>();

/**
 * The Exchange of an open register (one per session, created on first use). Its timeline entries
 * join the registers sync applies operations to.
 */
export function exchangeFor(ctx: RegisterContext, deps: () => Omit<ExchangeDeps, 'ctx'>, byType?: Map<string, AnyRegister>): Exchange {
  let x = perRegister.get(ctx);
  if (!x) {
    x = new Exchange({ ctx, ...deps() });
    perRegister.set(ctx, x);
    byType?.set(x.entries.recordType, x.entries as AnyRegister);
  }
  return x;
}
