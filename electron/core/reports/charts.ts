import { COLORS, type Pdf } from '../exports/pdf';
import { formatMonth } from '@shared/format/dates';
import { fmtNumber, type Lang } from '../exports/labels';

/**
 * The report's charts, drawn as vectors with PDFKit. Each is readable printed in black and white:
 * every bar carries its number, the parts of a stacked bar differ by pattern (solid, hatched,
 * cross-hatched, dotted) as well as by shade, and each line of the monthly chart has its own dash
 * and marker shape, named in a legend.
 */

export type Fill = 'solid' | 'hatch' | 'cross' | 'dots' | 'blank';

export const INK = '#1b1f24';
const SHADE: Record<Fill, string> = { solid: '#2b4a6f', hatch: '#8c3b3b', cross: '#5a1d1d', dots: '#7a8794', blank: '#ffffff' };

/** A rectangle filled with a pattern that survives a black-and-white print, outlined. */
export function patternRect(pdf: Pdf, x: number, y: number, w: number, h: number, fill: Fill): void {
  const doc = pdf.doc;
  if (w <= 0 || h <= 0) return;
  doc.save();
  if (fill === 'solid') doc.rect(x, y, w, h).fill(SHADE.solid);
  else {
    doc.rect(x, y, w, h).fill('#ffffff');
    doc.rect(x, y, w, h).clip();
    doc.lineWidth(0.7).strokeColor(SHADE[fill]);
    if (fill === 'hatch' || fill === 'cross') {
      for (let k = -h; k < w + h; k += 3.2) doc.moveTo(x + k, y + h).lineTo(x + k + h, y).stroke();
    }
    if (fill === 'cross') {
      for (let k = -h; k < w + h; k += 3.2) doc.moveTo(x + k, y).lineTo(x + k + h, y + h).stroke();
    }
    if (fill === 'dots') {
      doc.fillColor(SHADE.dots);
      for (let yy = y + 1.5; yy < y + h; yy += 3) for (let xx = x + 1.5; xx < x + w; xx += 3) doc.circle(xx, yy, 0.6).fill();
    }
  }
  doc.restore();
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(INK).stroke();
}

export interface Bar {
  label: string;
  value: number;
}

/**
 * Horizontal bars, one per label, largest first as given, each with its count at its end. Drawn at
 * (x, y) in `width`; returns the height used. An empty list says so in words.
 */
export function barChart(pdf: Pdf, o: { x: number; y: number; width: number; title: string; bars: Bar[]; lang: Lang; empty: string; max?: number }): number {
  const doc = pdf.doc;
  const rowH = 11;
  let y = o.y;
  pdf.font('bold', 8.4, COLORS.header);
  doc.text(o.title, o.x, y, { width: o.width });
  y = doc.y + 3;
  if (o.bars.length === 0) {
    pdf.font('italic', 7.8, COLORS.muted);
    doc.text(o.empty, o.x, y, { width: o.width });
    return doc.y + 4 - o.y;
  }
  const labelW = Math.min(o.width * 0.45, 130);
  const valueW = 26;
  const barW = o.width - labelW - valueW - 6;
  const max = Math.max(o.max ?? 0, ...o.bars.map((b) => b.value), 1);
  for (const b of o.bars) {
    pdf.font('body', 7.4, INK);
    doc.text(b.label, o.x, y + 1.5, { width: labelW - 4, height: rowH, ellipsis: '…', lineBreak: false });
    const w = (b.value / max) * barW;
    const bx = o.x + labelW;
    doc.rect(bx, y + 1.5, barW, rowH - 3).fill(COLORS.zebra);
    patternRect(pdf, bx, y + 1.5, Math.max(w, b.value > 0 ? 1 : 0), rowH - 3, 'solid');
    pdf.font('bold', 7.4, INK);
    doc.text(fmtNumber(b.value, o.lang), bx + w + 3, y + 1.5, { width: valueW + 20, lineBreak: false });
    y += rowH;
  }
  // The zero line: bars start from it.
  doc.moveTo(o.x + labelW, o.y + 12).lineTo(o.x + labelW, y).lineWidth(0.6).strokeColor(INK).stroke();
  return y + 4 - o.y;
}

export interface StackPart {
  value: number;
  fill: Fill;
}

export interface StackRow {
  label: string;
  parts: StackPart[];
  /** Written at the end of the bar (e.g. "83 % on time"). */
  note: string;
}

/** 100 % stacked bars (e.g. on time / late / overdue per kind of clock) with a legend of the patterns. */
export function stackedBars(pdf: Pdf, o: { x: number; y: number; width: number; title: string; rows: StackRow[]; legend: { fill: Fill; label: string }[] }): number {
  const doc = pdf.doc;
  const rowH = 15;
  let y = o.y;
  pdf.font('bold', 8.4, COLORS.header);
  doc.text(o.title, o.x, y, { width: o.width });
  y = doc.y + 3;
  const labelW = 128;
  const noteW = 112;
  const barW = o.width - labelW - noteW - 8;
  for (const r of o.rows) {
    pdf.font('body', 7.6, INK);
    doc.text(r.label, o.x, y + 3, { width: labelW - 4, lineBreak: false, ellipsis: '…', height: rowH });
    const total = r.parts.reduce((s, p) => s + p.value, 0);
    const bx = o.x + labelW;
    if (total === 0) {
      doc.rect(bx, y + 2, barW, rowH - 4).lineWidth(0.5).dash(2, { space: 2 }).strokeColor(COLORS.faint).stroke().undash();
    } else {
      let x = bx;
      for (const p of r.parts) {
        const w = (p.value / total) * barW;
        patternRect(pdf, x, y + 2, w, rowH - 4, p.fill);
        x += w;
      }
    }
    pdf.font('bold', 7.6, INK);
    doc.text(r.note, bx + barW + 6, y + 3, { width: noteW, lineBreak: false, ellipsis: '…', height: rowH });
    y += rowH;
  }
  y += 3;
  let lx = o.x + labelW;
  for (const l of o.legend) {
    patternRect(pdf, lx, y, 12, 7, l.fill);
    pdf.font('body', 7.2, INK);
    doc.text(l.label, lx + 15, y - 0.5, { lineBreak: false });
    lx += 15 + doc.widthOfString(l.label) + 12;
  }
  return y + 12 - o.y;
}

