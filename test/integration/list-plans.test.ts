import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTAL_CAP } from '@shared/schemas/common';
import { ComplaintChannel, ComplaintSortField, ComplaintStatus, DataSubjectRight } from '@shared/schemas/complaint';
import { LetterKind } from '@shared/schemas/letter';
import { ActionStatus } from '@shared/schemas/action';
import { IncidentStatus, RiskLevel } from '@shared/schemas/incident';
import { ContractSortField, ContractStatus } from '@shared/schemas/contract';
import type { Workstation } from '../../electron/core/workstation';
import { listPlans, type ListRequest } from '../../electron/core/registers/list-query';
import { ownEntriesOfSql } from '../../electron/core/audit/audit-log';
import { setUpWorkstation, tempDir } from '../support/workstation';

/**
 * Every filter and sort the lists offer is served by an index: checked on the plans SQLite
 * makes (EXPLAIN QUERY PLAN), never on timings. For each register, each filter alone (in the
 * list's default order) and each sort in both directions (with and without archived records),
 * both plans a list can run are explained: the one for a result larger than the count's cap and
 * the one for a result of at most the cap.
 *
 * - No plan reads a register table from end to end: every access is an index seek, or a walk of
 *   the index of the page's own order (which stops with the page), or of a partial index that
 *   holds only matching records.
 * - No plan sorts a register: no temporary B-tree for ORDER BY. The one exception is bounded: a
 *   filter with no index in the page's order (words, in a text search) whose count found at most
 *   TOTAL_CAP records lets SQLite sort those records.
 */

let ws: Workstation;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  ws = await setUpWorkstation(t.dir);
  cleanup = () => {
    ws.close();
    t.cleanup();
  };
  // A few records, so the plans are those of a register in use (plans do not depend on volume: no ANALYZE).
  const c = ws.complaints.create({ receivedAt: '2025-03-03T10:00:00+01:00', channel: 'email', complainantLabel: 'A', rights: ['access'], summary: 'données' });
  ws.complaints.archive({ id: c.id, reason: 'duplicate of another' });
  ws.registers.actions.create({ title: 'Fix', owner: 'Hélène', dueAt: '2025-04-01T10:00:00+02:00' });
  const m = ws.registers.matters.create({ regulator: 'FR-CNIL', kind: 'complaint', title: 'Plainte', openedAt: '2025-01-10T10:00:00+01:00' });
  ws.registers.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'reprimand', receivedAt: '2025-02-01T10:00:00+01:00', subject: 'Rappel', matterId: m.id });
  const k = ws.registers.contracts.create({ name: 'Boulangeries Martin', noticeHours: 24, contacts: 'dpo@martin.example', dpaSignedOn: '2024-05-02' });
  ws.registers.contracts.create({ name: 'Atelier Lumière', language: 'en', contacts: '+33 4 72 00 00 00', channel: 'phone', status: 'ended' });
  ws.registers.contracts.archive({ id: k.id, reason: 'recorded twice' });
}, 120_000);

afterAll(() => cleanup?.());

const REGISTER_TABLES = ['complaints', 'letters', 'matters', 'incidents', 'actions', 'client_contracts'];

