import { DateTime, type DurationLikeObject } from 'luxon';
import type { ClockResult } from '@shared/schemas/timeline';
import { COLORS, type Pdf } from './pdf';
import { NBSP } from './labels';

export interface StripMarker {
  at: string;
  color: string;
  /** Shown above the axis when there is room; null = a dot only. */
  label: string | null;
  strong: boolean;
}

export interface StripClock {
  label: string;
  startAt: string;
  dueAt: string;
  metAt: string | null;
  state: ClockResult;
  /** "met 12 h before the deadline", written next to the bar. */
  summary?: string;
}

export interface StripOptions {
  title: string;
  /** Epoch milliseconds. */
  from: number;
  to: number;
  zone: string;
  markers: StripMarker[];
  /** Drawn as bars under the axis: start → deadline, with when it was met. */
  clocks: StripClock[];
  /** Deadlines as diamonds under the axis (overview). */
  deadlines?: { at: string; state: ClockResult }[];
  /** Tick labels as hours since this instant (H+24…), for the clock view. */
  relativeTo?: number;
  /** A shaded span (where the zoomed view sits in the overview). */
  highlight?: { from: number; to: number; label: string };
  /** Milestones in this span are not labelled (the zoomed view shows them). */
  skipLabels?: { from: number; to: number };
  height: number;
  lanes: number;
}

const HOUR = 3_600_000;
const STEPS: { d: DurationLikeObject; ms: number; fmt: string }[] = [
  { d: { hours: 1 }, ms: HOUR, fmt: 'HH:mm' },
  { d: { hours: 3 }, ms: 3 * HOUR, fmt: 'HH:mm' },
  { d: { hours: 6 }, ms: 6 * HOUR, fmt: 'd LLL HH:mm' },
  { d: { hours: 12 }, ms: 12 * HOUR, fmt: 'd LLL HH:mm' },
  { d: { days: 1 }, ms: 24 * HOUR, fmt: 'd LLL' },
  { d: { days: 2 }, ms: 48 * HOUR, fmt: 'd LLL' },
  { d: { weeks: 1 }, ms: 168 * HOUR, fmt: 'd LLL' },
  { d: { months: 1 }, ms: 730 * HOUR, fmt: 'LLL yyyy' },
  { d: { months: 3 }, ms: 2190 * HOUR, fmt: 'LLL yyyy' },
  { d: { months: 6 }, ms: 4380 * HOUR, fmt: 'LLL yyyy' },
  { d: { years: 1 }, ms: 8760 * HOUR, fmt: 'yyyy' },
  { d: { years: 2 }, ms: 17520 * HOUR, fmt: 'yyyy' },
  { d: { years: 5 }, ms: 43800 * HOUR, fmt: 'yyyy' },
];

