import { describe, expect, it } from 'vitest';
import type { Clock } from '@shared/schemas/clock';
import { clockEntryLabel, TRAY_CLOCKS, trayIconFile, trayLang, trayModel, type TrayEntry, type TrayInput } from '../../electron/main/tray-model';

const HOUR = 3_600_000;
/** The app's "now", set by hand: nothing here reads the machine's clock. */
const NOW = Date.parse('2026-03-27T09:00:00Z');
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * HOUR).toISOString();

let n = 0;
function clock(over: Partial<Clock> & { dueIn: number | null }): Clock {
  n++;
  const { dueIn, ...rest } = over;
  return {
    id: `incident:${n}:gdpr-33-authority`,
    recordType: 'incident',
    recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    context: null,
    reference: `INC-2026-${String(n).padStart(4, '0')}`,
    title: 'Stolen laptop with customer exports',
    kind: 'gdpr-33-authority',
    rule: 'gdpr-33-72h',
    label: { en: 'GDPR Art. 33(1) – notify the supervisory authority', fr: 'RGPD art. 33(1) – notifier l’autorité de contrôle' },
    basis: { en: 'basis', fr: 'base' },
    note: null,
    startedAt: at(-48),
    due: dueIn === null ? null : at(dueIn),
    target: null,
    internalTarget: null,
    outerBound: null,
    metAt: null,
    state: 'running',
    stoppedReason: null,
    obligation: true,
    delayReasonsGiven: null,
    needsDelayReasons: false,
    party: null,
    partyId: null,
    drill: false,
    ...rest,
  };
}

const input = (clocks: Clock[], over: Partial<TrayInput> = {}): TrayInput => ({ now: NOW, lang: 'en', register: 'unlocked', clocks, ...over });
const records = (menu: TrayEntry[]) => menu.filter((e): e is Extract<TrayEntry, { kind: 'record' }> => e.kind === 'record');
const actions = (menu: TrayEntry[]) => menu.filter((e): e is Extract<TrayEntry, { kind: 'action' }> => e.kind === 'action');

