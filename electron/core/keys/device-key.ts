import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { SigningKey } from '@shared/schemas/bundle';
import type { Db } from '../db/open';
import { deleteMeta, getMeta, initMeta } from '../db/meta';

/** Meta key of the device's signing key: inside the encrypted register, never in a file of its own. */
export const META_SIGNING_KEY = 'deviceSigningKey';
/** Meta key of this machine's member signing key in the workspace it syncs with (sync, roles). */
export const META_MEMBER_SIGNING_KEY = 'sync.memberSigningKey';

interface StoredKey {
  algorithm: 'Ed25519';
  /** PKCS#8 DER, base64: readable only with the register key, as everything in the database. */
  privateKey: string;
  publicKey: string;
  createdAt: string;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error(`An Ed25519 public key is 32 bytes, not ${raw.length}.`);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

/** SHA-256 of the raw public key, hex: what Settings and the verifier show. */
export function fingerprintOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

export function publicKeyPem(raw: Buffer): string {
  return publicKeyFromRaw(raw).export({ format: 'pem', type: 'spki' }).toString();
}

/** A fresh Ed25519 pair: the private half as PKCS#8 DER, the public half raw (both base64). */
export function newEd25519(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), publicKey: rawPublicKey(publicKey).toString('base64') };
}

export function signWith(privateKeyPkcs8: string | KeyObject, data: Uint8Array): Buffer {
  return sign(null, data, typeof privateKeyPkcs8 === 'string' ? createPrivateKey({ key: Buffer.from(privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' }) : privateKeyPkcs8);
}

/** Parsed public keys, by raw key (sync verifies every pulled operation against a few members' keys). */
const PUBLIC_KEYS = new Map<string, KeyObject>();

export function verifySignature(data: Uint8Array, signature: Uint8Array, rawPublic: Buffer): boolean {
  try {
    const id = rawPublic.toString('base64');
    let key = PUBLIC_KEYS.get(id);
    if (!key) {
      key = publicKeyFromRaw(rawPublic);
      if (PUBLIC_KEYS.size > 1_000) PUBLIC_KEYS.clear();
      PUBLIC_KEYS.set(id, key);
    }
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * An Ed25519 key kept in the register's meta table: the database is encrypted with the register
 * key, so the private half is never in clear on disk (and never leaves the core). Made once, on
 * first use. Under META_SIGNING_KEY it is the profile's key that signs evidence bundles; under
 * META_MEMBER_SIGNING_KEY the member key that signs this machine's workspace operations.
 */
export class DeviceKey {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly metaKey: string = META_SIGNING_KEY,
  ) {}

  /** The private key, parsed once (sync signs every operation it pushes). */
  private privateKey: KeyObject | null = null;

  private stored(): StoredKey {
    const existing = getMeta<StoredKey>(this.db, this.metaKey);
    if (existing) return existing;
    const fresh: StoredKey = { algorithm: 'Ed25519', ...newEd25519(), createdAt: this.now().toISOString() };
    // Two windows asking at once: the first one written wins, both read it back.
    initMeta(this.db, this.metaKey, fresh);
    return getMeta<StoredKey>(this.db, this.metaKey)!;
  }

  /** Forgets the key (a member key when the machine leaves its workspace); the next use makes a new one. */
  forget(): void {
    deleteMeta(this.db, this.metaKey);
    this.privateKey = null;
  }

  info(): SigningKey {
    const s = this.stored();
    return { algorithm: 'Ed25519', publicKey: s.publicKey, fingerprint: fingerprintOf(Buffer.from(s.publicKey, 'base64')), createdAt: s.createdAt };
  }

  sign(data: Uint8Array): Buffer {
    return signWith(this.privateKeyObject(), data);
  }

  /** The private key as a KeyObject, for signing many operations on another thread (sync/signature-pool). */
  privateKeyObject(): KeyObject {
    this.privateKey ??= createPrivateKey({ key: Buffer.from(this.stored().privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    return this.privateKey;
  }
}
