import type { Provenance } from '@shared/schemas/export';

/** Cells that spreadsheet programs would run as formulas are written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: string, textual = true): string {
  let s = v;
  if (textual && FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Undo csvCell's formula guard on import. */
export function unguardCell(v: string): string {
  return v.length > 1 && v[0] === "'" && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v;
}

export const PROVENANCE_PREFIX = '# ';

/**
 * One comment line before the header row: which app, who, when, and the audit head. The app's
 * own import skips leading lines that start with '#'; other tools can be told to (pandas:
 * comment='#') or show it as a first row.
 */
export function provenanceComment(p: Provenance): string {
  return `${PROVENANCE_PREFIX}${p.app} ${p.appVersion}; organisation=${p.organisation}; exported-at=${p.exportedAt}; exported-by=${p.exportedBy}; audit-head=${p.auditHeadHash}; audit-entries=${p.auditEntries}; time-zone=${p.timeZone}; deadlines-in-days=last-day (the period runs to the end of that day in time-zone)${p.redaction ? `; redaction-profile=${p.redaction.id} (${p.redaction.name.en}); redaction-rules=${p.redaction.rulesHash}` : ''}${p.drillsLeftOut ? `; drills-left-out=${p.drillsLeftOut}` : ''}`;
}

/** UTF-8 with a BOM (so spreadsheet programs read the accents right), CRLF line ends (RFC 4180). */
export function csvFile(lines: string[]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
