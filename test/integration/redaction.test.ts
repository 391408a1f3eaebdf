/**
 * Redaction profiles on the register exports (issue #10), on a real encrypted register: records
 * seeded with distinctive values (a complainant's name, email and phone, free text with a unique
 * word, a client's contact, a notification's text) are exported in every register and format with
 * the `management` profile: none of those values is anywhere in the file — not in its raw bytes,
 * not in the PDF's extracted text, not in the XLSX's unzipped XML. The same exports with `full`
 * contain them (so the check can fail). The provenance names the profile and its rules' hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactableFields } from '@shared/redaction';
import type { RegisterName } from '@shared/schemas/export';
import type { Api } from '../fixtures/scenarios';
import { foundIn, readableForms, redactionRegister, SECRET_COMPLAINT, SECRET_INCIDENT } from '../support/redaction';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let dir: string;

/** What management must never see, by register. */
const SECRETS: Record<RegisterName, string[]> = {
  complaints: ['Zoé Quintard-Xylo', 'zoe.quintard@xylo-unique.fr', '+33 6 98 76 54 32', 'Zyxwvuquintal'],
  incidents: ['Borgnefesse', 'alerte@client-xylo.fr', 'Wibblesnatch', 'Mme Ysolde Kravchenko'],
  letters: ['Plonkerhaus'],
  actions: ['Quuxplonk', 'Verifastrum'],
  contracts: ['contrat@xylo-unique.fr', 'Frobnicatrix'],
};

/** Fields the register PDFs do not print at all (a complainant's contact, a client's contact, a notification's text, an action's description and evidence). */
const NOT_IN_PDF = new Set(['zoe.quintard@xylo-unique.fr', 'alerte@client-xylo.fr', 'Wibblesnatch', 'Quuxplonk', 'Verifastrum']);

beforeAll(async () => {
  ({ api, dir } = await redactionRegister(cleanups));
  await api('complaints.create', SECRET_COMPLAINT);
  await api('complaints.create', { receivedAt: '2026-02-21T10:00:00+01:00', channel: 'post', complainantLabel: 'M. Autre', rights: ['erasure'], summary: 'Effacement' });
  const i = await api('incidents.create', SECRET_INCIDENT);
  await api('incidents.addClient', { incidentId: i.id, name: 'Boulangeries Martin', contact: 'alerte@client-xylo.fr', notes: 'Asked about Borgnefesse' });
  await api('incidents.addNotification', { incidentId: i.id, recipient: 'other', recipientName: 'Mme Ysolde Kravchenko', phase: 'initial', sentAt: '2026-02-28T10:00:00+01:00', method: 'email', content: 'Dear client, Wibblesnatch happened.' });
  await api('letters.create', { regulator: 'cnil', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-02-10T09:00:00+01:00', subject: 'Demande d’informations', summary: 'Concerne le sous-traitant Plonkerhaus' });
  await api('actions.create', { title: 'Close the bucket', owner: 'IT', description: 'Run Quuxplonk on every bucket', evidence: 'Screenshot Verifastrum' });
  await api('contracts.create', { name: 'Boulangeries Martin', contacts: 'contrat@xylo-unique.fr', notes: 'Clause Frobnicatrix' });
});

/** Every readable form of an exported file (raw bytes, PDF text, unzipped XLSX XML). */
const readable = (format: string, base64: string, name: string) => readableForms(dir, `${name.replace(/\.\w+$/, '')}.${format}`, Buffer.from(base64, 'base64'));
const found = foundIn;

describe('redaction profiles on register exports', () => {
  for (const register of Object.keys(SECRETS) as RegisterName[]) {
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      it(`${register} as ${format.toUpperCase()}: management holds none of the redacted values; full holds them all`, async () => {
        for (const lang of ['en', 'fr'] as const) {
          const m = await api('exports.register', { register, format, lang, profile: 'management' });
          expect(m.provenance.redaction).toMatchObject({ id: 'management', name: { en: 'Management', fr: 'Direction' }, rulesHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
          const texts = readable(format, m.file.contentBase64, `${register}-m-${lang}.${format}`);
          for (const secret of SECRETS[register]) expect(found(texts, secret), `${secret} in the ${lang} management ${format}`).toBe(false);
          // The provenance states the profile.
          expect(found(texts, 'redaction-profile') || found(texts, lang === 'fr' ? 'Direction (management' : 'Management (management')).toBe(true);
          expect(found(texts, m.provenance.redaction!.rulesHash)).toBe(true);
        }
        const f = await api('exports.register', { register, format, lang: 'en' });
        expect(f.provenance.redaction?.id).toBe('full');
        const texts = readable(format, f.file.contentBase64, `${register}-f.${format}`);
        for (const secret of SECRETS[register]) if (format !== 'pdf' || !NOT_IN_PDF.has(secret)) expect(found(texts, secret), `${secret} in the full ${format}`).toBe(true);
      });
    }
  }

  it('management still counts: complainants become numbered pseudonyms, free text says how long it was', async () => {
    const fr = await api('exports.register', { register: 'complaints', format: 'csv', lang: 'fr', profile: 'management' });
    const csv = Buffer.from(fr.file.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Réclamant 1');
    expect(csv).toContain('Réclamant 2');
    expect(csv).toContain('[masqué]');
    expect(csv).toMatch(/\[masqué : \d+ caractères\]/);
    const en = await api('exports.register', { register: 'complaints', format: 'csv', lang: 'en', profile: 'management' });
    expect(Buffer.from(en.file.contentBase64, 'base64').toString('utf8')).toMatch(/Complainant 1[\s\S]*\[withheld: \d+ characters\]/);
    // The same profile, the same rules hash; another profile, another hash.
    expect(en.provenance.redaction!.rulesHash).toBe(fr.provenance.redaction!.rulesHash);
    const full = await api('exports.register', { register: 'complaints', format: 'csv', lang: 'en' });
    expect(full.provenance.redaction!.rulesHash).not.toBe(en.provenance.redaction!.rulesHash);
    await expect(api('exports.register', { register: 'complaints', format: 'csv', profile: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the fields a profile decides on come from the record schemas (a new text field is listed, and withheld by management)', () => {
    expect(redactableFields('complaints')).toEqual(expect.arrayContaining(['complainantLabel', 'complainantContact', 'summary', 'outcome']));
    expect(redactableFields('incidents')).toEqual(expect.arrayContaining(['facts', 'clients.contact', 'clients.notes', 'notifications.content', 'notifications.recipientName']));
    expect(redactableFields('contracts')).toEqual(expect.arrayContaining(['name', 'contacts', 'notes']));
    // Ids, references, instants, days and enums are not free text.
    for (const r of ['complaints', 'incidents', 'letters', 'actions', 'contracts'] as const) {
      for (const f of ['id', 'reference', 'createdAt', 'status', 'dpaSignedOn', 'receivedAt']) expect(redactableFields(r)).not.toContain(f);
    }
  });
});
