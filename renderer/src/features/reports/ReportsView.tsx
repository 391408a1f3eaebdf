import { useState } from 'react';
import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import type { ExportLang } from '@shared/schemas/export';
import type { AnnualReport, ReportExportResult, ReportFormat } from '@shared/schemas/report';
import { api } from '../../api';
import { PeriodInput } from '../../components/PeriodInput';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { appNow } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordChanges } from '../../state/recordChanges';
import { ExportLangChoice, ExportPanel, FormatButtons, SavedFile } from '../exchange/ExportPanel';
import { ProfileSelect } from '../exchange/ProfileSelect';
import { useFileExport } from '../exchange/useJob';
import { CountBars, CountSection, MonthlyChart, OnTimeChart } from './ReportCharts';
import { ClockTable, ForwardedTable, LateItems, MattersTable, OpenActionsTable } from './ReportTables';
import { NS } from './words';

type Range = [string, string];

/** A calendar year as local days, first to last. */
function yearRange(year: number): Range {
  return [`${year}-01-01`, `${year}-12-31`];
}

/**
 * Reports: the DPO's annual report for a period (this calendar year by default, on the app's
 * clock, in the organisation's zone) — the figures and charts the PDF carries, the late items,
 * forwarded complaints, procedures and open actions — and its export as PDF or XLSX.
 */
export function ReportsView() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const thisYear = DateTime.fromMillis(appNow(), { zone: f.zone }).year;
  const [range, setRange] = useState<Range>(() => yearRange(thisYear));
  const changes = useRecordChanges((s) => s.epoch);
  const from = startOfLocalDay(range[0], f.zone) ?? undefined;
  const to = startOfNextLocalDay(range[1], f.zone) ?? undefined;
  const { data: report, error, loading } = useRemote(() => api.call('reports.annual', { from, to }), [from, to, changes]);

  return (
    <Stack gap="lg" data-testid="reports-view">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <PeriodInput
            key={range.join('|')}
            label={t('period.label')}
            description={t('period.help')}
            defaultValue={range}
            onChange={([a, b]) => {
              if (a && b) setRange([a, b]);
            }}
            w={260}
            data-testid="report-period"
          />
          <Button variant="default" onClick={() => setRange(yearRange(thisYear))} data-testid="report-this-year">
            {t('period.thisYear')}
          </Button>
          <Button variant="default" onClick={() => setRange(yearRange(thisYear - 1))} data-testid="report-last-year">
            {t('period.lastYear')}
          </Button>
          {report && (
            <Text size="sm" c="dimmed" data-testid="report-period-shown">
              {t('period.shown', { from: f.day(report.period.from), to: f.day(new Date(Date.parse(report.period.to) - 1).toISOString()), at: f.day(report.at) })}
            </Text>
          )}
        </Group>
      </Paper>
      {error != null && <ErrorNotice error={error} />}
      {loading && !report && <Loader aria-label={t('title')} />}
      {report && <ReportBody report={report} />}
      {report && <ReportExport from={from} to={to} />}
    </Stack>
  );
}

function Figure({ label, value, help, testId }: { label: string; value: number; help?: string; testId: string }) {
  const f = useFormatters();
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {f.number(value)}
      </Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </Paper>
  );
}