describe('tray model', () => {
  it('counts the clocks due within 24 hours, overdue ones apart, and uses the due-soon icon', () => {
    const clocks = [clock({ dueIn: 2 }), clock({ dueIn: 23.99 }), clock({ dueIn: 24 }), clock({ dueIn: 24.01 }), clock({ dueIn: 200 }), clock({ dueIn: -1 })];
    const m = trayModel(input(clocks));
    expect(m.dueSoon).toBe(3);
    expect(m.overdue).toBe(1);
    expect(m.icon).toBe('due');
    expect(m.title).toBe('3');
    expect(m.tooltip).toBe('PrivacyOps Workstation – 3 deadlines within 24 hours, 1 overdue');
    expect(m.menu[0]).toEqual({ kind: 'info', label: '3 deadlines within 24 hours, 1 overdue' });
  });

  it('the count follows the clock: the same clocks an hour later', () => {
    const clocks = [clock({ dueIn: 0.5 }), clock({ dueIn: 24.5 })];
    expect(trayModel(input(clocks))).toMatchObject({ dueSoon: 1, overdue: 0 });
    const later = trayModel(input(clocks, { now: NOW + HOUR }));
    // The first is overdue now, the second came within 24 hours.
    expect(later.dueSoon).toBe(1);
    expect(later.overdue).toBe(1);
  });

  it('nothing due: the normal icon, no title, and words saying so', () => {
    const m = trayModel(input([clock({ dueIn: 100 })]));
    expect(m).toMatchObject({ icon: 'normal', dueSoon: 0, overdue: 0, title: '', tooltip: 'PrivacyOps Workstation – No deadline within 24 hours' });
    const empty = trayModel(input([]));
    expect(empty.menu).toContainEqual({ kind: 'info', label: 'No open deadline' });
    expect(records(empty.menu)).toEqual([]);
  });

  it('lists the five most urgent, overdue first then by due instant, each opening its record', () => {
    const clocks = [
      clock({ dueIn: 50, reference: 'A-5' }),
      clock({ dueIn: 3, reference: 'A-2' }),
      clock({ dueIn: -2, reference: 'A-1' }),
      clock({ dueIn: 9, reference: 'A-3' }),
      clock({ dueIn: null, reference: 'NO-DUE' }),
      clock({ dueIn: 12, reference: 'A-4' }),
      clock({ dueIn: 400, reference: 'A-6' }),
      clock({ dueIn: 1, reference: 'MET', metAt: at(-1) }),
      clock({ dueIn: 1, reference: 'STOPPED', stoppedReason: 'incident_closed' }),
    ];
    const list = records(trayModel(input(clocks)).menu);
    expect(list).toHaveLength(TRAY_CLOCKS);
    expect(list.map((e) => e.label.split(' – ')[0])).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-5']);
    expect(list[0]).toMatchObject({ recordType: 'incident', recordId: clocks[2]!.recordId, overdue: true });
    expect(list[1]!.overdue).toBe(false);
  });

  it('labels in English and French: reference, party, what is due, time left', () => {
    const c = clock({ dueIn: 3 + 20 / 60, reference: 'INC-2026-0003', party: 'Client SA' });
    expect(clockEntryLabel(c, NOW, 'en')).toBe('INC-2026-0003 – Client SA – GDPR Art. 33(1) – notify the supervisory authority – 3 h 20 min');
    expect(clockEntryLabel(c, NOW, 'fr')).toBe('INC-2026-0003 – Client SA – RGPD art. 33(1) – notifier l’autorité de contrôle – 3 h 20 min');
    const late = clock({ dueIn: -(26 + 5 / 60), reference: 'C-2026-0001' });
    expect(clockEntryLabel(late, NOW, 'en')).toMatch(/ – overdue by 26 h 05 min$/);
    expect(clockEntryLabel(late, NOW, 'fr')).toMatch(/ – en retard de 26 h 05 min$/);
    const long = clock({ dueIn: 5, label: { en: 'x'.repeat(200), fr: 'y'.repeat(200) } });
    expect(clockEntryLabel(long, NOW, 'en').length).toBeLessThan(110);
    expect(clockEntryLabel(long, NOW, 'en')).toContain('…');
  });

  it('French throughout', () => {
    const m = trayModel(input([clock({ dueIn: 2 }), clock({ dueIn: -3 })], { lang: 'fr' }));
    expect(m.tooltip).toBe('PrivacyOps Workstation – 1 échéance dans les 24 heures, 1 en retard');
    expect(actions(m.menu).map((a) => a.label)).toEqual(['Ouvrir PrivacyOps Workstation', 'Verrouiller maintenant', 'Quitter']);
    expect(trayModel(input([], { lang: 'fr' })).tooltip).toBe('PrivacyOps Workstation – Aucune échéance dans les 24 heures');
  });

  it('open, "Lock now" and quit, in that order, after the clocks', () => {
    const m = trayModel(input([clock({ dueIn: 2 })]));
    expect(actions(m.menu)).toEqual([
      { kind: 'action', action: 'open', label: 'Open PrivacyOps Workstation', enabled: true },
      { kind: 'action', action: 'lock', label: 'Lock now', enabled: true },
      { kind: 'action', action: 'quit', label: 'Quit', enabled: true },
    ]);
    const lastRecord = m.menu.findLastIndex((e) => e.kind === 'record');
    expect(m.menu.findIndex((e) => e.kind === 'action')).toBeGreaterThan(lastRecord);
  });

  it('locked: nothing of the register (no reference, no count), says reminders are paused, offers unlock', () => {
    const m = trayModel(input([clock({ dueIn: 2 }), clock({ dueIn: -1 })], { register: 'locked' }));
    expect(m).toMatchObject({ icon: 'normal', dueSoon: 0, overdue: 0, title: '', tooltip: 'PrivacyOps Workstation – Register locked: reminders paused' });
    expect(records(m.menu)).toEqual([]);
    expect(JSON.stringify(m.menu)).not.toContain('INC-');
    expect(actions(m.menu)).toContainEqual({ kind: 'action', action: 'open', label: 'Unlock…', enabled: true });
    expect(actions(m.menu)).toContainEqual({ kind: 'action', action: 'lock', label: 'Lock now', enabled: false });
    expect(trayModel(input([], { register: 'locked', lang: 'fr' })).tooltip).toBe('PrivacyOps Workstation – Registre verrouillé : rappels en pause');
    expect(trayModel(input([], { register: 'stopped' })).tooltip).toBe("PrivacyOps Workstation – The register's core stopped");
    expect(trayModel(input([], { register: 'needs-setup' })).menu[0]).toEqual({ kind: 'info', label: 'No register set up yet' });
  });

  it('picks the icon file the platform and panel need, all of which exist', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(trayIconFile('darwin', 'due', true)).toBe('tray-dueTemplate.png');
    expect(trayIconFile('darwin', 'normal', false)).toBe('trayTemplate.png');
    expect(trayIconFile('linux', 'due', true)).toBe('tray-due-dark-32.png');
    expect(trayIconFile('win32', 'normal', false)).toBe('tray-light.png');
    for (const p of ['darwin', 'linux', 'win32'] as const)
      for (const icon of ['normal', 'due'] as const)
        for (const dark of [true, false]) expect(existsSync(join(import.meta.dirname, '../../resources/tray', trayIconFile(p, icon, dark)))).toBe(true);
  });

  it('speaks French when the OS does', () => {
    expect(trayLang('fr-FR')).toBe('fr');
    expect(trayLang('fr')).toBe('fr');
    expect(trayLang('en-GB')).toBe('en');
    expect(trayLang('de-DE')).toBe('en');
  });
});
