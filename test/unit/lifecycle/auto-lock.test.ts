import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoLock } from '../../../electron/core/lifecycle/auto-lock';
import { PREFERENCES_FILE, PreferencesFile } from '../../../electron/core/lifecycle/preferences';
import { DEFAULT_PREFERENCES } from '@shared/schemas/core';

const MINUTE = 60_000;

/** A clock the test moves by hand: nothing here waits for real time. */
function handClock(start = Date.parse('2026-03-27T09:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function setUp(opts: { minutes?: number; open?: boolean } = {}) {
  const clock = handClock();
  const state = { minutes: opts.minutes ?? 15, open: opts.open ?? true, locks: 0 };
  const auto = new AutoLock({
    clock,
    minutes: () => state.minutes,
    isOpen: () => state.open,
    lock: () => {
      state.locks++;
      state.open = false;
    },
  });
  return { clock, state, auto };
}

describe('auto-lock (idle delay on the app clock)', () => {
  it('locks once the delay has passed without activity, not a millisecond before', () => {
    const { clock, state, auto } = setUp();
    clock.advance(15 * MINUTE - 1);
    expect(auto.check()).toBe(false);
    expect(auto.remainingMs()).toBe(1);
    clock.advance(1);
    expect(auto.check()).toBe(true);
    expect(state.locks).toBe(1);
    // Locked: nothing more to count, and no second lock.
    expect(auto.remainingMs()).toBeNull();
    clock.advance(60 * MINUTE);
    expect(auto.check()).toBe(false);
    expect(state.locks).toBe(1);
  });

  it('activity starts the idle time again', () => {
    const { clock, state, auto } = setUp();
    clock.advance(14 * MINUTE);
    auto.activity();
    clock.advance(14 * MINUTE);
    expect(auto.check()).toBe(false);
    expect(auto.remainingMs()).toBe(MINUTE);
    clock.advance(MINUTE);
    expect(auto.check()).toBe(true);
    expect(state.locks).toBe(1);
  });

  it('0 minutes means never', () => {
    const { clock, state, auto } = setUp({ minutes: 0 });
    clock.advance(365 * 24 * 60 * MINUTE);
    expect(auto.remainingMs()).toBeNull();
    expect(auto.check()).toBe(false);
    expect(state.locks).toBe(0);
  });

  it('a changed delay applies at once, counted from the last activity', () => {
    const { clock, state, auto } = setUp({ minutes: 60 });
    clock.advance(20 * MINUTE);
    expect(auto.check()).toBe(false);
    state.minutes = 15;
    expect(auto.check()).toBe(true);
  });

  it('a register reopened after a lock starts a fresh idle period when activity is reported at opening', () => {
    const { clock, state, auto } = setUp();
    clock.advance(15 * MINUTE);
    expect(auto.check()).toBe(true);
    clock.advance(3 * 60 * MINUTE);
    state.open = true;
    auto.activity(); // what Workstation does when it opens the register
    expect(auto.remainingMs()).toBe(15 * MINUTE);
  });

  it('a jump of the clock (sleep, the test clock) is seen at the next check', () => {
    const { clock, state, auto } = setUp();
    clock.advance(2 * 24 * 60 * MINUTE);
    expect(auto.check()).toBe(true);
    expect(state.locks).toBe(1);
  });

  describe('the timer', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('checks every few seconds of real time and stops when told', () => {
      vi.useFakeTimers();
      const { clock, state, auto } = setUp({ minutes: 1 });
      const checked = vi.spyOn(auto, 'check');
      auto.start();
      auto.start(); // idempotent: one timer
      vi.advanceTimersByTime(5_000);
      expect(checked).toHaveBeenCalledTimes(1);
      clock.advance(MINUTE);
      vi.advanceTimersByTime(5_000);
      expect(state.locks).toBe(1);
      auto.stop();
      vi.advanceTimersByTime(60_000);
      expect(checked).toHaveBeenCalledTimes(2);
    });
  });
});

describe('preferences.json (this machine, readable while locked)', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to a 15-minute auto-lock and closing to the tray; keeps only what was set', () => {
    dir = mkdtempSync(join(tmpdir(), 'privacyops-prefs-'));
    const prefs = new PreferencesFile(dir);
    expect(prefs.read()).toEqual({ autoLockMinutes: 15, quitOnClose: false });
    expect(prefs.update({ quitOnClose: true })).toEqual({ autoLockMinutes: 15, quitOnClose: true });
    expect(JSON.parse(readFileSync(join(dir, PREFERENCES_FILE), 'utf8'))).toEqual({ quitOnClose: true });
    // A later read (the next start) finds them.
    expect(new PreferencesFile(dir).read()).toEqual({ autoLockMinutes: 15, quitOnClose: true });
    // Test mode's defaults (auto-lock off) stand only for what the file does not say.
    expect(new PreferencesFile(dir, { ...DEFAULT_PREFERENCES, autoLockMinutes: 0 }).read()).toEqual({ autoLockMinutes: 0, quitOnClose: true });
  });

  it('refuses a delay out of range and reads a damaged file as the defaults', () => {
    dir = mkdtempSync(join(tmpdir(), 'privacyops-prefs-'));
    const prefs = new PreferencesFile(dir);
    expect(() => prefs.update({ autoLockMinutes: -1 })).toThrow();
    expect(() => prefs.update({ autoLockMinutes: 24 * 60 + 1 })).toThrow();
    writeFileSync(join(dir, PREFERENCES_FILE), '{ not json');
    expect(prefs.read()).toEqual(DEFAULT_PREFERENCES);
  });
});
