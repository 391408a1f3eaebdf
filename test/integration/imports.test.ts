import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportRegister } from '@shared/schemas/import';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { apiOf, buildS1, buildS2, type Api } from '../fixtures/scenarios';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function freshRegister(now = '2024-02-01T09:00:00+01:00'): Promise<{ ws: Workstation; api: Api; clock: ManualClock }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  return { ws, api: apiOf(ws), clock };
}

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64');

/** Everything a register holds, minus ids and bookkeeping times; links to other records by reference. */
async function snapshot(api: Api) {
  const page = { limit: 500, sort: { field: 'reference' as const, dir: 'asc' as const } };
  const strip = <T extends object>(r: T, drop: string[] = []) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !['id', 'createdAt', 'updatedAt', 'incidentId', ...drop].includes(k)));
  const complaints = (await api('complaints.list', page)).items.map((c) => strip(c));
  const incidents = [];
  for (const i of (await api('incidents.list', page)).items) {
    const d = await api('incidents.get', { id: i.id });
    incidents.push({ ...strip(i), // A filing's obligation id, chain and hash name the records they belong to; what it lacked depends on when it was recorded.
      notifications: d.notifications.map((n) => strip(n, ['obligationId', 'previousId', 'contentHash', 'gaps'])), clients: d.clients.map((c) => strip(c)) });
  }
  const letters = (await api('letters.list', page)).items;
  const refOf = new Map<string, string>(letters.map((l) => [l.id, l.reference]));
  const matters = (await api('matters.list', { limit: 500 })).items;
  for (const m of matters) refOf.set(m.id, m.reference);
  for (const i of (await api('incidents.list', page)).items) refOf.set(i.id, i.reference);
  const lettersOut = letters.map((l) => ({ ...strip(l, ['matterId', 'inReplyTo']), matter: refOf.get(l.matterId ?? '') ?? null, inReplyTo: refOf.get(l.inReplyTo ?? '') ?? null }));
  const actions = (await api('actions.list', page)).items.map((a) => ({ ...strip(a, ['originId']), origin: refOf.get(a.originId ?? '') ?? null }));
  return { complaints, incidents, letters: lettersOut, actions };
}

function auditImports(ws: Workstation) {
  return ws.audit.entries(0, 1_000_000).filter((e) => e.action === 'import');
}

