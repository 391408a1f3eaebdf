import { hostname } from 'node:os';
import type { EventName, EventPayload } from '@shared/api/contract';
import type { Profile, ProfileUpdate } from '@shared/schemas/profile';
import { Organisation as OrganisationSchema } from '@shared/schemas/profile';
import type { Db } from '../db/open';
import type { AuditLog } from '../audit/audit-log';
import type { SearchIndex } from '../search/search-index';
import type { KeyStore } from '../keys/keychain';
import type { ProfileFile } from '../profile-file';
import { appendAudit, diffFields, type Clock, type RegisterContext } from '../registers/context';
import { dashboard } from '../registers/dashboard';
import { recordHistory } from '../registers/record-history';
import { ClockService } from '../clocks/service';
import { SyncService } from '../sync/sync-service';
import { exchangeFor, type Exchange } from '../exports/exchange';
import type { AnyRegister } from '../sync/apply';
import { getMeta, setMeta } from '../db/meta';
import { OBLIGATIONS_BACKFILL } from '../db/steps/009-obligations';
import { sessionContext } from './context';
import { publishLocalLetters } from '../templates/letters-sync';
import { openRegisters, registersByType, type Registers } from './registers';

export const PROFILE_RECORD = 'profile';

/** Meta key and version of the rules whose stored results Session.start recomputes once. */
const APPEAL_RULE_VERSION_KEY = 'appealRuleVersion';
const APPEAL_RULE_VERSION = 2;

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;

export interface SessionOptions {
  db: Db;
  /** The database key: kept to re-wrap it (passphrase change) and wiped at close. */
  key: Buffer;
  file: ProfileFile;
  dataDir: string;
  clock: Clock;
  keyStore: KeyStore;
  version: string;
  emit: Emit;
  on: Subscribe;
  reminderIntervalMs?: number;
}

/**
 * Everything that exists only while the register is open: the database, the registers, and the
 * services over them (clocks and reminders, sync, timelines/exports/imports). The Workstation
 * opens one at unlock and closes it at lock; tests and the bench use it directly.
 */
export class Session implements Registers {
  readonly db: Db;
  readonly ctx: RegisterContext;
  readonly complaints: Registers['complaints'];
  readonly letters: Registers['letters'];
  readonly matters: Registers['matters'];
  readonly incidents: Registers['incidents'];
  readonly actions: Registers['actions'];
  readonly contracts: Registers['contracts'];
  readonly links: Registers['links'];
  readonly attachments: Registers['attachments'];
  readonly views: Registers['views'];
  readonly clocks: ClockService;
  readonly sync: SyncService;
  /** Every register by record type, for sync to apply operations to. */
  readonly byType: Map<string, AnyRegister>;
  readonly exchange: Exchange;
  private readonly key: Buffer;
  private closed = false;

  constructor(private readonly o: SessionOptions) {
    this.db = o.db;
    this.key = o.key;
    this.ctx = sessionContext({
      db: o.db,
      dataDir: o.dataDir,
      anchorSecret: o.key,
      deviceId: o.file.deviceId,
      clock: o.clock,
      // The local member's role (README › Roles): what it does not allow is refused here too,
      // not only by colleagues' machines. `sync` is made below; no write runs before it is.
      writeCheck: () => this.sync.writeCheck(),
      memberId: () => this.sync.memberId(),
      onCommit: (recordType, id) => {
        o.emit('record.changed', { recordType, id });
        // A local change goes up by itself when a backend is configured.
        this.sync.trigger();
      },
    });
    const registers = openRegisters(this.ctx);
    this.complaints = registers.complaints;
    this.letters = registers.letters;
    this.matters = registers.matters;
    this.incidents = registers.incidents;
    this.actions = registers.actions;
    this.contracts = registers.contracts;
    this.links = registers.links;
    this.attachments = registers.attachments;
    this.views = registers.views;
    this.byType = registersByType(registers);
    this.sync = new SyncService(this.ctx, this.byType, o.keyStore, o.file.profileId, o.file.deviceId, {
      status: (st) => o.emit('sync.status', st),
      changed: (recordType, id) => o.emit('record.changed', { recordType, id }),
    });
    this.clocks = new ClockService({
      ctx: this.ctx,
      clock: o.clock,
      emit: o.emit,
      onRecordChanged: (listener) => o.on('record.changed', listener),
      reminderIntervalMs: o.reminderIntervalMs,
    });
    // Created with the session: it registers the timeline entries with sync, which must know
    // every record type before it applies operations.
    this.exchange = exchangeFor(
      this.ctx,
      () => ({
        registers: this,
        appVersion: o.version,
        organisation: () => this.profile().organisation,
        emitProgress: (p) => o.emit('job.progress', p),
        permissions: () => this.sync.permissions(),
      }),
      this.byType,
    );
  }

  /** The registers alone (what exports, timelines and the bench take). */
  get registers(): Registers {
    return this;
  }

