/**
 * The annual report through a redaction profile (issue #10): a management report names no
 * complainant and carries no free text the profile hides. Records are seeded with distinctive
 * values that the full report shows — a complainant's label on an overdue response, the late
 * reasons of a filing, an incident's delay reasons on an overdue notification — and every
 * `management` report (PDF: raw bytes, text and metadata; XLSX: raw bytes and unzipped XML; the
 * figures the page reads) in English and French holds none of them, while the `full` one holds
 * them all (so the scan can fail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../fixtures/scenarios';
import { foundIn, readableForms, redactionRegister, SECRET_COMPLAINT } from '../support/redaction';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let dir: string;

const SECRETS = ['Zoé Quintard-Xylo', 'Borgnefesse', 'Wibblesnatch'];

beforeAll(async () => {
  ({ api, dir } = await redactionRegister(cleanups));
  // Received in January and never answered: overdue on 2 March, so listed with its complainant.
  await api('complaints.create', { ...SECRET_COMPLAINT, receivedAt: '2026-01-05T10:00:00+01:00' });
  const late = await api('incidents.create', { title: 'Mailbox compromised', ourRole: 'controller', awareAt: '2026-02-02T09:00:00+01:00', nature: ['confidentiality'], authority: 'FR-CNIL', notifyAuthority: 'yes' });
  await api('incidents.addNotification', {
    incidentId: late.id,
    recipient: 'authority',
    recipientName: 'CNIL',
    phase: 'initial',
    sentAt: '2026-02-07T09:00:00+01:00',
    method: 'online_form',
    content: 'Notification',
    acceptGaps: true,
    lateReasons: 'Waited for the Borgnefesse forensic report',
  });
  await api('incidents.create', {
    title: 'Laptop lost on a train',
    ourRole: 'controller',
    awareAt: '2026-02-10T09:00:00+01:00',
    nature: ['confidentiality'],
    authority: 'FR-CNIL',
    notifyAuthority: 'yes',
    delayReasons: 'Wibblesnatch still being located',
  });
});

describe('redaction profile on the annual report', () => {
  for (const format of ['pdf', 'xlsx'] as const) {
    it(`${format.toUpperCase()}: management holds none of the redacted values, in English and French; full holds them all`, async () => {
      for (const lang of ['en', 'fr'] as const) {
        const m = await api('exports.report', { format, lang, profile: 'management' });
        expect(m.provenance.redaction).toMatchObject({ id: 'management', name: { en: 'Management', fr: 'Direction' } });
        const texts = readableForms(dir, `report-m-${lang}.${format}`, Buffer.from(m.file.contentBase64, 'base64'));
        for (const secret of SECRETS) expect(foundIn(texts, secret), `${secret} in the ${lang} management ${format}`).toBe(false);
        // Still countable: the complainant is numbered, the reasons are said to be withheld; the profile is stated.
        expect(foundIn(texts, lang === 'fr' ? 'Réclamant 1' : 'Complainant 1')).toBe(true);
        expect(foundIn(texts, lang === 'fr' ? '[masqué' : '[withheld')).toBe(true);
        expect(foundIn(texts, lang === 'fr' ? 'Direction (management' : 'Management (management')).toBe(true);
        expect(foundIn(texts, m.provenance.redaction!.rulesHash)).toBe(true);
      }
      const f = await api('exports.report', { format, lang: 'en' });
      const texts = readableForms(dir, `report-f.${format}`, Buffer.from(f.file.contentBase64, 'base64'));
      for (const secret of SECRETS) expect(foundIn(texts, secret), `${secret} in the full ${format}`).toBe(true);
    });
  }

  it('the figures the Reports page reads go through the profile too', async () => {
    const m = JSON.stringify(await api('reports.annual', { profile: 'management' }));
    for (const secret of SECRETS) expect(m.includes(secret), secret).toBe(false);
    const full = JSON.stringify(await api('reports.annual', {}));
    for (const secret of SECRETS) expect(full.includes(secret), secret).toBe(true);
  });
});
