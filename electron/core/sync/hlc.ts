/**
 * Hybrid logical clock: wall-clock milliseconds, a counter for events within one millisecond
 * (or when a remote clock is ahead), and the device id as the final tie-break. Encoded so that
 * string order is clock order: "000001700000000123-000004-<device>".
 */
export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(18, '0')}-${String(h.counter).padStart(6, '0')}-${h.device}`;
}

export function parseHlc(s: string): Hlc {
  const m = /^(\d{18})-(\d{6})-(.+)$/.exec(s);
  if (!m) throw new Error(`Not a hybrid logical clock value: ${s}`);
  return { ms: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

export class HlcClock {
  private last: Hlc;

  constructor(
    private readonly device: string,
    private readonly wall: () => number,
    lastSeen: string | null,
  ) {
    this.last = lastSeen ? parseHlc(lastSeen) : { ms: 0, counter: 0, device };
  }

  /** A new local event: never behind anything seen so far, even if the wall clock went back. */
  next(): string {
    const now = this.wall();
    if (now > this.last.ms) this.last = { ms: now, counter: 0, device: this.device };
    else this.last = { ms: this.last.ms, counter: this.last.counter + 1, device: this.device };
    return formatHlc(this.last);
  }

  /** A remote event arrived: later local events must sort after it. */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (r.ms > this.last.ms || (r.ms === this.last.ms && r.counter > this.last.counter)) {
      this.last = { ms: r.ms, counter: r.counter, device: this.device };
    }
  }
}
