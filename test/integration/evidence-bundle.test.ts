import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Workstation } from '../../electron/core/workstation';
import { verifyBundle } from '../../electron/core/exports/bundle-verify';
import { rawPublicKey, fingerprintOf, publicKeyPem } from '../../electron/core/keys/device-key';
import { runVerifyBundleCli } from '../../electron/cli/verify-bundle';
import { BundleManifest, fingerprintText } from '@shared/schemas/bundle';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { apiOf, buildS2, seedPath, type Api, type S2 } from '../fixtures/scenarios';

/** Set PRIVACYOPS_EXPORTS_OUT=/some/dir to keep the bundles, their PDFs and page images for a look. */
const KEEP = process.env.PRIVACYOPS_EXPORTS_OUT;
const SAN_SEED = '002_674466b95b358881.txt';
const ROOT = join(import.meta.dirname, '..', '..');

let ws: Workstation;
let api: Api;
let s2: S2;
let dataDir: string;
let out: string;
const cleanups: (() => void)[] = [];

type Files = Record<string, Uint8Array>;
const open = (zip: Uint8Array): Files => unzipSync(zip);
const rezip = (files: Files) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v])));
const manifestOf = (files: Files) => BundleManifest.parse(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')));
const json = (v: unknown) => new Uint8Array(Buffer.from(JSON.stringify(v, null, 2) + '\n'));

let incidentZip: Uint8Array;
let matterZip: Uint8Array;
let thisDevice: string;

function keep(name: string, bytes: Uint8Array): string {
  const file = join(out, name);
  writeFileSync(file, bytes);
  if (KEEP) {
    mkdirSync(KEEP, { recursive: true });
    copyFileSync(file, join(KEEP, name));
  }
  return file;
}

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  out = join(t.dir, 'out');
  mkdirSync(out);
  dataDir = join(t.dir, 'data');
  const clock = new ManualClock(new Date('2020-10-01T08:00:00Z'));
  ws = await setUpWorkstation(dataDir, { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  api = apiOf(ws);
  s2 = await buildS2(api, clock);
  // Evidence the bundle must carry decrypted: the deliberation on the sanction letter, a note on the incident.
  await api('attachments.add', { record: { type: 'letter', id: s2.sanctionId }, fileName: 'SAN-2023-008 délibération.txt', mimeType: 'text/plain', contentBase64: readFileSync(seedPath(SAN_SEED)).toString('base64') });
  await api('attachments.add', { record: { type: 'incident', id: s2.incidentId }, fileName: 'press-article.txt', mimeType: 'text/plain', contentBase64: Buffer.from('Numerama, 1 October 2020: a customer database left open on the Internet.').toString('base64') });
  clock.set('2024-01-15T10:00:00+01:00');
  thisDevice = (await api('exports.signingKey', {})).fingerprint;
  const a = await api('exports.bundle', { scope: { kind: 'incident', incidentId: s2.incidentId }, lang: 'en' });
  incidentZip = new Uint8Array(Buffer.from(a.file.contentBase64, 'base64'));
  keep(a.file.fileName, incidentZip);
  const b = await api('exports.bundle', { scope: { kind: 'matter', matterId: s2.matterId }, lang: 'fr' });
  matterZip = new Uint8Array(Buffer.from(b.file.contentBase64, 'base64'));
  keep(b.file.fileName, matterZip);
});

afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('evidence bundle: what it holds', () => {
  it('for an incident: records as PDF and JSON, its attachments decrypted, its timeline, its audit entries with their neighbours, a signed manifest', () => {
    const files = open(incidentZip);
    const m = manifestOf(files);
    const paths = Object.keys(files).sort();
    expect(paths).toEqual(expect.arrayContaining(['00-summary.pdf', 'README.txt', 'manifest.json', 'manifest.sig', 'audit/audit-entries.json', 'records/incidents-en.pdf']));
    expect(paths.some((p) => /^timeline\/.*-timeline-en\.pdf$/.test(p))).toBe(true);
    expect(paths.some((p) => /^timeline\/.*-timeline-en\.json$/.test(p))).toBe(true);
    expect(paths.some((p) => /^records\/incident-.*\.json$/.test(p))).toBe(true);
    // Every file but the manifest and its signature is listed, with its SHA-256.
    expect(m.files.map((f) => f.path).sort()).toEqual(paths.filter((p) => p !== 'manifest.json' && p !== 'manifest.sig'));
    expect(m.signer.fingerprint).toBe(thisDevice);
    expect(m.scope).toMatchObject({ kind: 'incident' });
    expect(m.contents).toBe('full');
    // The attachment is the file as it came in (decrypted).
    const att = paths.find((p) => p.startsWith('attachments/') && p.endsWith('press-article.txt'))!;
    expect(Buffer.from(files[att]!).toString('utf8')).toContain('customer database left open');
    // The records linked around the incident's matter are there (the sanction letter and its actions).
    expect(m.records.map((r) => r.type)).toEqual(expect.arrayContaining(['incident']));
    // The audit extract: the incident's own entries in full, and its notifications' and attachment's.
    const audit = JSON.parse(Buffer.from(files['audit/audit-entries.json']!).toString('utf8')) as { chain: { seq: number; prevHash: string; hash: string; withheld?: true; recordType?: string; recordId?: string }[]; chainHead: { count: number } };
    const full = audit.chain.filter((e) => !e.withheld);
    expect(full.some((e) => e.recordType === 'incident' && e.recordId === s2.incidentId)).toBe(true);
    expect(full.some((e) => e.recordType === 'notification')).toBe(true);
    expect(full.some((e) => e.recordType === 'attachment')).toBe(true);
    expect(full.length).toBe(m.audit.entries.length);
    // Every entry in full has its neighbours in the extract (content withheld when about other records).
    const seqs = new Set(audit.chain.map((e) => e.seq));
    for (const e of full) {
      if (e.seq > 1) expect(seqs.has(e.seq - 1)).toBe(true);
      if (e.seq < audit.chainHead.count) expect(seqs.has(e.seq + 1)).toBe(true);
    }
    const withheld = audit.chain.filter((e) => e.withheld);
    expect(withheld.length).toBeGreaterThan(0);
    for (const w of withheld) expect(Object.keys(w).sort()).toEqual(['hash', 'prevHash', 'seq', 'withheld']);
  });

  it('for SAN-2023-008 (a regulator matter, in French): the matter, its letters with the deliberation attached, the actions it led to', () => {
    const files = open(matterZip);
    const m = manifestOf(files);
    expect(m.scope.label).toBe(m.records.find((r) => r.type === 'matter')!.reference);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['records/matters-fr.pdf', 'records/letters-fr.pdf', 'records/actions-fr.pdf']));
    expect(m.records.filter((r) => r.type === 'letter')).toHaveLength(4);
    expect(m.records.filter((r) => r.type === 'action')).toHaveLength(7);
    const deliberation = Object.keys(files).find((p) => p.startsWith('attachments/') && p.includes('SAN-2023-008'))!;
    expect(Buffer.from(files[deliberation]!).equals(readFileSync(seedPath(SAN_SEED)))).toBe(true);
    expect(verifyBundle(matterZip, { thisDevice }).ok).toBe(true);
  });

  it('for a period: every record whose main date falls in it', async () => {
    const r = await api('exports.bundle', { scope: { kind: 'period', from: '2023-06-01T00:00:00+02:00', to: '2023-07-01T00:00:00+02:00' }, lang: 'en' });
    const zip = new Uint8Array(Buffer.from(r.file.contentBase64, 'base64'));
    const m = manifestOf(open(zip));
    // The sanction letter (received 12 June 2023); not the incident (2020) nor the actions (due later).
    expect(m.records.map((x) => x.type)).toEqual(['letter']);
    expect(m.scope.label.replace(/[\s\u00a0\u202f]+/g, ' ')).toBe('1 Jun 2023 to 30 Jun 2023');
    expect(verifyBundle(zip).ok).toBe(true);
  });

  it('the PDFs read well: text extracts, every page renders', () => {
    for (const [name, zip] of [
      ['incident', incidentZip],
      ['matter', matterZip],
    ] as const) {
      const files = open(zip);
      for (const path of Object.keys(files).filter((p) => p.endsWith('.pdf'))) {
        const file = keep(`${name}-${path.replaceAll('/', '_')}`, files[path]!);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
        expect(text.length, path).toBeGreaterThan(200);
        const dir = `${file}-pages`;
        mkdirSync(dir, { recursive: true });
        execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'p')]);
        const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
        expect(pngs.length).toBeGreaterThan(0);
        for (const p of pngs) expect(statSync(join(dir, p)).size).toBeGreaterThan(5_000);
        if (KEEP) for (const p of pngs) copyFileSync(join(dir, p), join(KEEP, `${name}-${path.replaceAll('/', '_')}-${p}`));
      }
      const summary = execFileSync('pdftotext', ['-enc', 'UTF-8', keep(`${name}-summary.pdf`, files['00-summary.pdf']!), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(summary).toContain(fingerprintText(thisDevice));
    }
    const matterText = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'matter-records_matters-fr.pdf'), '-'], { encoding: 'utf8' });
    expect(matterText).toContain('SAN-2023-008');
    expect(matterText).toContain('Procédure de sanction');
  });
});

