import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { registerNamed } from '@shared/registers';
import { ActionCreate } from '@shared/schemas/action';
import { ComplaintCreate } from '@shared/schemas/complaint';
import { ContractCreate } from '@shared/schemas/contract';
import { IncidentCreate } from '@shared/schemas/incident';
import { LetterCreate } from '@shared/schemas/letter';
import type { ColumnMapping, ImportCommitInput, ImportCommitResult, ImportIssue, ImportPreview, ImportPreviewInput, ImportRegister } from '@shared/schemas/import';
import { MAX_IMPORT_BYTES } from '@shared/schemas/import';
import { REGULATORS } from '@shared/reference/regulators';
import { fold } from '@shared/text';
import { appendAudit } from '../registers/context';
import type { PlannedRecord, Reserved } from '../registers/register-base';
import type { Complaint } from '@shared/schemas/complaint';
import type { Action } from '@shared/schemas/action';
import { getMeta, setMeta } from '../db/meta';
import type { Job } from '../jobs/jobs';
import { bi, codeFor, type Bi } from '../exports/labels';
import type { ExchangeContext } from '../exports/context';
import { describeFields, fieldsOf, recordTypeOf, splitParts, type FieldSpec } from './fields';
import { FileProblem, readTable, type Table } from './table';
import { cellText, parseBooleanCell, parseDateCell, parseEnumCell, parseDeadlineCell, parseInstantCell, parseNumberCell, splitList } from './values';

type PreviewIn = z.infer<typeof ImportPreviewInput>;
type CommitIn = z.infer<typeof ImportCommitInput>;

/** More rows than this is not a register but a data dump: refused with a clear message. */
export const MAX_IMPORT_ROWS = 200_000;
const PREVIEW_ISSUES = 500;
const SAMPLE_ROWS = 10;

export function importFields(register: ImportRegister) {
  return { fields: describeFields(register) };
}

type Values = Record<string, unknown>;

interface RowPlan {
  row: number;
  status: 'new' | 'duplicate' | 'invalid';
  display: Record<string, string>;
  values: Values;
  reference: string | null;
  /** Digest of the mapped values: how a row without a reference is recognised when imported again. */
  key: string;
}

interface Analysis {
  table: Table | null;
  sha256: string;
  mapping: ColumnMapping;
  mappingSource: ImportPreview['mappingSource'];
  mappingKey: string;
  missingRequired: string[];
  warnings: ImportIssue[];
  fatal: boolean;
  issues: ImportIssue[];
  plans: RowPlan[];
}

function issue(row: number | null, column: string | null, field: string | null, code: ImportIssue['code'], message: Bi, value: string | null = null, severity: 'error' | 'warning' = 'error'): ImportIssue {
  return { row, column, field, code, severity, message, value: value && value.length > 120 ? `${value.slice(0, 117)}…` : value };
}

/* ------------------------------------------------------------------------------------------ */
/* Column mapping                                                                              */
/* ------------------------------------------------------------------------------------------ */

const norm = (s: string) => fold(s).replace(/[’']/g, "'").replace(/[_\s.\-()/]+/g, ' ').trim();

/** A field for a header: its key, its label in either language, or a known alias. */
function suggestField(register: ImportRegister, header: string): string | null {
  const h = norm(header);
  if (!h) return null;
  for (const s of fieldsOf(register)) {
    const names = [s.field, s.field.replace(/[A-Z]/g, (c) => ` ${c}`), s.label.en, s.label.fr, ...(s.aliases ?? [])];
    if (names.some((n) => norm(n) === h)) return s.field;
  }
  return null;
}

function mappingKeyOf(register: ImportRegister, headers: string[]): string {
  const set = [...new Set(headers.map(norm))].sort().join('\u0001');
  return `imports.mapping.${register}.${createHash('sha256').update(set).digest('hex').slice(0, 16)}`;
}

function resolveMapping(x: ExchangeContext, register: ImportRegister, headers: string[], given: ColumnMapping | undefined): { mapping: ColumnMapping; source: ImportPreview['mappingSource']; key: string } {
  const key = mappingKeyOf(register, headers);
  if (given) return { mapping: given, source: 'given', key };
  const remembered = getMeta<ColumnMapping>(x.d.ctx.db, key);
  if (remembered && Object.keys(remembered).every((h) => headers.includes(h))) return { mapping: remembered, source: 'remembered', key };
  const specs = new Map(fieldsOf(register).map((s) => [s.field, s]));
  const taken = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    if (!h || h in mapping) continue;
    const f = suggestField(register, h);
    mapping[h] = f && !taken.has(f) && !specs.get(f)?.exportOnly ? f : null;
    if (mapping[h]) taken.add(mapping[h]!);
  }
  return { mapping, source: 'suggested', key };
}

/* ------------------------------------------------------------------------------------------ */
/* Per-register rules                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** A regulator id from an id, short name or name; other text is kept as a custom regulator. */
export function regulatorId(s: string): string {
  const v = fold(s);
  const byId = REGULATORS.find((r) => fold(r.id) === v);
  if (byId) return byId.id;
  const matches = REGULATORS.filter((r) => fold(r.short) === v || fold(r.name) === v);
  return matches.length === 1 ? matches[0]!.id : s.trim();
}

interface Env {
  x: ExchangeContext;
  zone: string;
  defaultRole: 'controller' | 'processor';
  /** References of the rows of this file (letters replying to letters in the same file). */
  fileReferences: Set<string>;
}

/** Zod paths to the file's columns. */
const PATH_FIELD: Record<string, string> = { matterId: 'matter', originId: 'origin' };

interface Adapter {
  schema: z.ZodType;
  /** The create input from the parsed values, and the problems only the register knows. */
  input(v: Values, env: Env, problems: (field: string, code: ImportIssue['code'], message: Bi, severity?: 'error' | 'warning') => void): Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** "when · phase · recipient · method · name · reference · content", one notification per line. */
function parseNotificationLines(text: string, env: Env): { ok: Record<string, unknown>[]; errors: string[] } {
  const ok: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim())) {
    const [when = '', phase = '', recipient = '', method = '', name = '', reference = '', content = ''] = splitParts(line);
    const at = parseInstantCell(when, env.zone);
    const ph = codeFor('phase', phase);
    const rc = codeFor('recipient', recipient);
    const me = codeFor('method', method || 'other');
    if (!at.ok || !ph || !rc || !me) {
      errors.push(line);
      continue;
    }
    ok.push({ sentAt: at.value, phase: ph, recipient: rc, method: me, recipientName: name, reference, content });
  }
  return { ok, errors };
}

