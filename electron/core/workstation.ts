import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { ApiError, type EventName, type EventPayload } from '@shared/api/contract';
import type { AppStatus, LockReason, Profile, ProfileUpdate, SetupInput } from '@shared/schemas/profile';
import { Organisation } from '@shared/schemas/profile';
import { DEFAULT_PREFERENCES, type Preferences, type PreferencesUpdate } from '@shared/schemas/core';
import { openEncrypted, type Db } from './db/open';
import { migrate, refuseNewerSchema } from './db/migrations';
import type { AuditLog } from './audit/audit-log';
import type { SearchIndex } from './search/search-index';
import { type KeyStore } from './keys/keychain';
import { unwrapKey, wrapKey } from './keys/recovery';
import { profilePaths, readProfileFile, writeProfileFile, type ProfileFile } from './profile-file';
import { systemClock, type Clock } from './registers/context';
import type { ComplaintRegister } from './registers/complaints';
import type { ClockService } from './clocks/service';
import { TestClock } from './clocks/test-clock';
import type { SyncService } from './sync/sync-service';
import type { Exchange } from './exports/exchange';
import { Session } from './session/session';
import { AUDIT_ANCHOR_FILE } from './session/context';
import type { Registers } from './session/registers';
import { PreferencesFile } from './lifecycle/preferences';
import { AutoLock } from './lifecycle/auto-lock';

// Kept where callers have always found them; their home is session/.
export type { Registers } from './session/registers';
export { Session } from './session/session';

export interface WorkstationOptions {
  dataDir: string;
  keyStore: KeyStore;
  host: 'electron' | 'web';
  version: string;
  clock?: Clock;
  /** Test hook: reminder timer period (default 30 s); 0 = no timer, the test calls clocks.reminders.check(). */
  reminderIntervalMs?: number;
  /** Test hook: scrypt cost. Production always uses the default. */
  scryptParams?: { N: number; r: number; p: number };
  /**
   * Lock after the idle delay of the preferences (the hosts turn it on; tests that drive a
   * Workstation directly leave it off, so moving their clock never locks it under them).
   */
  autoLock?: boolean;
}

export function keychainAccount(profileId: string) {
  return `register:${profileId}`;
}

/**
 * The workstation core's lifecycle: set up, unlock (keychain or passphrase), lock, shut down,
 * status and events. What exists while the register is open is the Session (session/session.ts);
 * the getters below (registers, complaints, clocks, sync, exchange, audit, …) reach the open one
 * and answer LOCKED / NEEDS_SETUP otherwise. Plain Node: the core host runs it in a worker.
 */
export class Workstation {
  private current: Session | null = null;
  private lockReason: LockReason | null = null;
  private keychainOk = false;
  private readonly events = new EventEmitter();
  private readonly clock: Clock;
  private readonly prefs: PreferencesFile;
  private readonly autoLock: AutoLock | null;

  private constructor(private readonly opts: WorkstationOptions) {
    this.clock = opts.clock ?? systemClock;
    this.events.setMaxListeners(100);
    // Test mode starts with auto-lock off: jumping the test clock by days must not lock the
    // register under a test, unless the test turns it on (preferences.set).
    this.prefs = new PreferencesFile(opts.dataDir, this.testMode ? { ...DEFAULT_PREFERENCES, autoLockMinutes: 0 } : DEFAULT_PREFERENCES);
    this.autoLock = opts.autoLock
      ? new AutoLock({ clock: this.clock, minutes: () => this.prefs.read().autoLockMinutes, isOpen: () => this.current !== null, lock: () => this.lock('idle') })
      : null;
    this.autoLock?.start();
  }

  /** Opens the register straight away when the keychain holds its key. */
  static async start(opts: WorkstationOptions): Promise<Workstation> {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    const ws = new Workstation(opts);
    await ws.tryKeychainUnlock();
    return ws;
  }

  get dataDir() {
    return this.opts.dataDir;
  }

  private profileFile(): ProfileFile | null {
    return readProfileFile(this.opts.dataDir);
  }

  status(): AppStatus {
    const file = this.profileFile();
    return {
      state: !file ? 'needs-setup' : this.current ? 'unlocked' : 'locked',
      lockReason: file && !this.current ? this.lockReason : null,
      keychainAvailable: this.keychainOk,
      profile: this.current ? this.current.profile() : null,
      dataDir: this.opts.dataDir,
      version: this.opts.version,
      host: this.opts.host,
    };
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>) {
    this.events.emit(event, payload);
  }

