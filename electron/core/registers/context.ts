import type { FieldChange, AuditAction } from '@shared/schemas/audit';
import type { OrgCalendar } from '@shared/deadlines';
import type { Db } from '../db/open';
import type { AuditLog } from '../audit/audit-log';
import type { SearchIndex } from '../search/search-index';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every register needs to write: the database, the audit log, the index, who and when. */
export interface RegisterContext {
  db: Db;
  audit: AuditLog;
  search: SearchIndex;
  clock: Clock;
  actor(): string;
  device: string;
  calendar(): OrgCalendar;
  /** Runs `fn` in one transaction; seals the audit head and notifies listeners after commit. */
  write<T>(recordType: string, fn: () => T & { id: string }): T;
  /**
   * Refuses a local change this machine's member may not make (README › Roles): ROLE_FORBIDDEN
   * for a record type its role may not write, DUTIES_SEPARATED for verifying an action it marked
   * done itself. appendAudit calls it: every local change of a register becomes its audit entry
   * (and its operation) there, so that is the one place it is checked.
   */
  authorize(change: { recordType: string; recordId: string; changes: readonly FieldChange[] }): void;
  /**
   * This machine's workspace member id (null without sync, or absent): the author of its own
   * entries, whom separation of duties compares (README › Roles).
   */
  member?(): string | null;
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** Stores every instant in UTC, whatever offset it came with. */
export function toUtc(iso: string): string;
export function toUtc(iso: string | null | undefined): string | null;
export function toUtc(iso: string | null | undefined): string | null {
  if (iso == null) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not an instant: ${iso}`);
  return d.toISOString();
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone (the zone's own calendar). */
export function localDay(iso: string, timeZone: string): string {
  let f = DAY_FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** Field-level differences, for the audit entry. Arrays and objects compare by value. */
export function diffFields<T extends Record<string, unknown>>(before: T | null, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const f of fields) {
    const o = before ? before[f] : null;
    const n = after[f];
    if (JSON.stringify(o ?? null) !== JSON.stringify(n ?? null)) changes.push({ field: f, old: o ?? null, new: n ?? null });
  }
  return changes;
}

export function appendAudit(ctx: RegisterContext, recordType: string, recordId: string, action: AuditAction, changes: FieldChange[], at?: string, fresh = false) {
  // Inside the write's transaction: a refusal rolls back whatever the write did before it.
  ctx.authorize({ recordType, recordId, changes });
  return ctx.audit.append({
    fresh,
    // The record's own timestamp when there is one, so other machines rebuild it exactly.
    at: at ?? nowIso(ctx.clock),
    actor: ctx.actor(),
    device: ctx.device,
    author: ctx.member?.() ?? null,
    recordType,
    recordId,
    action,
    changes,
  });
}

/** Next number of a named counter (e.g. complaint references per year), inside the caller's transaction. */
export function nextCounter(db: Db, name: string): number {
  const row = db
    .prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
    .get(name) as { value: number };
  return row.value;
}