function explain(sql: string, params: unknown[]): string[] {
  return (ws.session.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/** What makes a plan bad, or null. */
function problem(steps: string[], table: string, sortIndex: string, mayUseTempSort: boolean): string | null {
  const partial = new Set(
    (ws.session.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE '% WHERE %'`).all(table) as { name: string }[]).map((r) => r.name),
  );
  for (const s of steps) {
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(s);
    if (scan && REGISTER_TABLES.includes(scan[1]!)) {
      if (!scan[2]) return `full scan of ${scan[1]}: ${s}`;
      if (scan[2] !== sortIndex && !partial.has(scan[2])) return `walks ${scan[2]}, neither the page's order nor a partial index: ${s}`;
    }
    if (/TEMP B-TREE FOR .*ORDER BY/.test(s) && !mayUseTempSort) return `sorts: ${s}`;
  }
  return null;
}

interface Case {
  name: string;
  request: Omit<ListRequest, 'table'>;
}

function check(table: string, cases: Case[]) {
  const bad: string[] = [];
  for (const c of cases) {
    const r = { ...c.request, table };
    const sortIndex = r.sort.index[r.dir];
    const driven = r.where.clauses.some((cl) => cl.drive && (cl.drive.sorts.includes(r.sortField) || cl.drive.sorts.includes(`${r.sortField}:${r.dir}`)));
    for (const matched of [TOTAL_CAP + 1, 10]) {
      const { count, page } = listPlans(r, matched);
      const small = matched <= TOTAL_CAP;
      const steps = [...(count ? explain(count.sql, count.params) : []), ...explain(page.sql, page.params)];
      // Only an undriven filter on a small result may sort (at most TOTAL_CAP rows).
      const p = problem(steps, table, sortIndex, small && !driven && r.where.clauses.length > 0);
      if (p) bad.push(`${c.name} (${small ? 'small' : 'large'} result): ${p}\n      ${steps.join(' | ')}`);
    }
  }
  expect(bad, bad.join('\n')).toEqual([]);
  return cases.length;
}

function sorts<F extends string>(fields: readonly F[], build: (q: { sort: { field: F; dir: 'asc' | 'desc' }; includeArchived: boolean }) => Omit<ListRequest, 'table'>): Case[] {
  const out: Case[] = [];
  for (const field of fields)
    for (const dir of ['asc', 'desc'] as const)
      for (const includeArchived of [false, true]) out.push({ name: `sort ${field} ${dir}${includeArchived ? ' (archived too)' : ''}`, request: build({ sort: { field, dir }, includeArchived }) });
  return out;
}

describe('every list filter and sort is served by an index', () => {
  it('complaints', () => {
    const reg = ws.complaints;
    const f = (name: string, q: Parameters<typeof reg.listRequest>[0]): Case => ({ name, request: reg.listRequest(q) });
    const cases = [
      f('no filter', {}),
      f('no filter, a deep page', { offset: 40_000 }),
      f('archived too', { includeArchived: true }),
      ...ComplaintStatus.options.map((s) => f(`status ${s}`, { status: [s] })),
      f('status, several', { status: ['received', 'in_progress', 'awaiting_information'] }),
      ...ComplaintChannel.options.map((c) => f(`channel ${c}`, { channel: [c] })),
      f('channel, several, archived too', { channel: ['post', 'phone'], includeArchived: true }),
      ...DataSubjectRight.options.map((r) => f(`right ${r}`, { right: [r] })),
      f('rights, several', { right: ['erasure', 'portability', 'access'] }),
      f('received from', { receivedFrom: '2025-03-01T00:00:00Z' }),
      f('received to', { receivedTo: '2025-03-01T00:00:00Z' }),
      f('received in a month', { receivedFrom: '2025-03-01T00:00:00Z', receivedTo: '2025-04-01T00:00:00Z' }),
      f('overdue, by due date', { overdueAt: '2025-06-01T00:00:00Z', sort: { field: 'responseDue', dir: 'asc' } }),
      f('overdue', { overdueAt: '2025-06-01T00:00:00Z' }),
      f('words', { text: 'données' }),
      f('words, archived too', { text: 'données', includeArchived: true }),
      f('status and month', { status: ['answered', 'closed'], receivedFrom: '2025-03-01T00:00:00Z', receivedTo: '2025-04-01T00:00:00Z' }),
      ...sorts(ComplaintSortField.options, (q) => reg.listRequest(q)),
    ];
    expect(check('complaints', cases)).toBeGreaterThan(40);
  });

  it('letters', () => {
    const reg = ws.registers.letters;
    const f = (name: string, q: Parameters<typeof reg.listRequest>[0]): Case => ({ name, request: reg.listRequest(q) });
    const m = ws.registers.matters.list({}).items[0]!;
    check('letters', [
      f('no filter', {}),
      f('regulator', { regulator: ['FR-CNIL'] }),
      f('regulators', { regulator: ['FR-CNIL', 'BE-APD'] }),
      ...LetterKind.options.map((k) => f(`kind ${k}`, { kind: [k] })),
      f('kinds', { kind: ['reprimand', 'formal_notice', 'sanction'] }),
      f('regulator and kinds', { regulator: ['FR-CNIL'], kind: ['reprimand', 'sanction'] }),
      f('inbound', { direction: 'inbound' }),
      f('outbound', { direction: 'outbound' }),
      f('matter', { matterId: m.id }),
      f('words', { text: 'rappel' }),
      ...sorts(['reference', 'date', 'replyDue', 'kind', 'regulator'] as const, (q) => reg.listRequest(q)),
    ]);
  });

  it('matters', () => {
    const reg = ws.registers.matters;
    const f = (name: string, q: Parameters<typeof reg.listRequest>[0]): Case => ({ name, request: reg.listRequest(q) });
    check('matters', [
      f('no filter', {}),
      f('regulator', { regulator: ['FR-CNIL'] }),
      f('status open', { status: ['open'] }),
      f('status both', { status: ['open', 'closed'] }),
      f('words', { text: 'plainte' }),
      ...sorts(['reference', 'openedAt', 'title', 'regulator'] as const, (q) => reg.listRequest(q)),
    ]);
  });

  it('incidents', () => {
    const reg = ws.registers.incidents;
    const f = (name: string, q: Parameters<typeof reg.listRequest>[0]): Case => ({ name, request: reg.listRequest(q) });
    check('incidents', [
      f('no filter', {}),
      ...IncidentStatus.options.map((s) => f(`status ${s}`, { status: [s] })),
      f('status open and contained', { status: ['open', 'contained'] }),
      f('open, by authority due', { status: ['open', 'contained'], sort: { field: 'authorityDue', dir: 'asc' } }),
      ...RiskLevel.options.map((r) => f(`risk ${r}`, { risk: [r] })),
      f('risks', { risk: ['risk', 'high'] }),
      f('aware from', { awareFrom: '2025-03-01T00:00:00Z' }),
      f('aware in a quarter', { awareFrom: '2025-03-01T00:00:00Z', awareTo: '2025-06-01T00:00:00Z' }),
      f('risk and quarter', { risk: ['high'], awareFrom: '2025-03-01T00:00:00Z', awareTo: '2025-06-01T00:00:00Z' }),
      f('words', { text: 'ransomware' }),
      ...sorts(['reference', 'awareAt', 'authorityDue', 'riskLevel', 'status', 'title'] as const, (q) => reg.listRequest(q)),
    ]);
  });

  it('actions', () => {
    const reg = ws.registers.actions;
    const f = (name: string, q: Parameters<typeof reg.listRequest>[0]): Case => ({ name, request: reg.listRequest(q) });
    check('actions', [
      f('no filter', {}),
      ...ActionStatus.options.map((s) => f(`status ${s}`, { status: [s] })),
      f('status open', { status: ['planned', 'in_progress'] }),
      f('owner', { owner: ['helene'] }),
      f('owners', { owner: ['Hélène', 'SOC'] }),
      f('origin', { originId: '0190a4b2-0000-7000-8000-000000000000' }),
      f('due before', { dueBefore: '2025-06-01T00:00:00Z' }),
      f('overdue and open', { dueBefore: '2025-06-01T00:00:00Z', status: ['planned', 'in_progress'] }),
      f('words', { text: 'fix' }),
      ...sorts(['reference', 'dueAt', 'status', 'owner', 'priority', 'title'] as const, (q) => reg.listRequest(q)),
    ]);
  });

  it('client contracts', () => {
    const reg = ws.registers.contracts;
    const f = (name: string, q: Parameters<typeof reg.listRequest>[0]): Case => ({ name, request: reg.listRequest(q) });
    check('client_contracts', [
      f('no filter', {}),
      f('archived too', { includeArchived: true }),
      ...ContractStatus.options.map((s) => f(`status ${s}`, { status: [s] })),
      f('status both', { status: ['active', 'ended'] }),
      f('language fr', { language: ['fr'] }),
      f('languages', { language: ['fr', 'en'] }),
      f('status and language', { status: ['active'], language: ['en'] }),
      f('words', { text: 'martin' }),
      f('words, archived too', { text: 'martin', includeArchived: true }),
      ...sorts(ContractSortField.options, (q) => reg.listRequest(q)),
    ]);
  });

  it('the check itself catches a full scan, a walk of another index, and a sort', () => {
    const steps = (sql: string) => explain(sql, []);
    expect(problem(steps('SELECT * FROM complaints WHERE summary = 1'), 'complaints', 'complaints_by_received', false)).toMatch(/full scan/);
    expect(problem(steps('SELECT * FROM complaints ORDER BY summary LIMIT 5'), 'complaints', 'complaints_by_received', true)).toMatch(/full scan/);
    expect(problem(steps(`SELECT * FROM complaints WHERE status IN ('received','closed') ORDER BY received_at DESC, id DESC LIMIT 50`), 'complaints', 'complaints_by_received', false)).toMatch(/sorts/);
    expect(problem(steps('SELECT * FROM complaints INDEXED BY complaints_by_label ORDER BY received_at LIMIT 5'), 'complaints', 'complaints_by_received', true)).toMatch(/walks complaints_by_label/);
  });

  it('the lists return what the plans promise: drive, walk and bounded sort give the same pages', () => {
    const reg = ws.complaints;
    for (let i = 0; i < 30; i++)
      reg.create({ receivedAt: `2025-03-${String((i % 27) + 1).padStart(2, '0')}T10:00:00+01:00`, channel: i % 3 ? 'email' : 'post', complainantLabel: `L${i % 7}`, rights: i % 2 ? ['erasure', 'access'] : ['erasure'], summary: `données ${i}` });
    const ids = (q: Parameters<typeof reg.list>[0]) => reg.list(q).items.map((c) => c.id);
    // The same filter through its driving index (default order) and through a sort index walk.
    const all = reg.list({ limit: 500, sort: { field: 'receivedAt', dir: 'desc' } }).items;
    expect(ids({ right: ['access', 'erasure'], limit: 500 })).toEqual(all.filter((c) => c.rights.some((r) => r === 'access' || r === 'erasure')).map((c) => c.id));
    expect(ids({ channel: ['post', 'email'], limit: 500 })).toEqual(all.map((c) => c.id));
    expect(ids({ text: 'données', limit: 500 })).toEqual(all.map((c) => c.id));
    const byLabel = reg.list({ limit: 500, sort: { field: 'complainantLabel', dir: 'asc' } }).items;
    expect(ids({ right: ['access'], sort: { field: 'complainantLabel', dir: 'asc' }, limit: 500 })).toEqual(byLabel.filter((c) => c.rights.includes('access')).map((c) => c.id));
    // Totals: exact from the row counts without filters, exact under the cap with them.
    expect(reg.list({}).total).toBe(30);
    expect(reg.list({ includeArchived: true }).total).toBe(31);
    expect(reg.list({ right: ['access'] })).toMatchObject({ total: 15, totalCapped: false });
  });
});

describe("sync's reading of the audit log", () => {
  it("finds this machine's membership statements through audit_by_record, not by reading every entry of the device", () => {
    const plan = explain(ownEntriesOfSql(1), ['member', 'device', 0]).join(' | ');
    expect(plan).toMatch(/SEARCH audit_log USING INDEX audit_by_record \(record_type=\?\)/);
    expect(plan).not.toMatch(/audit_by_device|SCAN audit_log/);
  });
});
