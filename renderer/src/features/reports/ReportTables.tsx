import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { isDayEnd } from '@shared/format/dates';
import { regulatorLabel } from '@shared/reference/regulators';
import type { AnnualReport, ClockFigures, LateItem } from '@shared/schemas/report';
import { RefCell, SimpleTable } from '../../components/SimpleTable';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { codeWord, duration, GROUP_UNIT, NS, percent } from './words';

/** The rates and times of every kind of deadline, as the PDF's table. */
export function ClockTable({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const n = f.number;
  const figure = (title: string, render: (c: ClockFigures) => string) => ({ title: t(`clocks.${title}`), render, align: 'right' as const });
  return (
    <SimpleTable
      striped
      testId="report-clock-table"
      rows={report.clocks}
      rowKey={(c) => c.group}
      rowTestId={(c) => `report-clock-${c.group}`}
      columns={[
        { title: t('clocks.kind'), render: (c) => t(`clocks.group.${c.group}`) },
        figure('due', (c) => n(c.total)),
        figure('onTime', (c) => n(c.onTime)),
        figure('late', (c) => n(c.late)),
        figure('overdue', (c) => n(c.overdue)),
        figure('runningStopped', (c) => `${n(c.running)} / ${n(c.stopped)}`),
        { ...figure('rate', (c) => percent(c.onTimeRate, f.lang)), bold: true, testId: (c) => `report-rate-${c.group}` },
        figure('median', (c) => duration(t, c.medianHours, GROUP_UNIT[c.group], f.lang)),
        figure('p90', (c) => duration(t, c.p90Hours, GROUP_UNIT[c.group], f.lang)),
      ]}
    />
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A section of groups one under the other (each kind of deadline's late items, each matter's letters), or the sentence saying there are none. */
function GroupedSection<G>({ title, testId, none, groups, groupKey, render }: { title: string; testId: string; none: string; groups: readonly G[]; groupKey(g: G): string; render(g: G): ReactNode }) {
  return (
    <Section title={title} testId={testId}>
      {groups.length === 0 && <Text size="sm">{none}</Text>}
      <Stack gap="md">
        {groups.map((g) => (
          <div key={groupKey(g)}>{render(g)}</div>
        ))}
      </Stack>
    </Section>
  );
}

/** Each deadline missed, with the reasons the register records. */
export function LateItems({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const late = report.clocks.filter((c) => c.lateItems.length > 0);
  const reasons = (i: LateItem) => [i.reasons, ...i.flags.map((fl) => t(`codes.flag.${fl}`))].filter(Boolean).join(' · ');
  return (
    <GroupedSection
      title={t('late.heading')}
      testId="report-late"
      none={t('late.none')}
      groups={late}
      groupKey={(c) => c.group}
      render={(c) => (
        <>
          <Text fw={600} size="sm" mb={4}>
            {`${t(`clocks.group.${c.group}`)} — ${f.number(c.lateItems.length)}`}
          </Text>
          <SimpleTable
            rows={c.lateItems}
            rowKey={(i) => `${i.reference}-${i.party ?? ''}-${i.due}`}
            columns={[
              { title: t('late.record'), render: (i) => <RefCell reference={i.reference} sub={[i.title, i.party].filter(Boolean).join(' · ')} /> },
              { title: t('late.deadline'), render: (i) => (isDayEnd(i.due, f.zone) ? f.deadlineDay(i.due) : f.dateTime(i.due)) },
              {
                title: t('late.done'),
                render: (i) => {
                  const by = duration(t, i.hoursLate, GROUP_UNIT[c.group], f.lang);
                  return (
                    <>
                      <Text size="sm">{i.metAt ? f.day(i.metAt) : t('late.notDone')}</Text>
                      <Text size="xs" c="red.8">
                        {i.metAt ? t('late.lateBy', { by }) : t('late.overdueBy', { by })}
                      </Text>
                    </>
                  );
                },
              },
              { title: t('late.reasons'), render: (i) => reasons(i) || <Text size="sm" c="dimmed">{t('late.noReasons')}</Text> },
            ]}
          />
        </>
      )}
    />
  );
}

export function ForwardedTable({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <Section title={t('forwarded.heading', { count: report.forwarded.total })} testId="report-forwarded">
      {report.forwarded.items.length === 0 ? (
        <Text size="sm">{t('counts.empty')}</Text>
      ) : (
        <SimpleTable
          striped
          rows={report.forwarded.items}
          rowKey={(c) => c.reference}
          columns={[
            { title: t('forwarded.complaint'), render: (c) => c.reference },
            { title: t('forwarded.regulator'), render: (c) => [regulatorLabel(c.regulator), c.regulatorReference].filter(Boolean).join(' · ') },
            { title: t('forwarded.received'), render: (c) => f.day(c.receivedAt) },
            { title: t('forwarded.status'), render: (c) => codeWord(t, 'complaintStatus', c.status) },
            { title: t('forwarded.response'), render: (c) => codeWord(t, 'clock', c.clock) },
          ]}
        />
      )}
    </Section>
  );
}

export function MattersTable({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <GroupedSection
      title={t('matters.heading', { count: report.matters.total })}
      testId="report-matters"
      none={t('counts.empty')}
      groups={report.matters.items}
      groupKey={(m) => m.reference}
      render={(m) => (
        <>
          <Text fw={600} size="sm">{`${m.reference} — ${m.title}`}</Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('matters.facts', {
              regulator: regulatorLabel(m.regulator),
              kind: codeWord(t, 'matterKind', m.kind),
              opened: f.day(m.openedAt),
              status: m.status === 'closed' && m.closedAt ? t('matters.closedOn', { at: f.day(m.closedAt) }) : t('matters.open'),
              steps: m.steps.length,
              all: m.stepsInAll,
            })}
          </Text>
          {m.steps.length > 0 && (
            <SimpleTable
              rows={m.steps}
              rowKey={(s) => s.reference}
              columns={[
                { title: t('matters.date'), render: (s) => f.day(s.date) },
                { title: t('matters.letter'), render: (s) => s.reference },
                { title: t('matters.step'), render: (s) => `${codeWord(t, 'direction', s.direction)} · ${codeWord(t, 'letterKind', s.kind)}` },
                { title: t('matters.subject'), render: (s) => s.subject },
              ]}
            />
          )}
        </>
      )}
    />
  );
}

export function OpenActionsTable({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const open = report.actions.open;
  return (
    <Section title={t('open.heading', { at: f.day(report.actions.openAt), count: open.length })} testId="report-open-actions">
      {open.length === 0 ? (
        <Text size="sm">{t('open.none')}</Text>
      ) : (
        <SimpleTable
          striped
          rows={open}
          rowKey={(a) => a.reference}
          columns={[
            { title: t('open.action'), render: (a) => <RefCell reference={a.reference} sub={a.title} /> },
            { title: t('open.owner'), render: (a) => a.owner },
            { title: t('open.priority'), render: (a) => codeWord(t, 'priority', a.priority) },
            { title: t('open.due'), render: (a) => (a.dueAt ? f.dateTime(a.dueAt) : '—') },
            {
              title: t('open.age'),
              align: 'right',
              render: (a) => (
                <>
                  <Text size="sm">{t('open.ageDays', { count: a.ageDays })}</Text>
                  <Text size="xs" c="dimmed">
                    {codeWord(t, 'bucket', a.bucket)}
                  </Text>
                </>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
