import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { isDayEnd } from '@shared/format/dates';
import { regulatorLabel } from '@shared/reference/regulators';
import type { AnnualReport, ClockFigures, LateItem } from '@shared/schemas/report';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { codeWord, duration, GROUP_UNIT, NS, percent } from './words';

/** The rates and times of every kind of deadline, as the PDF's table. */
export function ClockTable({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const n = f.number;
  return (
    <Table striped withTableBorder fz="sm" data-testid="report-clock-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('clocks.kind')}</Table.Th>
          {(['due', 'onTime', 'late', 'overdue', 'runningStopped', 'rate', 'median', 'p90'] as const).map((k) => (
            <Table.Th key={k} ta="right">
              {t(`clocks.${k}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.clocks.map((c: ClockFigures) => (
          <Table.Tr key={c.group} data-testid={`report-clock-${c.group}`}>
            <Table.Td>{t(`clocks.group.${c.group}`)}</Table.Td>
            <Table.Td ta="right">{n(c.total)}</Table.Td>
            <Table.Td ta="right">{n(c.onTime)}</Table.Td>
            <Table.Td ta="right">{n(c.late)}</Table.Td>
            <Table.Td ta="right">{n(c.overdue)}</Table.Td>
            <Table.Td ta="right">{`${n(c.running)} / ${n(c.stopped)}`}</Table.Td>
            <Table.Td ta="right" fw={700} data-testid={`report-rate-${c.group}`}>
              {percent(c.onTimeRate, f.lang)}
            </Table.Td>
            <Table.Td ta="right">{duration(t, c.medianHours, GROUP_UNIT[c.group], f.lang)}</Table.Td>
            <Table.Td ta="right">{duration(t, c.p90Hours, GROUP_UNIT[c.group], f.lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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

/** Each deadline missed, with the reasons the register records. */
export function LateItems({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const late = report.clocks.filter((c) => c.lateItems.length > 0);
  const reasons = (i: LateItem) => [i.reasons, ...i.flags.map((fl) => t(`codes.flag.${fl}`))].filter(Boolean).join(' · ');
  return (
    <Section title={t('late.heading')} testId="report-late">
      {late.length === 0 && <Text size="sm">{t('late.none')}</Text>}
      <Stack gap="md">
        {late.map((c) => (
          <div key={c.group}>
            <Text fw={600} size="sm" mb={4}>
              {`${t(`clocks.group.${c.group}`)} — ${f.number(c.lateItems.length)}`}
            </Text>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('late.record')}</Table.Th>
                  <Table.Th>{t('late.deadline')}</Table.Th>
                  <Table.Th>{t('late.done')}</Table.Th>
                  <Table.Th>{t('late.reasons')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.lateItems.map((i) => {
                  const by = duration(t, i.hoursLate, GROUP_UNIT[c.group], f.lang);
                  return (
                    <Table.Tr key={`${i.reference}-${i.party ?? ''}-${i.due}`}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {i.reference}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[i.title, i.party].filter(Boolean).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{isDayEnd(i.due, f.zone) ? f.deadlineDay(i.due) : f.dateTime(i.due)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.metAt ? f.day(i.metAt) : t('late.notDone')}</Text>
                        <Text size="xs" c="red.8">
                          {i.metAt ? t('late.lateBy', { by }) : t('late.overdueBy', { by })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{reasons(i) || <Text size="sm" c="dimmed">{t('late.noReasons')}</Text>}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Section>
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
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('forwarded.complaint')}</Table.Th>
              <Table.Th>{t('forwarded.regulator')}</Table.Th>
              <Table.Th>{t('forwarded.received')}</Table.Th>
              <Table.Th>{t('forwarded.status')}</Table.Th>
              <Table.Th>{t('forwarded.response')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.forwarded.items.map((c) => (
              <Table.Tr key={c.reference}>
                <Table.Td>{c.reference}</Table.Td>
                <Table.Td>{[regulatorLabel(c.regulator), c.regulatorReference].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td>{f.day(c.receivedAt)}</Table.Td>
                <Table.Td>{codeWord(t, 'complaintStatus', c.status)}</Table.Td>
                <Table.Td>{codeWord(t, 'clock', c.clock)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

export function MattersTable({ report }: { report: AnnualReport }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <Section title={t('matters.heading', { count: report.matters.total })} testId="report-matters">
      {report.matters.items.length === 0 && <Text size="sm">{t('counts.empty')}</Text>}
      <Stack gap="md">
        {report.matters.items.map((m) => (
          <div key={m.reference}>
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
              <Table withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('matters.date')}</Table.Th>
                    <Table.Th>{t('matters.letter')}</Table.Th>
                    <Table.Th>{t('matters.step')}</Table.Th>
                    <Table.Th>{t('matters.subject')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.steps.map((s) => (
                    <Table.Tr key={s.reference}>
                      <Table.Td>{f.day(s.date)}</Table.Td>
                      <Table.Td>{s.reference}</Table.Td>
                      <Table.Td>{`${codeWord(t, 'direction', s.direction)} · ${codeWord(t, 'letterKind', s.kind)}`}</Table.Td>
                      <Table.Td>{s.subject}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
        ))}
      </Stack>
    </Section>
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
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('open.action')}</Table.Th>
              <Table.Th>{t('open.owner')}</Table.Th>
              <Table.Th>{t('open.priority')}</Table.Th>
              <Table.Th>{t('open.due')}</Table.Th>
              <Table.Th ta="right">{t('open.age')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((a) => (
              <Table.Tr key={a.reference}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {a.reference}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.title}
                  </Text>
                </Table.Td>
                <Table.Td>{a.owner}</Table.Td>
                <Table.Td>{codeWord(t, 'priority', a.priority)}</Table.Td>
                <Table.Td>{a.dueAt ? f.dateTime(a.dueAt) : '—'}</Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{t('open.ageDays', { count: a.ageDays })}</Text>
                  <Text size="xs" c="dimmed">
                    {codeWord(t, 'bucket', a.bucket)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