describe('round trip: what the registers export comes back as the same data', () => {
  let source: { ws: Workstation; api: Api; clock: ManualClock };
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    source = await freshRegister('2018-07-01T08:00:00Z');
    await buildS1(source.api, source.clock);
    const s2 = await buildS2(source.api, source.clock);
    // A processor incident: affected clients, a notification with several lines and a "·" in it.
    source.clock.set('2026-03-28T09:00:00+01:00');
    const p = await source.api('incidents.create', { title: 'Backup of contact lists exposed', ourRole: 'processor', detectedAt: '2026-03-27T22:30:00+01:00', awareAt: '2026-03-27T22:30:00+01:00', nature: ['confidentiality'], nis2InScope: true });
    const a = await source.api('incidents.addClient', { incidentId: p.id, name: 'Client A · Retail', contact: 'dpo@client-a.example', notifiedAt: '2026-03-28T10:00:00+01:00', notifiedHow: 'email to the DPO', acknowledgedAt: '2026-03-28T11:15:00+01:00', notes: 'Asked for the list of fields.\nWill notify the CNIL itself.' });
    await source.api('incidents.addClient', { incidentId: p.id, name: 'Client B', contractHours: null });
    await source.api('incidents.addClient', { incidentId: p.id, name: 'Client C', contractHours: 24 });
    await source.api('incidents.updateClient', { id: a.id, patch: { authorityNotifiedAt: '2026-03-30T09:00:00+02:00', authorityReference: 'CNIL-2026-77' } });
    source.clock.passTo('2026-03-28T12:00:00+01:00');
    await source.api('incidents.addNotification', { incidentId: p.id, recipient: 'nis2_csirt', recipientName: 'CERT-FR', phase: 'initial', sentAt: '2026-03-28T12:00:00+01:00', method: 'online_form', content: 'Early warning.\nLine two · with a dot\\and a backslash' });
    await source.api('incidents.update', { id: s2.incidentId, patch: { delayReasons: '' } });
    before = await snapshot(source.api);
    expect(before.complaints).toHaveLength(6);
    expect(before.incidents).toHaveLength(3);
    expect(before.letters).toHaveLength(7);
    expect(before.actions).toHaveLength(12);
  });

  for (const [format, lang] of [
    ['csv', 'fr'],
    ['xlsx', 'en'],
  ] as const) {
    it(`${format.toUpperCase()} in ${lang === 'fr' ? 'French' : 'English'}: every register re-imports to the same records, once`, async () => {
      // Later than everything the source holds: an imported filing, like any filing, is in the past.
      const target = await freshRegister('2026-04-01T09:00:00+02:00');
      // Letters name their matter: the matters exist in the other register under the same references.
      for (const m of (await source.api('matters.list', {})).items) {
        await target.api('matters.create', { reference: m.reference, regulator: m.regulator, kind: m.kind, title: m.title, openedAt: m.openedAt, regulatorRefs: m.regulatorRefs });
      }
      const files: Record<string, { fileName: string; contentBase64: string }> = {};
      for (const register of ['complaints', 'incidents', 'letters', 'actions'] as ImportRegister[]) {
        const exported = await source.api('exports.register', { register, format, lang });
        files[register] = exported.file;
        const preview = await target.api('imports.preview', { register, fileName: exported.file.fileName, contentBase64: exported.file.contentBase64 });
        expect(preview.missingRequired).toEqual([]);
        expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(preview.invalid).toBe(0);
        expect(preview.toCreate).toBe(exported.rows);
        expect(preview.sha256).toBe(createHash('sha256').update(Buffer.from(exported.file.contentBase64, 'base64')).digest('hex'));
        const done = await target.api('imports.commit', { register, fileName: exported.file.fileName, contentBase64: exported.file.contentBase64, mapping: preview.mapping, expectSha256: preview.sha256 });
        expect(done).toMatchObject({ register, created: exported.rows, duplicates: 0 });
      }
      const after = await snapshot(target.api);
      expect(after).toEqual(before);

      // The audit log says what came in, from which file.
      const imports = auditImports(target.ws);
      expect(imports.map((e) => e.changes.find((c) => c.field === 'register')?.new)).toEqual(['complaints', 'incidents', 'letters', 'actions']);
      const complaintsImport = imports[0]!;
      expect(Object.fromEntries(complaintsImport.changes.map((c) => [c.field, c.new]))).toMatchObject({
        fileName: files.complaints!.fileName,
        sha256: createHash('sha256').update(Buffer.from(files.complaints!.contentBase64, 'base64')).digest('hex'),
        rows: 6,
        created: 6,
        duplicates: 0,
        format,
      });
      const creates = target.ws.audit.entries(complaintsImport.seq, 1_000).filter((e) => e.recordType === 'complaint' && e.action === 'create');
      expect(creates.length).toBeGreaterThanOrEqual(6);
      expect(target.ws.audit.verify().ok).toBe(true);

      // The same files again: nothing new.
      const count = target.ws.audit.verify().count;
      for (const register of ['complaints', 'incidents', 'letters', 'actions'] as ImportRegister[]) {
        const f = files[register]!;
        const preview = await target.api('imports.preview', { register, ...f });
        expect(preview.toCreate).toBe(0);
        expect(preview.duplicates).toBe(preview.rows);
        const again = await target.api('imports.commit', { register, ...f, mapping: preview.mapping });
        expect(again.created).toBe(0);
        expect(again.duplicates).toBe(preview.rows);
      }
      expect(await snapshot(target.api)).toEqual(before);
      // Four import entries (one per file), and nothing else.
      expect(target.ws.audit.verify().count).toBe(count + 4);
    });
  }
});

