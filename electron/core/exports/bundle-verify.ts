import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { AuditEntry } from '@shared/schemas/audit';
import {
  BundleManifest,
  fingerprintText,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  type BundleProblem,
  type BundleProblemKind,
  type BundleVerifyResult,
} from '@shared/schemas/bundle';
import { entryHash, GENESIS_HASH } from '../audit/audit-log';
import { fingerprintOf, verifySignature } from '../keys/device-key';

/**
 * The audit extract inside a bundle: the entries that concern its records in full, and around
 * each of them the position and hashes of its neighbours in the register's chain (withheld: their
 * content concerns other records), so every entry's prevHash and hash can be checked against the
 * entries before and after it.
 */
export const AUDIT_FORMAT = 'privacyops-audit-extract';
export const AuditLink = z.object({ seq: z.number().int().positive(), prevHash: z.string(), hash: z.string(), withheld: z.literal(true) });
export const AuditExtract = z.object({
  format: z.literal(AUDIT_FORMAT),
  genesisHash: z.string(),
  hashRule: z.string(),
  chainHead: z.object({ count: z.number().int(), hash: z.string() }),
  chain: z.array(z.union([AuditLink, AuditEntry])),
});
export type AuditExtract = z.infer<typeof AuditExtract>;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface VerifyOptions {
  /** A fingerprint (or its first 16+ hex digits, spaces allowed) the signer must have: another key fails. */
  expectKey?: string;
  /** This device's fingerprint: the result says whether this device signed the bundle. */
  thisDevice?: string;
}

class Problem extends Error {
  constructor(
    readonly kind: BundleProblemKind,
    readonly path: string | null,
    readonly seq: number | null,
    detail: string,
  ) {
    super(detail);
  }
  toJSON(): BundleProblem {
    return { kind: this.kind, path: this.path, seq: this.seq, detail: this.message };
  }
}

function describe(e: AuditEntry): string {
  return `${e.action} of ${e.recordType} ${e.recordId} at ${e.at}`;
}

