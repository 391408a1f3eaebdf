import { zipSync, type Zippable } from 'fflate';
import { ApiError } from '@shared/api/contract';
import type { AuditEntry } from '@shared/schemas/audit';
import { BUNDLE_FORMAT, MANIFEST_PATH, SIGNATURE_PATH, type BundleManifest, type BundleScope, type ManifestFile } from '@shared/schemas/bundle';
import { RegisterExportInput, type Provenance, type RegisterName } from '@shared/schemas/export';
import type { MatterDetail } from '@shared/schemas/matter';
import type { RecordRef, RecordType } from '@shared/schemas/record-types';
import { GENESIS_HASH } from '../audit/audit-log';
import type { Job } from '../jobs/jobs';
import { fingerprintOf, publicKeyPem, type DeviceKey } from '../keys/device-key';
import { toUtc } from '../registers/context';
import { recordHistory } from '../registers/record-history';
import { hidesAnything, type Redactor } from '@shared/redaction';
import { incidentSurroundings } from '../timeline/timeline';
import type { TimelineEntries } from '../timeline/entries';
import { AUDIT_FORMAT, sha256, type AuditExtract } from './bundle-verify';
import { matterPdf, readmeText, summaryPdf } from './bundle-pdf';
import { safeName, type ExchangeContext } from './context';
import { fmtDate, type Lang } from './labels';
import { lookups, redactedLookups } from './register-export';
import { registerPdf } from './register-pdf';
import { redactObligation, exportRedactorFor } from './redaction';
import { drillMark } from '@shared/drills';

/** One record the bundle is about, with what its JSON file holds. */
interface BundleRecord {
  type: RecordType;
  id: string;
  reference: string;
  title: string;
  /** What the JSON file holds (an incident with its notifications, clients and obligations; a matter with its letters). */
  record: unknown;
  /** What the register PDF takes (the record itself). */
  plain: unknown;
}

export interface BundleDeps {
  key: DeviceKey;
  entries: TimelineEntries;
  /** The incident's timeline as the timeline export makes it (PDF, JSON). */
  timelineFiles(incidentId: string, lang: Lang, job: Job): Promise<{ name: string; bytes: Buffer }[]>;
}

const PDF_OF: Partial<Record<RecordType, RegisterName>> = { incident: 'incidents', complaint: 'complaints', letter: 'letters', action: 'actions' };
const TYPE_ORDER: RecordType[] = ['incident', 'matter', 'letter', 'complaint', 'action', 'contract'];

export const HASH_RULE =
  'hash = SHA-256(prevHash + "\\n" + JSON of {opId, at, actor, device, recordType, recordId, action, changes, hlc, bases} with keys sorted at every level and absent or null hlc/bases left out); an entry follows the one before it when its prevHash is that entry’s hash; the first entry’s prevHash is the genesis hash.';