/** Windows-1252 bytes for text with French accents and typographic apostrophes. */
function cp1252(s: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '…': 0x85, œ: 0x9c, Œ: 0x8c };
  return Buffer.from([...s].map((c) => special[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

describe('files that are wrong get row-level messages and write nothing', () => {
  let ws: Workstation;
  let api: Api;
  let complaintsBefore: number;
  let auditBefore: number;

  beforeAll(async () => {
    ({ ws, api } = await freshRegister());
    await api('complaints.create', { receivedAt: '2024-01-10T10:00:00+01:00', channel: 'email', complainantLabel: 'Existing', rights: ['access'], summary: 'Already here' });
  });

  const snapshotCounts = async () => ({ complaints: (await api('complaints.list', { includeArchived: true })).total, audit: ws.audit.verify().count });
  const remember = async () => {
    const c = await snapshotCounts();
    complaintsBefore = c.complaints;
    auditBefore = c.audit;
  };
  const unchanged = async () => {
    expect(await snapshotCounts()).toEqual({ complaints: complaintsBefore, audit: auditBefore });
    expect(ws.audit.verify().ok).toBe(true);
  };

  it('Windows-1252: read with a warning and the accents right; a bad row stops the whole file', async () => {
    await remember();
    const text = [
      'Référence;Reçue le;Canal;Plaignant;Droits concernés;Résumé',
      'W-1;02/07/2018 10:12;Courriel;M. R.;Opposition à la prospection;Désinscrit, je reçois toujours l’infolettre',
      'W-2;31/02/2018;Courriel;Mme L.;Accès;Demande d’accès',
      'W-3;2018-07-19 16:40;Transmise par une autorité;Mme B.;Portabilité;Plainte transmise – œuvre',
    ].join('\r\n');
    const file = { register: 'complaints' as const, fileName: 'plaintes.csv', contentBase64: cp1252(text).toString('base64') };
    const p = await api('imports.preview', file);
    expect(p.encoding).toBe('windows-1252');
    expect(p.warnings.find((w) => w.code === 'encoding')?.message.fr).toMatch(/n’est pas en UTF-8/);
    expect(p.sample[0]!.values).toMatchObject({ summary: 'Désinscrit, je reçois toujours l’infolettre', rights: 'Opposition à la prospection', channel: 'Courriel' });
    expect(p.mapping).toEqual({ Référence: 'reference', 'Reçue le': 'receivedAt', Canal: 'channel', Plaignant: 'complainantLabel', 'Droits concernés': 'rights', Résumé: 'summary' });
    expect(p.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'Reçue le', field: 'receivedAt', code: 'bad_date', severity: 'error', value: '31/02/2018' }),
      // A regulator-forwarded complaint must name the regulator (no column gives it).
      expect.objectContaining({ row: 4, field: 'regulator', code: 'invalid', severity: 'error' }),
    ]);
    expect(p.issues[0]!.message.en).toMatch(/"31\/02\/2018" is not a date/);
    expect(p.issues[0]!.message.fr).toMatch(/n’est pas une date/);
    expect([p.rows, p.valid, p.invalid, p.toCreate]).toEqual([3, 1, 2, 1]);
    await expect(api('imports.commit', { ...file, mapping: p.mapping })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^2 row\(s\) have problems; nothing was imported\. Row 3, column Reçue le/) });
    await unchanged();

    // Fixed: the good rows come in, accents intact, dd/mm/yyyy hh:mm read in the organisation's zone.
    const fixed = { ...file, contentBase64: cp1252(text.split('\r\n').filter((l) => !l.startsWith('W-2') && !l.startsWith('W-3')).join('\r\n')).toString('base64') };
    const done = await api('imports.commit', { ...fixed, mapping: p.mapping });
    expect(done.created).toBe(1);
    const c = (await api('complaints.list', { text: 'infolettre' })).items[0]!;
    expect(c).toMatchObject({ reference: 'W-1', summary: 'Désinscrit, je reçois toujours l’infolettre', receivedAt: '2018-07-02T08:12:00.000Z', rights: ['objection_direct_marketing'], channel: 'email' });
  });

  it('missing required columns: said once for the file, nothing written', async () => {
    await remember();
    const file = { register: 'complaints' as const, fileName: 'incomplete.csv', contentBase64: b64('Reference,Received on,Summary\nX-1,2020-01-02,Something\nX-2,2020-01-03,Else\n') };
    const p = await api('imports.preview', file);
    expect(p.missingRequired).toEqual(['channel', 'complainantLabel', 'rights']);
    expect(p.warnings.filter((w) => w.code === 'missing_column').map((w) => w.message.en)).toEqual([
      'No column gives "Channel", which every record needs.',
      'No column gives "Complainant", which every record needs.',
      'No column gives "Rights concerned", which every record needs.',
    ]);
    expect([p.rows, p.valid, p.toCreate]).toEqual([2, 0, 0]);
    await expect(api('imports.commit', { ...file, mapping: p.mapping })).rejects.toThrow(/nothing was imported.*No column gives "Channel"/);
    await unchanged();
  });

  it('bad dates: every one located by row and column; ISO and dd/mm/yyyy [hh:mm] accepted', async () => {
    await remember();
    const rows = [
      ['D-1', '2020-10-01T09:40:00+02:00'],
      ['D-2', '01/10/2020 09:40'],
      ['D-3', '2020-13-01'],
      ['D-4', 'yesterday'],
      ['D-5', '2020-10-01'],
      ['D-6', '29/02/2021'],
      ['D-7', '1.10.2020 9h40'],
    ];
    const csv = ['Reference,Received on,Channel,Complainant,Rights concerned,Summary', ...rows.map(([r, d]) => `${r},${d},Email,A,Access,S`)].join('\n');
    const file = { register: 'complaints' as const, fileName: 'dates.csv', contentBase64: b64(csv) };
    const p = await api('imports.preview', file);
    expect(p.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [4, 'Received on', 'bad_date', '2020-13-01'],
      [5, 'Received on', 'bad_date', 'yesterday'],
      [7, 'Received on', 'bad_date', '29/02/2021'],
    ]);
    await expect(api('imports.commit', { ...file, mapping: p.mapping })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'row 4 / Received on', message: expect.stringContaining('"2020-13-01" is not a date') },
        { path: 'row 5 / Received on', message: expect.stringContaining('"yesterday" is not a date') },
        { path: 'row 7 / Received on', message: expect.stringContaining('"29/02/2021" is not a date') },
      ],
    });
    await unchanged();
    const good = { ...file, contentBase64: b64(csv.split('\n').filter((_, k) => ![3, 4, 6].includes(k)).join('\n')) };
    await api('imports.commit', { ...good, mapping: p.mapping });
    const got = Object.fromEntries((await api('complaints.list', { text: '' , limit: 50 })).items.filter((c) => c.reference.startsWith('D-')).map((c) => [c.reference, c.receivedAt]));
    expect(got).toEqual({ 'D-1': '2020-10-01T07:40:00.000Z', 'D-2': '2020-10-01T07:40:00.000Z', 'D-5': '2020-09-30T22:00:00.000Z', 'D-7': '2020-10-01T07:40:00.000Z' });
  });

  it('100,000 rows with a few bad ones: the bad rows are named, nothing is written', async () => {
    await remember();
    const lines = ['Reference,Received on,Channel,Complainant,Rights concerned,Summary'];
    const bad = new Map<number, string>([
      [12_345, 'BAD-DATE'],
      [67_890, 'BAD-CHANNEL'],
      [99_999, 'NO-RIGHT'],
    ]);
    for (let k = 1; k <= 100_000; k++) {
      const kind = bad.get(k);
      const date = kind === 'BAD-DATE' ? '2021-02-30' : `2021-01-${String((k % 28) + 1).padStart(2, '0')}T10:00:00+01:00`;
      const channel = kind === 'BAD-CHANNEL' ? 'Pigeon' : k % 2 ? 'Email' : 'Web form';
      const right = kind === 'NO-RIGHT' ? '' : k % 3 ? 'Access' : 'Erasure; Objection';
      lines.push(`BULK-${k},${date},${channel},Person ${k},${right},"Request number ${k}, about data"`);
    }
    const file = { register: 'complaints' as const, fileName: 'bulk.csv', contentBase64: b64(lines.join('\n')), jobId: 'bulk-preview' };
    const progress: number[] = [];
    const off = ws.on('job.progress', (e) => e.jobId === 'bulk-preview' && e.phase === 'validating' && progress.push(e.done));
    const t0 = Date.now();
    const p = await api('imports.preview', file);
    off();
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(progress.length).toBeGreaterThan(2); // it reported (and yielded) as it went
    expect([p.rows, p.invalid, p.valid, p.toCreate, p.issuesTotal]).toEqual([100_000, 3, 99_997, 99_997, 3]);
    expect(p.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [12_346, 'Received on', 'bad_date'],
      [67_891, 'Channel', 'bad_enum'],
      [100_000, 'Rights concerned', 'required'],
    ]);
    expect(p.issues[1]!.message.en).toMatch(/^"Pigeon" is not one of: Email, Post, Web form, Phone, Forwarded by a regulator\.$/);
    const refused = await api('imports.commit', { ...file, jobId: 'bulk-commit', mapping: p.mapping }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string; issues: { path: string; message: string }[] },
    );
    // The commit names the same three rows, and only them, and writes nothing.
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused!.message).toMatch(/^3 row\(s\) have problems; nothing was imported/);
    expect(refused!.issues.map((i) => i.path)).toEqual(['row 12346 / Received on', 'row 67891 / Channel', 'row 100000 / Rights concerned']);
    await unchanged();
  }, 180_000);

  it('a file without references is recognised row by row when it comes again', async () => {
    const csv = 'Received on,Channel,Complainant,Rights concerned,Summary\n2022-03-01 10:00,Email,A. B.,Access,First\n2022-03-02 11:00,Phone,C. D.,Erasure,Second\n2022-03-02 11:00,Phone,C. D.,Erasure,Second\n';
    const file = { register: 'complaints' as const, fileName: 'noref.csv', contentBase64: b64(csv) };
    const p = await api('imports.preview', file);
    expect([p.rows, p.toCreate, p.duplicates]).toEqual([3, 2, 1]);
    expect(p.issues).toEqual([expect.objectContaining({ row: 4, code: 'duplicate_in_file', severity: 'warning' })]);
    expect((await api('imports.commit', { ...file, mapping: p.mapping })).created).toBe(2);
    await remember();
    const again = await api('imports.commit', { ...file, fileName: 'noref-copy.csv', mapping: p.mapping });
    expect(again).toMatchObject({ created: 0, duplicates: 3 });
    expect((await snapshotCounts()).complaints).toBe(complaintsBefore);
  });

  it('remembers the column mapping chosen for a set of columns', async () => {
    const csv = 'N° dossier,Arrivé le,Par,Qui,Quoi,Texte\nM-1,05/05/2022,Courriel,Z.,Accès,Hello\n';
    const file = { register: 'complaints' as const, fileName: 'mine.csv', contentBase64: b64(csv) };
    const first = await api('imports.preview', file);
    expect(first.mappingSource).toBe('suggested');
    expect(first.missingRequired).toEqual(['receivedAt', 'channel', 'complainantLabel', 'rights', 'summary']);
    const mapping = { 'N° dossier': 'reference', 'Arrivé le': 'receivedAt', Par: 'channel', Qui: 'complainantLabel', Quoi: 'rights', Texte: 'summary' };
    const given = await api('imports.preview', { ...file, mapping });
    expect([given.mappingSource, given.toCreate, given.missingRequired]).toEqual(['given', 1, []]);
    await api('imports.commit', { ...file, mapping });
    const later = await api('imports.preview', { ...file, fileName: 'mine-june.csv', contentBase64: b64(csv.replace('M-1', 'M-2')) });
    expect(later.mappingSource).toBe('remembered');
    expect(later.mapping).toEqual(mapping);
    expect(later.toCreate).toBe(1);
  });

  it('XLSX from a spreadsheet: date cells are read as the organisation’s wall clock; the file previewed is the file committed', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Actions 2023');
    sheet.addRow(['Action', 'Owner', 'Due on', 'Status', 'Done on', 'Priority']);
    sheet.addRow(['Patch the VPN', 'IT', new Date(Date.UTC(2023, 2, 31, 18, 0)), 'Done', new Date(Date.UTC(2023, 2, 28, 9, 30)), 'High']);
    sheet.addRow(['Train the call centre', 'HR', new Date(Date.UTC(2023, 9, 31, 18, 0)), 'In progress', null, 'medium']);
    sheet.getColumn(3).numFmt = 'dd/mm/yyyy hh:mm';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const file = { register: 'actions' as const, fileName: 'plan.xlsx', contentBase64: bytes.toString('base64') };
    const p = await api('imports.preview', file);
    expect([p.format, p.sheet, p.toCreate, p.issues]).toEqual(['xlsx', 'Actions 2023', 2, []]);
    await expect(api('imports.commit', { ...file, mapping: p.mapping, expectSha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'CONFLICT' });
    await api('imports.commit', { ...file, mapping: p.mapping, expectSha256: p.sha256 });
    const items = (await api('actions.list', { sort: { field: 'title', dir: 'asc' } })).items;
    expect(items.map((a) => [a.title, a.dueAt, a.status, a.doneAt, a.priority])).toEqual([
      ['Patch the VPN', '2023-03-31T16:00:00.000Z', 'done', '2023-03-28T07:30:00.000Z', 'high'],
      ['Train the call centre', '2023-10-31T17:00:00.000Z', 'in_progress', null, 'medium'],
    ]);
  });
});

