import { z } from 'zod';
import { IsoInstant } from './common';
import { ExportLang, ExportResult, JobId } from './export';
import { RedactionProfileId } from './redaction';

/* ------------------------------------------------------------------------------------------ */
/* The DPO's annual report (issue #10): figures from the registers for a period [from, to)     */
/* ------------------------------------------------------------------------------------------ */

/** Longest period a report covers: its month-by-month series stays readable. */
export const REPORT_MAX_MONTHS = 120;

const periodShape = {
  /** Start of the period (included). Default: 1 January of the current year, in the organisation's time zone. */
  from: IsoInstant.optional(),
  /** End of the period (excluded). Default: one year after `from`, or 1 January of next year. */
  to: IsoInstant.optional(),
};

function periodRefine(p: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (p.from && p.to && Date.parse(p.to) <= Date.parse(p.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end of the period must come after its start' });
  }
  if (p.from && p.to && Date.parse(p.to) - Date.parse(p.from) > REPORT_MAX_MONTHS * 31 * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${REPORT_MAX_MONTHS / 12} years` });
  }
}

export const ReportInput = z
  .object({
    ...periodShape,
    /** The redaction profile the figures' texts (titles, reasons, labels) go through; `full` by default. */
    profile: RedactionProfileId.default('full'),
  })
  .superRefine(periodRefine);
export type ReportInput = z.input<typeof ReportInput>;

export const ReportFormat = z.enum(['pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportExportInput = z
  .object({
    ...periodShape,
    lang: ExportLang.default('en'),
    format: ReportFormat,
    /** As for every export: `full` (the default), `management`, or a custom profile. */
    profile: RedactionProfileId.default('full'),
    jobId: JobId.optional(),
  })
  .superRefine(periodRefine);
export type ReportExportInput = z.input<typeof ReportExportInput>;

/** One bar: a code (an enum value, a regulator id) and how many records have it. */
export const Count = z.object({ key: z.string(), count: z.number().int().nonnegative() });
export type Count = z.infer<typeof Count>;

/**
 * The clocks a report judges, each from the clocks of electron/core/clocks/collect.ts (one state
 * rule, shared/clocks evaluateClock): Art. 12(3) responses, Art. 33 notifications (GDPR and UK
 * GDPR), notices to client controllers (Art. 33(2)), NIS2 reports, regulator deadlines (reply and
 * compliance dates), remediation actions.
 */
export const ClockGroup = z.enum(['response', 'authority', 'client', 'nis2', 'regulator', 'action']);
export type ClockGroup = z.infer<typeof ClockGroup>;

export const LateItem = z.object({
  recordType: z.enum(['complaint', 'incident', 'letter', 'action']),
  reference: z.string(),
  /** The record's title as the profile shows it (a complaint: its complainant label). */
  title: z.string(),
  /** The client controller, for a notice to a client. */
  party: z.string().nullable(),
  due: IsoInstant,
  /** When the act came (null: still not done). */
  metAt: IsoInstant.nullable(),
  state: z.enum(['met_late', 'overdue']),
  /** Hours past the due instant when the act came, or at the report's instant when it has not. */
  hoursLate: z.number(),
  /** The reasons recorded for the delay, as the profile shows them ('' when none were recorded). */
  reasons: z.string(),
  /** Facts the register shows about the delay (a complaint's extension notice sent after the first month). */
  flags: z.array(z.enum(['extension_notice_late'])),
});
export type LateItem = z.infer<typeof LateItem>;

export const ClockFigures = z.object({
  group: ClockGroup,
  /** Clocks whose due instant falls in the period, stopped ones included. */
  total: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  /** Not met and past due at the report's instant. */
  overdue: z.number().int().nonnegative(),
  /** Still running at the report's instant (due later). */
  running: z.number().int().nonnegative(),
  /** No longer running without the act (decided not to notify, closed, cancelled, superseded). */
  stopped: z.number().int().nonnegative(),
  /** onTime / (onTime + late + overdue); null when none was judged. */
  onTimeRate: z.number().min(0).max(1).nullable(),
  /** Hours from the clock's start to the act, over the clocks met (on time or late); null when none. */
  medianHours: z.number().nullable(),
  /** 90th percentile (nearest rank) of the same. */
  p90Hours: z.number().nullable(),
  lateItems: z.array(LateItem),
});
export type ClockFigures = z.infer<typeof ClockFigures>;

export const ForwardedComplaint = z.object({
  reference: z.string(),
  regulator: z.string(),
  regulatorReference: z.string(),
  receivedAt: IsoInstant,
  status: z.string(),
  answeredAt: IsoInstant.nullable(),
  /** The Art. 12(3) response clock's state at the report's instant. */
  clock: z.enum(['running', 'met_on_time', 'met_late', 'overdue', 'stopped']),
});

export const MatterStep = z.object({
  reference: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  kind: z.string(),
  date: IsoInstant,
  subject: z.string(),
});

export const ReportMatter = z.object({
  reference: z.string(),
  title: z.string(),
  regulator: z.string(),
  kind: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: IsoInstant,
  closedAt: IsoInstant.nullable(),
  /** Its letters dated in the period, oldest first. */
  steps: z.array(MatterStep),
  /** All its letters, whatever their date. */
  stepsInAll: z.number().int().nonnegative(),
});
export type ReportMatter = z.infer<typeof ReportMatter>;

/** Age of open remediation actions, in days since they were planned. */
export const AgeBucket = z.enum(['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd366_']);
export type AgeBucket = z.infer<typeof AgeBucket>;

export const OpenAction = z.object({
  reference: z.string(),
  title: z.string(),
  owner: z.string(),
  priority: z.string(),
  createdAt: IsoInstant,
  dueAt: IsoInstant.nullable(),
  ageDays: z.number().int().nonnegative(),
  bucket: AgeBucket,
});

export const MonthFigures = z.object({
  /** YYYY-MM in the organisation's time zone. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  complaints: z.number().int().nonnegative(),
  incidents: z.number().int().nonnegative(),
  letters: z.number().int().nonnegative(),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const AnnualReport = z.object({
  period: z.object({ from: IsoInstant, to: IsoInstant, timeZone: z.string() }),
  /** The instant the figures were read at: clocks are judged then. */
  at: IsoInstant,
  profile: RedactionProfileId,
  complaints: z.object({
    /** Received in the period. */
    total: z.number().int().nonnegative(),
    byChannel: z.array(Count),
    byRight: z.array(Count),
    /** Forwarded by a regulator: by regulator id. */
    byRegulator: z.array(Count),
    /** Where they stand: their status. */
    byOutcome: z.array(Count),
    /** Extended under Art. 12(3) by a notice within the first month. */
    extended: z.number().int().nonnegative(),
  }),
  incidents: z.object({
    /** Awareness in the period. */
    total: z.number().int().nonnegative(),
    byNature: z.array(Count),
    byRole: z.array(Count),
    byRisk: z.array(Count),
    /** To the authority: notified, decided not to notify, not decided yet (or the controllers' to decide). */
    byOutcome: z.array(Count),
    byStatus: z.array(Count),
    /** Affecting special categories of data (Art. 9, 10). */
    specialCategories: z.number().int().nonnegative(),
    /** Breach exercises (drills) aware in the period, left out of every figure; absent when none. */
    drillsLeftOut: z.number().int().nonnegative().optional(),
  }),
  letters: z.object({
    /** Received or sent in the period. */
    total: z.number().int().nonnegative(),
    byDirection: z.array(Count),
    byKind: z.array(Count),
    byRegulator: z.array(Count),
  }),
  matters: z.object({
    /** Procedures open at some time in the period. */
    total: z.number().int().nonnegative(),
    opened: z.number().int().nonnegative(),
    closed: z.number().int().nonnegative(),
    byKind: z.array(Count),
    byRegulator: z.array(Count),
    items: z.array(ReportMatter),
  }),
  actions: z.object({
    /** Planned in the period. */
    total: z.number().int().nonnegative(),
    byStatus: z.array(Count),
    byPriority: z.array(Count),
    /** Open at the end of the period (or now, if it has not ended). */
    openAt: IsoInstant,
    openByAge: z.array(z.object({ bucket: AgeBucket, count: z.number().int().nonnegative() })),
    open: z.array(OpenAction),
    /** Actions arising from a drill (origin: a drill incident) that would have counted here, left out of every action figure; absent when none. */
    drillsLeftOut: z.number().int().nonnegative().optional(),
  }),
  forwarded: z.object({
    total: z.number().int().nonnegative(),
    byRegulator: z.array(Count),
    byOutcome: z.array(Count),
    items: z.array(ForwardedComplaint),
  }),
  clocks: z.array(ClockFigures),
  monthly: z.array(MonthFigures),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

export const ReportExportResult = ExportResult.extend({ period: z.object({ from: IsoInstant, to: IsoInstant }) });
export type ReportExportResult = z.infer<typeof ReportExportResult>;
