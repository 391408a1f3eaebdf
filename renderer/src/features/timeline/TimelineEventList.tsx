import { ActionIcon, Anchor, Badge, Group, Menu, Spoiler, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconArchive, IconDotsVertical, IconFlag, IconPencil } from '@tabler/icons-react';
import type { RecordType } from '@shared/schemas/record-types';
import type { TimelineEvent, TimelineSource } from '@shared/schemas/timeline';
import { useCan } from '../../lib/permissions';
import { formatLocalDateLong } from '../../lib/format';
import { useFeatureT } from '../../lib/featureT';
import { localDateOf, localPartsOf } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { CATEGORY_COLOR, eventIcon, eventKindLabel, inLang, NS } from './labels';
import classes from './Timeline.module.css';

/** Where a source record opens: notifications and affected clients live on their incident's page. */
function recordOf(source: TimelineSource, incidentId: string): { type: RecordType; id: string } | null {
  switch (source.type) {
    case 'incident':
    case 'action':
    case 'letter':
    case 'complaint':
      return { type: source.type, id: source.id };
    case 'notification':
    case 'client':
      return { type: 'incident', id: incidentId };
    case 'timeline_entry':
      return null;
  }
}

/** "samedi 3 octobre 2020" heads a day as "Samedi 3 octobre 2020". */
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const HOUR = 3_600_000;
/** Hours since awareness are shown for the first week: the span of the breach clocks. */
const HPLUS_SPAN = 7 * 24 * HOUR;

/** "H+60 h" after the organisation became aware; null outside the first week. */
function hoursSinceAware(at: string, awareAt: string | null): string | null {
  if (!awareAt) return null;
  const ms = Date.parse(at) - Date.parse(awareAt);
  if (ms < 0 || ms > HPLUS_SPAN) return null;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 0) return 'H+0';
  if (minutes < 60) return `H+${minutes} min`;
  return `H+${Math.floor(minutes / 60)} h`;
}

/**
 * The chronology, oldest first, by day in the organisation's zone: time, kind (icon and word),
 * what happened in the UI's language, who, and the record it comes from. User entries can be
 * corrected or withdrawn.
 */
export function TimelineEventList({
  events,
  incidentId,
  awareAt,
  onEdit,
  onWithdraw,
}: {
  events: TimelineEvent[];
  incidentId: string;
  awareAt: string | null;
  onEdit(entryId: string): void;
  onWithdraw(entryId: string): void;
}) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const openRecord = useNavigation((s) => s.openRecord);
  const can = useCan();

  const days: { day: string; events: TimelineEvent[] }[] = [];
  for (const e of events) {
    const day = localDateOf(e.at, f.zone);
    const last = days[days.length - 1];
    if (last && last.day === day) last.events.push(e);
    else days.push({ day, events: [e] });
  }

  return (
    <div data-testid="timeline-events" role="group" aria-label={t('events.label')}>
      {days.map(({ day, events: list }) => (
        // Each day in its own block: its heading stays in view while its events scroll, then gives way.
        <section key={day} aria-labelledby={`day-${day}`}>
          <div className={classes.day}>
            <Text component="h3" size="sm" fw={700} m={0} id={`day-${day}`}>
              {capitalise(formatLocalDateLong(day, f.lang))}
            </Text>
          </div>
          <div role="list" aria-labelledby={`day-${day}`}>
          {list.map((e, k) => {
            const record = recordOf(e.source, incidentId);
            const detail = inLang(e.detail, f.lang);
            const hplus = hoursSinceAware(e.at, awareAt);
            const recordedLater = e.recordedAt && Math.abs(Date.parse(e.recordedAt) - Date.parse(e.at)) > 10 * 60_000;
            const color = CATEGORY_COLOR[e.category];
            const kindLabel = eventKindLabel(e, t);
            const entryId = e.origin === 'user' ? e.source.id : null;
            const classNames = [classes.row, k === 0 ? classes.rowFirst : '', k === list.length - 1 ? classes.rowLast : '', e.milestone ? classes.milestone : ''].join(' ');
            return (
              <div key={e.id} className={classNames} role="listitem" data-testid="timeline-event" data-kind={e.kind} data-origin={e.origin}>
                <div>
                  <Text size="sm" fw={600} className="tabular" data-testid="event-time">
                    {localPartsOf(e.at, f.zone).time}
                  </Text>
                  {hplus && (
                    <Tooltip label={t('events.sinceAware')}>
                      <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                        {hplus}
                      </Text>
                    </Tooltip>
                  )}
                </div>
                <div className={classes.rail}>
                  <ThemeIcon className={classes.icon} variant="light" color={color} size={26} radius="xl">
                    {eventIcon(e, 15)}
                  </ThemeIcon>
                </div>
                <div style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" fw={700} c={`${color}.8`} tt="uppercase" style={{ letterSpacing: '0.04em' }} data-testid="event-kind">
                      {kindLabel}
                    </Text>
                    {e.origin === 'user' && (
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        {t('events.userEntry')}
                      </Badge>
                    )}
                    {e.milestone && (
                      <Badge size="xs" variant="light" color="gray" tt="none" leftSection={<IconFlag size={10} aria-hidden />}>
                        {t('events.milestone')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" fw={e.milestone ? 600 : 400} data-testid="event-text">
                    {inLang(e.text, f.lang)}
                  </Text>
                  {detail && (
                    <Spoiler maxHeight={42} showLabel={t('events.more')} hideLabel={t('events.less')} styles={{ control: { fontSize: 12 } }}>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {detail}
                      </Text>
                    </Spoiler>
                  )}
                  <Text size="xs" c="dimmed" mt={2}>
                    {e.actor && <span data-testid="event-actor">{t('events.by', { actor: e.actor })}</span>}
                    {e.actor && ' · '}
                    {t('events.source')}{' '}
                    {record ? (
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        className="tabular"
                        onClick={() => openRecord(record.type, record.id)}
                        aria-label={t('events.openSource', { source: `${t(`sourceType.${e.source.type}`)} ${e.source.reference}` })}
                      >
                        {t(`sourceType.${e.source.type}`)} {e.source.reference}
                      </Anchor>
                    ) : (
                      <span>{t(`sourceType.${e.source.type}`)}</span>
                    )}
                    {recordedLater && e.recordedAt && <> · {t('events.recorded', { at: f.dateTime(e.recordedAt) })}</>}
                  </Text>
                </div>
                <div>
                  {entryId && can('write', 'timeline_entry') && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('events.entryMenu', { title: inLang(e.text, f.lang) })} data-testid="entry-menu">
                          <IconDotsVertical size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => onEdit(entryId)}>
                          {t('entry.edit')}
                        </Menu.Item>
                        <Menu.Item leftSection={<IconArchive size={15} />} color="red" onClick={() => onWithdraw(entryId)}>
                          {t('entry.withdraw')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </div>
              </div>
            );
          })}
          </div>
        </section>
      ))}
    </div>
  );
}