function calendarTicks(from: number, to: number, zone: string, maxTicks: number, locale: string): { at: number; label: string }[] {
  const step = STEPS.find((s) => (to - from) / s.ms <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const unit = 'years' in step.d ? 'year' : 'months' in step.d ? 'month' : 'weeks' in step.d || 'days' in step.d ? 'day' : 'hour';
  let t = DateTime.fromMillis(from, { zone }).startOf(unit);
  if ('months' in step.d) {
    const m = (step.d as { months: number }).months;
    t = t.set({ month: Math.floor((t.month - 1) / m) * m + 1 });
  }
  if ('hours' in step.d) {
    const h = (step.d as { hours: number }).hours;
    t = t.set({ hour: Math.floor(t.hour / h) * h });
  }
  const out: { at: number; label: string }[] = [];
  for (let k = 0; k < 200 && t.toMillis() <= to; k++, t = t.plus(step.d)) {
    if (t.toMillis() >= from) out.push({ at: t.toMillis(), label: t.setLocale(locale).toFormat(step.fmt) });
  }
  return out;
}

function relativeTicks(from: number, to: number, origin: number, maxTicks: number, zone: string, locale: string): { at: number; label: string; sub: string }[] {
  // Steps that land on H+72, the clock every breach is measured against.
  const steps = [6, 12, 24, 36, 72, 144, 288];
  const step = (steps.find((h) => (to - from) / (h * HOUR) <= maxTicks) ?? 288) * HOUR;
  const out: { at: number; label: string; sub: string }[] = [];
  for (let t = origin + Math.ceil((from - origin) / step) * step; t <= to; t += step) {
    const h = Math.round((t - origin) / HOUR);
    out.push({ at: t, label: `H${h >= 0 ? '+' : '−'}${Math.abs(h)}`, sub: DateTime.fromMillis(t, { zone }).setLocale(locale).toFormat('ccc d LLL HH:mm').replace(/ /g, NBSP) });
  }
  return out;
}

const DEADLINE_COLOR = (s: ClockResult) => (s === 'met' ? COLORS.ok : s === 'late' || s === 'overdue' ? COLORS.late : s === 'running' ? COLORS.warn : COLORS.neutral);

/**
 * A horizontal time axis with the events as dots (milestones labelled above it, in lanes so they
 * never overlap) and, below it, either each clock as a bar from its start to its deadline with the
 * moment it was met, or the deadlines as diamonds.
 */
export function drawStrip(pdf: Pdf, o: StripOptions): void {
  const doc = pdf.doc;
  pdf.ensure(o.height + 6);
  const locale = pdf.lang === 'fr' ? 'fr' : 'en-GB';
  const y0 = pdf.y;
  const gutter = o.clocks.length ? 78 : 0;
  const x0 = pdf.left + gutter + 4;
  const x1 = pdf.right - 4;
  const span = Math.max(o.to - o.from, 1);
  const X = (t: number) => x0 + ((t - o.from) / span) * (x1 - x0);

  pdf.font('bold', 7.6, COLORS.muted);
  doc.text(o.title, pdf.left, y0, { width: pdf.width, lineBreak: false, ellipsis: '…', height: 10 });
  const laneH = 9.5;
  const lanesTop = y0 + 12;
  const axisY = lanesTop + o.lanes * laneH + 5;

  // Highlight of the zoomed span.
  if (o.highlight) {
    const hx0 = Math.max(x0, X(o.highlight.from));
    const hx1 = Math.min(x1, Math.max(X(o.highlight.to), hx0 + 3));
    doc.rect(hx0 - 1, axisY - 7, hx1 - hx0 + 2, 14).fill('#d6e2f0');
  }

  // Axis.
  doc.moveTo(x0, axisY).lineTo(x1, axisY).lineWidth(1.2).strokeColor(COLORS.header).stroke();

  // Ticks.
  pdf.font('body', 6.3, COLORS.muted);
  const maxTicks = Math.max(3, Math.floor((x1 - x0) / (o.relativeTo != null ? 62 : 52)));
  let below: number;
  if (o.relativeTo != null) {
    for (const t of relativeTicks(o.from, o.to, o.relativeTo, maxTicks, o.zone, locale)) {
      const x = X(t.at);
      doc.moveTo(x, axisY - 2).lineTo(x, axisY + 2).lineWidth(0.6).strokeColor(COLORS.header).stroke();
      pdf.font('bold', 6.6, COLORS.header);
      const w = doc.widthOfString(t.label);
      doc.text(t.label, Math.min(Math.max(x - w / 2, x0 - 6), x1 - w), axisY + 3, { lineBreak: false });
      pdf.font('body', 5.9, COLORS.muted);
      const sw = doc.widthOfString(t.sub);
      doc.text(t.sub, Math.min(Math.max(x - sw / 2, pdf.left), pdf.right - sw), axisY + 11, { lineBreak: false });
    }
    below = axisY + 20;
  } else {
    for (const t of calendarTicks(o.from, o.to, o.zone, maxTicks, locale)) {
      const x = X(t.at);
      doc.moveTo(x, axisY - 2).lineTo(x, axisY + 2).lineWidth(0.6).strokeColor(COLORS.header).stroke();
      pdf.font('body', 6.3, COLORS.muted);
      const w = doc.widthOfString(t.label);
      doc.text(t.label, Math.min(Math.max(x - w / 2, x0 - 4), x1 - w), axisY + 4, { lineBreak: false });
    }
    below = axisY + 13;
  }

  // Deadline diamonds on the axis (overview).
  for (const d of o.deadlines ?? []) {
    const x = X(Date.parse(d.at));
    doc
      .moveTo(x, axisY - 4)
      .lineTo(x + 3.5, axisY)
      .lineTo(x, axisY + 4)
      .lineTo(x - 3.5, axisY)
      .closePath()
      .fill(DEADLINE_COLOR(d.state));
  }

  // Markers: plain dots first, milestones on top; labels in lanes.
  const sorted = [...o.markers].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const m of sorted.filter((m) => !m.strong)) doc.circle(X(Date.parse(m.at)), axisY, 2).fill(m.color);
  // Milestones a few points apart share one label ("Risk: high · Decision").
  const groups: { x: number; labels: string[]; color: string }[] = [];
  for (const m of sorted.filter((m) => m.strong && m.label)) {
    const t = Date.parse(m.at);
    if (o.skipLabels && t >= o.skipLabels.from && t <= o.skipLabels.to) continue;
    const x = X(t);
    const last = groups[groups.length - 1];
    if (last && x - last.x < 5) {
      if (!last.labels.includes(m.label!)) last.labels.push(m.label!);
    } else groups.push({ x, labels: [m.label!], color: m.color });
  }
  const laneEnd: number[] = Array.from({ length: o.lanes }, () => -Infinity);
  pdf.font('body', 6.8, COLORS.ink);
  const placed: { x: number; lx: number; lane: number; text: string; color: string }[] = [];
  const GAP = 9;
  if (o.highlight && o.highlight.label) {
    const hx = Math.max(x0, X(o.highlight.from));
    const w = doc.widthOfString(o.highlight.label);
    placed.push({ x: hx, lx: hx + 1, lane: 0, text: o.highlight.label, color: COLORS.accent });
    laneEnd[0] = hx + 1 + w;
  }
  for (const g of groups) {
    let n = 1;
    while (n < g.labels.length && g.labels.slice(0, n + 1).join(' · ').length <= 64) n++;
    let text = g.labels.slice(0, n).join(' · ');
    if (n < g.labels.length) text += ` · ${pdf.t(`${g.labels.length - n} more`, `${g.labels.length - n} autre(s)`)}`;
    const w = doc.widthOfString(text);
    const lx = Math.min(Math.max(g.x - 3, pdf.left), x1 - w);
    const lane = laneEnd.findIndex((end) => end + GAP <= lx);
    if (lane < 0) continue;
    laneEnd[lane] = lx + w;
    placed.push({ x: g.x, lx, lane, text, color: g.color });
  }
  for (const p of placed) {
    const ly = axisY - 5 - (p.lane + 1) * laneH;
    doc
      .moveTo(p.x, axisY - 3)
      .lineTo(p.x, ly + laneH - 1.5)
      .lineTo(Math.max(p.lx, Math.min(p.x, p.lx + 2)), ly + laneH - 1.5)
      .lineWidth(0.4)
      .strokeColor(COLORS.faint)
      .stroke();
  }
  for (const m of sorted.filter((m) => m.strong)) doc.circle(X(Date.parse(m.at)), axisY, 3.1).fill(m.color);
  for (const p of placed) {
    const ly = axisY - 5 - (p.lane + 1) * laneH;
    pdf.font('body', 6.8, COLORS.ink);
    const w = doc.widthOfString(p.text);
    doc.rect(p.lx - 0.5, ly + 0.3, w + 1, laneH - 2).fill('#ffffff');
    doc.fillColor(p.color).text(p.text, p.lx, ly, { lineBreak: false });
  }

  // Clock bars: start → deadline (diamond), when it was met, and the verdict in words.
  let y = below + 3;
  for (const c of o.clocks) {
    const xs = X(Date.parse(c.startAt));
    const xd = X(Date.parse(c.dueAt));
    pdf.font('bold', 6.8, COLORS.ink);
    doc.text(c.label, pdf.left, y + 1, { width: gutter, lineBreak: false, ellipsis: '…', height: 9 });
    doc.rect(xs, y + 2.5, Math.max(xd - xs, 1), 5).fill('#dfe6ee');
    const color = DEADLINE_COLOR(c.state);
    let xm: number | null = null;
    if (c.metAt) {
      xm = X(Date.parse(c.metAt));
      if (c.state === 'late') doc.rect(xd, y + 2.5, Math.max(xm - xd, 1), 5).fill('#f3c1c1');
      else doc.rect(xs, y + 2.5, Math.max(xm - xs, 1), 5).fill('#b9dfbb');
    } else if (c.state === 'overdue') {
      doc.rect(xd, y + 2.5, Math.max(x1 - xd, 1), 5).fill('#f3c1c1');
    }
    doc
      .moveTo(xd, y)
      .lineTo(xd + 3.5, y + 5)
      .lineTo(xd, y + 10)
      .lineTo(xd - 3.5, y + 5)
      .closePath()
      .fill(COLORS.late);
    if (xm != null) {
      doc.circle(xm, y + 5, 3.4).fill(color);
      pdf.font('bold', 6, '#ffffff');
      doc.text(c.state === 'late' ? '✗' : '✓', xm - 2.1, y + 2.1, { lineBreak: false });
    }
    if (c.summary) {
      pdf.font('bold', 6.4, color);
      const w = doc.widthOfString(c.summary);
      const after = Math.max(xd + 6, (xm ?? 0) + 6);
      // After the diamond when there is room, else just before the first mark, over the bar.
      const tx = after + w <= pdf.right ? after : Math.max(xs + 2, Math.min(xd, xm ?? xd) - 6 - w);
      if (tx !== after) doc.rect(tx - 1, y + 1, w + 2, 8).fill('#ffffff');
      doc.fillColor(color).text(c.summary, tx, y + 1.4, { lineBreak: false });
    }
    y += 13;
  }
  pdf.y = Math.max(y0 + o.height, y + 2);
}
