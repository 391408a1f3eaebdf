import { Worker } from 'node:worker_threads';
import { sign, type KeyObject } from 'node:crypto';
import { verifySignature } from '../keys/device-key';

/**
 * Ed25519 signing and verification of operations on a thread of their own, so that a push or a
 * pull does its signature work while the core's thread seals, sends or applies the batch beside
 * it. Ed25519 verification costs about 110–160 µs an operation with node:crypto on the build
 * machines (signing about 45 µs): in a new member's pull of 100,000 operations that was a quarter
 * of the time, all of it on the thread that applies the operations (README › Benchmarks).
 *
 * The worker only computes: it never decides anything. A pulled operation is still judged by
 * Membership.refusal at its place in the log, against the author's key as the statements before
 * it give it; the worker's answer only says that this signature verifies under that key, so the
 * check does not run twice. An operation the worker did not check (its author's key unknown when
 * the page was opened, or another key by the time it is judged) is verified inline.
 *
 * The worker's code is inline (eval) and uses node:crypto only: it has no module to bundle, and
 * runs the same under vitest, the web host's core worker and Electron's utility process. If a
 * worker cannot be started, or dies, the same work is done on the calling thread.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, sign, verify } = require('node:crypto');
const PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map();
function publicKey(raw) {
  const id = Buffer.from(raw).toString('base64');
  let k = keys.get(id);
  if (!k) {
    k = createPublicKey({ key: Buffer.concat([PREFIX, Buffer.from(raw)]), format: 'der', type: 'spki' });
    if (keys.size > 1000) keys.clear();
    keys.set(id, k);
  }
  return k;
}
parentPort.on('message', (m) => {
  try {
    if (m.kind === 'verify') {
      const out = new Uint8Array(m.items.length);
      for (let i = 0; i < m.items.length; i++) {
        const it = m.items[i];
        try { out[i] = verify(null, it.data, publicKey(it.key), it.sig) ? 1 : 0; } catch { out[i] = 0; }
      }
      parentPort.postMessage({ id: m.id, result: out }, [out.buffer]);
    } else {
      const out = new Uint8Array(64 * m.datas.length);
      for (let i = 0; i < m.datas.length; i++) out.set(sign(null, m.datas[i], m.key), 64 * i);
      parentPort.postMessage({ id: m.id, result: out }, [out.buffer]);
    }
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});
`;

export interface ToVerify {
  data: Uint8Array;
  sig: Uint8Array;
  /** The raw 32-byte Ed25519 public key. */
  key: Uint8Array;
}

type Pending = { resolve: (r: Uint8Array) => void; reject: (e: Error) => void };

export class SignaturePool {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** How many items were done on the signature thread and how many on the calling thread (for tests and benchmarks). */
  readonly done = { thread: 0, inline: 0 };

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      // Never what keeps a process alive: an idle pool must not hold the core open at shutdown.
      w.unref();
      w.on('message', (m: { id: number; result?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.result!);
      });
      const lost = (why: string) => {
        if (this.worker !== w) return;
        this.worker = null;
        this.failed = true;
        for (const p of this.pending.values()) p.reject(new Error(why));
        this.pending.clear();
      };
      w.on('error', (e) => lost(`signature worker failed: ${e.message}`));
      w.on('exit', () => lost('signature worker exited'));
      this.worker = w;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private call(message: Record<string, unknown>): Promise<Uint8Array> | null {
    const w = this.start();
    if (!w) return null;
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...message, id });
    });
  }

  /** Whether each signature verifies under its key (false for a malformed key or signature). */
  async verify(items: readonly ToVerify[]): Promise<boolean[]> {
    if (items.length === 0) return [];
    const inline = () => {
      this.done.inline += items.length;
      return items.map((it) => verifySignature(it.data, it.sig, Buffer.from(it.key)));
    };
    const call = this.call({ kind: 'verify', items });
    if (!call) return inline();
    try {
      const result = Array.from(await call, (b) => b === 1);
      this.done.thread += items.length;
      return result;
    } catch {
      return inline();
    }
  }

  /** One Ed25519 signature (64 bytes) per item, with the private key given. */
  async sign(key: KeyObject, datas: readonly Uint8Array[]): Promise<Buffer[]> {
    if (datas.length === 0) return [];
    const inline = () => {
      this.done.inline += datas.length;
      return datas.map((d) => sign(null, d, key));
    };
    const call = this.call({ kind: 'sign', key, datas });
    if (!call) return inline();
    try {
      const out = Buffer.from(await call);
      this.done.thread += datas.length;
      return datas.map((_, i) => out.subarray(64 * i, 64 * (i + 1)));
    } catch {
      return inline();
    }
  }

  /** Stops the thread (what is still pending is refused, and done inline by its caller); a later call starts a new one. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failed = false;
    for (const p of this.pending.values()) p.reject(new Error('signature worker closed'));
    this.pending.clear();
    if (w) await w.terminate();
  }
}
