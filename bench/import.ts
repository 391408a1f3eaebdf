/**
 * The import benchmark, started by run.ts: a CSV of 100,000 complaints through the real import
 * path (the Exchange's commitImport: parse, map, validate every row, then write records, audit
 * entries, index documents and import keys in one transaction) into a fresh encrypted register,
 * against its floor: the same rows, as the import stored them, inserted with one prepared
 * statement in one transaction into a fresh encrypted register of the same schema.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openEncrypted } from '../electron/core/db/open';
import { migrate } from '../electron/core/db/migrations';
import { exchangeFor } from '../electron/core/exports/exchange';
import type { Organisation } from '@shared/schemas/profile';
import { BENCH_ORGANISATION, openEncryptedSession } from './plain-context';
import { SimClock, YEAR_START } from './generate';
import { Rng } from './prng';
import { TextMaker } from './corpus';
import { fmt, int, type Reporter } from './report';
import { permissionsOf } from '@shared/sync/permissions';

export interface ImportBenchResult {
  rowsPerSecond: number;
  ratio: number;
}

const HEADERS = ['Reference', 'Received on', 'Channel', 'Complainant', 'Contact', 'Rights concerned', 'Summary', 'Status', 'Answered on'];
const MAPPING = {
  Reference: 'reference',
  'Received on': 'receivedAt',
  Channel: 'channel',
  Complainant: 'complainantLabel',
  Contact: 'complainantContact',
  'Rights concerned': 'rights',
  Summary: 'summary',
  Status: 'status',
  'Answered on': 'answeredAt',
};

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A year of complaints as a spreadsheet export would have them (labels, local dates). */
export function complaintsCsv(rows: number, seed: number): string {
  const rng = new Rng(seed);
  const text = new TextMaker(rng);
  const lines = [HEADERS.join(',')];
  for (let k = 1; k <= rows; k++) {
    const received = YEAR_START + Math.floor((k / rows) * 364 * 86_400_000) + rng.int(10 * 3600_000);
    const d = new Date(received);
    const local = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    const status = rng.weighted(['Received', 'In progress', 'Answered', 'Closed'], [20, 20, 40, 20]);
    const answered = status === 'Answered' || status === 'Closed' ? new Date(received + rng.between(2, 28) * 86_400_000).toISOString() : '';
    lines.push(
      [
        `IMP-${String(k).padStart(6, '0')}`,
        local,
        rng.pick(['Email', 'Web form', 'Post', 'Phone']),
        text.complainantLabel(),
        rng.chance(0.6) ? `${text.surname().toLowerCase().replace(/[^a-z]/g, '')}${rng.int(100)}@example.org` : '',
        rng.chance(0.8) ? rng.pick(['Access', 'Erasure', 'Objection', 'Rectification']) : 'Access; Erasure',
        text.paragraph('complaint', rng.chance(0.65) ? 'fr' : 'en', 1, 2),
        status,
        answered,
      ]
        .map(quote)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export async function importBench(o: { root: string; key: Buffer; rows: number; report: Reporter }): Promise<ImportBenchResult> {
  const { log, out } = o.report;
  const csv = complaintsCsv(o.rows, 1234);
  const bytes = Buffer.from(csv, 'utf8');
  log(`Import bench: ${int(o.rows)} complaints, ${fmt(bytes.length / 1024 / 1024, 1)} MiB of CSV`);

  // 1. The real import path, into a fresh encrypted register.
  const dir = join(o.root, 'import');
  mkdirSync(dir, { recursive: true });
  const clock = new SimClock();
  const s = openEncryptedSession(dir, o.key, clock, { create: true });
  let importMs: number;
  let created: number;
  let auditEntries: number;
  let rows: Record<string, unknown>[];
  try {
    const x = exchangeFor(s.ctx, () => ({ registers: s, appVersion: 'bench', organisation: () => BENCH_ORGANISATION as Organisation, emitProgress: () => {}, permissions: () => permissionsOf({ workspace: false, enforced: false, role: null }) }));
    const t = performance.now();
    const r = await x.commitImport({ register: 'complaints', fileName: 'complaints.csv', contentBase64: bytes.toString('base64'), mapping: MAPPING });
    importMs = performance.now() - t;
    created = r.created;
    auditEntries = s.ctx.audit.count();
    rows = s.db.prepare('SELECT * FROM complaints ORDER BY rowid').all() as Record<string, unknown>[];
  } finally {
    s.close();
  }

  // 2. The floor: the same rows, one prepared INSERT, one transaction, same schema and cipher.
  const floorDb = openEncrypted(join(o.root, 'import-floor.db'), o.key, { create: true });
  let floorMs: number;
  try {
    migrate(floorDb);
    const cols = Object.keys(rows[0]!);
    const insert = floorDb.prepare(`INSERT INTO complaints (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    const t = performance.now();
    floorDb.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
    floorMs = performance.now() - t;
  } finally {
    floorDb.close();
  }

  const rowsPerSecond = created / (importMs / 1000);
  out(`Import of ${int(o.rows)} complaints from CSV (${fmt(bytes.length / 1024 / 1024, 1)} MiB) into an encrypted register, through the import path (read, map, validate, write)`);
  out(`  import:  ${fmt(importMs / 1000, 1)} s for ${int(created)} records and ${int(auditEntries)} audit entries`);
  out(`  floor:   ${fmt(floorMs / 1000, 2)} s (the same rows, one prepared INSERT in one transaction)`);
  out();
  return { rowsPerSecond, ratio: importMs / floorMs };
}