export type Marker = 'circle' | 'square' | 'triangle';

export interface Series {
  name: string;
  values: number[];
  dash: number[] | null;
  marker: Marker;
}

function marker(pdf: Pdf, m: Marker, x: number, y: number): void {
  const doc = pdf.doc;
  doc.lineWidth(0.8).strokeColor(INK).fillColor('#ffffff');
  if (m === 'circle') doc.circle(x, y, 2.3).fillAndStroke('#ffffff', INK);
  else if (m === 'square') doc.rect(x - 2.1, y - 2.1, 4.2, 4.2).fillAndStroke(INK, INK);
  else doc.polygon([x, y - 2.8], [x + 2.6, y + 1.9], [x - 2.6, y + 1.9]).fillAndStroke('#ffffff', INK);
}

/** A month-by-month line chart: one line per series, each with its dash and marker, a y scale in whole numbers. */
export function lineChart(pdf: Pdf, o: { x: number; y: number; width: number; height: number; title: string; months: string[]; series: Series[]; lang: Lang }): number {
  const doc = pdf.doc;
  pdf.font('bold', 8.4, COLORS.header);
  doc.text(o.title, o.x, o.y, { width: o.width });
  const top = doc.y + 6;
  const axisW = 22;
  const left = o.x + axisW;
  const plotW = o.width - axisW - 4;
  const plotH = o.height;
  const bottom = top + plotH;
  const max = Math.max(1, ...o.series.flatMap((s) => s.values));
  const step = niceStep(max);
  const ceil = Math.ceil(max / step) * step;
  const yOf = (v: number) => bottom - (v / ceil) * plotH;
  const n = o.months.length;
  const xOf = (k: number) => left + (n === 1 ? plotW / 2 : (k / (n - 1)) * plotW);
  // Grid and scale.
  for (let v = 0; v <= ceil; v += step) {
    doc.moveTo(left, yOf(v)).lineTo(left + plotW, yOf(v)).lineWidth(v === 0 ? 0.8 : 0.3).strokeColor(v === 0 ? INK : COLORS.rule).stroke();
    pdf.font('body', 6.8, COLORS.muted);
    doc.text(fmtNumber(v, o.lang), o.x, yOf(v) - 3.5, { width: axisW - 4, align: 'right', lineBreak: false });
  }
  doc.moveTo(left, top).lineTo(left, bottom).lineWidth(0.8).strokeColor(INK).stroke();
  // Month labels: every one when they fit, else every second, third…
  pdf.font('body', 6.6, COLORS.muted);
  const every = Math.max(1, Math.ceil((n * 26) / plotW));
  o.months.forEach((m, k) => {
    if (k % every !== 0) return;
    doc.text(monthLabel(m, o.lang), xOf(k) - 16, bottom + 3, { width: 32, align: 'center', lineBreak: false });
  });
  for (const s of o.series) {
    doc.save();
    doc.lineWidth(1.2).strokeColor(INK);
    if (s.dash) doc.dash(s.dash[0]!, { space: s.dash[1] ?? s.dash[0]! });
    s.values.forEach((v, k) => (k === 0 ? doc.moveTo(xOf(k), yOf(v)) : doc.lineTo(xOf(k), yOf(v))));
    doc.stroke();
    doc.undash();
    doc.restore();
    s.values.forEach((v, k) => marker(pdf, s.marker, xOf(k), yOf(v)));
  }
  // Legend: the line's dash and marker with the series' name.
  let lx = left;
  const ly = bottom + 16;
  for (const s of o.series) {
    doc.save();
    doc.lineWidth(1.2).strokeColor(INK);
    if (s.dash) doc.dash(s.dash[0]!, { space: s.dash[1] ?? s.dash[0]! });
    doc.moveTo(lx, ly + 3).lineTo(lx + 22, ly + 3).stroke();
    doc.undash();
    doc.restore();
    marker(pdf, s.marker, lx + 11, ly + 3);
    pdf.font('body', 7.4, INK);
    const total = s.values.reduce((a, b) => a + b, 0);
    const text = `${s.name} (${fmtNumber(total, o.lang)})`;
    doc.text(text, lx + 26, ly, { lineBreak: false });
    lx += 26 + doc.widthOfString(text) + 16;
  }
  return ly + 12 - o.y;
}

function niceStep(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000]) if (max / s <= 6) return s;
  return Math.ceil(max / 6);
}

/** "Mar 26" / "mars 26": short enough for a dozen under a chart. */
export function monthLabel(ym: string, lang: Lang): string {
  return formatMonth(ym, lang, true);
}
