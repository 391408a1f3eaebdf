import { EventEmitter } from 'node:events';
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { ApiError, type EventName, type EventPayload } from '@shared/api/contract';
import type { AppStatus, LockReason, Organisation, Profile, ProfileUpdate, SetupInput } from '@shared/schemas/profile';
import { Organisation as OrganisationSchema } from '@shared/schemas/profile';
import { openEncrypted, type Db } from './db/open';
import { migrate } from './db/migrations';
import { AuditLog } from './audit/audit-log';
import { SearchIndex } from './search/search-index';
import { type KeyStore } from './keys/keychain';
import { unwrapKey, wrapKey } from './keys/recovery';
import { profilePaths, readProfileFile, writeProfileFile, type ProfileFile } from './profile-file';
import { appendAudit, diffFields, systemClock, type Clock, type RegisterContext } from './registers/context';
import { ComplaintRegister } from './registers/complaints';
import { LetterRegister } from './registers/letters';
import { MatterRegister } from './registers/matters';
import { IncidentRegister } from './registers/incidents';
import { ActionRegister } from './registers/actions';
import { Links } from './registers/links';
import { Attachments } from './registers/attachments';
import { SavedViews } from './registers/saved-views';
import { dashboard } from './registers/dashboard';
import { recordHistory } from './registers/record-history';
import { ClockService } from './clocks/service';
import { TestClock } from './clocks/test-clock';
import { RegisterBase } from './registers/register-base';
import { SyncService } from './sync/sync-service';
import { exchangeFor, type Exchange } from './exports/exchange';
import type { AnyRegister } from './sync/apply';
import { hostname } from 'node:os';

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
}

/** Everything that exists only while the register is open. */
interface Session extends Registers {
  db: Db;
  key: Buffer;
  ctx: RegisterContext;
  clocks: ClockService;
  sync: SyncService;
  /** Every register by record type, for sync to apply operations to. */
  byType: Map<string, AnyRegister>;
}

/** The registers (and their child registers) keyed by the record type they store. */
function registersByType(registers: Registers): Map<string, AnyRegister> {
  const map = new Map<string, AnyRegister>();
  const add = (r: unknown) => {
    if (!(r instanceof RegisterBase)) return;
    map.set(r.recordType, r as AnyRegister);
    const kids = (r as unknown as { children?: () => unknown[] }).children?.();
    kids?.forEach(add);
  };
  Object.values(registers).forEach(add);
  return map;
}

/** The registers and cross-register services of an open register. */
export interface Registers {
  complaints: ComplaintRegister;
  letters: LetterRegister;
  matters: MatterRegister;
  incidents: IncidentRegister;
  actions: ActionRegister;
  links: Links;
  attachments: Attachments;
  views: SavedViews;
}

function openRegisters(ctx: RegisterContext): Registers {
  const letters = new LetterRegister(ctx);
  return {
    complaints: new ComplaintRegister(ctx),
    letters,
    matters: new MatterRegister(ctx, letters),
    incidents: new IncidentRegister(ctx),
    actions: new ActionRegister(ctx),
    links: new Links(ctx),
    attachments: new Attachments(ctx),
    views: new SavedViews(ctx),
  };
}

const PROFILE_RECORD = 'profile';
const AUDIT_ANCHOR_FILE = 'audit-head.json';

export function keychainAccount(profileId: string) {
  return `register:${profileId}`;
}

/**
 * The workstation core: owns the register's lifecycle (setup, unlock, lock) and its services.
 * Plain Node: the Electron main process and the web host both wrap this same object.
 */
export class Workstation {
  private session: Session | null = null;
  private lockReason: LockReason | null = null;
  private keychainOk = false;
  private readonly events = new EventEmitter();
  private readonly clock: Clock;