function ReportBody({ report: r }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h4" mb="sm">
          {t('figures.heading')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
          <Figure label={t('figures.complaints')} value={r.complaints.total} help={t('figures.forwarded', { count: r.forwarded.total })} testId="report-complaints" />
          <Figure label={t('figures.incidents')} value={r.incidents.total} help={t('figures.incidentsHelp')} testId="report-incidents" />
          <Figure label={t('figures.letters')} value={r.letters.total} testId="report-letters" />
          <Figure label={t('figures.matters')} value={r.matters.total} help={t('figures.mattersHelp', { opened: r.matters.opened, closed: r.matters.closed })} testId="report-matters-total" />
          <Figure label={t('figures.actions')} value={r.actions.total} testId="report-actions" />
          <Figure label={t('figures.open')} value={r.actions.open.length} help={t('figures.openHelp', { at: f.day(r.actions.openAt) })} testId="report-open" />
        </SimpleGrid>
      </div>
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          {t('clocks.heading')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('clocks.help')}
        </Text>
        <OnTimeChart report={r} />
        <ClockTable report={r} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('monthly.heading')}
        </Title>
        <MonthlyChart report={r} />
      </Paper>
      <CountSection title={t('counts.complaints', { count: r.complaints.total })}>
        <CountBars title={t('counts.byChannel')} counts={r.complaints.byChannel} kind="channel" testId="report-by-channel" />
        <CountBars title={t('counts.byRight')} counts={r.complaints.byRight} kind="right" testId="report-by-right" />
        <CountBars title={t('counts.byOutcome')} counts={r.complaints.byOutcome} kind="complaintStatus" testId="report-by-complaint-status" />
        <CountBars title={t('counts.byRegulator')} counts={r.complaints.byRegulator} kind="regulator" testId="report-by-regulator" />
        <Text size="sm">{t('counts.extended', { count: r.complaints.extended })}</Text>
      </CountSection>
      <CountSection title={t('counts.incidents', { count: r.incidents.total })}>
        <CountBars title={t('counts.byNature')} counts={r.incidents.byNature} kind="nature" testId="report-by-nature" />
        <CountBars title={t('counts.byRole')} counts={r.incidents.byRole} kind="role" testId="report-by-role" />
        <CountBars title={t('counts.byRisk')} counts={r.incidents.byRisk} kind="risk" testId="report-by-risk" />
        <CountBars title={t('counts.towardsAuthority')} counts={r.incidents.byOutcome} kind="outcome" testId="report-by-outcome" />
        <Text size="sm">{t('counts.special', { count: r.incidents.specialCategories })}</Text>
        {r.incidents.drillsLeftOut ? (
          <Text size="sm" data-testid="report-drills">
            {t('counts.drills', { count: r.incidents.drillsLeftOut })}
          </Text>
        ) : null}
      </CountSection>
      <CountSection title={t('counts.regulators', { letters: r.letters.total, matters: r.matters.total })}>
        <CountBars title={t('counts.lettersByKind')} counts={r.letters.byKind} kind="letterKind" testId="report-letters-by-kind" />
        <CountBars title={t('counts.lettersByRegulator')} counts={r.letters.byRegulator} kind="regulator" testId="report-letters-by-regulator" />
        <CountBars title={t('counts.mattersByKind')} counts={r.matters.byKind} kind="matterKind" testId="report-matters-by-kind" />
        <CountBars title={t('counts.byDirection')} counts={r.letters.byDirection} kind="direction" testId="report-by-direction" />
      </CountSection>
      <CountSection title={t('counts.actions', { count: r.actions.total })}>
        <CountBars title={t('counts.byStatus')} counts={r.actions.byStatus} kind="actionStatus" testId="report-by-action-status" />
        <CountBars title={t('counts.byPriority')} counts={r.actions.byPriority} kind="priority" testId="report-by-priority" />
        <CountBars
          title={t('counts.byAge', { at: f.day(r.actions.openAt) })}
          counts={r.actions.openByAge.filter((b) => b.count > 0).map((b) => ({ key: b.bucket, count: b.count }))}
          kind="bucket"
          testId="report-by-age"
        />
        {r.actions.drillsLeftOut ? (
          <Text size="sm" data-testid="report-drill-actions">
            {t('counts.drillActions', { count: r.actions.drillsLeftOut })}
          </Text>
        ) : null}
      </CountSection>
      <LateItems report={r} />
      <ForwardedTable report={r} />
      <MattersTable report={r} />
      <OpenActionsTable report={r} />
    </Stack>
  );
}

const FORMATS: { format: ReportFormat; icon: React.ReactNode }[] = [
  { format: 'pdf', icon: <IconFileTypePdf size={16} aria-hidden /> },
  { format: 'xlsx', icon: <IconFileSpreadsheet size={16} aria-hidden /> },
];

/** The export: the file's language, the redaction profile (the exports' one select), PDF or XLSX. */
function ReportExport({ from, to }: { from?: string; to?: string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [lang, setLang] = useState<ExportLang>(f.lang);
  const [profile, setProfile] = useState('full');
  const exp = useFileExport<ReportExportResult>('report');

  async function exportAs(format: ReportFormat) {
    await exp.exportFile(t('export.what', { format: t(`export.${format}`) }), (jobId) => api.call('exports.report', { from, to, lang, format, profile, jobId }));
  }

  return (
    <ExportPanel testId="report-export" title={t('export.heading')} help={t('export.help')} exp={exp} cancelledBody={t('export.cancelled')} saved={(result) => <SavedFile result={result} heading={t('export.saved', { file: result.file.fileName })} />}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <ProfileSelect value={profile} onChange={setProfile} testId="report-profile" w={320} />
        <ExportLangChoice id="report-lang" value={lang} onChange={setLang} testId="report-lang" />
        <FormatButtons
          formats={FORMATS}
          primary="pdf"
          disabled={exp.job !== null}
          onExport={(format) => void exportAs(format)}
          label={(format) => t(`export.${format}`)}
          ariaLabel={(format) => t('export.as', { format: t(`export.${format}`) })}
          testId={(format) => `report-export-${format}`}
        />
      </Group>
    </ExportPanel>
  );
}
