import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '@shared/api/contract';

/**
 * The recovery passphrase wraps the 256-bit database key: scrypt (memory-hard) derives a
 * key-encryption key, AES-256-GCM seals the database key with it. GCM's tag is what tells a
 * wrong passphrase from a right one, before anything touches the database.
 */
export const KeyWrap = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
export type KeyWrap = z.infer<typeof KeyWrap>;

/** 2^17 × 8 × 128 B = 128 MiB per guess: OWASP's scrypt floor is far below this. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

function scrypt(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFKC'), salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function wrapKey(dbKey: Buffer, passphrase: string, params: { N: number; r: number; p: number } = DEFAULT_SCRYPT): Promise<KeyWrap> {
  if (dbKey.length !== 32) throw new Error('The database key must be 32 bytes');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await scrypt(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from('privacyops-db-key-v1'));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export async function unwrapKey(wrap: KeyWrap, passphrase: string): Promise<Buffer> {
  const kek = await scrypt(passphrase, Buffer.from(wrap.salt, 'base64'), wrap);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
  decipher.setAAD(Buffer.from('privacyops-db-key-v1'));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new ApiError('WRONG_PASSPHRASE', 'This recovery passphrase does not open the register. Check it and try again; nothing was changed.');
  }
}