describe('evidence bundle: the verifier names what does not match', () => {
  it('an untouched bundle verifies, signed by this device', () => {
    const r = verifyBundle(incidentZip, { thisDevice });
    expect(r.problem).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.signer).toMatchObject({ fingerprint: thisDevice, thisDevice: true });
    expect(r.files).toBe(manifestOf(open(incidentZip)).files.length);
    expect(r.auditEntries).toBeGreaterThan(5);
  });

  it('one byte changed in any file: that file is named', () => {
    const files = open(incidentZip);
    const m = manifestOf(files);
    for (const f of m.files) {
      const copy = { ...files, [f.path]: new Uint8Array(files[f.path]!) };
      const at = Math.floor(copy[f.path]!.length / 2);
      copy[f.path]![at] = copy[f.path]![at]! ^ 0x01;
      const r = verifyBundle(rezip(copy));
      expect(r.ok, f.path).toBe(false);
      expect(r.problem?.path, f.path).toBe(f.path);
    }
  });

  it('a file removed, or one added: named', () => {
    const files = open(incidentZip);
    const att = Object.keys(files).find((p) => p.startsWith('attachments/'))!;
    const { [att]: _gone, ...rest } = files;
    const r = verifyBundle(rezip(rest));
    expect(r.problem).toMatchObject({ kind: 'missing', path: att });
    const r2 = verifyBundle(rezip({ ...files, 'records/extra.txt': new Uint8Array([1, 2, 3]) }));
    expect(r2.problem).toMatchObject({ kind: 'unlisted', path: 'records/extra.txt' });
  });

  it('one audit entry edited (even with its hash recomputed, or removed): that entry is named', () => {
    const files = open(incidentZip);
    const path = 'audit/audit-entries.json';
    const audit = JSON.parse(Buffer.from(files[path]!).toString('utf8')) as { chain: Record<string, unknown>[] };
    const k = audit.chain.findIndex((e) => !e.withheld && e.recordType === 'incident' && e.action === 'update');
    expect(k).toBeGreaterThanOrEqual(0);
    const seq = audit.chain[k]!.seq as number;

    const edited = structuredClone(audit);
    (edited.chain[k]!.at as string) = '2020-10-01T07:00:00.000Z';
    const r = verifyBundle(rezip({ ...files, [path]: json(edited) }));
    expect(r.problem).toMatchObject({ kind: 'audit-altered', path, seq });
    expect(r.problem?.detail).toContain(`Audit entry ${seq}`);

    const removed = structuredClone(audit);
    removed.chain.splice(k, 1);
    expect(verifyBundle(rezip({ ...files, [path]: json(removed) })).problem).toMatchObject({ path, seq });
  });

  it('a manifest signed by another key: reported as signed by a key that is not this one; a key swapped under the signature: signature invalid', () => {
    const files = open(incidentZip);
    const m = manifestOf(files);
    // Someone changes a record, fixes its SHA-256 in the manifest and signs with their own key.
    const json0 = Object.keys(files).find((p) => p.startsWith('records/') && p.endsWith('.json'))!;
    const changed = new Uint8Array(Buffer.from(Buffer.from(files[json0]!).toString('utf8').replace('"reference"', '"reference" ')));
    const other = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(other.publicKey);
    const forged = {
      ...m,
      files: m.files.map((f) => (f.path === json0 ? { ...f, sha256: createHash('sha256').update(changed).digest('hex'), size: changed.length } : f)),
      signer: { ...m.signer, publicKey: raw.toString('base64'), publicKeyPem: publicKeyPem(raw), fingerprint: fingerprintOf(raw) },
    };
    const forgedBytes = json(forged);
    const resigned = rezip({ ...files, [json0]: changed, 'manifest.json': forgedBytes, 'manifest.sig': new Uint8Array(sign(null, forgedBytes, other.privateKey)) });
    const inApp = verifyBundle(resigned, { thisDevice });
    expect(inApp.ok).toBe(true);
    expect(inApp.signer).toMatchObject({ fingerprint: fingerprintOf(raw), thisDevice: false });
    const expecting = verifyBundle(resigned, { expectKey: fingerprintText(thisDevice) });
    expect(expecting.problem).toMatchObject({ kind: 'other-key', path: 'manifest.json' });
    expect(expecting.problem?.detail).toMatch(/signed by a key that is not/);

    // Or keeps this device's public key in the manifest but cannot sign with it.
    const kept = json({ ...forged, signer: m.signer });
    const swapped = rezip({ ...files, [json0]: changed, 'manifest.json': kept, 'manifest.sig': new Uint8Array(sign(null, kept, other.privateKey)) });
    expect(verifyBundle(swapped, { thisDevice }).problem).toMatchObject({ kind: 'signature', path: 'manifest.json' });
  });

  it('through the API: this device, or not', async () => {
    const r = await api('exports.verifyBundle', { contentBase64: Buffer.from(incidentZip).toString('base64') });
    expect(r).toMatchObject({ ok: true, signer: { thisDevice: true } });
    const bad = await api('exports.verifyBundle', { contentBase64: Buffer.from('not a zip').toString('base64') });
    expect(bad.problem?.kind).toBe('unreadable');
  });

  it('npm run verify-bundle: one line, exit 0 when it verifies, 1 naming the file when not', () => {
    const good = keep('good.zip', incidentZip);
    const files = open(incidentZip);
    const { ['00-summary.pdf']: _x, ...rest } = files;
    const bad = keep('bad.zip', rezip(rest));
    const ok = spawnSync('npm', ['run', '--silent', 'verify-bundle', '--', good], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toMatch(/^VERIFIED good\.zip: .* signed by key /);
    const ko = spawnSync('npm', ['run', '--silent', 'verify-bundle', '--', bad], { cwd: ROOT, encoding: 'utf8' });
    expect(ko.status).toBe(1);
    expect(ko.stdout.trim()).toBe('FAILED bad.zip: 00-summary.pdf is listed in the manifest but missing from the bundle.');
    // In process: --key with another fingerprint fails; usage errors are 2.
    expect(runVerifyBundleCli([good, '--key', 'ffff ffff ffff ffff']).code).toBe(1);
    expect(runVerifyBundleCli([good, '--key', thisDevice.slice(0, 16)]).code).toBe(0);
    expect(runVerifyBundleCli([]).code).toBe(2);
  });
});