/** "name · 48 h · contact · notified · how · acknowledged · its authority notified · its reference · notes", one client per line. */
function parseClientLines(text: string, env: Env): { ok: Record<string, unknown>[]; errors: string[] } {
  const ok: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim())) {
    const [name = '', hours = '', contact = '', notified = '', how = '', acknowledged = '', authority = '', authorityReference = '', notes = ''] = splitParts(line);
    const when = (s: string) => (s ? parseInstantCell(s, env.zone) : ({ ok: true, value: null } as const));
    const h = hours ? /^(\d{1,3})\s*h?$/i.exec(hours) : null;
    const n = when(notified);
    const a = when(acknowledged);
    const au = when(authority);
    if (!name || (hours && !h) || !n.ok || !a.ok || !au.ok) {
      errors.push(line);
      continue;
    }
    ok.push({ name, contractHours: h ? Number(h[1]) : null, contact, notifiedAt: n.value, notifiedHow: how, acknowledgedAt: a.value, authorityNotifiedAt: au.value, authorityReference, notes });
  }
  return { ok, errors };
}

const ADAPTERS: Record<ImportRegister, Adapter> = {
  complaints: {
    schema: ComplaintCreate,
    input(v, _env, problem) {
      const status = str(v.status);
      if ((status === 'answered' || status === 'closed') && !v.answeredAt) {
        problem('answeredAt', 'required', bi('Answered or closed without an answer date: the import date will be used.', 'Répondue ou close sans date de réponse : la date de l’import sera utilisée.'), 'warning');
      }
      return {
        reference: v.reference ?? undefined,
        receivedAt: v.receivedAt,
        channel: v.channel,
        regulator: v.regulator ? regulatorId(str(v.regulator)) : null,
        regulatorReference: nul(v.regulatorReference as string | undefined),
        complainantLabel: v.complainantLabel ?? '',
        complainantContact: v.complainantContact ?? '',
        rights: v.rights ?? [],
        summary: v.summary ?? '',
        outcome: v.outcome ?? '',
        extensionNoticeAt: nul(v.extensionNoticeAt as string | undefined),
        extensionReason: v.extensionReason ?? '',
      };
    },
  },
  letters: {
    schema: LetterCreate,
    input(v, env, problem) {
      let matterId: string | null = null;
      if (v.matter) {
        const row = env.x.d.ctx.db.prepare('SELECT id FROM matters WHERE reference = ?').get(str(v.matter)) as { id: string } | undefined;
        if (row) matterId = row.id;
        else problem('matter', 'unknown_reference', bi(`No matter with the reference ${str(v.matter)} in the register.`, `Aucune procédure de référence ${str(v.matter)} dans le registre.`));
      }
      if (v.inReplyTo && !env.fileReferences.has(str(v.inReplyTo)) && !env.x.d.ctx.db.prepare('SELECT 1 FROM letters WHERE reference = ?').get(str(v.inReplyTo))) {
        problem('inReplyTo', 'unknown_reference', bi(`No letter with the reference ${str(v.inReplyTo)} in the register or in this file.`, `Aucun courrier de référence ${str(v.inReplyTo)} dans le registre ni dans ce fichier.`));
      }
      return {
        reference: v.reference ?? undefined,
        regulator: v.regulator ? regulatorId(str(v.regulator)) : '',
        direction: v.direction,
        kind: v.kind,
        sentAt: nul(v.sentAt as string | undefined),
        receivedAt: nul(v.receivedAt as string | undefined),
        notifiedAt: nul(v.notifiedAt as string | undefined),
        regulatorRefs: v.regulatorRefs ?? [],
        subject: v.subject ?? '',
        summary: v.summary ?? '',
        replyDue: nul(v.replyDue as string | undefined),
        complianceDue: nul(v.complianceDue as string | undefined),
        amountEur: nul(v.amountEur as number | undefined),
        matterId,
        // Resolved when the letters are written (the letter replied to may be in this file).
        inReplyTo: null,
      };
    },
  },
  incidents: {
    schema: IncidentCreate,
    input(v, env, problem) {
      if (str(v.status) === 'closed' && (v.notifyAuthority ?? 'pending') === 'pending') {
        problem('notifyAuthority', 'invalid', bi('A closed incident needs the decision to notify the authority or not (Art. 33(5)).', 'Un incident clos doit porter la décision de notifier ou non l’autorité (art. 33(5)).'));
      }
      if (v.clients) {
        for (const line of parseClientLines(str(v.clients), env).errors) {
          problem(
            'clients',
            'invalid',
            bi(`Cannot read the client "${line}": write "name · 48 h · contact · notified on · how · acknowledged on · its authority notified on · its reference · notes".`, `Client illisible "${line}" : écrivez "nom · 48 h · contact · notifié le · comment · accusé de réception le · autorité notifiée le · sa référence · notes".`),
          );
        }
      }
      if (v.notifications) {
        const parsed = parseNotificationLines(str(v.notifications), env);
        for (const line of parsed.errors) {
          problem(
            'notifications',
            'invalid',
            bi(`Cannot read the notification "${line}": write "date · phase · recipient · method · name · reference · content".`, `Notification illisible "${line}" : écrivez "date · phase · destinataire · moyen · nom · référence · contenu".`),
          );
        }
      }
      if (typeof v.detectedAt === 'string' && typeof v.awareAt === 'string' && Date.parse(v.awareAt) - Date.parse(v.detectedAt) >= 60_000 && !str(v.awarenessDelayReason)) {
        problem(
          'awarenessDelayReason',
          'required',
          bi('Awareness came later than detection: say why in the "Why awareness came after detection" column.', 'La prise de connaissance est postérieure à la détection : indiquez pourquoi dans la colonne « Motif de la prise de connaissance après la détection ».'),
        );
      }
      const out: Record<string, unknown> = { reference: v.reference ?? undefined, ourRole: v.ourRole ?? env.defaultRole };
      for (const s of fieldsOf('incidents')) {
        if (s.exportOnly || ['reference', 'ourRole', 'status', 'closedAt', 'notifications', 'clients', 'authorityNotifiedAt', 'dataSubjectsNotifiedAt'].includes(s.field)) continue;
        if (v[s.field] !== undefined) out[s.field] = s.field === 'authority' ? regulatorId(str(v[s.field])) : s.field === 'memberStates' ? (v[s.field] as string[]).map((c) => c.toUpperCase()) : v[s.field];
      }
      return out;
    },
  },
  actions: {
    schema: ActionCreate,
    input(v, env, problem) {
      const status = str(v.status);
      if (status === 'verified' && !v.verificationNote) {
        problem('verificationNote', 'required', bi('A verified action needs to say what was verified.', 'Une action vérifiée doit indiquer ce qui a été vérifié.'));
      }
      if ((status === 'done' || status === 'verified') && !v.doneAt) {
        problem('doneAt', 'required', bi('Done without a date: the import date will be used.', 'Réalisée sans date : la date de l’import sera utilisée.'), 'warning');
      }
      let originId: string | null = null;
      if (v.origin) {
        const type = str(v.originType);
        const table = { incident: 'incidents', complaint: 'complaints', letter: 'letters', matter: 'matters' }[type];
        if (!table) {
          problem('originType', 'required', bi('Say which register the origin record is in (incident, complaint, letter or matter).', 'Indiquez le registre du dossier d’origine (incident, réclamation, courrier ou procédure).'));
        } else {
          const row = env.x.d.ctx.db.prepare(`SELECT id FROM ${table} WHERE reference = ?`).get(str(v.origin)) as { id: string } | undefined;
          if (row) originId = row.id;
          else problem('origin', 'unknown_reference', bi(`No ${type} with the reference ${str(v.origin)} in the register.`, `Aucun dossier (${type}) de référence ${str(v.origin)} dans le registre.`));
        }
      }
      return {
        reference: v.reference ?? undefined,
        title: v.title ?? '',
        description: v.description ?? '',
        owner: v.owner ?? '',
        dueAt: nul(v.dueAt as string | undefined),
        priority: v.priority ?? 'medium',
        originType: nul(v.originType as string | undefined),
        originId,
        originNote: v.originNote ?? '',
        evidence: v.evidence ?? '',
        verificationNote: v.verificationNote ?? '',
      };
    },
  },
  contracts: {
    schema: ContractCreate,
    input(v, _env, problem) {
      const countries = ((v.countries as string[] | undefined) ?? []).map((c) => c.toUpperCase());
      const bad = countries.filter((c) => !/^[A-Z]{2}$/.test(c));
      if (bad.length) {
        problem('countries', 'invalid', bi(`Not a two-letter country code (such as FR): ${bad.join(', ')}.`, `Pas un code pays à deux lettres (comme FR) : ${bad.join(', ')}.`));
      }
      const out: Record<string, unknown> = { reference: v.reference ?? undefined, countries: countries.filter((c) => !bad.includes(c)) };
      for (const f of ['name', 'contractRef', 'noticeHours', 'channel', 'contacts', 'language', 'dpaSignedOn', 'status', 'notes']) if (v[f] !== undefined) out[f] = v[f];
      return out;
    },
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Reading and checking a file                                                                 */
/* ------------------------------------------------------------------------------------------ */

function parseCell(spec: FieldSpec<never>, text: string, raw: Table['rows'][number]['cells'][number], zone: string): { ok: true; value: unknown } | { ok: false; code: ImportIssue['code']; message: Bi } {
  if (spec.max && text.length > spec.max) return { ok: false, code: 'too_long', message: bi(`Longer than ${spec.max} characters.`, `Plus de ${spec.max} caractères.`) };
  switch (spec.type) {
    case 'instant':
      return parseInstantCell(raw instanceof Date ? raw : text, zone);
    case 'deadline':
      return parseDeadlineCell(raw instanceof Date ? raw : text, zone);
    case 'enum':
      return parseEnumCell(spec.enumKind!, text, codeFor);
    case 'list': {
      const items = splitList(text, !!spec.enumKind);
      if (!spec.enumKind) return { ok: true, value: items };
      const codes: string[] = [];
      for (const it of items) {
        const p = parseEnumCell(spec.enumKind, it, codeFor);
        if (!p.ok) return p;
        if (!codes.includes(p.value)) codes.push(p.value);
      }
      return { ok: true, value: codes };
    }
    case 'date':
      return parseDateCell(raw instanceof Date ? raw : text);
    case 'number': {
      const n = parseNumberCell(text, spec.field !== 'amountEur');
      const w = spec.whole;
      if (!w || (n.ok && n.value >= w.min && n.value <= w.max)) return n;
      return {
        ok: false,
        code: 'bad_number',
        message: bi(
          `${spec.label.en}: "${text}" is not a whole number of ${w.unit.en} from ${w.min} to ${w.max}.`,
          `${spec.label.fr} : « ${text} » n’est pas un nombre entier d’${w.unit.fr} entre ${w.min} et ${w.max}.`,
        ),
      };
    }
    case 'boolean':
      return parseBooleanCell(text);
    default:
      return { ok: true, value: text };
  }
}

async function analyse(x: ExchangeContext, q: PreviewIn, job: Job): Promise<Analysis> {
  const bytes = Buffer.from(q.contentBase64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const empty = (problem: ImportIssue): Analysis => ({ table: null, sha256, mapping: {}, mappingSource: 'suggested', mappingKey: '', missingRequired: [], warnings: [problem], fatal: true, issues: [], plans: [] });
  if (bytes.length > MAX_IMPORT_BYTES) {
    return empty(issue(null, null, null, 'too_many_rows', bi(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB: split it.`, `Le fichier dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mio : découpez-le.`)));
  }
  await job.start('parsing', 1);
  let table: Table;
  try {
    table = await readTable(q.fileName, bytes, q.sheet);
  } catch (e) {
    if (e instanceof FileProblem) return empty(e.issue);
    throw e;
  }
  job.check();
  const register = q.register;
  const specs = fieldsOf(register);
  const byField = new Map(specs.map((s) => [s.field, s]));
  const warnings: ImportIssue[] = [...table.warnings];
  let fatal = warnings.some((w) => w.severity === 'error');
  if (table.rows.length > MAX_IMPORT_ROWS) {
    return { ...empty(issue(null, null, null, 'too_many_rows', bi(`${table.rows.length} rows: at most ${MAX_IMPORT_ROWS} rows can be imported at once.`, `${table.rows.length} lignes : au plus ${MAX_IMPORT_ROWS} lignes par import.`))), table };
  }

  const { mapping, source, key } = resolveMapping(x, register, table.headers, q.mapping);
  // The mapping must name this file's columns and this register's fields, each field once.
  const columnOf = new Map<string, number>();
  const seenHeaders = new Set<string>();
  table.headers.forEach((h) => {
    if (seenHeaders.has(h) && h) warnings.push(issue(null, h, null, 'duplicate_column', bi(`The column "${h}" appears twice: only the first one is read.`, `La colonne "${h}" apparaît deux fois : seule la première est lue.`), null, 'warning'));
    seenHeaders.add(h);
  });
  const fieldColumn = new Map<string, string>();
  const ignored: string[] = [];
  for (const [header, field] of Object.entries(mapping)) {
    if (!table.headers.includes(header)) {
      warnings.push(issue(null, header, field, 'invalid', bi(`The mapping names a column "${header}" that the file does not have.`, `La correspondance cite une colonne "${header}" absente du fichier.`)));
      fatal = true;
      continue;
    }
    if (field == null) continue;
    const spec = byField.get(field);
    if (!spec) {
      warnings.push(issue(null, header, field, 'invalid', bi(`"${field}" is not a field of this register.`, `"${field}" n’est pas un champ de ce registre.`)));
      fatal = true;
      continue;
    }
    if (spec.exportOnly) {
      ignored.push(header);
      continue;
    }
    if (fieldColumn.has(field)) {
      warnings.push(issue(null, header, field, 'duplicate_column', bi(`The columns "${fieldColumn.get(field)}" and "${header}" are both mapped to ${spec.label.en}.`, `Les colonnes "${fieldColumn.get(field)}" et "${header}" correspondent toutes deux à ${spec.label.fr}.`)));
      fatal = true;
      continue;
    }
    fieldColumn.set(field, header);
    columnOf.set(field, table.headers.indexOf(header));
  }
  for (const h of table.headers) if (h && !(h in mapping)) ignored.push(h);
  for (const [h, f] of Object.entries(mapping)) if (f == null && h) ignored.push(h);
  if (ignored.length) {
    const list = [...new Set(ignored)].join(', ');
    warnings.push(issue(null, null, null, 'invalid', bi(`Columns not imported: ${list}.`, `Colonnes non importées : ${list}.`), null, 'warning'));
  }
  const missingRequired = specs.filter((s) => s.required && !fieldColumn.has(s.field)).map((s) => s.field);
  for (const f of missingRequired) {
    const s = byField.get(f)!;
    warnings.push(issue(null, null, f, 'missing_column', bi(`No column gives "${s.label.en}", which every record needs.`, `Aucune colonne ne donne "${s.label.fr}", obligatoire pour chaque dossier.`)));
  }
  if (missingRequired.length) fatal = true;

  // Row by row.
  const org = x.d.organisation();
  const env: Env = { x, zone: org.timeZone, defaultRole: org.role === 'processor' ? 'processor' : 'controller', fileReferences: new Set() };
  const refCol = columnOf.get('reference');
  if (refCol !== undefined) for (const r of table.rows) {
    const ref = cellText(r.cells[refCol]);
    if (ref) env.fileReferences.add(ref);
  }
  const adapter = ADAPTERS[register];
  const issues: ImportIssue[] = [];
  const plans: RowPlan[] = [];
  const seenRefs = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  const refExists = x.d.ctx.db.prepare(`SELECT 1 FROM ${registerNamed(register).table} WHERE reference = ?`);
  const keyExists = x.d.ctx.db.prepare('SELECT 1 FROM import_keys WHERE register = ? AND key = ?');
  await job.start('validating', table.rows.length);
  const width = table.headers.length;
  for (let k = 0; k < table.rows.length; k++) {
    const { row, cells } = table.rows[k]!;
    const values: Values = {};
    const display: Record<string, string> = {};
    let bad = false;
    const problem = (field: string, code: ImportIssue['code'], message: Bi, severity: 'error' | 'warning' = 'error', value: string | null = null) => {
      issues.push(issue(row, fieldColumn.get(field) ?? null, field, code, message, value, severity));
      if (severity === 'error') bad = true;
    };
    if (cells.length > width && cells.slice(width).some((c) => cellText(c) !== '')) {
      problem('', 'invalid', bi(`This row has ${cells.length} values but the header has ${width} columns (a separator inside an unquoted value?).`, `Cette ligne a ${cells.length} valeurs pour ${width} colonnes d’en-tête (un séparateur dans une valeur sans guillemets ?).`));
    }
    for (const [field, col] of columnOf) {
      const spec = byField.get(field)!;
      const raw = cells[col] ?? '';
      const text = cellText(raw);
      display[field] = text;
      if (text === '') {
        if (spec.required) problem(field, 'required', bi(`${spec.label.en} is required.`, `${spec.label.fr} est obligatoire.`));
        continue;
      }
      const p = parseCell(spec, text, raw, env.zone);
      if (p.ok) values[field] = p.value;
      else problem(field, p.code, p.message, 'error', text);
    }
    if (!bad && !missingRequired.length) {
      const input = adapter.input(values, env, (f, c, m, s = 'error') => problem(f, c, m, s));
      const checked = adapter.schema.safeParse(input);
      if (!checked.success) {
        for (const zi of checked.error.issues) {
          const path = String(zi.path[0] ?? '');
          const field = PATH_FIELD[path] ?? path;
          // Messages from the register's own rules, in English; the French says which value was refused.
          problem(field, 'invalid', bi(zi.message, `Valeur refusée : ${zi.message}`));
        }
      }
    }
    const reference = typeof values.reference === 'string' && values.reference ? values.reference : null;
    const rowKey = createHash('sha256')
      .update(register)
      .update(JSON.stringify(Object.keys(values).sort().map((f) => [f, values[f]])))
      .digest('hex');
    let status: RowPlan['status'] = bad ? 'invalid' : 'new';
    if (reference) {
      const first = seenRefs.get(reference);
      if (first !== undefined) {
        problem('reference', 'duplicate_in_file', bi(`The reference ${reference} is already used on row ${first}.`, `La référence ${reference} est déjà utilisée ligne ${first}.`));
        status = 'invalid';
      } else {
        seenRefs.set(reference, row);
        if (status === 'new' && refExists.get(reference)) status = 'duplicate';
      }
    } else if (status === 'new') {
      const first = seenKeys.get(rowKey);
      if (first !== undefined) {
        problem('', 'duplicate_in_file', bi(`Same values as row ${first}: imported once.`, `Mêmes valeurs que la ligne ${first} : importée une seule fois.`), 'warning');
        status = 'duplicate';
      } else {
        seenKeys.set(rowKey, row);
        if (keyExists.get(register, rowKey)) status = 'duplicate';
      }
    }
    plans.push({ row, status, display, values, reference, key: rowKey });
    await job.tick(k + 1);
  }
  return { table, sha256, mapping, mappingSource: source, mappingKey: key, missingRequired, warnings, fatal, issues, plans };
}

export async function previewImport(x: ExchangeContext, q: PreviewIn, job: Job): Promise<ImportPreview> {
  const a = await analyse(x, q, job);
  const t = a.table;
  const count = (s: RowPlan['status']) => a.plans.filter((p) => p.status === s).length;
  const valid = a.plans.length - count('invalid');
  return {
    register: q.register,
    fileName: q.fileName,
    sha256: a.sha256,
    format: t?.format ?? (/\.xlsx$/i.test(q.fileName) ? 'xlsx' : 'csv'),
    encoding: t?.encoding ?? null,
    sheet: t?.sheet ?? null,
    sheets: t?.sheets ?? [],
    columns: (t?.headers ?? []).map((header, k) => ({ header, samples: t!.rows.slice(0, 3).map((r) => cellText(r.cells[k])) })),
    mapping: a.mapping,
    mappingSource: a.mappingSource,
    fields: describeFields(q.register),
    missingRequired: a.missingRequired,
    rows: a.plans.length,
    valid: a.fatal ? 0 : valid,
    invalid: a.fatal ? a.plans.length : count('invalid'),
    duplicates: count('duplicate'),
    toCreate: a.fatal ? 0 : count('new'),
    warnings: a.warnings,
    issues: a.issues.slice(0, PREVIEW_ISSUES),
    issuesTotal: a.issues.length,
    sample: a.plans.slice(0, SAMPLE_ROWS).map((p) => ({ row: p.row, status: p.status, values: p.display })),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                     */
/* ------------------------------------------------------------------------------------------ */

function refused(a: Analysis): ApiError {
  const errors = [...a.warnings.filter((w) => w.severity === 'error'), ...a.issues.filter((i) => i.severity === 'error')];
  const rows = new Set(errors.map((e) => e.row).filter((r) => r != null)).size;
  const head = rows ? `${rows} row(s) have problems` : 'The file cannot be imported as it is';
  return new ApiError(
    'VALIDATION_FAILED',
    `${head}; nothing was imported. ${errors[0]?.row ? `Row ${errors[0].row}` : 'File'}${errors[0]?.column ? `, column ${errors[0].column}` : ''}: ${errors[0]?.message.en ?? ''}`,
    errors.slice(0, 50).map((e) => ({ path: [e.row != null ? `row ${e.row}` : 'file', e.column ?? e.field ?? ''].filter(Boolean).join(' / '), message: e.message.en })),
  );
}

export async function commitImport(x: ExchangeContext, q: CommitIn, job: Job): Promise<ImportCommitResult> {
  const a = await analyse(x, q, job);
  if (q.expectSha256 && q.expectSha256 !== a.sha256) throw new ApiError('CONFLICT', 'This is not the file that was previewed (its digest differs); preview it again.');
  if (a.fatal || a.plans.some((p) => p.status === 'invalid')) throw refused(a);
  const todo = orderForWriting(q.register, a.plans.filter((p) => p.status === 'new'));
  const duplicates = a.plans.filter((p) => p.status === 'duplicate').length;
  job.check();
  await job.start('writing', todo.length);
  const ctx = x.d.ctx;
  const org = x.d.organisation();
  const env: Env = { x, zone: org.timeZone, defaultRole: org.role === 'processor' ? 'processor' : 'controller', fileReferences: new Set(a.plans.map((p) => p.reference).filter((r): r is string => !!r)) };
  const importId = uuidv7();
  let auditSeq = 0;
  // One transaction: every record, its audit entries, the import entry, or nothing at all.
  ctx.write(recordTypeOf(q.register), () => {
    auditSeq = appendAudit(ctx, 'import', importId, 'import', [
      { field: 'register', old: null, new: q.register },
      { field: 'fileName', old: null, new: q.fileName },
      { field: 'sha256', old: null, new: a.sha256 },
      { field: 'format', old: null, new: a.table?.format ?? null },
      { field: 'encoding', old: null, new: a.table?.encoding ?? null },
      { field: 'sheet', old: null, new: a.table?.sheet ?? null },
      { field: 'rows', old: null, new: a.plans.length },
      { field: 'created', old: null, new: todo.length },
      { field: 'duplicates', old: null, new: duplicates },
      { field: 'mapping', old: null, new: a.mapping },
    ]).seq;
    const insertKey = ctx.db.prepare('INSERT OR IGNORE INTO import_keys (register, key, record_id, import_id) VALUES (?, ?, ?, ?)');
    const createdRefs = new Map<string, string>();
    const batch = new Batch(x, q.register, env, q.fileName);
    const failed = (rows: string, e: unknown) => {
      if (e instanceof ApiError && e.code === 'CANCELLED') return e;
      const msg = e instanceof Error ? e.message : String(e);
      return new ApiError('VALIDATION_FAILED', `${rows}: ${msg} Nothing was imported.`, [{ path: rows.toLowerCase(), message: msg }]);
    };
    for (let k = 0; k < todo.length; k++) {
      const plan = todo[k]!;
      if (k % 100 === 0) {
        // Cancellation reaches here only from a listener of this job's own progress events.
        if (job.cancelled) job.check();
        job.report('writing', k, todo.length);
      }
      try {
        const id = batch.planned(plan) ?? writeRow(x, q.register, plan, env, createdRefs, q.fileName);
        if (plan.reference) createdRefs.set(plan.reference, id);
        insertKey.run(q.register, plan.key, id, importId);
      } catch (e) {
        throw failed(`Row ${plan.row}`, e);
      }
      if (batch.full || k === todo.length - 1) {
        try {
          batch.flush();
        } catch (e) {
          throw failed(`Rows ${batch.firstRow}–${plan.row}`, e);
        }
      }
    }
    setMeta(ctx.db, a.mappingKey, a.mapping);
    return { id: importId };
  });
  return { importId, register: q.register, fileName: q.fileName, sha256: a.sha256, created: todo.length, duplicates, auditSeq };
}

/** Letters replying to letters of the same file come after them. */
function orderForWriting(register: ImportRegister, plans: RowPlan[]): RowPlan[] {
  if (register !== 'letters') return plans;
  const byRef = new Map(plans.filter((p) => p.reference).map((p) => [p.reference!, p]));
  const out: RowPlan[] = [];
  const state = new Map<RowPlan, 'visiting' | 'done'>();
  const visit = (p: RowPlan) => {
    if (state.get(p) === 'done') return;
    if (state.get(p) === 'visiting') throw new ApiError('VALIDATION_FAILED', `Row ${p.row}: letters reply to each other in a circle.`);
    state.set(p, 'visiting');
    const parent = typeof p.values.inReplyTo === 'string' ? byRef.get(p.values.inReplyTo) : undefined;
    if (parent) visit(parent);
    state.set(p, 'done');
    out.push(p);
  };
  for (const p of plans) visit(p);
  return out;
}

/**
 * Complaints and actions, the registers that come by the thousand, are written through the
 * registers' bulk seam: each row planned as create() and setStatus() would write it (the same
 * record, the same audit entries), then written a batch at a time, each record once in its
 * final state, its index document once. The batches join the import's one transaction.
 */
class Batch {
  static readonly SIZE = 5_000;
  private complaints: PlannedRecord<Complaint>[] = [];
  private actions: PlannedRecord<Action>[] = [];
  firstRow = 0;
  private readonly reserved: Reserved;

  constructor(
    private readonly x: ExchangeContext,
    private readonly register: ImportRegister,
    private readonly env: Env,
    private readonly fileName: string,
  ) {
    // References given in the file are taken before their rows are written.
    this.reserved = new Set(env.fileReferences);
  }

  get full(): boolean {
    return this.complaints.length + this.actions.length >= Batch.SIZE;
  }

  /** The id of the row's record, planned into the batch; null for registers written row by row. */
  planned(plan: RowPlan): string | null {
    const r = this.x.d.registers;
    const v = plan.values;
    const status = typeof v.status === 'string' ? v.status : null;
    if (this.complaints.length + this.actions.length === 0) this.firstRow = plan.row;
    if (plan.reference) this.reserved.delete(plan.reference);
    if (this.register === 'complaints') {
      const input = ADAPTERS.complaints.input(v, this.env, () => {});
      const p = r.complaints.planned(input as never, status && status !== 'received' ? [{ status: status as never, ...(v.answeredAt ? { at: String(v.answeredAt) } : {}) }] : [], this.reserved);
      this.complaints.push(p);
      return p.record.id;
    }
    if (this.register === 'actions') {
      const input = ADAPTERS.actions.input(v, this.env, () => {});
      const steps: { status: Action['status']; at?: string; note?: string }[] = [];
      if (status === 'in_progress') steps.push({ status: 'in_progress' });
      if (status === 'done' || status === 'verified') steps.push({ status: 'done', ...(v.doneAt ? { at: String(v.doneAt) } : {}) });
      if (status === 'verified') steps.push({ status: 'verified', note: String(v.verificationNote), ...(v.verifiedAt ? { at: String(v.verifiedAt) } : {}) });
      if (status === 'cancelled') steps.push({ status: 'cancelled', note: `Imported as cancelled from ${this.fileName}` });
      const p = r.actions.planned(input as never, steps, this.reserved);
      this.actions.push(p);
      return p.record.id;
    }
    return null;
  }

  flush(): void {
    const r = this.x.d.registers;
    r.complaints.bulkLoad(this.complaints);
    r.actions.bulkLoad(this.actions);
    this.complaints = [];
    this.actions = [];
  }
}

function writeRow(x: ExchangeContext, register: ImportRegister, plan: RowPlan, env: Env, createdRefs: Map<string, string>, fileName: string): string {
  const r = x.d.registers;
  const v = plan.values;
  const input = ADAPTERS[register].input(v, env, () => {});
  const status = typeof v.status === 'string' ? v.status : null;
  if (register === 'complaints') {
    const c = r.complaints.create(input as never);
    if (status && status !== 'received') r.complaints.setStatus({ id: c.id, status: status as never, ...(v.answeredAt ? { at: String(v.answeredAt) } : {}) });
    return c.id;
  }
  if (register === 'letters') {
    const parentRef = typeof v.inReplyTo === 'string' ? v.inReplyTo : null;
    let inReplyTo: string | null = null;
    if (parentRef) {
      inReplyTo = createdRefs.get(parentRef) ?? (x.d.ctx.db.prepare('SELECT id FROM letters WHERE reference = ?').get(parentRef) as { id: string } | undefined)?.id ?? null;
      if (!inReplyTo) throw new Error(`No letter with the reference ${parentRef}.`);
    }
    return r.letters.create({ ...(input as never as object), inReplyTo } as never).id;
  }
  if (register === 'incidents') {
    const i = r.incidents.create(input as never);
    const notes = v.notifications ? parseNotificationLines(String(v.notifications), env).ok : [];
    if (!notes.length) {
      if (v.authorityNotifiedAt) notes.push({ recipient: 'authority', phase: 'initial', sentAt: v.authorityNotifiedAt, method: 'other', recipientName: '', reference: '' });
      if (v.dataSubjectsNotifiedAt) notes.push({ recipient: 'data_subjects', phase: 'initial', sentAt: v.dataSubjectsNotifiedAt, method: 'other', recipientName: '', reference: '' });
    }
    // Historical filings: what they lacked is not checked again, but a late one still needs the
    // reasons for its delay (the register's own 'Reasons for a late notification' column).
    for (const n of notes) r.incidents.notifications.create({ ...n, incidentId: i.id, acceptGaps: true, lateReasons: String(v.delayReasons ?? '') } as never);
    if (v.clients) for (const c of parseClientLines(String(v.clients), env).ok) r.incidents.clients.create({ ...c, incidentId: i.id } as never);
    if (status && status !== 'open') r.incidents.setStatus({ id: i.id, status: status as never, ...(v.closedAt ? { at: String(v.closedAt) } : {}) });
    return i.id;
  }
  if (register === 'contracts') return r.contracts.create(input as never).id;
  const a = r.actions.create(input as never);
  if (status === 'in_progress') r.actions.setStatus({ id: a.id, status: 'in_progress' });
  if (status === 'done' || status === 'verified') r.actions.setStatus({ id: a.id, status: 'done', ...(v.doneAt ? { at: String(v.doneAt) } : {}) });
  if (status === 'verified') r.actions.setStatus({ id: a.id, status: 'verified', note: String(v.verificationNote), ...(v.verifiedAt ? { at: String(v.verifiedAt) } : {}) });
  if (status === 'cancelled') r.actions.setStatus({ id: a.id, status: 'cancelled', note: `Imported as cancelled from ${fileName}` });
  return a.id;
}
