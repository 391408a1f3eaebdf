import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SignaturePool } from '../../../electron/core/sync/signature-pool';
import { rawPublicKey, verifySignature } from '../../../electron/core/keys/device-key';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, raw: rawPublicKey(publicKey) };
};

describe('the signature thread (sync/signature-pool)', () => {
  let pool = new SignaturePool();
  afterEach(async () => {
    await pool.close();
    pool = new SignaturePool();
  });

  it('verifies each signature under its own key, and says which do not', async () => {
    const a = pair();
    const b = pair();
    const data = [Buffer.from('op 1'), Buffer.from('op 2'), Buffer.from('op 3'), Buffer.from('op 4')];
    const good = sign(null, data[0]!, a.privateKey);
    const byB = sign(null, data[1]!, b.privateKey);
    const flipped = Buffer.from(sign(null, data[2]!, a.privateKey));
    flipped[10]! ^= 1;
    const result = await pool.verify([
      { data: data[0]!, sig: good, key: a.raw },
      // b's signature checked under a's key: another member claiming a's operation
      { data: data[1]!, sig: byB, key: a.raw },
      { data: data[2]!, sig: flipped, key: a.raw },
      // a signature over other bytes
      { data: data[3]!, sig: good, key: a.raw },
      // a malformed key and a malformed signature are "does not verify", not a crash
      { data: data[0]!, sig: good, key: Buffer.alloc(5) },
      { data: data[0]!, sig: Buffer.alloc(3), key: a.raw },
      { data: data[1]!, sig: byB, key: b.raw },
    ]);
    expect(result).toEqual([true, false, false, false, false, false, true]);
    // done on the signature thread, not on this one
    expect(pool.done).toEqual({ thread: 7, inline: 0 });
  });

  it('signs many items with the key given, each signature verifying on its own', async () => {
    const a = pair();
    const data = Array.from({ length: 300 }, (_, i) => Buffer.from(`operation ${i}`));
    const sigs = await pool.sign(a.privateKey, data);
    expect(sigs).toHaveLength(300);
    for (let i = 0; i < data.length; i++) {
      expect(sigs[i]).toHaveLength(64);
      expect(verifySignature(data[i]!, sigs[i]!, a.raw)).toBe(true);
    }
    // Ed25519 is deterministic: the thread signs exactly as node:crypto does here.
    expect(sigs[7]!.equals(sign(null, data[7]!, a.privateKey))).toBe(true);
    expect(pool.done.inline).toBe(0);
  });

  it('keeps answering in order across calls made at once, and after being closed', async () => {
    const a = pair();
    const items = (tag: string) => Array.from({ length: 50 }, (_, i) => Buffer.from(`${tag} ${i}`));
    const [s1, s2] = await Promise.all([pool.sign(a.privateKey, items('x')), pool.sign(a.privateKey, items('y'))]);
    expect(verifySignature(items('x')[3]!, s1[3]!, a.raw)).toBe(true);
    expect(verifySignature(items('y')[3]!, s2[3]!, a.raw)).toBe(true);
    await pool.close();
    const again = await pool.verify([{ data: items('x')[3]!, sig: s1[3]!, key: a.raw }]);
    expect(again).toEqual([true]);
  });

  it('a call pending when the thread is closed is still answered (on the calling thread)', async () => {
    const a = pair();
    const data = Array.from({ length: 2000 }, (_, i) => Buffer.from(`late ${i}`));
    const before = pool.done.inline;
    const pending = pool.sign(a.privateKey, data);
    await pool.close();
    const sigs = await pending;
    expect(sigs).toHaveLength(2000);
    expect(pool.done.inline - before).toBe(2000);
    expect(verifySignature(data[1999]!, sigs[1999]!, a.raw)).toBe(true);
  });
});
