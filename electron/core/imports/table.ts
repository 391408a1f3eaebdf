import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportIssue } from '@shared/schemas/import';
import { bi } from '../exports/labels';
import { PROVENANCE_PREFIX } from '../exports/csv';

export type CellIn = string | Date;

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  sheets: string[];
  headers: string[];
  /** Rows after the header; `row` is the number a spreadsheet program shows for it. */
  rows: { row: number; cells: CellIn[] }[];
  warnings: ImportIssue[];
}

export class FileProblem extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.message.en);
  }
}

function fileIssue(code: ImportIssue['code'], en: string, fr: string, severity: 'error' | 'warning' = 'error'): ImportIssue {
  return { row: null, column: null, field: null, code, severity, message: bi(en, fr), value: null };
}

/**
 * Text from a CSV's bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such;
 * anything that is not valid UTF-8 is read as Windows-1252 (what Excel writes for "CSV" on a
 * Western European Windows) with a warning to check the accents in the preview.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string; warning: ImportIssue | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', warning: null };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warning: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warning: null };
  } catch {
    const text = decodeWindows1252(bytes);
    // Control characters other than tab and line ends: this is not a text file at all.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what betrays a binary file
    if (/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text)) {
      throw new FileProblem(fileIssue('unreadable', 'The file is neither a CSV text file nor an XLSX workbook.', 'Le fichier n’est ni un fichier texte CSV ni un classeur XLSX.'));
    }
    return {
      text,
      encoding: 'windows-1252',
      warning: fileIssue(
        'encoding',
        'The file is not UTF-8: it was read as Windows-1252 (Western European). Check the accents in the preview; if they look wrong, save the file as "CSV UTF-8" and import it again.',
        'Le fichier n’est pas en UTF-8 : il a été lu en Windows-1252 (Europe occidentale). Vérifiez les accents dans l’aperçu ; s’ils sont faux, enregistrez le fichier en "CSV UTF-8" et importez-le de nouveau.',
        'warning',
      ),
    };
  }
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€, ’, œ, …). Decoded by hand: Node's
// TextDecoder('windows-1252') reads these bytes as Latin-1 control characters.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}

/** The separator of a CSV: the candidate that splits its header line most (outside quotes). */
function guessDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = header.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

function isBlank(cells: CellIn[]): boolean {
  return cells.every((c) => (typeof c === 'string' ? c.trim() === '' : false));
}

function parseCsv(bytes: Buffer): Table {
  const { text, encoding, warning } = decodeText(bytes);
  // Leading provenance comments (what this app's exports write) are not data.
  let offset = 0;
  let skipped = 0;
  while (text.startsWith(PROVENANCE_PREFIX, offset)) {
    const nl = text.indexOf('\n', offset);
    offset = nl < 0 ? text.length : nl + 1;
    skipped++;
  }
  const body = text.slice(offset);
  const parsed = Papa.parse<string[]>(body, { delimiter: guessDelimiter(body.replace(/^(\s*\r?\n)+/, '')), skipEmptyLines: false });
  const data = parsed.data;
  const warnings: ImportIssue[] = warning ? [warning] : [];
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    warnings.push({
      row: (quoteError.row ?? 0) + skipped + 1,
      column: null,
      field: null,
      code: 'invalid',
      severity: 'error',
      message: bi('A quoted value is not closed: the rest of the file may be read as one value.', 'Une valeur entre guillemets n’est pas refermée : la suite du fichier risque d’être lue comme une seule valeur.'),
      value: null,
    });
  }
  let h = 0;
  while (h < data.length && isBlank(data[h]!)) h++;
  if (h >= data.length) throw new FileProblem(fileIssue('empty_file', 'The file has no header row and no data.', 'Le fichier ne contient ni ligne d’en-tête ni données.'));
  const headers = data[h]!.map((c) => c.trim());
  const rows: Table['rows'] = [];
  for (let k = h + 1; k < data.length; k++) {
    const cells = data[k]!;
    if (isBlank(cells)) continue;
    rows.push({ row: k + skipped + 1, cells });
  }
  return { format: 'csv', encoding, sheet: null, sheets: [], headers, rows, warnings };
}

function cellOf(v: ExcelJS.CellValue): CellIn {
  if (v == null) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in v) return String((v as { text?: unknown }).text ?? '');
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

export const PROVENANCE_SHEET_NAME = 'Provenance';

async function parseXlsx(bytes: Buffer, sheet: string | undefined): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileProblem(fileIssue('unreadable', 'The XLSX workbook could not be read (damaged, or protected with a password).', 'Le classeur XLSX n’a pas pu être lu (endommagé ou protégé par un mot de passe).'));
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets.find((w) => w.name !== PROVENANCE_SHEET_NAME && w.actualRowCount > 0);
  if (!ws) {
    throw new FileProblem(
      fileIssue('empty_file', sheet ? `There is no sheet called "${sheet}" (sheets: ${sheets.join(', ')}).` : 'The workbook has no sheet with data.', sheet ? `Il n’y a pas de feuille "${sheet}" (feuilles : ${sheets.join(', ')}).` : 'Le classeur ne contient aucune feuille avec des données.'),
    );
  }
  let headers: string[] | null = null;
  let width = 0;
  const rows: Table['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = values.map(cellOf);
    if (!headers) {
      if (isBlank(cells) || (typeof cells[0] === 'string' && cells[0].startsWith('#'))) return;
      headers = cells.map((c) => (typeof c === 'string' ? c.trim() : c.toISOString()));
      width = headers.length;
      return;
    }
    if (isBlank(cells)) return;
    while (cells.length < width) cells.push('');
    rows.push({ row: rowNumber, cells });
  });
  if (!headers) throw new FileProblem(fileIssue('empty_file', `The sheet "${ws.name}" is empty.`, `La feuille "${ws.name}" est vide.`));
  return { format: 'xlsx', encoding: null, sheet: ws.name, sheets, headers, rows, warnings: [] };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The header and rows of a CSV or XLSX file. */
export async function readTable(fileName: string, bytes: Buffer, sheet?: string): Promise<Table> {
  if (bytes.length === 0) throw new FileProblem(fileIssue('empty_file', `${fileName} is empty.`, `${fileName} est vide.`));
  if (bytes.subarray(0, 4).equals(OLE)) {
    throw new FileProblem(fileIssue('unreadable', 'Excel 97-2003 workbooks (.xls) cannot be read: save the file as XLSX or CSV.', 'Les classeurs Excel 97-2003 (.xls) ne peuvent pas être lus : enregistrez le fichier en XLSX ou en CSV.'));
  }
  if (bytes.subarray(0, 4).equals(ZIP) || /\.xlsx$/i.test(fileName)) return parseXlsx(bytes, sheet);
  return parseCsv(bytes);
}
