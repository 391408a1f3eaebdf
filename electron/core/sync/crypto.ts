import { createCipheriv, createHash, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { ApiError } from '@shared/api/contract';

/**
 * End-to-end encryption for sync. The backend only ever sees these sealed bytes: operations and
 * file chunks sealed with the workspace key (AES-256-GCM, bound by AAD to their workspace, id and
 * key epoch so one cannot be replayed as another), workspace keys sealed to each member's X25519
 * public key, and invitations sealed with a key derived from a code sent by a second channel.
 */

const IV = 12;
const TAG = 16;

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([d.update(sealed.subarray(IV + TAG)), d.final()]);
}

export function opAad(workspaceId: string, opId: string, epoch: number): string {
  return `privacyops-op-v1|${workspaceId}|${opId}|${epoch}`;
}

/**
 * What an operation's author signs: the workspace, the operation id, its clock and the SHA-256 of
 * its sealed bytes — never the plaintext, so the signature reveals nothing of the record.
 */
export function opSignedBytes(workspaceId: string, opId: string, hlc: string, sealed: Buffer): Buffer {
  return Buffer.from(`privacyops-op-sig-v1|${workspaceId}|${opId}|${hlc}|${createHash('sha256').update(sealed).digest('hex')}`);
}

export function chunkAad(workspaceId: string, attachmentId: string, idx: number, epoch: number): string {
  return `privacyops-chunk-v1|${workspaceId}|${attachmentId}|${idx}|${epoch}`;
}

/** Decrypts with the workspace key; a wrong key is the clear error a user can act on. */
export function openOrExplain(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  try {
    return open(key, sealed, aad);
  } catch {
    throw new ApiError(
      'WRONG_KEY',
      `${what} cannot be decrypted with this workspace key: the key is wrong or was replaced. Nothing was applied to your register.`,
    );
  }
}

export interface MemberKeyPair {
  publicKey: string; // base64 DER (spki)
  privateKey: string; // base64 DER (pkcs8)
}

export function newMemberKeyPair(): MemberKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

/** Seals a secret so only the holder of the member's private key can open it (ECIES-style). */
export function sealToMember(memberPublicKey: string, secret: Buffer, aad: string): Buffer {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey({ key: Buffer.from(memberPublicKey, 'base64'), format: 'der', type: 'spki' }) });
  const ephPub = eph.publicKey.export({ type: 'spki', format: 'der' });
  const key = Buffer.from(hkdfSync('sha256', shared, ephPub, `privacyops-grant-v1|${aad}`, 32));
  const sealed = seal(key, secret, aad);
  return Buffer.concat([Buffer.from([ephPub.length]), ephPub, sealed]);
}

export function openFromMember(privateKey: string, sealedGrant: Buffer, aad: string): Buffer {
  const len = sealedGrant[0]!;
  const ephPub = sealedGrant.subarray(1, 1 + len);
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: ephPub, format: 'der', type: 'spki' }),
  });
  const key = Buffer.from(hkdfSync('sha256', shared, ephPub, `privacyops-grant-v1|${aad}`, 32));
  return open(key, sealedGrant.subarray(1 + len), aad);
}

/** The invitation code goes by a second channel; scrypt makes guessing it offline costly. */
export const INVITE_SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

export function inviteKey(code: string, salt: Buffer, params = INVITE_SCRYPT): Promise<Buffer> {
  const normalised = code.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return new Promise((resolve, reject) =>
    scryptCb(normalised, salt, 32, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (e, k) => (e ? reject(e) : resolve(k))),
  );
}
