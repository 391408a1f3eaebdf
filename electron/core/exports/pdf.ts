import PDFDocument from 'pdfkit';
import type { Provenance } from '@shared/schemas/export';
import type { Job } from '../jobs/jobs';
import { FONTS, type FontName } from './fonts';
import { fmtDateTime, frTypo, type Lang } from './labels';
import { drillsLeftOutText } from '@shared/drills';

export const COLORS = {
  ink: '#1b1f24',
  muted: '#5f6b7a',
  faint: '#9aa5b1',
  rule: '#d5dbe1',
  zebra: '#f3f5f8',
  header: '#1f3a5f',
  headerText: '#ffffff',
  accent: '#1f5fa8',
  ok: '#2e7d32',
  late: '#c62828',
  warn: '#b26a00',
  neutral: '#546e7a',
} as const;

export interface PdfOptions {
  lang: Lang;
  title: string;
  /** Left part of every footer, after the organisation's name. */
  footerLabel: string;
  provenance: Provenance;
  subject: string;
  keywords: string[];
  layout?: 'portrait' | 'landscape';
}

export type Cell = string | { text: string; sub?: string; color?: string; bold?: boolean; font?: FontName };

export interface Column {
  header: string;
  /** Points. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

const FOOTER_HEIGHT = 34;

/** The provenance sentence every export carries (footer, colophon, metadata). */
export function provenanceLine(p: Provenance, lang: Lang): string {
  const at = fmtDateTime(p.exportedAt, lang, p.timeZone);
  const profile = p.redaction ? ` · ${lang === 'fr' ? 'profil' : 'profile'} ${redactionText(p, lang)}` : '';
  const drills = p.drillsLeftOut ? ` · ${drillsLeftOutText(p.drillsLeftOut, lang)}` : '';
  return lang === 'fr'
    ? frTypo(`${p.app} ${p.appVersion} · exporté le ${at} par ${p.exportedBy} · empreinte du journal d’audit : ${p.auditHeadHash}${profile}${drills}`)
    : `${p.app} ${p.appVersion} · exported ${at} by ${p.exportedBy} · audit log head: ${p.auditHeadHash}${profile}${drills}`;
}

/** "Management (management, rules 3f2a…)": the redaction profile an export was made with. */
export function redactionText(p: Provenance, lang: Lang): string {
  const r = p.redaction;
  if (!r) return '';
  return lang === 'fr' ? `${r.name.fr} (${r.id}, règles ${r.rulesHash})` : `${r.name.en} (${r.id}, rules ${r.rulesHash})`;
}

/** The provenance in two parts: who made it and when; the audit head. */
export function provenanceParts(p: Provenance, lang: Lang): [string, string] {
  const at = fmtDateTime(p.exportedAt, lang, p.timeZone);
  return lang === 'fr'
    ? [frTypo(`${p.app} ${p.appVersion} · exporté le ${at} par ${p.exportedBy}`), frTypo(`Empreinte du journal d’audit : ${p.auditHeadHash} (${p.auditEntries} entrées)`)]
    : [`${p.app} ${p.appVersion} · exported ${at} by ${p.exportedBy}`, `Audit log head: ${p.auditHeadHash} (${p.auditEntries} entries)`];
}

/** The machine-readable provenance in the PDF's Keywords. */
export function provenanceKeywords(p: Provenance): string[] {
  return [
    `audit-head:${p.auditHeadHash}`,
    `audit-entries:${p.auditEntries}`,
    `app-version:${p.appVersion}`,
    `exported-at:${p.exportedAt}`,
    `exported-by:${p.exportedBy}`,
    `organisation:${p.organisation}`,
    ...(p.redaction ? [`redaction-profile:${p.redaction.id}`, `redaction-rules:${p.redaction.rulesHash}`] : []),
  ];
}

/**
 * A4 documents with the DejaVu fonts embedded, a footer on every page (organisation, what the
 * document is, "Page 2 / 5", provenance) and the provenance in the document's metadata too.
 */
export class Pdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(readonly opts: PdfOptions) {
    const p = opts.provenance;
    this.doc = new PDFDocument({
      size: 'A4',
      layout: opts.layout ?? 'portrait',
      margins: { top: 42, bottom: 42 + FOOTER_HEIGHT, left: 42, right: 42 },
      bufferPages: true,
      autoFirstPage: true,
      lang: opts.lang === 'fr' ? 'fr-FR' : 'en-GB',
      displayTitle: true,
      pdfVersion: '1.7',
      info: {
        Title: opts.title,
        Author: p.exportedBy,
        Subject: opts.subject,
        Keywords: opts.keywords.join('; '),
        Creator: `${p.app} ${p.appVersion}`,
        Producer: `${p.app} ${p.appVersion} (PDFKit)`,
        CreationDate: new Date(p.exportedAt),
        ModDate: new Date(p.exportedAt),
      },
    });
    // Registered by name only: opening the same file under a second key (e.g. the constructor's
    // font option) defeats PDFKit's font cache and re-parses the font at every switch.
    for (const [name, path] of Object.entries(FONTS)) this.doc.registerFont(name, path());
    this.doc.font('body');
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get lang(): Lang {
    return this.opts.lang;
  }

