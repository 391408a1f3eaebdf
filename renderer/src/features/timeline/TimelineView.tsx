import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Collapse, Group, Loader, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilterOff, IconPlus, IconTimelineEvent } from '@tabler/icons-react';
import type { } from '@shared/schemas/incident';
import type { TimelineEntry } from '@shared/schemas/timeline';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReasonModal } from '../../components/records/ReasonModal';
import { BackLink, PageNotReady } from '../../kit';
import { useCan } from '../../lib/permissions';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { useAppClock } from '../../lib/appClock';
import { useRemote } from '../../lib/useRemote';
import { EntryEditor } from './EntryEditor';
import { hasFilters, NO_FILTERS, toApiFilter, useTimelineFilters } from './filterStore';
import { NS } from './labels';
import { TimelineClocks } from './TimelineClocks';
import { TimelineEventList } from './TimelineEventList';
import { TimelineExport } from './TimelineExport';
import { TimelineFilterBar } from './TimelineFilterBar';
import { DrillBadge, DrillNotice } from '../../components/Drill';

/** Record types whose changes can change a timeline. */
const WATCHED = ['incident', 'timeline_entry', 'notification', 'client', 'action', 'letter', 'complaint', 'matter', 'link'];

type Editing = { mode: 'add' } | { mode: 'edit'; entry: TimelineEntry } | null;

