import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { importBench } from './bench/import';
const root = mkdtempSync(join(tmpdir(), 'prof-'));
const r = await importBench({ root, key: randomBytes(32), rows: 20000, report: { log: console.error, out: console.log } });
console.log(r);