/** The records a scope covers: the incident or matter and what is linked to it, or every record of the period. */
function collect(
  x: ExchangeContext,
  entries: TimelineEntries,
  scope: BundleScope,
  zone: string,
  lang: Lang,
  redactor: Redactor | null,
): { label: string; records: BundleRecord[]; drill?: boolean; drillsLeftOut?: number } {
  const r = x.d.registers;
  const recs = new Map<string, BundleRecord>();
  const add = (type: RecordType, id: string) => {
    const key = `${type}:${id}`;
    if (recs.has(key)) return;
    const rec = recordOf(x, type, id, redactor);
    if (rec) recs.set(key, rec);
  };
  const linked = (ref: RecordRef) => r.links.of(ref).filter((l) => !l.other.archived).map((l) => l.other);

  if (scope.kind === 'incident') {
    const i = r.incidents.get(scope.incidentId);
    add('incident', i.id);
    const around = incidentSurroundings({ ctx: x.d.ctx, registers: r, entries }, i.id);
    for (const m of linked({ type: 'incident', id: i.id })) if (m.type === 'matter') add('matter', m.id);
    for (const l of around.letters) add('letter', l.id);
    for (const c of around.complaints) add('complaint', c.id);
    for (const a of around.actions) add('action', a.id);
    // The client contracts an affected client's clock comes from (their notice terms).
    for (const c of r.incidents.clients.byIncident(i.id)) if (c.contractId) add('contract', c.contractId);
    // A drill's own bundle is the evidence of the exercise: said so in its label and manifest.
    return i.drill ? { label: `${drillMark(lang)} ${i.reference}`, records: sorted(recs), drill: true } : { label: i.reference, records: sorted(recs) };
  }
  if (scope.kind === 'matter') {
    const m = r.matters.get(scope.matterId);
    add('matter', m.id);
    const letters = r.letters.byMatter(m.id);
    for (const l of letters) add('letter', l.id);
    const around = [{ type: 'matter' as const, id: m.id }, ...letters.map((l) => ({ type: 'letter' as const, id: l.id }))];
    for (const ref of around) for (const o of linked(ref)) add(o.type, o.id);
    const origins = around.map((a) => a.id);
    const actions = x.d.ctx.db.prepare(`SELECT id FROM actions WHERE archived_at IS NULL AND origin_id IN (${origins.map(() => '?').join(',')})`).all(...origins) as { id: string }[];
    for (const a of actions) add('action', a.id);
    return { label: m.reference, records: sorted(recs) };
  }
  const from = toUtc(scope.from);
  const to = toUtc(scope.to);
  if (!(from < to)) throw new ApiError('VALIDATION_FAILED', 'The period ends before it starts.', [{ path: 'scope.to', message: 'Before the start' }]);
  const tables: [RecordType, string, string][] = [
    ['incident', 'incidents', 'aware_at'],
    ['matter', 'matters', 'opened_at'],
    ['letter', 'letters', 'COALESCE(received_at, sent_at)'],
    ['complaint', 'complaints', 'received_at'],
    ['action', 'actions', 'due_at'],
  ];
  for (const [type, table, date] of tables) {
    // A period's bundle goes to a regulator or counsel: breach exercises are not breaches.
    const rows = x.d.ctx.db.prepare(`SELECT id FROM ${table} WHERE archived_at IS NULL AND ${date} >= ? AND ${date} < ?${type === 'incident' ? ' AND drill = 0' : ''} ORDER BY ${date}, reference`).all(from, to) as { id: string }[];
    for (const row of rows) add(type, row.id);
  }
  const drills = (x.d.ctx.db.prepare('SELECT count(*) AS n FROM incidents WHERE archived_at IS NULL AND drill = 1 AND aware_at >= ? AND aware_at < ?').get(from, to) as { n: number }).n;
  const last = new Date(Date.parse(to) - 1).toISOString();
  const label = lang === 'fr' ? `du ${fmtDate(from, 'fr', zone)} au ${fmtDate(last, 'fr', zone)}` : `${fmtDate(from, 'en', zone)} to ${fmtDate(last, 'en', zone)}`;
  return drills > 0 ? { label, records: sorted(recs), drillsLeftOut: drills } : { label, records: sorted(recs) };
}

function sorted(recs: Map<string, BundleRecord>): BundleRecord[] {
  return [...recs.values()].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.reference.localeCompare(b.reference));
}

/** One record as the bundle carries it: in full, or through the bundle's profile (a redacted bundle). */
function recordOf(x: ExchangeContext, type: RecordType, id: string, redactor: Redactor | null): BundleRecord | null {
  const r = x.d.registers;
  const now = x.d.ctx.clock.now().getTime();
  const red = <T extends object>(scope: Parameters<Redactor['record']>[0], rec: T): T => (redactor ? redactor.record(scope, rec) : rec);
  switch (type) {
    case 'incident': {
      const d = r.incidents.detail(id);
      const incident = red('incidents', d.incident);
      const notifications = redactor ? d.notifications.map((n) => redactor.part('incidents', 'notifications', n)) : d.notifications;
      const clients = redactor ? d.clients.map((c) => redactor.part('incidents', 'clients', c)) : d.clients;
      const views = r.incidents.obligations.views(id, now, true);
      const obligations = redactor ? views.map((o) => redactObligation(redactor, o)) : views;
      return { type, id, reference: incident.reference, title: incident.title, record: { incident, notifications, clients, obligations }, plain: incident };
    }
    case 'matter': {
      const d = r.matters.detail(id);
      const out = redactor ? { ...d, matter: redactor.record('matters', d.matter), letters: d.letters.map((l) => redactor.record('letters', l)) } : d;
      return { type, id, reference: out.matter.reference, title: out.matter.title, record: out, plain: out };
    }
    case 'letter': {
      const l = r.letters.find(id);
      return l ? { type, id, reference: l.reference, title: red('letters', l).subject, record: red('letters', l), plain: red('letters', l) } : null;
    }
    case 'complaint': {
      const found = r.complaints.find(id);
      const c = found && red('complaints', found);
      return c ? { type, id, reference: c.reference, title: c.summary.slice(0, 120), record: c, plain: c } : null;
    }
    case 'action': {
      const found = r.actions.find(id);
      const a = found && red('actions', found);
      return a ? { type, id, reference: a.reference, title: a.title, record: a, plain: a } : null;
    }
    case 'contract': {
      const found = r.contracts.find(id);
      const c = found && red('contracts', found);
      return c ? { type, id, reference: c.reference, title: c.name, record: c, plain: c } : null;
    }
  }
}

