import { z } from 'zod';
import { JobId, RegisterName } from './export';
import { BilingualText } from './timeline';

/** Registers a spreadsheet can come into (the same ones the register exports write). */
export const ImportRegister = RegisterName;
export type ImportRegister = z.infer<typeof ImportRegister>;

/** The largest file accepted (base64 travels in JSON; the web host's limit is 40 MiB of body). */
export const MAX_IMPORT_BYTES = 28 * 1024 * 1024;

export const ImportFileInput = z.object({
  register: ImportRegister,
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64 (CSV in any common encoding, or XLSX). */
  contentBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`),
  /** XLSX: the worksheet to read (default: the first one that is not the provenance sheet). */
  sheet: z.string().max(100).optional(),
  jobId: JobId.optional(),
});

/** Column header (as in the file) → register field, or null to ignore the column. */
export const ColumnMapping = z.record(z.string(), z.string().nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportPreviewInput = ImportFileInput.extend({
  /** A mapping chosen by the user; without it the remembered or suggested one is used. */
  mapping: ColumnMapping.optional(),
});
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;

export const ImportCommitInput = ImportFileInput.extend({
  mapping: ColumnMapping,
  /** The digest the preview reported: refuses to commit a different file. */
  expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ImportCommitInput = z.input<typeof ImportCommitInput>;

/**
 * 'deadline': a due date. A day-counted one is written as its last day (2018-08-02, running to the
 * end of that day in the organisation's zone) and a plain date is read back the same way; an
 * instant with a time (an hour-counted deadline) is written and read as an instant.
 *
 * 'date': a calendar day without a time (a contract's signature): 2025-03-01 or 01/03/2025, a date
 * cell in XLSX.
 */
export const ImportFieldType = z.enum(['text', 'instant', 'deadline', 'date', 'enum', 'list', 'number', 'boolean', 'reference']);

/** A field a column can be mapped to. */
export const ImportField = z.object({
  field: z.string(),
  label: BilingualText,
  type: ImportFieldType,
  required: z.boolean(),
  /** Enum and list fields: the accepted codes (labels in either language are accepted too). */
  values: z.array(z.string()).nullable(),
  /** Written by exports for the reader, recomputed by the app, ignored on import. */
  exportOnly: z.boolean(),
});
export type ImportField = z.infer<typeof ImportField>;

export const ImportIssueCode = z.enum([
  'missing_column',
  'required',
  'bad_date',
  'bad_enum',
  'bad_number',
  'bad_boolean',
  'too_long',
  'unknown_reference',
  'duplicate_in_file',
  'invalid',
  'encoding',
  'empty_file',
  'unreadable',
  'duplicate_column',
  'too_many_rows',
]);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;

/** One problem, located in the file: row as a spreadsheet numbers it (header = row 1). */
export const ImportIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: ImportIssueCode,
  severity: z.enum(['error', 'warning']),
  message: BilingualText,
  value: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportRowStatus = z.enum(['new', 'duplicate', 'invalid']);

export const ImportPreview = z.object({
  register: ImportRegister,
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** CSV: the encoding it was read in (a warning says so when it was not UTF-8). */
  encoding: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  columns: z.array(z.object({ header: z.string(), samples: z.array(z.string()) })),
  mapping: ColumnMapping,
  mappingSource: z.enum(['given', 'remembered', 'suggested']),
  fields: z.array(ImportField),
  /** Required fields no column is mapped to: nothing can be imported until they are. */
  missingRequired: z.array(z.string()),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Already in the register (same reference, or the same row imported before). */
  duplicates: z.number().int(),
  toCreate: z.number().int(),
  /** File-level notices (encoding, ignored columns…). */
  warnings: z.array(ImportIssue),
  /** Row-level problems, first ones (issuesTotal says how many there are). */
  issues: z.array(ImportIssue),
  issuesTotal: z.number().int(),
  /** The first rows as they will be read. */
  sample: z.array(z.object({ row: z.number().int(), status: ImportRowStatus, values: z.record(z.string(), z.string()) })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitResult = z.object({
  importId: z.string(),
  register: ImportRegister,
  fileName: z.string(),
  sha256: z.string(),
  created: z.number().int(),
  duplicates: z.number().int(),
  /** The audit entry recording the import. */
  auditSeq: z.number().int(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;

export const ImportFieldsInput = z.object({ register: ImportRegister });
export const ImportFieldsResult = z.object({ fields: z.array(ImportField) });
