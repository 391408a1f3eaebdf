import { compareClocks, formatCountdown, isDueSoon, isOpenState, clockState } from '@shared/clocks';
import type { Clock } from '@shared/schemas/clock';
import type { RecordType } from '@shared/schemas/record-types';

/**
 * What the tray shows, as plain data: the icon, its tooltip and title, and the menu. No Electron
 * here (tray.ts turns this into a Tray and a Menu), so it is tested with a hand-set "now".
 */

/** The five most urgent clocks are in the menu. */
export const TRAY_CLOCKS = 5;
/** A clock's label is cut here in the menu (some rule labels run long). */
const LABEL_MAX = 64;

export type Lang = 'en' | 'fr';

/** Where the register is, as the tray needs to know it. */
export type TrayRegister = 'unlocked' | 'locked' | 'needs-setup' | 'stopped';

export interface TrayInput {
  /** The app's clock (the core's `at`), not this process's: in test mode they differ. */
  now: string | number | Date;
  lang: Lang;
  register: TrayRegister;
  /** The open clocks (the board), in any order; ignored unless the register is unlocked. */
  clocks: readonly Clock[];
}

export type TrayAction = 'open' | 'lock' | 'quit';

export type TrayEntry =
  | { kind: 'info'; label: string }
  | { kind: 'record'; label: string; recordType: RecordType; recordId: string; overdue: boolean }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean };

export interface TrayModel {
  /** The due-soon icon when a clock is due within 24 hours or overdue. */
  icon: 'normal' | 'due';
  /** Clocks due within 24 hours (running): the number the tray shows. */
  dueSoon: number;
  overdue: number;
  /** Hover text. */
  tooltip: string;
  /** Text beside the icon where the platform shows one (macOS): the count, or nothing. */
  title: string;
  menu: TrayEntry[];
}

const APP = 'PrivacyOps Workstation';

const WORDS = {
  en: {
    dueSoon: (n: number) => (n === 0 ? 'No deadline within 24 hours' : n === 1 ? '1 deadline within 24 hours' : `${n} deadlines within 24 hours`),
    overdue: (n: number) => `${n} overdue`,
    noClock: 'No open deadline',
    locked: 'Register locked: reminders paused',
    needsSetup: 'No register set up yet',
    stopped: "The register's core stopped",
    open: 'Open PrivacyOps Workstation',
    unlock: 'Unlock…',
    lock: 'Lock now',
    quit: 'Quit',
  },
  fr: {
    dueSoon: (n: number) => (n === 0 ? 'Aucune échéance dans les 24 heures' : n === 1 ? '1 échéance dans les 24 heures' : `${n} échéances dans les 24 heures`),
    overdue: (n: number) => `${n} en retard`,
    noClock: 'Aucune échéance en cours',
    locked: 'Registre verrouillé : rappels en pause',
    needsSetup: 'Aucun registre configuré',
    stopped: 'Le cœur du registre s’est arrêté',
    open: 'Ouvrir PrivacyOps Workstation',
    unlock: 'Déverrouiller…',
    lock: 'Verrouiller maintenant',
    quit: 'Quitter',
  },
} as const;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "INC-2026-0003 – Client SA – Notify the controller… – 3 h 20 min" (or "overdue by …"). */
export function clockEntryLabel(c: Clock, now: string | number | Date, lang: Lang): string {
  const left = Date.parse(c.due!) - new Date(now).getTime();
  const party = c.party ? ` – ${c.party}` : '';
  return `${c.reference}${party} – ${cut(c.label[lang], LABEL_MAX)} – ${formatCountdown(left, lang)}`;
}

export function trayModel(input: TrayInput): TrayModel {
  const w = WORDS[input.lang];
  const tail: TrayEntry[] = [
    { kind: 'separator' },
    { kind: 'action', action: 'open', label: input.register === 'locked' ? w.unlock : w.open, enabled: true },
    { kind: 'action', action: 'lock', label: w.lock, enabled: input.register === 'unlocked' },
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: w.quit, enabled: true },
  ];
  if (input.register !== 'unlocked') {
    // Nothing of the register is shown while it is closed: not a reference, not a count.
    const why = input.register === 'locked' ? w.locked : input.register === 'stopped' ? w.stopped : w.needsSetup;
    return { icon: 'normal', dueSoon: 0, overdue: 0, tooltip: `${APP} – ${why}`, title: '', menu: [{ kind: 'info', label: why }, ...tail] };
  }

  const now = input.now;
  // Only clocks with a due instant can be urgent; the board's order, most urgent first.
  const open = input.clocks.filter((c) => c.due !== null && isOpenState(clockState(c, now))).sort(compareClocks(now));
  const dueSoon = open.filter((c) => isDueSoon(c, now)).length;
  const overdue = open.filter((c) => clockState(c, now) === 'overdue').length;
  const summary = overdue > 0 ? `${w.dueSoon(dueSoon)}, ${w.overdue(overdue)}` : w.dueSoon(dueSoon);
  const records: TrayEntry[] = open.slice(0, TRAY_CLOCKS).map((c) => ({
    kind: 'record',
    label: clockEntryLabel(c, now, input.lang),
    recordType: c.recordType,
    recordId: c.recordId,
    overdue: clockState(c, now) === 'overdue',
  }));
  return {
    icon: dueSoon > 0 || overdue > 0 ? 'due' : 'normal',
    dueSoon,
    overdue,
    tooltip: `${APP} – ${summary}`,
    title: dueSoon > 0 ? String(dueSoon) : '',
    menu: [{ kind: 'info', label: summary }, { kind: 'separator' }, ...(records.length ? records : [{ kind: 'info' as const, label: w.noClock }]), ...tail],
  };
}

/**
 * The icon file in resources/tray (scripts/icons.mjs): macOS takes the template image (the system
 * tints it); elsewhere the glyph for the panel's colour ("dark" = a light glyph for a dark panel),
 * 32 px on Linux, where panels scale the image to their height, 16 px (with @2x) on Windows.
 */
export function trayIconFile(platform: NodeJS.Platform, icon: TrayModel['icon'], darkPanel: boolean): string {
  const name = icon === 'due' ? 'tray-due' : 'tray';
  if (platform === 'darwin') return `${name}Template.png`;
  const panel = darkPanel ? 'dark' : 'light';
  return platform === 'linux' ? `${name}-${panel}-32.png` : `${name}-${panel}.png`;
}

/** The language of the tray's words, from the OS locale (as the notifications). */
export function trayLang(locale: string): Lang {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