  private constructor(private readonly opts: WorkstationOptions) {
    this.clock = opts.clock ?? systemClock;
    this.events.setMaxListeners(100);
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
      state: !file ? 'needs-setup' : this.session ? 'unlocked' : 'locked',
      lockReason: file && !this.session ? this.lockReason : null,
      keychainAvailable: this.keychainOk,
      profile: this.session ? this.profile() : null,
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
      const session = this.openSession(db, key, file);
      session.ctx.write(PROFILE_RECORD, () => {
        setMeta(db!, 'organisation', input.organisation);
        setMeta(db!, 'userName', input.userName);
        appendAudit(session.ctx, PROFILE_RECORD, file.profileId, 'profile', [
          ...diffFields(null, input.organisation as Record<string, unknown>, Object.keys(input.organisation) as never[]),
          { field: 'userName', old: null, new: input.userName },
        ]);
        return { id: file.profileId };
      });
      // profile.json last: until it exists, the folder counts as not set up and setup can be retried.
      writeProfileFile(this.opts.dataDir, file);
      this.session = session;
      this.startServices();
    } catch (e) {
      db?.close();
      for (const f of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, join(this.opts.dataDir, AUDIT_ANCHOR_FILE)]) {
        rmSync(f, { force: true });
      }
      throw e;
    }
    const keyStoredInKeychain = await this.storeKeyInKeychain(file.profileId, key);
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
    if (!file || this.session) return this.status();
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
      throw e;
    }
    this.emitStatus();
    return this.status();
  }

  /** Recovery path: the passphrase unwraps the key; the key goes back into the keychain if one is there. */
  async unlock(passphrase: string): Promise<AppStatus> {
    const file = this.profileFile();
    if (!file) throw new ApiError('NEEDS_SETUP', 'There is no register in this data folder yet.');
    if (this.session) return this.status();
    const key = await unwrapKey(file.keyWrap, passphrase);
    this.open(key, file);
    await this.storeKeyInKeychain(file.profileId, key);
    this.emitStatus();
    return this.status();
  }

  lock(): AppStatus {
    if (this.session) {
      void this.session.sync.stop();
      this.session.clocks.reminders.stop();
      this.session.db.close();
      this.session.key.fill(0);
      this.session = null;
      this.lockReason = 'user-locked';
      this.emitStatus();
    }
    return this.status();
  }

  close(): void {
    if (this.session) {
      void this.session.sync.stop();
      this.session.clocks.reminders.stop();
      this.session.db.close();
      this.session = null;
    }
    this.events.removeAllListeners();
  }

  async changePassphrase(newPassphrase: string): Promise<void> {
    const s = this.requireSession();
    const file = this.profileFile();
    if (!file) throw new ApiError('NEEDS_SETUP', 'There is no register in this data folder yet.');
    writeProfileFile(this.opts.dataDir, { ...file, keyWrap: await wrapKey(s.key, newPassphrase, this.opts.scryptParams) });
    s.ctx.write(PROFILE_RECORD, () => {
      appendAudit(s.ctx, PROFILE_RECORD, file.profileId, 'profile', [{ field: 'recoveryPassphrase', old: '(previous)', new: '(replaced)' }]);
      return { id: file.profileId };
    });
  }

  private open(key: Buffer, file: ProfileFile) {
    const db = openEncrypted(profilePaths(this.opts.dataDir).database, key, { create: false });
    try {
      migrate(db);
      this.session = this.openSession(db, key, file);
      this.lockReason = null;
      this.startServices();
    } catch (e) {
      db.close();
      throw e;
    }
  }

  private openSession(db: Db, key: Buffer, file: ProfileFile): Session {
    const anchorKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'privacyops audit anchor v1', 32));
    const audit = new AuditLog(db, join(this.opts.dataDir, AUDIT_ANCHOR_FILE), anchorKey, file.deviceId, () => this.clock.now().getTime());
    const search = new SearchIndex(db);
    const events = this.events;
    const ctx: RegisterContext = {
      db,
      audit,
      search,
      clock: this.clock,
      device: file.deviceId,
      actor: () => getMeta<string>(db, 'userName') ?? 'unknown',
      calendar: () => {
        const org = getMeta<Organisation>(db, 'organisation');
        return { timeZone: org?.timeZone ?? 'Europe/Paris', country: org?.country ?? 'FR' };
      },
      write<T>(recordType: string, fn: () => T & { id: string }): T {
        // Nested writes join the outer transaction; the outer one seals and notifies.
        if (db.inTransaction) return fn();
        let result: T & { id: string };
        try {
          result = db.transaction(fn)();
        } catch (e) {
          audit.resetHead();
          throw e;
        }
        audit.writeAnchor();
        events.emit('record.changed', { recordType, id: result.id });
        onLocalWrite();
        return result;
      },
    };
    const registers = openRegisters(ctx);
    const byType = registersByType(registers);
    const sync = new SyncService(ctx, byType, this.opts.keyStore, file.profileId, file.deviceId, {
      status: (st) => events.emit('sync.status', st),
      changed: (recordType, id) => events.emit('record.changed', { recordType, id }),
    });
    // A local change goes up by itself when a backend is configured.
    const onLocalWrite = () => sync.trigger();
    const clocks = new ClockService({
      ctx,
      clock: this.clock,
      emit: (e, p) => this.emit(e, p),
      onRecordChanged: (listener) => this.on('record.changed', listener),
      reminderIntervalMs: this.opts.reminderIntervalMs,
    });
    return { db, key, ctx, ...registers, sync, byType, clocks };
  }

  private requireSession(): Session {
    if (this.session) return this.session;
    if (!this.profileFile()) throw new ApiError('NEEDS_SETUP', 'There is no register in this data folder yet: set it up first.');
    throw new ApiError('LOCKED', 'The register is locked. Unlock it with the keychain or the recovery passphrase.');
  }

  /** The open register's services; LOCKED / NEEDS_SETUP errors otherwise. */
  get registers(): Registers {
    return this.requireSession();
  }

  get complaints(): ComplaintRegister {
    return this.requireSession().complaints;
  }

  history(recordType: string, recordId: string) {
    return recordHistory(this.requireSession().ctx, recordType, recordId);
  }

  /** The clocks board, a record's clocks, the calendar export, reminders and custom rules. */
  get clocks(): ClockService {
    return this.requireSession().clocks;
  }

  /** Test mode: the host was started with --clock / PRIVACYOPS_CLOCK (see clocks/test-clock.ts). */
  get testMode(): boolean {
    return this.clock instanceof TestClock;
  }

  /** Test mode only: jump the clock, then look for reminders at once. */
  setClock(at: string): { now: string } {
    if (!(this.clock instanceof TestClock)) throw new ApiError('UNKNOWN_METHOD', 'There is no API method called "app.setClock". GET /api lists them.');
    const now = this.clock.set(at);
    this.session?.clocks.reminders.checkNow();
    return { now: now.toISOString() };
  }

  get sync(): SyncService {
    return this.requireSession().sync;
  }

  /** What this machine is called to the other members of a workspace. */
  memberLabel(): string {
    return `${this.profile().userName} (${hostname()})`;
  }

  resolveConflict(id: string, choice: 'kept_current' | 'took_losing'): void {
    const s = this.requireSession();
    s.sync.resolveConflict(id, choice, s.byType);
  }

  /** Waits for a sync round in flight before closing (tests, quitting the app). */
  async shutdown(): Promise<void> {
    if (this.session) await this.session.sync.stop();
    this.close();
  }

  dashboard() {
    return dashboard(this.requireSession().ctx);
  }

  search(query: Parameters<SearchIndex['search']>[0]) {
    return this.requireSession().ctx.search.search(query);
  }

  get audit(): AuditLog {
    return this.requireSession().ctx.audit;
  }

  /**
   * What runs while the register is open. The exchange is created first: it registers the
   * timeline entries with sync, which must know every record type before it applies operations.
   */
  private startServices(): void {
    const s = this.requireSession();
    void this.exchange;
    s.sync.start();
    s.clocks.reminders.start();
  }

  /** Incident timelines, exports, imports and the jobs they run as. */
  get exchange(): Exchange {
    const s = this.requireSession();
    return exchangeFor(
      s.ctx,
      () => ({ registers: s, appVersion: this.opts.version, organisation: () => this.profile().organisation, emitProgress: (p) => this.emit('job.progress', p) }),
      s.byType,
    );
  }

  profile(): Profile {
    const s = this.requireSession();
    const file = this.profileFile();
    return {
      organisation: OrganisationSchema.parse(getMeta(s.db, 'organisation')),
      userName: getMeta<string>(s.db, 'userName') ?? '',
      deviceId: file?.deviceId ?? '',
      profileId: file?.profileId ?? '',
    };
  }

  updateProfile(update: ProfileUpdate): Profile {
    const s = this.requireSession();
    const before = this.profile();
    const organisation = OrganisationSchema.parse({ ...before.organisation, ...update.organisation });
    const userName = update.userName ?? before.userName;
    s.ctx.write(PROFILE_RECORD, () => {
      const changes = [
        ...diffFields(before.organisation as Record<string, unknown>, organisation, Object.keys(organisation) as never[]),
        ...diffFields({ userName: before.userName }, { userName }, ['userName']),
      ];
      if (changes.length) {
        // Audited before the write, under the previous name, so a rename is attributed to who did it.
        appendAudit(s.ctx, PROFILE_RECORD, before.profileId, 'profile', changes);
        setMeta(s.db, 'organisation', organisation);
        setMeta(s.db, 'userName', userName);
      }
      return { id: before.profileId };
    });
    // Every window shows the organisation's name and zone: tell them all.
    this.emitStatus();
    return this.profile();
  }
}

function setMeta(db: Db, key: string, value: unknown) {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

function getMeta<T>(db: Db, key: string): T | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}