  /** Text in the document's language (French typography applied to French). */
  t(en: string, fr: string): string {
    return this.opts.lang === 'fr' ? frTypo(fr) : en;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }
  get remaining(): number {
    return this.bottom - this.doc.y;
  }

  font(name: FontName, size: number, color: string = COLORS.ink): this {
    this.doc.font(name).fontSize(size).fillColor(color);
    return this;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.font('body');
  }

  /** A new page unless `h` points are left on this one. */
  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.newPage();
  }

  heading(text: string, size = 12.5, gapBefore = 10): void {
    this.ensure(gapBefore + size + 30);
    this.doc.y += gapBefore;
    this.font('title', size, COLORS.header);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    const y = this.doc.y + 1;
    this.doc.moveTo(this.left, y).lineTo(this.right, y).lineWidth(0.6).strokeColor(COLORS.rule).stroke();
    this.doc.y = y + 4;
    this.font('body', 9);
  }

  paragraph(text: string, opts: { size?: number; color?: string; font?: FontName; maxLines?: number; x?: number; width?: number; gapAfter?: number } = {}): void {
    if (!text) return;
    const size = opts.size ?? 9;
    this.font(opts.font ?? 'body', size, opts.color ?? COLORS.ink);
    const width = opts.width ?? this.width;
    const x = opts.x ?? this.left;
    const lineH = this.doc.currentLineHeight(true);
    const full = this.doc.heightOfString(text, { width });
    const height = opts.maxLines ? Math.min(full, lineH * opts.maxLines + 0.5) : full;
    this.ensure(Math.min(height, lineH * 3));
    this.doc.text(text, x, this.doc.y, { width, height: opts.maxLines ? height : undefined, ellipsis: opts.maxLines ? '…' : undefined });
    this.doc.y += opts.gapAfter ?? 3;
  }

  /** "Label: value" pairs laid out in `cols` columns. */
  facts(pairs: [string, string][], cols = 2, size = 8.6): void {
    const gap = 12;
    const colW = (this.width - gap * (cols - 1)) / cols;
    for (let k = 0; k < pairs.length; k += cols) {
      const row = pairs.slice(k, k + cols);
      let h = 0;
      this.font('body', size);
      for (const [l, v] of row) {
        this.font('bold', size);
        const lh = this.doc.heightOfString(l, { width: colW });
        this.font('body', size);
        h = Math.max(h, lh + this.doc.heightOfString(v || '—', { width: colW }));
      }
      this.ensure(h + 4);
      const y0 = this.doc.y;
      row.forEach(([l, v], c) => {
        const x = this.left + c * (colW + gap);
        this.font('bold', size - 0.6, COLORS.muted);
        this.doc.text(l, x, y0, { width: colW });
        this.font('body', size, COLORS.ink);
        this.doc.text(v || '—', x, this.doc.y, { width: colW });
      });
      this.doc.y = y0 + h + 4;
    }
  }

  private cellParts(c: Cell): { text: string; sub?: string; color?: string; bold?: boolean; font?: FontName } {
    return typeof c === 'string' ? { text: c } : c;
  }

  /** Row height and, per cell, the height of its main text (measured once, reused to draw). */
  private measureRow(cols: Column[], row: Cell[], size: number, pad: number): { h: number; textH: number[] } {
    let h = 0;
    const textH: number[] = [];
    row.forEach((c, k) => {
      const p = this.cellParts(c);
      const w = cols[k]!.width - 2 * pad;
      this.doc.font(p.font ?? (p.bold ? 'bold' : 'body')).fontSize(size);
      const th = p.text ? this.doc.heightOfString(p.text, { width: w }) : size;
      textH.push(th);
      let ch = th;
      if (p.sub) {
        this.doc.font('body').fontSize(size - 1.3);
        ch += 1 + this.doc.heightOfString(p.sub, { width: w });
      }
      h = Math.max(h, ch);
    });
    return { h: h + 2 * pad, textH };
  }