/** An incident's timeline: its clocks, then what happened in order, with filters, entries and exports. */
export function TimelineView({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const can = useCan();
  const { back, openRecord } = useNavigation.getState();
  const filters = useTimelineFilters((s) => s.byIncident[id] ?? NO_FILTERS);
  const setFilters = useTimelineFilters((s) => s.set);
  const clearFilters = useTimelineFilters((s) => s.clear);
  const version = useRecordChanges((s) => WATCHED.reduce((n, ty) => n + (s.byType[ty] ?? 0), s.epoch));
  const [reload, setReload] = useState(0);

  const apiFilter = useMemo(() => toApiFilter(filters, f.zone), [filters, f.zone]);
  const filtered = hasFilters(filters);

  // While `pending`, what is on screen answers an older request and a new one is on its way.
  const remote = useRemote(
    () =>
      Promise.all([
        api.call('timeline.get', { incidentId: id, ...apiFilter }),
        api.call('timeline.entries', { incidentId: id, includeArchived: true }),
        api.call('incidents.get', { id }),
      ]).then(([tl, en, detail]) => {
        // The timeline's "now" is the core's: countdowns and new entries follow it.
        useAppClock.getState().observe(tl.at);
        return { timeline: tl, entries: en.entries, incident: detail.incident };
      }),
    [id, apiFilter, version, reload],
  );
  const { error, pending: loading } = remote;
  const timeline = remote.data?.timeline ?? null;
  const incident = remote.data?.incident ?? null;
  const entries = useMemo(() => remote.data?.entries ?? [], [remote.data]);
  const [editing, setEditing] = useState<Editing>(null);
  const [withdrawing, setWithdrawing] = useState<TimelineEntry | null>(null);
  const [showWithdrawn, setShowWithdrawn] = useState(false);

  const entryById = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const withdrawn = entries.filter((e) => e.archivedAt);

  const backLink = <BackLink label={t('view.back')} onClick={back} />;
  if (!timeline) return <PageNotReady back={backLink} error={error} failedTitle={t('view.loadFailed')} loadingLabel={t('view.loading')} />;

  const inc = timeline.incident;
  const changed = () => setReload((n) => n + 1);

  return (
    <Stack gap="md">
      {backLink}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <IconTimelineEvent size={22} stroke={1.6} aria-hidden />
            <Title order={1} data-testid="timeline-title">
              {t('view.title', { reference: inc.reference })}
            </Title>
            <Badge variant="light" color="gray" size="sm" tt="none">
              {t(`incidentStatus.${inc.status}`)}
            </Badge>
            {inc.riskLevel && (
              <Badge variant="light" color={inc.riskLevel === 'high' ? 'red' : inc.riskLevel === 'risk' ? 'yellow' : 'teal'} size="sm" tt="none">
                {t(`risk.${inc.riskLevel}`)}
              </Badge>
            )}
            {inc.drill && <DrillBadge />}
            {incident?.archivedAt && (
              <Badge variant="filled" color="gray" size="sm" tt="none">
                {t('view.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            <Anchor component="button" type="button" size="sm" onClick={() => openRecord('incident', inc.id)} data-testid="timeline-incident-link">
              {inc.title}
            </Anchor>
            {incident && <> · {t('view.aware', { at: f.dateTime(incident.awareAt) })}</>} · {t('view.zone', { zone: timeline.timeZone })}
          </Text>
        </div>
        {can('write', 'timeline_entry') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'add' })} data-testid="add-entry">
            {t('view.addEntry')}
          </Button>
        )}
      </Group>
      {inc.drill && <DrillNotice />}

      <section aria-labelledby="timeline-clocks-heading">
        <SectionTitle id="timeline-clocks-heading">{t('clocks.title')}</SectionTitle>
        <TimelineClocks clocks={timeline.clocks} />
      </section>

      <Paper withBorder p="sm" component="section" aria-labelledby="timeline-export-heading">
        <SectionTitle id="timeline-export-heading">{t('export.title')}</SectionTitle>
        <TimelineExport incidentId={inc.id} reference={inc.reference} filter={filtered ? apiFilter : undefined} />
      </Paper>

      <section aria-labelledby="timeline-events-heading">
        <SectionTitle id="timeline-events-heading">{t('events.title')}</SectionTitle>
        <Stack gap="sm">
          <TimelineFilterBar filters={filters} onChange={(patch) => setFilters(id, patch)} />
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" role="status" data-testid="timeline-count">
              {filtered
                ? t('events.shownOf', { count: timeline.events.length, shown: f.number(timeline.events.length), total: f.number(timeline.total) })
                : t('events.count', { count: timeline.total, n: f.number(timeline.total) })}
              {loading && <Loader size={12} ml={8} aria-hidden />}
            </Text>
            {filtered && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={() => clearFilters(id)}>
                {t('filters.clear')}
              </Button>
            )}
          </Group>
          {error !== null && <ErrorNotice error={error} title={t('view.loadFailed')} />}
          {timeline.events.length === 0 ? (
            <Alert color="gray" variant="light" title={filtered ? t('events.noMatchTitle') : t('events.emptyTitle')}>
              <Text size="sm">{filtered ? t('events.noMatchBody') : t('events.emptyBody')}</Text>
            </Alert>
          ) : (
            <TimelineEventList
              events={timeline.events}
              incidentId={inc.id}
              awareAt={incident?.awareAt ?? null}
              onEdit={(entryId) => {
                const entry = entryById.get(entryId);
                if (entry) setEditing({ mode: 'edit', entry });
              }}
              onWithdraw={(entryId) => {
                const entry = entryById.get(entryId);
                if (entry) setWithdrawing(entry);
              }}
            />
          )}
        </Stack>
      </section>

      {withdrawn.length > 0 && (
        <section aria-label={t('withdrawn.title', { count: withdrawn.length })}>
          <UnstyledButton onClick={() => setShowWithdrawn((v) => !v)} aria-expanded={showWithdrawn} data-testid="withdrawn-toggle">
            <Group gap={4}>
              {showWithdrawn ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
              <Text size="sm" fw={600}>
                {t('withdrawn.title', { count: withdrawn.length })}
              </Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={showWithdrawn}>
            <Stack gap={6} mt={6} pl="md">
              <Text size="xs" c="dimmed">
                {t('withdrawn.help')}
              </Text>
              {withdrawn.map((e) => (
                <Paper key={e.id} withBorder p="xs" bg="gray.0">
                  <Text size="sm" td="line-through" c="dimmed">
                    {f.dateTime(e.at)} · {t(`entryKind.${e.kind}`)} · {e.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('withdrawn.reason', { at: f.dateTime(e.archivedAt!), reason: e.archiveReason ?? '' })}
                  </Text>
                </Paper>
              ))}
            </Stack>
          </Collapse>
        </section>
      )}

      {editing && (
        <EntryEditor
          incidentId={inc.id}
          entry={editing.mode === 'edit' ? editing.entry : null}
          onClose={(saved) => {
            setEditing(null);
            if (saved) changed();
          }}
        />
      )}
      {withdrawing && (
        <ReasonModal
          title={t('withdraw.title')}
          body={t('withdraw.body', { title: withdrawing.title, at: f.dateTime(withdrawing.at) })}
          reasonHelp={t('withdraw.reasonHelp')}
          submitLabel={t('withdraw.submit')}
          onSubmit={async (reason) => {
            await api.call('timeline.archiveEntry', { id: withdrawing.id, reason });
            notifySuccess(t('withdraw.done'));
            changed();
          }}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Stack>
  );
}

function SectionTitle({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <Title order={2} size="h4" tt="uppercase" c="dimmed" mb={8} id={id} style={{ letterSpacing: '0.04em' }}>
      {children}
    </Title>
  );
}