  private emitStatus() {
    this.emit('app.status', this.status());
  }

  async setup(input: SetupInput): Promise<{ status: AppStatus; keyStoredInKeychain: boolean }> {
    if (this.profileFile()) throw new ApiError('ALREADY_SET_UP', 'This data folder already holds a register. Unlock it instead.');
    const paths = profilePaths(this.opts.dataDir);
    if (existsSync(paths.database)) {
      throw new ApiError('CONFLICT', `${paths.database} exists without its profile.json. Move it away or restore profile.json; nothing was changed.`);
    }
    const key = randomBytes(32);
    const file: ProfileFile = {
      formatVersion: 1,
      profileId: uuidv4(),
      deviceId: uuidv4(),
      createdAt: this.clock.now().toISOString(),
      keyWrap: await wrapKey(key, input.recoveryPassphrase, this.opts.scryptParams),
    };
    let db: Db | null = null;
    try {
      db = openEncrypted(paths.database, key, { create: true });
      migrate(db);
      const session = this.newSession(db, Buffer.from(key), file);
      session.writeInitialProfile(Organisation.parse(input.organisation), input.userName);
      // profile.json last: until it exists, the folder counts as not set up and setup can be retried.
      writeProfileFile(this.opts.dataDir, file);
      this.current = session;
      this.autoLock?.activity();
      session.start();
    } catch (e) {
      db?.close();
      for (const f of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, join(this.opts.dataDir, AUDIT_ANCHOR_FILE)]) {
        rmSync(f, { force: true });
      }
      throw e;
    }
    const keyStoredInKeychain = await this.storeKeyInKeychain(file.profileId, key);
    key.fill(0);
    this.lockReason = null;
    this.emitStatus();
    return { status: this.status(), keyStoredInKeychain };
  }

  private async storeKeyInKeychain(profileId: string, key: Buffer): Promise<boolean> {
    this.keychainOk = await this.opts.keyStore.available();
    if (!this.keychainOk) return false;
    try {
      await this.opts.keyStore.set(keychainAccount(profileId), key.toString('hex'));
      return true;
    } catch {
      return false;
    }
  }

  /** Unlock from the OS keychain if it is there and holds the right key; otherwise say why not. */
  async tryKeychainUnlock(): Promise<AppStatus> {
    const file = this.profileFile();
    this.keychainOk = await this.opts.keyStore.available();
    if (!file || this.current) return this.status();
    if (!this.keychainOk) {
      this.lockReason = 'keychain-unavailable';
      return this.status();
    }
    let hex: string | null;
    try {
      hex = await this.opts.keyStore.get(keychainAccount(file.profileId));
    } catch {
      this.lockReason = 'keychain-unavailable';
      return this.status();
    }
    if (!hex || !/^[0-9a-f]{64}$/i.test(hex)) {
      this.lockReason = 'keychain-missing-key';
      return this.status();
    }
    try {
      this.open(Buffer.from(hex, 'hex'), file);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WRONG_KEY') {
        this.lockReason = 'keychain-wrong-key';
        return this.status();
      }
      if (e instanceof ApiError && e.code === 'DATABASE_NEWER') {
        this.lockReason = 'database-newer';
        return this.status();
      }
      throw e;
    }
    this.emitStatus();
    return this.status();
  }

  /** Recovery path: the passphrase unwraps the key; the key goes back into the keychain if one is there. */
  async unlock(passphrase: string): Promise<AppStatus> {
    const file = this.profileFile();
    if (!file) throw new ApiError('NEEDS_SETUP', 'There is no register in this data folder yet.');
    if (this.current) return this.status();
    const key = await unwrapKey(file.keyWrap, passphrase);
    try {
      this.open(key, file);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DATABASE_NEWER') {
        this.lockReason = 'database-newer';
        this.emitStatus();
      }
      throw e;
    }
    await this.storeKeyInKeychain(file.profileId, key);
    this.emitStatus();
    return this.status();
  }

  /** Closes the register; `reason` says why on the unlock screen (the user, or an automatic lock). */
  lock(reason: LockReason = 'user-locked'): AppStatus {
    if (this.current) {
      this.current.closeNow();
      this.current = null;
      this.lockReason = reason;
      this.emitStatus();
    }
    return this.status();
  }

  close(): void {
    this.autoLock?.stop();
    this.current?.closeNow();
    this.current = null;
    this.events.removeAllListeners();
  }

  /** Waits for a sync round in flight before closing (tests, quitting the app). */
  async shutdown(): Promise<void> {
    const s = this.current;
    this.current = null;
    await s?.close();
    this.close();
  }

  async changePassphrase(newPassphrase: string): Promise<void> {
    const s = this.session;
    const file = this.profileFile();
    if (!file) throw new ApiError('NEEDS_SETUP', 'There is no register in this data folder yet.');
    const keyWrap = await s.withKey((key) => wrapKey(key, newPassphrase, this.opts.scryptParams));
    writeProfileFile(this.opts.dataDir, { ...file, keyWrap });
    s.auditPassphraseChange();
  }

  private open(key: Buffer, file: ProfileFile) {
    const db = openEncrypted(profilePaths(this.opts.dataDir).database, key, { create: false, check: (probe) => refuseNewerSchema(probe) });
    try {
      migrate(db);
      this.current = this.newSession(db, key, file);
      this.lockReason = null;
      this.autoLock?.activity();
      this.current.start();
    } catch (e) {
      this.current = null;
      db.close();
      throw e;
    }
  }

  private newSession(db: Db, key: Buffer, file: ProfileFile): Session {
    return new Session({
      db,
      key,
      file,
      dataDir: this.opts.dataDir,
      clock: this.clock,
      keyStore: this.opts.keyStore,
      version: this.opts.version,
      emit: (event, payload) => this.emit(event, payload),
      on: (event, listener) => this.on(event, listener),
      reminderIntervalMs: this.opts.reminderIntervalMs,
    });
  }

  /** The open register (LOCKED / NEEDS_SETUP errors otherwise). */
  get session(): Session {
    if (this.current) return this.current;
    if (!this.profileFile()) throw new ApiError('NEEDS_SETUP', 'There is no register in this data folder yet: set it up first.');
    throw new ApiError('LOCKED', 'The register is locked. Unlock it with the keychain or the recovery passphrase.');
  }

  /** Whether a register is open now (no error when not). */
  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Test mode: the host was started with --clock / PRIVACYOPS_CLOCK (see clocks/test-clock.ts). */
  get testMode(): boolean {
    return this.clock instanceof TestClock;
  }

  /** The app's clock (a TestClock in test mode). */
  now(): Date {
    return this.clock.now();
  }

  /** Test mode only: jump the clock, then look for reminders at once. */
  setClock(at: string): { now: string } {
    if (!(this.clock instanceof TestClock)) throw new ApiError('UNKNOWN_METHOD', 'There is no API method called "app.setClock". GET /api lists them.');
    const now = this.clock.set(at);
    if (!this.autoLock?.check()) this.current?.clocks.reminders.checkNow();
    return { now: now.toISOString() };
  }

  /** The user is active (UI input, or a call that changes something): the idle time starts again. */
  activity(): void {
    this.autoLock?.activity();
  }

  /** This machine's preferences (readable while locked). */
  preferences(): Preferences {
    return this.prefs.read();
  }

  setPreferences(change: PreferencesUpdate): Preferences {
    const next = this.prefs.update(change);
    this.emit('preferences.changed', next);
    return next;
  }

  // The open session's services under the names callers use (each LOCKED when locked).

  get registers(): Registers {
    return this.session;
  }

  get complaints(): ComplaintRegister {
    return this.session.complaints;
  }

  /** The clocks board, a record's clocks, the calendar export, reminders and custom rules. */
  get clocks(): ClockService {
    return this.session.clocks;
  }

  get sync(): SyncService {
    return this.session.sync;
  }

  /** Incident timelines, exports, imports and the jobs they run as. */
  get exchange(): Exchange {
    return this.session.exchange;
  }

  get audit(): AuditLog {
    return this.session.audit;
  }

  history(recordType: string, recordId: string) {
    return this.session.history(recordType, recordId);
  }

  dashboard() {
    return this.session.dashboard();
  }

  search(query: Parameters<SearchIndex['search']>[0]) {
    return this.session.search(query);
  }

  memberLabel(): string {
    return this.session.memberLabel();
  }

  resolveConflict(id: string, choice: 'kept_current' | 'took_losing'): void {
    this.session.resolveConflict(id, choice);
  }

  profile(): Profile {
    return this.session.profile();
  }

  updateProfile(update: ProfileUpdate): Profile {
    const profile = this.session.updateProfile(update);
    // Every window shows the organisation's name and zone: tell them all.
    this.emitStatus();
    return profile;
  }
}
