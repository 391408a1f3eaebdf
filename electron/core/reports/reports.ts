import { ReportExportInput, ReportInput, type AnnualReport, type ReportExportResult } from '@shared/schemas/report';
import type { Lang } from '@shared/schemas/common';
import { safeName, type ExchangeContext } from '../exports/context';
import type { Redactor } from '@shared/redaction';
import { exportRedactorFor, redactorFor } from '../exports/redaction';
import type { Jobs } from '../jobs/jobs';
import { annualFigures } from './figures';
import { resolvePeriod } from './period';
import { reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';

const MIME = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * The services behind reports.annual and exports.report. They work from the exports' context (the
 * open register, who is exporting, provenance) and its jobs, and take the redaction profile from
 * the one place every export does (exports/redaction.ts).
 */
export class Reports {
  constructor(private readonly x: ExchangeContext & { jobs: Jobs }) {}

  /** The figures for a period (default: this calendar year), read at the app clock's now. */
  annual(input: ReportInput, lang: Lang = 'en'): AnnualReport {
    const q = ReportInput.parse(input);
    return this.figures(q, redactorFor(this.x, q.profile, lang).redactor);
  }

  private figures(q: { from?: string; to?: string }, redactor: Redactor): AnnualReport {
    const ctx = this.x.d.ctx;
    const now = ctx.clock.now();
    const period = resolvePeriod(q, now, this.x.d.organisation().timeZone);
    return annualFigures(ctx, period, now, redactor);
  }

  async export(input: ReportExportInput): Promise<ReportExportResult> {
    const q = ReportExportInput.parse(input);
    return this.x.jobs.run(q.jobId, async (job) => {
      await job.start('reading', 3);
      // Figures and provenance are read in one synchronous step: the audit head matches the data.
      const { redaction, redactor } = exportRedactorFor(this.x, q.profile, q.lang);
      const report = this.figures(q, redactor);
      const drills = report.incidents.drillsLeftOut;
      // Breach exercises are left out of the figures; the provenance says how many (as the breach register's does).
      const provenance = { ...this.x.provenance(), redaction, ...(drills ? { drillsLeftOut: drills } : {}) };
      await job.tick(1);
      await job.start('rendering', 2);
      const bytes = q.format === 'pdf' ? await reportPdf(report, q.lang, provenance, job) : await reportXlsx(report, q.lang, provenance);
      job.check();
      const from = report.period.from.slice(0, 10);
      const name = `${safeName(q.lang === 'fr' ? 'rapport-annuel' : 'annual-report')}-${from}-${q.lang}.${q.format}`;
      return {
        file: { fileName: name, mimeType: MIME[q.format], contentBase64: bytes.toString('base64') },
        provenance,
        rows: report.clocks.reduce((s, c) => s + c.total, 0),
        period: { from: report.period.from, to: report.period.to },
      };
    });
  }
}

const perExchange = new WeakMap<object, Reports>();

/** One Reports per open register's exports context. */
export function reportsFor(x: ExchangeContext & { jobs: Jobs }): Reports {
  let r = perExchange.get(x);
  if (!r) perExchange.set(x, (r = new Reports(x)));
  return r;
}