describe('evidence bundle: checked without the app, as README.txt says', () => {
  it('OpenSSL verifies the manifest signature with the public key it carries; sha256sum checks every file', () => {
    const dir = join(out, 'unpacked');
    mkdirSync(dir, { recursive: true });
    for (const [p, bytes] of Object.entries(open(incidentZip))) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), bytes);
    }
    const m = manifestOf(open(incidentZip));
    writeFileSync(join(dir, 'signer.pem'), m.signer.publicKeyPem);
    const v = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'], { cwd: dir, encoding: 'utf8' });
    expect(v.stdout + v.stderr).toContain('Signature Verified Successfully');
    const sums = spawnSync('sha256sum', ['-c'], { cwd: dir, input: m.files.map((f) => `${f.sha256}  ${f.path}`).join('\n') + '\n', encoding: 'utf8' });
    expect(sums.status, sums.stdout + sums.stderr).toBe(0);
    expect(readFileSync(join(dir, 'README.txt'), 'utf8')).toContain(m.signer.fingerprint);
  });
});

describe('the device signing key', () => {
  it('is made once per profile, kept across lock and unlock, never in clear on disk', async () => {
    const before = await api('exports.signingKey', {});
    ws.lock();
    await ws.unlock('correct-horse-battery-staple-cnil');
    const after = await api('exports.signingKey', {});
    expect(after).toEqual(before);
    // The private half is inside the encrypted database: no file of the profile holds it (nor the public half).
    const raw = Buffer.from(before.publicKey, 'base64');
    for (const f of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, f));
      expect(bytes.includes(raw), f).toBe(false);
      expect(bytes.includes(Buffer.from(before.publicKey)), f).toBe(false);
      expect(bytes.includes(Buffer.from('deviceSigningKey')), f).toBe(false);
    }
  });
});