/** Every audit entry about the records, the things hanging off them, an incident's obligations and timeline entries. */
function auditSeqs(x: ExchangeContext, records: BundleRecord[]): number[] {
  const ctx = x.d.ctx;
  const seqs = new Set<number>();
  for (const rec of records) {
    for (const e of recordHistory(ctx, rec.type, rec.id)) seqs.add(e.seq);
    if (rec.type === 'incident') {
      const ids = (table: string) => (ctx.db.prepare(`SELECT id FROM ${table} WHERE incident_id = ?`).all(rec.id) as { id: string }[]).map((r) => r.id);
      for (const s of ctx.audit.seqsOf('obligation', ids('incident_obligations'))) seqs.add(s);
      for (const s of ctx.audit.seqsOf('timeline_entry', ids('timeline_entries'))) seqs.add(s);
    }
  }
  return [...seqs].sort((a, b) => a - b);
}

/**
 * The entries in full, with the hashes of their neighbours in the chain (content withheld). In a
 * redacted bundle every entry is given as its position and hashes only: its content holds the
 * values the profile hides, and a redacted entry would no longer match its hash.
 */
function auditExtract(x: ExchangeContext, seqs: number[], head: { count: number; hash: string }, redacted: boolean): { extract: AuditExtract; entries: AuditEntry[] } {
  const audit = x.d.ctx.audit;
  if (redacted) {
    const links = audit.linksAt(seqs).map((l) => ({ ...l, withheld: true as const }));
    return { extract: { format: AUDIT_FORMAT, genesisHash: GENESIS_HASH, hashRule: HASH_RULE, chainHead: head, chain: links }, entries: [] };
  }
  const entries = audit.entriesAt(seqs);
  const inFull = new Set(entries.map((e) => e.seq));
  const around = new Set<number>();
  for (const s of inFull) {
    if (s > 1 && !inFull.has(s - 1)) around.add(s - 1);
    if (s < head.count && !inFull.has(s + 1)) around.add(s + 1);
  }
  const links = audit.linksAt([...around]).map((l) => ({ ...l, withheld: true as const }));
  const chain = [...entries, ...links].sort((a, b) => a.seq - b.seq);
  return { extract: { format: AUDIT_FORMAT, genesisHash: GENESIS_HASH, hashRule: HASH_RULE, chainHead: head, chain }, entries };
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');

/**
 * Builds the evidence bundle: records as PDF (the register exports' layouts) and JSON, their
 * attachments decrypted, the timeline of each incident, the audit extract, a summary for the
 * reader, a README on checking it, and manifest.json (every file's SHA-256) with its Ed25519
 * signature in manifest.sig. Read in one state of the register: if it changes meanwhile, CONFLICT.
 */
export async function buildBundle(
  x: ExchangeContext,
  deps: BundleDeps,
  scope: BundleScope,
  lang: Lang,
  profile: string,
  job: Job,
): Promise<{ fileName: string; bytes: Buffer; provenance: Provenance; manifest: BundleManifest }> {
  await job.start('reading', 1);
  const { redactor, redaction } = exportRedactorFor(x, profile, lang);
  // A profile that hides nothing (full) makes the bundle for a regulator or counsel, in full.
  const redacted = hidesAnything(redactor.profile);
  const provenance: Provenance = { ...x.provenance(), redaction };
  const zone = provenance.timeZone;
  const head = { count: provenance.auditEntries, hash: provenance.auditHeadHash };
  const { label, records, drill, drillsLeftOut } = collect(x, deps.entries, scope, zone, lang, redacted ? redactor : null);
  if (drillsLeftOut) provenance.drillsLeftOut = drillsLeftOut;
  const files: { file: ManifestFile; bytes: Buffer }[] = [];
  const used = new Set<string>();
  const put = (path: string, bytes: Buffer, kind: ManifestFile['kind'], record?: string) => {
    let p = path;
    for (let k = 2; used.has(p); k++) p = path.replace(/(\.[^./]+)?$/, (ext) => `-${k}${ext}`);
    used.add(p);
    files.push({ file: { path: p, sha256: sha256(bytes), size: bytes.length, kind, ...(record ? { record } : {}) }, bytes });
  };

  await job.start('rendering', records.length);
  // Records: one PDF per register (the regulator export's layout, these records only), one JSON each.
  for (const type of TYPE_ORDER) {
    const of = records.filter((r) => r.type === type);
    if (of.length === 0) continue;
    const register = PDF_OF[type];
    // Client contracts go in as their JSON only. The records come redacted already (recordOf); names the PDF looks up go through the profile too.
    const pdf = register
      ? await registerPdf(x, RegisterExportInput.parse({ register, format: 'pdf', lang, profile }), of.map((r) => r.plain), provenance, job, redacted ? redactedLookups(x, redactor) : lookups(x), (rg, f, v) => redactor.text(rg, f, v) ?? '')
      : type === 'matter'
        ? await matterPdf(of.map((r) => r.plain as MatterDetail), lang, provenance)
        : null;
    if (pdf) put(`records/${type === 'matter' ? 'matters' : register}-${lang}.pdf`, pdf, 'record-pdf');
    for (const r of of) {
      const links = x.d.registers.links.of({ type: r.type, id: r.id });
      const attachments = x.d.registers.attachments.of({ type: r.type, id: r.id });
      // Redacted: a link says which record, not its title or note; attachments are counted, not named.
      const body = redacted
        ? { type: r.type, reference: r.reference, record: r.record, links: links.map((l) => ({ type: l.other.type, reference: l.other.reference })), attachmentsLeftOut: attachments.length }
        : { type: r.type, reference: r.reference, record: r.record, links, attachments };
      put(`records/${r.type}-${safeName(r.reference)}.json`, json(body), 'record-json', r.reference);
    }
    job.check();
  }
  for (const r of records.filter((r) => r.type === 'incident')) {
    for (const f of await deps.timelineFiles(r.id, lang, job)) put(`timeline/${f.name}`, f.bytes, 'timeline', r.reference);
  }
  // Attachments, decrypted (and checked against the digest taken when they came in).
  await job.start('reading', records.length);
  // A file cannot be redacted: a redacted bundle carries none.
  for (let k = 0; k < records.length && !redacted; k++) {
    const r = records[k]!;
    for (const a of x.d.registers.attachments.of({ type: r.type, id: r.id })) {
      const { bytes } = x.d.registers.attachments.content(a.id);
      put(`attachments/${safeName(r.reference)}/${safeName(a.fileName) || a.id}`, bytes, 'attachment', r.reference);
    }
    await job.tick(k + 1);
  }
  const { extract, entries } = auditExtract(x, auditSeqs(x, records), head, redacted);
  const auditPath = 'audit/audit-entries.json';
  put(auditPath, json(extract), 'audit');
  if (x.d.ctx.audit.headHash() !== provenance.auditHeadHash) {
    throw new ApiError('CONFLICT', 'The register changed while the bundle was being made; make it again.');
  }

  const key = deps.key.info();
  const rawKey = Buffer.from(key.publicKey, 'base64');
  const signer = { algorithm: 'Ed25519' as const, publicKey: key.publicKey, publicKeyPem: publicKeyPem(rawKey), fingerprint: fingerprintOf(rawKey), deviceId: provenance.deviceId };
  const scopeOut: BundleManifest['scope'] = { kind: scope.kind, label, ...(scope.kind === 'period' ? { from: toUtc(scope.from), to: toUtc(scope.to) } : {}), ...(drill ? { drill } : {}) };
  const recordList = records.map((r) => ({ type: r.type, id: r.id, reference: r.reference, title: r.title }));
  const contents = files.map((f) => f.file);
  const withheld = redacted ? extract.chain.length : 0;
  put('00-summary.pdf', await summaryPdf({ scope: scopeOut, records: recordList, files: contents, auditEntries: entries.length, withheldEntries: withheld, redacted, signer, lang, provenance }), 'summary');
  put('README.txt', Buffer.from(readmeText(signer.fingerprint, redacted), 'utf8'), 'readme');

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: 1,
    scope: scopeOut,
    lang,
    contents: redacted ? 'redacted' : 'full',
    provenance,
    records: recordList,
    files: files.map((f) => f.file),
    audit: { path: auditPath, entries: entries.map((e) => ({ seq: e.seq, hash: e.hash })), chainHead: head },
    signer,
  };
  const manifestBytes = json(manifest);
  const signature = deps.key.sign(manifestBytes);
  const mtime = new Date(provenance.exportedAt);
  const zip: Zippable = {};
  // Already compressed formats are stored as they are.
  for (const f of files) zip[f.file.path] = [f.bytes, { level: /\.(pdf|zip|png|jpe?g|docx|xlsx)$/i.test(f.file.path) ? 0 : 6, mtime }];
  zip[MANIFEST_PATH] = [manifestBytes, { level: 6, mtime }];
  zip[SIGNATURE_PATH] = [signature, { level: 0, mtime }];
  job.check();
  const bytes = Buffer.from(zipSync(zip));
  const day = provenance.exportedAt.slice(0, 10);
  const fileName = `evidence-${safeName(scope.kind === 'period' ? `period-${toUtc(scope.from).slice(0, 10)}-${toUtc(scope.to).slice(0, 10)}` : label)}-${day}.zip`;
  return { fileName, bytes, provenance, manifest };
}

