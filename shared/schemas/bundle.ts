import { z } from 'zod';
import { IsoInstant, RecordId } from './common';
import { ExportLang, FileOut, JobId, Provenance } from './export';
import { ProvenanceRedaction, RedactionProfileId } from './redaction';

/* ------------------------------------------------------------------------------------------ */
/* Evidence bundle: one signed ZIP for a regulator or counsel                                  */
/* ------------------------------------------------------------------------------------------ */

/** What a bundle is about: one incident, one regulator matter, or every record of a period. */
export const BundleScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), incidentId: RecordId }),
  z.object({ kind: z.literal('matter'), matterId: RecordId }),
  /** Records whose main date (incidents: awareness; complaints: receipt; letters: received or sent; matters: opened; actions: due) is in [from, to). */
  z.object({ kind: z.literal('period'), from: IsoInstant, to: IsoInstant }),
]);
export type BundleScope = z.infer<typeof BundleScope>;

export const BundleExportInput = z.object({
  scope: BundleScope,
  lang: ExportLang.default('en'),
  /**
   * The redaction profile (as for the other exports): `full`, the default, for a regulator or
   * counsel; any other makes a redacted bundle (see BundleManifest.contents).
   */
  profile: RedactionProfileId.default('full'),
  jobId: JobId.optional(),
});
export type BundleExportInput = z.input<typeof BundleExportInput>;

/** The device's signing key as Settings shows it (never the private half). */
export const SigningKey = z.object({
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string(),
  /** SHA-256 of the raw public key, lowercase hex (64 characters). */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: IsoInstant,
});
export type SigningKey = z.infer<typeof SigningKey>;

export const BundleResult = z.object({
  file: FileOut,
  provenance: Provenance,
  /** Files listed in the manifest. */
  files: z.number().int(),
  auditEntries: z.number().int(),
  fingerprint: z.string(),
});
export type BundleResult = z.infer<typeof BundleResult>;

/* ------------------------------------------------------------------------------------------ */
/* The manifest inside the ZIP (manifest.json; manifest.sig is its Ed25519 signature)           */
/* ------------------------------------------------------------------------------------------ */

export const BUNDLE_FORMAT = 'privacyops-evidence-bundle';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';

export const BundleFileKind = z.enum(['summary', 'record-pdf', 'record-json', 'attachment', 'timeline', 'audit', 'readme']);
export const ManifestFile = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  kind: BundleFileKind,
  /** The record the file belongs to (its reference), when it belongs to one. */
  record: z.string().optional(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  scope: z.object({
    kind: z.enum(['incident', 'matter', 'period']),
    /** The incident's or matter's reference, or the period in words. */
    label: z.string(),
    from: IsoInstant.optional(),
    to: IsoInstant.optional(),
    /** The bundle of a breach exercise (a drill incident): evidence of the exercise, not of a breach. */
    drill: z.boolean().optional(),
  }),
  lang: ExportLang,
  /**
   * full: every record in full (the `full` profile, for a regulator or counsel). redacted: made
   * with the profile the provenance names — records, JSON and timeline through that profile, no
   * attachment (files cannot be redacted), and every audit entry as its position and hashes only
   * (its content carries the values the profile hides), so the chain can still be checked.
   */
  contents: z.enum(['full', 'redacted']),
  provenance: Provenance,
  records: z.array(z.object({ type: z.string(), id: z.string(), reference: z.string(), title: z.string() })),
  files: z.array(ManifestFile),
  audit: z.object({
    path: z.string(),
    /** The audit entries the bundle carries in full, with their hashes. */
    entries: z.array(z.object({ seq: z.number().int().positive(), hash: z.string() })),
    chainHead: z.object({ count: z.number().int(), hash: z.string() }),
  }),
  signer: z.object({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string(),
    publicKeyPem: z.string(),
    fingerprint: z.string(),
    deviceId: z.string(),
  }),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

/* ------------------------------------------------------------------------------------------ */
/* Checking a bundle                                                                            */
/* ------------------------------------------------------------------------------------------ */

/**
 * What can be wrong, first found first: the ZIP, the manifest, its signature, its signer, then each
 * listed file in order (missing, altered), files the manifest does not list, then the audit entries.
 */
export const BundleProblemKind = z.enum([
  'unreadable',
  'no-manifest',
  'bad-manifest',
  'signature',
  'other-key',
  'missing',
  'altered',
  'unlisted',
  'audit-missing',
  'audit-altered',
  'audit-broken',
]);
export type BundleProblemKind = z.infer<typeof BundleProblemKind>;

export const BundleProblem = z.object({
  kind: BundleProblemKind,
  /** The file concerned (inside the ZIP). */
  path: z.string().nullable(),
  /** The audit entry concerned (its position in the register's chain). */
  seq: z.number().int().nullable(),
  /** One sentence in English (the CLI prints it; the app shows its own words from kind, path and seq). */
  detail: z.string(),
});
export type BundleProblem = z.infer<typeof BundleProblem>;

export const BundleSigner = z.object({ fingerprint: z.string(), publicKey: z.string(), deviceId: z.string(), thisDevice: z.boolean().nullable() });

export const BundleVerifyInput = z.object({ fileName: z.string().max(300).optional(), contentBase64: z.string().min(1) });
export type BundleVerifyInput = z.infer<typeof BundleVerifyInput>;
export const BundleVerifyResult = z.object({
  ok: z.boolean(),
  problem: BundleProblem.nullable(),
  /** Files checked against the manifest, audit entries checked against their hashes and neighbours. */
  files: z.number().int(),
  auditEntries: z.number().int(),
  signer: BundleSigner.nullable(),
  scope: BundleManifest.shape.scope.nullable(),
  organisation: z.string().nullable(),
  createdAt: IsoInstant.nullable(),
  createdBy: z.string().nullable(),
  /** A redacted bundle: the profile it was made with (its audit entries are checked as hashes only); null for a full one. */
  redaction: ProvenanceRedaction.nullable().default(null),
});
export type BundleVerifyResult = z.infer<typeof BundleVerifyResult>;

/** A fingerprint as people compare it: the first 32 hex digits in groups of four, upper case. */
export function fingerprintText(fingerprint: string): string {
  return fingerprint.slice(0, 32).toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}