describe('long imports can be cancelled', () => {
  function bigCsv(n: number, prefix: string): string {
    const lines = ['Reference,Received on,Channel,Complainant,Rights concerned,Summary'];
    for (let k = 1; k <= n; k++) lines.push(`${prefix}-${k},2023-05-0${(k % 9) + 1} 10:00,Email,P ${k},Access,Row ${k}`);
    return lines.join('\n');
  }

  it('while the rows are checked, and while they are written (one transaction): the register stays as it was', async () => {
    const { ws, api } = await freshRegister();
    await api('complaints.create', { receivedAt: '2024-01-10T10:00:00+01:00', channel: 'email', complainantLabel: 'Existing', rights: ['access'], summary: 'Already here' });
    const before = { audit: ws.audit.verify(), total: (await api('complaints.list', {})).total };

    // Cancelled while checking.
    const file = { register: 'complaints' as const, fileName: 'big.csv', contentBase64: b64(bigCsv(30_000, 'V')) };
    const preview = await api('imports.preview', file);
    const seen: string[] = [];
    let off = ws.on('job.progress', (p) => {
      if (p.jobId !== 'imp-1') return;
      seen.push(p.phase);
      if (p.phase === 'validating' && p.done > 0) void api('jobs.cancel', { jobId: 'imp-1' });
    });
    await expect(api('imports.commit', { ...file, mapping: preview.mapping, jobId: 'imp-1' })).rejects.toMatchObject({ code: 'CANCELLED' });
    off();
    expect(seen).not.toContain('writing');
    expect(seen[seen.length - 1]).toBe('cancelled');
    expect(ws.audit.verify()).toEqual(before.audit);
    expect((await api('complaints.list', {})).total).toBe(before.total);

    // Cancelled in the middle of writing: the transaction rolls back, the chain is untouched.
    const small = { register: 'complaints' as const, fileName: 'medium.csv', contentBase64: b64(bigCsv(1_500, 'W')) };
    const p2 = await api('imports.preview', small);
    let writtenWhenCancelled = 0;
    off = ws.on('job.progress', (p) => {
      if (p.jobId === 'imp-2' && p.phase === 'writing' && p.done >= 300 && !writtenWhenCancelled) {
        writtenWhenCancelled = p.done;
        void api('jobs.cancel', { jobId: 'imp-2' });
      }
    });
    await expect(api('imports.commit', { ...small, mapping: p2.mapping, jobId: 'imp-2' })).rejects.toMatchObject({ code: 'CANCELLED' });
    off();
    expect(writtenWhenCancelled).toBe(300);
    expect(ws.audit.verify()).toEqual(before.audit);
    expect((await api('complaints.list', {})).total).toBe(before.total);
    expect(auditImports(ws)).toEqual([]);

    // Not cancelled: it all comes in, in one piece.
    const ok = await api('imports.commit', { ...small, mapping: p2.mapping, jobId: 'imp-3' });
    expect(ok.created).toBe(1_500);
    expect((await api('complaints.list', {})).total).toBe(before.total + 1_500);
    expect(ws.audit.verify().ok).toBe(true);
  }, 180_000);
});