  get audit(): AuditLog {
    return this.ctx.audit;
  }

  /** What runs in the background while the register is open: sync and the reminder timer. */
  start(): void {
    this.upgradeRecords();
    this.sync.start();
    this.clocks.reminders.start();
  }

  /**
   * One-time work a schema upgrade leaves for the registers: migration 9 marks a register whose
   * incidents predate notification obligations; their obligations are proposed (and their
   * notifications linked to them) once, before sync or reminders read them.
   */
  private upgradeRecords(): void {
    // A member whose role may not change these records leaves them to a colleague who may (the
    // result reaches it by sync); the step is tried again at the next opening.
    if (getMeta<boolean>(this.db, OBLIGATIONS_BACKFILL) === true && this.sync.mayWrite('obligation')) {
      this.incidents.backfillObligations();
      setMeta(this.db, OBLIGATIONS_BACKFILL, false);
    }
    // Template versions and generated letters from before they travelled (migration 19).
    publishLocalLetters(this.ctx, (recordType) => this.sync.mayWrite(recordType));
    // Rule changes that move stored dates: the appeal window's earlier reading (version 2).
    if ((getMeta<number>(this.db, APPEAL_RULE_VERSION_KEY) ?? 1) < APPEAL_RULE_VERSION && this.sync.mayWrite('letter')) {
      this.letters.recountAppeals();
      setMeta(this.db, APPEAL_RULE_VERSION_KEY, APPEAL_RULE_VERSION);
    }
  }

  /** Stops the background work (waits for a sync round in flight), closes the file, wipes the key. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clocks.reminders.stop();
    const stopped = this.sync.stop();
    await stopped;
    this.db.close();
    this.key.fill(0);
  }

  /** Closes at once (the sync round in flight, if any, ends on a closed database and is retried next time). */
  closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    this.clocks.reminders.stop();
    void this.sync.stop();
    this.db.close();
    this.key.fill(0);
  }

  /** The database key, for re-wrapping it under a new passphrase. */
  withKey<T>(fn: (key: Buffer) => T): T {
    return fn(this.key);
  }

  profile(): Profile {
    return {
      organisation: OrganisationSchema.parse(getMeta(this.db, 'organisation')),
      userName: getMeta<string>(this.db, 'userName') ?? '',
      deviceId: this.o.file.deviceId,
      profileId: this.o.file.profileId,
    };
  }

  /** First run: the organisation and the user, audited as the register's first entry. */
  writeInitialProfile(organisation: Profile['organisation'], userName: string): void {
    this.ctx.write(PROFILE_RECORD, () => {
      setMeta(this.db, 'organisation', organisation);
      setMeta(this.db, 'userName', userName);
      appendAudit(this.ctx, PROFILE_RECORD, this.o.file.profileId, 'profile', [
        ...diffFields(null, organisation as Record<string, unknown>, Object.keys(organisation) as never[]),
        { field: 'userName', old: null, new: userName },
      ]);
      return { id: this.o.file.profileId };
    });
  }

  updateProfile(update: ProfileUpdate): Profile {
    const before = this.profile();
    const organisation = OrganisationSchema.parse({ ...before.organisation, ...update.organisation });
    const userName = update.userName ?? before.userName;
    this.ctx.write(PROFILE_RECORD, () => {
      const changes = [
        ...diffFields(before.organisation as Record<string, unknown>, organisation, Object.keys(organisation) as never[]),
        ...diffFields({ userName: before.userName }, { userName }, ['userName']),
      ];
      if (changes.length) {
        // Audited before the write, under the previous name, so a rename is attributed to who did it.
        appendAudit(this.ctx, PROFILE_RECORD, before.profileId, 'profile', changes);
        setMeta(this.db, 'organisation', organisation);
        setMeta(this.db, 'userName', userName);
      }
      return { id: before.profileId };
    });
    return this.profile();
  }

  /** The passphrase was replaced: say so in the audit log (never what it was). */
  auditPassphraseChange(): void {
    this.ctx.write(PROFILE_RECORD, () => {
      appendAudit(this.ctx, PROFILE_RECORD, this.o.file.profileId, 'profile', [{ field: 'recoveryPassphrase', old: '(previous)', new: '(replaced)' }]);
      return { id: this.o.file.profileId };
    });
  }

  history(recordType: string, recordId: string) {
    return recordHistory(this.ctx, recordType, recordId);
  }

  dashboard() {
    return dashboard(this.ctx);
  }

  search(query: Parameters<SearchIndex['search']>[0]) {
    return this.ctx.search.search(query);
  }

  /** What this machine is called to the other members of a workspace. */
  memberLabel(): string {
    return `${this.profile().userName} (${hostname()})`;
  }

  resolveConflict(id: string, choice: 'kept_current' | 'took_losing'): void {
    this.sync.resolveConflict(id, choice, this.byType);
  }
}
