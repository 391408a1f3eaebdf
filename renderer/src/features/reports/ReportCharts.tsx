import { BarChart, BarsList, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatMonth } from '@shared/format/dates';
import type { AnnualReport, Count } from '@shared/schemas/report';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { codeWord, NS, percent, worded, type CodeKind } from './words';

/**
 * The report's charts on screen (@mantine/charts): the same figures as the PDF's. Every bar
 * carries its number and every chart has a table or a legend in words beside it, so nothing is
 * read from colour alone.
 */

/** One count as a list of labelled bars, its number at the end of each. */
export function CountBars({ title, counts, kind, testId }: { title: string; counts: readonly Count[]; kind: CodeKind; testId: string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {counts.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('counts.empty')}
        </Text>
      ) : (
        <BarsList data={worded(t, kind, counts)} barColor="navy.8" barTextColor="white" valueFormatter={f.number} barHeight={24} aria-label={title} />
      )}
    </Stack>
  );
}

/** Two count charts side by side under a heading. */
export function CountSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
        {children}
      </SimpleGrid>
    </Paper>
  );
}

/** On time, late, overdue for each kind of deadline, stacked; the rate is in the table below it. */
export function OnTimeChart({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const data = report.clocks.map((c) => ({
    kind: `${t(`clocks.group.${c.group}`)} — ${c.onTime + c.late + c.overdue ? percent(c.onTimeRate, f.lang) : t('clocks.none')}`,
    onTime: c.onTime,
    late: c.late,
    overdue: c.overdue,
  }));
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="kind"
      type="stacked"
      orientation="vertical"
      withLegend
      withBarValueLabel
      yAxisProps={{ width: 330 }}
      xAxisProps={{ allowDecimals: false }}
      valueFormatter={f.number}
      series={[
        { name: 'onTime', label: t('clocks.onTime'), color: 'navy.7' },
        { name: 'late', label: t('clocks.late'), color: 'orange.5' },
        { name: 'overdue', label: t('clocks.overdue'), color: 'red.8' },
      ]}
      aria-label={t('clocks.chart')}
      data-testid="report-ontime-chart"
    />
  );
}

/** Month by month: complaints, incidents and letters, each line with its own dash. */
export function MonthlyChart({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const data = report.monthly.map((m) => ({ month: formatMonth(m.month, f.lang, true), complaints: m.complaints, incidents: m.incidents, letters: m.letters }));
  const total = (k: 'complaints' | 'incidents' | 'letters') => f.number(report.monthly.reduce((s, m) => s + m[k], 0));
  return (
    <LineChart
      h={240}
      data={data}
      dataKey="month"
      withLegend
      curveType="linear"
      valueFormatter={f.number}
      yAxisProps={{ allowDecimals: false }}
      series={[
        { name: 'complaints', label: `${t('monthly.complaints')} (${total('complaints')})`, color: 'navy.7' },
        { name: 'incidents', label: `${t('monthly.incidents')} (${total('incidents')})`, color: 'red.8', strokeDasharray: '6 3' },
        { name: 'letters', label: `${t('monthly.letters')} (${total('letters')})`, color: 'teal.8', strokeDasharray: '2 3' },
      ]}
      aria-label={t('monthly.heading')}
      data-testid="report-monthly-chart"
    />
  );
}

export { codeWord };