  private drawHeaderRow(cols: Column[], size: number, pad: number): void {
    this.doc.font('bold').fontSize(size);
    const h = Math.max(...cols.map((c) => this.doc.heightOfString(c.header, { width: c.width - 2 * pad }))) + 2 * pad;
    const y = this.doc.y;
    this.doc.rect(this.left, y, cols.reduce((s, c) => s + c.width, 0), h).fill(COLORS.header);
    let x = this.left;
    this.doc.fillColor(COLORS.headerText);
    for (const c of cols) {
      this.doc.text(c.header, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      x += c.width;
    }
    this.doc.y = y + h;
  }

  /**
   * A table that breaks across pages and repeats its header on each one. Rows taller than a page
   * have their second line cut with an ellipsis. Yields (and checks cancellation) as it goes.
   */
  async table(cols: Column[], rows: Cell[][], opts: { size?: number; pad?: number; zebra?: boolean; job?: Job; minRowsOnPage?: number } = {}): Promise<void> {
    const size = opts.size ?? 8;
    const pad = opts.pad ?? 3;
    const total = cols.reduce((s, c) => s + c.width, 0);
    const headerReserve = size * 3 + 2 * pad;
    const firstRowH = rows[0] ? this.measureRow(cols, rows[0], size, pad).h : 0;
    this.ensure(headerReserve + Math.min(firstRowH, 120));
    this.drawHeaderRow(cols, size, pad);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const measured = this.measureRow(cols, row, size, pad);
      let h = measured.h;
      const maxH = this.bottom - this.doc.page.margins.top - headerReserve - 4;
      const clipped = h > maxH;
      if (clipped) h = maxH;
      if (this.doc.y + h > this.bottom) {
        this.newPage();
        this.drawHeaderRow(cols, size, pad);
      }
      const y = this.doc.y;
      if (opts.zebra !== false && r % 2 === 1) this.doc.rect(this.left, y, total, h).fill(COLORS.zebra);
      let x = this.left;
      row.forEach((c, k) => {
        const p = this.cellParts(c);
        const col = cols[k]!;
        const w = col.width - 2 * pad;
        this.doc.font(p.font ?? (p.bold ? 'bold' : 'body')).fontSize(size).fillColor(p.color ?? COLORS.ink);
        const textH = Math.min(measured.textH[k]!, h - 2 * pad);
        if (clipped) this.doc.text(p.text, x + pad, y + pad, { width: w, align: col.align ?? 'left', height: textH + 0.5, ellipsis: '…' });
        else this.doc.text(p.text, x + pad, y + pad, { width: w, align: col.align ?? 'left' });
        if (p.sub) {
          const subY = y + pad + textH + 1;
          const room = y + h - pad - subY;
          if (room > size - 2) {
            this.doc.font('body').fontSize(size - 1.3).fillColor(COLORS.muted);
            this.doc.text(p.sub, x + pad, subY, { width: w, height: room, ellipsis: '…' });
          }
        }
        x += col.width;
      });
      this.doc.moveTo(this.left, y + h).lineTo(this.left + total, y + h).lineWidth(0.3).strokeColor(COLORS.rule).stroke();
      this.doc.y = y + h;
      if (opts.job) await opts.job.tick(r + 1);
    }
    this.doc.x = this.left;
    this.doc.y += 4;
  }

  /** Footers on every page, then the finished file. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const p = this.opts.provenance;
    const range = doc.bufferedPageRange();
    const count = range.count;
    for (let k = 0; k < count; k++) {
      doc.switchToPage(range.start + k);
      const bottomMargin = doc.page.margins.bottom;
      // Writing below the bottom margin would make PDFKit start a new page.
      doc.page.margins.bottom = 0;
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      const y = doc.page.height - bottomMargin + 12;
      doc.moveTo(left, y - 4).lineTo(left + width, y - 4).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      const pageText = this.t(`Page ${k + 1} / ${count}`, `Page ${k + 1} / ${count}`);
      doc.font('bold').fontSize(8).fillColor(COLORS.muted);
      const pw = doc.widthOfString(pageText);
      doc.text(pageText, left + width - pw, y, { lineBreak: false });
      doc.font('body').fontSize(8).fillColor(COLORS.muted);
      doc.text(`${p.organisation} · ${this.opts.footerLabel}`, left, y, { width: width - pw - 12, lineBreak: false, ellipsis: '…', height: 10 });
      const [made, head] = provenanceParts(p, this.lang);
      doc.font('body').fontSize(6.3).fillColor(COLORS.faint);
      doc.text(made, left, y + 11, { width, lineBreak: false, ellipsis: '…', height: 9 });
      doc.font('mono').fontSize(5.8).fillColor(COLORS.faint);
      doc.text(head, left, y + 19, { width, lineBreak: false, ellipsis: '…', height: 9 });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
    return this.done;
  }
}
