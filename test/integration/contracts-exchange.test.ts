/**
 * The client-contracts register in the exchange paths, on real encrypted registers: exported as
 * CSV, XLSX (hours as numbers, signature days as date cells) and PDF in French and English, read
 * back; imported from CSV and XLSX (the export itself, and a hand-made French file) to the same
 * records; a file with bad notice hours is refused row by row and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { pdfText } from '../support/pdf';
import { apiOf, type Api } from '../fixtures/scenarios';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});


async function freshRegister(now = '2026-03-02T09:00:00+01:00'): Promise<{ ws: Workstation; api: Api }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const ws = await setUpWorkstation(join(t.dir, 'data'), { clock: new ManualClock(new Date(now)), reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  ws.updateProfile({ organisation: { role: 'processor' } });
  return { ws, api: apiOf(ws) };
}

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64');

const pdfTextOf = (base64: string, name: string) => pdfText(base64, name, { layout: true });

/** The contracts as the register holds them, minus ids and bookkeeping times. */
async function contracts(api: Api) {
  const items = (await api('contracts.list', { includeArchived: true, limit: 500, sort: { field: 'reference', dir: 'asc' } })).items;
  return items.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest);
}

describe('client contracts: export and import', () => {
  let source: { ws: Workstation; api: Api };
  let before: Awaited<ReturnType<typeof contracts>>;

  beforeAll(async () => {
    source = await freshRegister();
    const { api } = source;
    const martin = { name: 'Boulangeries Martin', contractRef: 'DPA-2024-017', noticeHours: 24, contacts: 'dpo@boulangeries-martin.fr', dpaSignedOn: '2024-05-02' };
    await api('contracts.create', { ...martin, language: 'fr', channel: 'email', countries: ['FR', 'BE'], notes: 'Renégocié en janvier ; « préavis » de 24 h.' });
    await api('contracts.create', { name: 'Atelier Lumière', contacts: '+33 4 72 00 00 00', channel: 'phone', language: 'en', dpaSignedOn: '2025-12-31' });
    const ended = await api('contracts.create', { name: 'Nordic Retail AB', contacts: 'privacy@nordic.example', noticeHours: 72, language: 'en', countries: ['SE'] });
    await api('contracts.update', { id: ended.id, patch: { status: 'ended' } });
    before = await contracts(api);
    expect(before).toHaveLength(3);
  });

  it('CSV (French): one column per field, hours as plain numbers, days as days; re-imports to the same contracts, once', async () => {
    const out = await source.api('exports.register', { register: 'contracts', format: 'csv', lang: 'fr' });
    expect(out.rows).toBe(3);
    expect(out.file.fileName).toMatch(/^Registre-des-contrats-clients-2026-03-02\.csv$/);
    const text = Buffer.from(out.file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const body = text.split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n');
    const rows = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual([
      'Référence',
      'Client',
      'Référence du contrat',
      'Notification sous (heures)',
      'Notifications par',
      'Contact pour les notifications',
      'Langue des notifications',
      'DPA signé le',
      'Pays des personnes concernées',
      'Statut',
      'Notes',
    ]);
    const martin = rows.find((r) => r.Client === 'Boulangeries Martin')!;
    expect(martin).toMatchObject({ 'Notification sous (heures)': '24', 'Notifications par': 'Courriel', 'Langue des notifications': 'Français', 'DPA signé le': '2024-05-02', 'Pays des personnes concernées': 'BE; FR', Statut: 'En cours' });
    expect(rows.find((r) => r.Client === 'Nordic Retail AB')).toMatchObject({ 'Notification sous (heures)': '72', Statut: 'Terminé', 'DPA signé le': '' });

    const target = await freshRegister();
    const file = { register: 'contracts' as const, fileName: out.file.fileName, contentBase64: out.file.contentBase64 };
    const p = await target.api('imports.preview', file);
    expect([p.missingRequired, p.issues, p.invalid, p.toCreate]).toEqual([[], [], 0, 3]);
    const done = await target.api('imports.commit', { ...file, mapping: p.mapping, expectSha256: p.sha256 });
    expect(done).toMatchObject({ register: 'contracts', created: 3, duplicates: 0 });
    expect(await contracts(target.api)).toEqual(before);
    const again = await target.api('imports.commit', { ...file, mapping: p.mapping });
    expect([again.created, again.duplicates]).toEqual([0, 3]);
    // The import is audited against the contract record type, on a chain that verifies.
    const created = target.ws.audit.entries(0, 10_000).filter((e) => e.recordType === 'contract' && e.action === 'create');
    expect(created).toHaveLength(3);
    expect(target.ws.audit.verify().ok).toBe(true);
  });

  it('XLSX (English): hours are number cells, signature days date cells, provenance sheet; re-imports to the same contracts', async () => {
    const out = await source.api('exports.register', { register: 'contracts', format: 'xlsx', lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.file.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Client contracts register');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Reference', 'Client', 'Contract reference', 'Breach notice within (hours)', 'Notices by', 'Contact for notices', 'Notice language', 'DPA signed on', 'Countries of the data subjects', 'Status', 'Notes']);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = [2, 3, 4].map((k) => ws.getRow(k)).find((r) => r.getCell(col('Client')).value === 'Boulangeries Martin')!;
    expect(row.getCell(col('Breach notice within (hours)')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('Breach notice within (hours)')).value).toBe(24);
    expect(row.getCell(col('DPA signed on')).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(col('DPA signed on')).value as Date).toISOString()).toBe('2024-05-02T00:00:00.000Z');
    expect([row.getCell(col('Notices by')).value, row.getCell(col('Notice language')).value, row.getCell(col('Status')).value]).toEqual(['Email', 'French', 'Active']);
    const prov = wb.getWorksheet('Provenance')!;
    expect(JSON.stringify(prov.getSheetValues())).toContain(out.provenance.auditHeadHash);

    const target = await freshRegister();
    const file = { register: 'contracts' as const, fileName: out.file.fileName, contentBase64: out.file.contentBase64 };
    const p = await target.api('imports.preview', file);
    expect([p.format, p.missingRequired, p.issues, p.toCreate]).toEqual(['xlsx', [], [], 3]);
    await target.api('imports.commit', { ...file, mapping: p.mapping });
    expect(await contracts(target.api)).toEqual(before);
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`PDF (${lang}): client, notice hours, channel, contacts, language, status and signature day of each contract`, async () => {
      const out = await source.api('exports.register', { register: 'contracts', format: 'pdf', lang, includeArchived: true });
      expect(out.file.mimeType).toBe('application/pdf');
      const text = pdfTextOf(out.file.contentBase64, `contracts-${lang}.pdf`);
      if (lang === 'fr') {
        expect(text).toContain('Registre des contrats clients');
        for (const s of ['Réf. DPA signé Client Délai Canal Contacts Langue Pays Statut']) expect(text).toContain(s);
        for (const s of ['Boulangeries Martin', '24 h', 'Courriel', 'dpo@boulangeries-martin.fr', 'Français', '2 mai 2024', 'En cours', 'Terminé', 'Téléphone', '+33 4 72 00 00 00', '31 déc. 2025', '72 h']) expect(text).toContain(s);
      } else {
        expect(text).toContain('Client contracts register');
        for (const s of ['Ref. DPA signed Client Notice Channel Contacts Language Countries Status']) expect(text).toContain(s);
        for (const s of ['Boulangeries Martin', '24 h', 'Email', 'French', '2 May 2024', 'Active', 'Ended', 'Phone', 'English', '31 Dec 2025', '48 h']) expect(text).toContain(s);
      }
      expect(text).toContain(out.provenance.auditHeadHash.slice(0, 16));
    });
  }

  it('filters by the signature day and by status', async () => {
    const signed2024 = await source.api('exports.register', { register: 'contracts', format: 'csv', lang: 'en', from: '2024-01-01T00:00:00+01:00', to: '2025-01-01T00:00:00+01:00' });
    expect(signed2024.rows).toBe(1);
    // The last day of the period is in it (the 31st of December starts before `to`).
    const late2025 = await source.api('exports.register', { register: 'contracts', format: 'csv', lang: 'en', from: '2025-12-31T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' });
    expect(late2025.rows).toBe(1);
    const ended = await source.api('exports.register', { register: 'contracts', format: 'csv', lang: 'en', status: ['ended'] });
    expect(ended.rows).toBe(1);
    await expect(source.api('exports.register', { register: 'contracts', format: 'csv', status: ['closed'] })).rejects.toThrow(/Unknown status "closed" for contracts: use one of active, ended/);
  });

  it('a hand-made French file: columns recognised; bad notice hours named row by row in both languages, nothing written', async () => {
    const { ws, api } = await freshRegister();
    const csv = [
      'Client;Délai de notification;Canal;Contact;Langue;Signé le;Pays',
      'Maison Dupont;48;Courriel;dpo@dupont.fr;Français;01/03/2025;fr',
      'Garage Leroy;0;Téléphone;+33 1 23 45 67 89;Français;;',
      'Café Moreau;-3;Courriel;contact@moreau.fr;Anglais;;',
      'Hôtel Bernard;1,5;Courriel;dpo@bernard.fr;fr;;',
      'Pharmacie Roux;quarante-huit;Courriel;dpo@roux.fr;fr;31/02/2025;',
      'Librairie Petit;721;Courriel;dpo@petit.fr;fr;;',
    ].join('\r\n');
    const file = { register: 'contracts' as const, fileName: 'clients.csv', contentBase64: b64(csv) };
    const auditBefore = ws.audit.verify().count;
    const p = await api('imports.preview', file);
    expect(p.mapping).toEqual({ Client: 'name', 'Délai de notification': 'noticeHours', Canal: 'channel', Contact: 'contacts', Langue: 'language', 'Signé le': 'dpaSignedOn', Pays: 'countries' });
    expect([p.rows, p.valid, p.invalid, p.toCreate]).toEqual([6, 1, 5, 1]);
    const hours = p.issues.filter((i) => i.field === 'noticeHours');
    expect(hours.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [3, 'Délai de notification', 'bad_number', '0'],
      [4, 'Délai de notification', 'bad_number', '-3'],
      [5, 'Délai de notification', 'bad_number', '1,5'],
      [6, 'Délai de notification', 'bad_number', 'quarante-huit'],
      [7, 'Délai de notification', 'bad_number', '721'],
    ]);
    expect(hours[0]!.message.en).toBe('Breach notice within (hours): "0" is not a whole number of hours from 1 to 720.');
    expect(hours[0]!.message.fr).toBe('Notification sous (heures) : « 0 » n’est pas un nombre entier d’heures entre 1 et 720.');
    expect(p.issues.find((i) => i.field === 'dpaSignedOn')).toMatchObject({ row: 6, code: 'bad_date', value: '31/02/2025' });
    await expect(api('imports.commit', { ...file, mapping: p.mapping })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^5 row\(s\) have problems; nothing was imported\. Row 3, column Délai de notification/),
    });
    expect((await api('contracts.list', { includeArchived: true })).total).toBe(0);
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: auditBefore });

    // Only the good row: it comes in with the contract's defaults where the file says nothing.
    const good = { ...file, contentBase64: b64(csv.split('\r\n').slice(0, 2).join('\r\n')) };
    const q = await api('imports.preview', good);
    await api('imports.commit', { ...good, mapping: q.mapping });
    expect(await contracts(api)).toEqual([
      expect.objectContaining({ name: 'Maison Dupont', noticeHours: 48, channel: 'email', contacts: 'dpo@dupont.fr', language: 'fr', dpaSignedOn: '2025-03-01', countries: ['FR'], status: 'active', contractRef: '' }),
    ]);
  });
});