/** The first audit entry of the extract that does not match its hash, its manifest line or its neighbours. */
export function auditProblem(path: string, bytes: Uint8Array, listed: BundleManifest['audit']['entries']): Problem | null {
  let extract: AuditExtract;
  try {
    extract = AuditExtract.parse(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (e) {
    return new Problem('audit-broken', path, null, `${path} is not a readable audit extract (${e instanceof z.ZodError ? (e.issues[0]?.message ?? 'bad format') : (e as Error).message}).`);
  }
  const bySeq = new Map(listed.map((l) => [l.seq, l.hash]));
  const seen = new Set<number>();
  let prev: { seq: number; hash: string } | null = null;
  for (const item of extract.chain) {
    if (prev && item.seq <= prev.seq) return new Problem('audit-broken', path, item.seq, `Audit entry ${item.seq} comes after entry ${prev.seq}: the extract is out of order.`);
    if (!('withheld' in item)) {
      const e = item;
      if (entryHash(e.prevHash, e) !== e.hash) return new Problem('audit-altered', path, e.seq, `Audit entry ${e.seq} (${describe(e)}) no longer matches its hash: its content was changed.`);
      const want = bySeq.get(e.seq);
      if (want === undefined) return new Problem('audit-altered', path, e.seq, `Audit entry ${e.seq} (${describe(e)}) is not listed in the manifest.`);
      if (want !== e.hash) return new Problem('audit-altered', path, e.seq, `Audit entry ${e.seq} (${describe(e)}) has another hash than the manifest lists: it was replaced.`);
      seen.add(e.seq);
    }
    if (item.seq === 1 && item.prevHash !== extract.genesisHash) return new Problem('audit-broken', path, 1, `Audit entry 1 does not start the chain (its prevHash is not the genesis hash).`);
    if (prev && item.seq === prev.seq + 1 && item.prevHash !== prev.hash) {
      return new Problem('audit-broken', path, item.seq, `Audit entry ${item.seq} does not follow entry ${prev.seq}: its prevHash is not the hash of entry ${prev.seq}.`);
    }
    prev = { seq: item.seq, hash: item.hash };
  }
  for (const l of listed) {
    if (!seen.has(l.seq)) return new Problem('audit-missing', path, l.seq, `Audit entry ${l.seq} is listed in the manifest but missing from ${path}.`);
  }
  if (extract.genesisHash !== GENESIS_HASH) return new Problem('audit-broken', path, null, `${path} names another genesis hash than the register's.`);
  return null;
}

function normaliseFingerprint(s: string): string {
  return s.replace(/[\s:]/g, '').toLowerCase();
}

/**
 * Checks an evidence bundle offline and names the first file or audit entry that does not match:
 * the ZIP, the manifest's Ed25519 signature (with the key the manifest carries, or the one
 * expected), every listed file's SHA-256 and size, files nobody listed, and each audit entry
 * against its hash, the manifest and its neighbours. Used by the CLI and by the app.
 */
export function verifyBundle(zip: Uint8Array, opts: VerifyOptions = {}): BundleVerifyResult {
  const out: BundleVerifyResult = { ok: false, problem: null, files: 0, auditEntries: 0, signer: null, scope: null, organisation: null, createdAt: null, createdBy: null, redaction: null };
  try {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(zip);
    } catch (e) {
      throw new Problem('unreadable', null, null, `Not a readable ZIP file (${(e as Error).message}).`);
    }
    for (const k of Object.keys(files)) if (k.endsWith('/')) delete files[k];
    const manifestBytes = files[MANIFEST_PATH];
    const signature = files[SIGNATURE_PATH];
    if (!manifestBytes) throw new Problem('no-manifest', MANIFEST_PATH, null, `${MANIFEST_PATH} is missing: this is not an evidence bundle, or its manifest was removed.`);
    if (!signature) throw new Problem('no-manifest', SIGNATURE_PATH, null, `${SIGNATURE_PATH} is missing: the manifest is not signed.`);

    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(manifestBytes));
    } catch {
      throw new Problem('bad-manifest', MANIFEST_PATH, null, `${MANIFEST_PATH} is not valid JSON.`);
    }
    const pub = (raw as { signer?: { publicKey?: unknown } } | null)?.signer?.publicKey;
    if (typeof pub !== 'string') throw new Problem('bad-manifest', MANIFEST_PATH, null, `${MANIFEST_PATH} does not name its signer's public key.`);
    const rawKey = Buffer.from(pub, 'base64');
    const fingerprint = rawKey.length === 32 ? fingerprintOf(rawKey) : '';
    if (!fingerprint || !verifySignature(manifestBytes, signature, rawKey)) {
      throw new Problem('signature', MANIFEST_PATH, null, `${MANIFEST_PATH}: the signature is invalid: the manifest was changed after it was signed, or signed by a key other than the one it names.`);
    }
    const parsed = BundleManifest.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new Problem('bad-manifest', MANIFEST_PATH, null, `${MANIFEST_PATH} is not in the evidence-bundle format (${i ? `${i.path.join('.')}: ${i.message}` : 'bad format'}).`);
    }
    const m = parsed.data;
    const thisDevice = opts.thisDevice ? normaliseFingerprint(opts.thisDevice) === fingerprint : null;
    out.signer = { fingerprint, publicKey: pub, deviceId: m.signer.deviceId, thisDevice };
    out.scope = m.scope;
    out.organisation = m.provenance.organisation;
    out.createdAt = m.provenance.exportedAt;
    out.createdBy = m.provenance.exportedBy;
    out.redaction = m.contents === 'redacted' ? (m.provenance.redaction ?? null) : null;
    if (m.signer.fingerprint !== fingerprint) throw new Problem('bad-manifest', MANIFEST_PATH, null, `${MANIFEST_PATH} gives a fingerprint that is not its key's.`);
    if (opts.expectKey) {
      const want = normaliseFingerprint(opts.expectKey);
      if (want.length < 16 || !fingerprint.startsWith(want)) {
        throw new Problem('other-key', MANIFEST_PATH, null, `${MANIFEST_PATH} is signed by a key that is not ${fingerprintText(want.padEnd(32, '?'))}: it was signed by ${fingerprintText(fingerprint)}.`);
      }
    }

    const listed = new Set<string>();
    for (const f of m.files) {
      listed.add(f.path);
      const bytes = files[f.path];
      if (!bytes) throw new Problem('missing', f.path, null, `${f.path} is listed in the manifest but missing from the bundle.`);
      if (bytes.length !== f.size || sha256(bytes) !== f.sha256) {
        // An audit extract that changed: name the entry when one can be named.
        const entry = f.kind === 'audit' ? auditProblem(f.path, bytes, m.audit.entries) : null;
        if (entry) throw entry;
        throw new Problem('altered', f.path, null, `${f.path} does not match the manifest (SHA-256 ${sha256(bytes).slice(0, 16)}…, the manifest says ${f.sha256.slice(0, 16)}…): it was changed.`);
      }
      out.files++;
    }
    for (const path of Object.keys(files).sort()) {
      if (path !== MANIFEST_PATH && path !== SIGNATURE_PATH && !listed.has(path)) throw new Problem('unlisted', path, null, `${path} is in the bundle but not in the manifest: it was added.`);
    }
    const auditBytes = files[m.audit.path];
    if (!auditBytes) throw new Problem('missing', m.audit.path, null, `${m.audit.path} (the audit extract) is missing from the bundle.`);
    const audit = auditProblem(m.audit.path, auditBytes, m.audit.entries);
    if (audit) throw audit;
    out.auditEntries = m.audit.entries.length;
    out.ok = true;
    return out;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    return { ...out, ok: false, problem: e.toJSON() };
  }
}

/** The one line the CLI prints. */
export function verifyLine(r: BundleVerifyResult, fileName: string): string {
  if (!r.ok && r.problem) return `FAILED ${fileName}: ${r.problem.detail}`;
  const who = r.signer ? `signed by key ${fingerprintText(r.signer.fingerprint)} (device ${r.signer.deviceId.slice(0, 8)})` : '';
  const redacted = r.redaction ? `; redacted with the profile ${r.redaction.id} (${r.redaction.name.en}, rules ${r.redaction.rulesHash}): its audit entries are checked as hashes only` : '';
  return `VERIFIED ${fileName}: ${r.files} files and ${r.auditEntries} audit entries match the manifest${redacted}, ${who}${r.scope ? `; ${r.scope.kind} ${r.scope.label}` : ''}${r.organisation ? `, ${r.organisation}` : ''}${r.createdAt ? `, made ${r.createdAt}` : ''}.`;
}
