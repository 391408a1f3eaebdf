import type { ReactNode } from 'react';
import type { MantineColor } from '@mantine/core';
import {
  IconAlarm,
  IconBuilding,
  IconBuildingBank,
  IconCalendarEvent,
  IconCalendarOff,
  IconChecklist,
  IconCircleCheck,
  IconCircleX,
  IconDots,
  IconFilePlus,
  IconFlag,
  IconGauge,
  IconGavel,
  IconMailCheck,
  IconMailDown,
  IconMailForward,
  IconMailUp,
  IconMessage,
  IconMessageCheck,
  IconMessageReport,
  IconNote,
  IconPhone,
  IconRadar,
  IconRosetteDiscountCheck,
  IconSend,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import {
  TimelineCategory,
  TimelineEntryKind,
  TimelineEventKind,
  TimelineSourceType,
  type BilingualText,
  type ClockResult,
  type TimelineEvent,
} from '@shared/schemas/timeline';
import type { UiLanguage } from '../../lib/format';
import type { FeatureT } from '../../lib/featureT';
import { CLOCK_LOOKS, clockLookIcon, type ClockLookName } from '../../kit/clockLooks';

export const NS = 'timeline';

export const CATEGORIES = TimelineCategory.options;
export const SOURCE_TYPES = TimelineSourceType.options;
export const ENTRY_KINDS = TimelineEntryKind.options;
export const EVENT_KINDS = TimelineEventKind.options;

/** A text the core wrote in both languages, in the UI's. */
export function inLang(text: BilingualText, lang: UiLanguage): string {
  return lang === 'fr' ? text.fr : text.en;
}

/** Colours support the words and icons, never replace them. */
export const CATEGORY_COLOR: Record<TimelineCategory, MantineColor> = {
  incident: 'red',
  assessment: 'orange',
  notification: 'navy',
  client: 'grape',
  action: 'teal',
  letter: 'indigo',
  complaint: 'cyan',
  user: 'gray',
};

/** Each event's icon (drawn at the size asked, hidden from screen readers: the words say it). */
const KIND_ICON: Record<TimelineEventKind, Icon> = {
  incident_recorded: IconFilePlus,
  occurred_from: IconCalendarEvent,
  occurred_to: IconCalendarOff,
  detected: IconRadar,
  became_aware: IconAlarm,
  risk_assessed: IconGauge,
  risk_changed: IconGauge,
  decision_authority: IconGavel,
  decision_data_subjects: IconGavel,
  notification_sent: IconSend,
  status_changed: IconFlag,
  client_added: IconBuilding,
  client_notified: IconMailForward,
  client_acknowledged: IconMailCheck,
  client_authority_notified: IconBuildingBank,
  action_planned: IconChecklist,
  action_done: IconCircleCheck,
  action_verified: IconRosetteDiscountCheck,
  action_cancelled: IconCircleX,
  letter_received: IconMailDown,
  letter_sent: IconMailUp,
  complaint_received: IconMessageReport,
  complaint_answered: IconMessageCheck,
  user_entry: IconNote,
};

const ENTRY_ICON: Record<TimelineEntryKind, Icon> = {
  call: IconPhone,
  meeting: IconUsers,
  decision: IconGavel,
  message: IconMessage,
  note: IconNote,
  other: IconDots,
};

export function entryIcon(kind: TimelineEntryKind, size = 15): ReactNode {
  const Drawn = ENTRY_ICON[kind];
  return <Drawn size={size} aria-hidden />;
}

/** The icon of an event: its kind's, or for a user entry its entry kind's (a call, a meeting…). */
export function eventIcon(e: TimelineEvent, size = 15): ReactNode {
  const Drawn = e.entryKind ? ENTRY_ICON[e.entryKind] : KIND_ICON[e.kind];
  return <Drawn size={size} aria-hidden />;
}

/** The kind in a word or two ("Notification", "Call"). */
export function eventKindLabel(e: TimelineEvent, t: FeatureT): string {
  return e.entryKind ? t(`entryKind.${e.entryKind}`) : t(`kind.${e.kind}`);
}

/** Kinds grouped by category, for the filter. */
export function kindOptions(t: FeatureT): { group: string; items: { value: string; label: string }[] }[] {
  const byCategory: Record<TimelineCategory, TimelineEventKind[]> = {
    incident: ['occurred_from', 'occurred_to', 'detected', 'became_aware', 'incident_recorded', 'status_changed'],
    assessment: ['risk_assessed', 'risk_changed', 'decision_authority', 'decision_data_subjects'],
    notification: ['notification_sent'],
    client: ['client_added', 'client_notified', 'client_acknowledged', 'client_authority_notified'],
    action: ['action_planned', 'action_done', 'action_verified', 'action_cancelled'],
    letter: ['letter_received', 'letter_sent'],
    complaint: ['complaint_received', 'complaint_answered'],
    user: ['user_entry'],
  };
  return CATEGORIES.map((c) => ({ group: t(`category.${c}`), items: byCategory[c].map((k) => ({ value: k, label: t(`kind.${k}`) })) }));
}

/* ------------------------------------------------------------------------------------------ */
/* Clocks                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** The timeline's clock results in the looks every screen uses (kit/clockLooks). */
const LOOK_OF: Record<ClockResult, ClockLookName> = {
  met: 'met_on_time',
  late: 'met_late',
  running: 'running',
  overdue: 'overdue',
  no_deadline: 'open',
  done_no_deadline: 'met_on_time',
  not_required: 'not_required',
};

export const clockColor = (state: ClockResult): string => CLOCK_LOOKS[LOOK_OF[state]].color;

export function clockIcon(state: ClockResult, size = 16): ReactNode {
  return clockLookIcon(LOOK_OF[state], size);
}
