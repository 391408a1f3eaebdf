/**
 * Redaction profiles on the incident timeline exports and the evidence bundle (issue #10), on a
 * real encrypted register. An incident is seeded with distinctive values in every place a timeline
 * shows one — its facts, an affected client's name-free notes and contact, a notification's
 * recipient and text, a timeline entry's participants and details, a linked complaint's
 * complainant and summary, an action's description — plus an attachment whose name and content
 * are secret. With the `management` profile none of those values is in any timeline file (raw
 * bytes, PDF text) nor anywhere in the bundle (every file of the ZIP, each PDF's text), the
 * bundle still verifies, and the provenance (and the bundle's manifest) names the profile. With
 * `full` the same files hold them, so the check can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { verifyBundle, verifyLine } from '../../electron/core/exports/bundle-verify';
import type { Api } from '../fixtures/scenarios';
import { foundIn, readableForms, redactionRegister, SECRET_INCIDENT } from '../support/redaction';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let dir: string;
let incidentId: string;

/** What management must never see. */
const SECRETS = [
  'Borgnefesse', // incident facts
  'alerte@client-xylo.fr', // client contact
  'Mme Ysolde Kravchenko', // notification recipient
  'Wibblesnatch', // notification text
  'Gaspard Onzième-Truchot', // a timeline entry's participant
  'Plimsoulerie', // a timeline entry's details
  'Zoé Quintard-Xylo', // a linked complaint's complainant
  'Zyxwvuquintal', // its summary
  'Quuxplonk', // an action's description
  'Frangipanesque', // an attachment's content
  'rapport-Quintard', // an attachment's name
];
/** Values a timeline does not show at all (the bundle's JSON does): not looked for in the full timeline. */
const NOT_IN_TIMELINE = new Set(['alerte@client-xylo.fr', 'Frangipanesque', 'rapport-Quintard']);

beforeAll(async () => {
  ({ api, dir } = await redactionRegister(cleanups));
  const i = await api('incidents.create', SECRET_INCIDENT);
  incidentId = i.id;
  await api('incidents.addClient', { incidentId: i.id, name: 'Boulangeries Martin', contact: 'alerte@client-xylo.fr', notes: 'Asked about the bucket', notifiedAt: '2026-02-28T09:00:00+01:00' });
  await api('incidents.addNotification', { incidentId: i.id, recipient: 'other', recipientName: 'Mme Ysolde Kravchenko', phase: 'initial', sentAt: '2026-02-28T10:00:00+01:00', method: 'email', content: 'Dear client, Wibblesnatch happened.' });
  await api('timeline.addEntry', { incidentId: i.id, at: '2026-02-28T08:00:00+01:00', kind: 'call', title: 'Call with the client', actor: 'Gaspard Onzième-Truchot', details: 'He mentioned Plimsoulerie.' });
  const c = await api('complaints.create', { receivedAt: '2026-02-28T12:00:00+01:00', channel: 'email', complainantLabel: 'Zoé Quintard-Xylo', rights: ['access'], summary: 'Worried about Zyxwvuquintal' });
  await api('links.create', { from: { type: 'incident', id: i.id }, to: { type: 'complaint', id: c.id } });
  await api('actions.create', { title: 'Close the bucket', owner: 'IT', description: 'Run Quuxplonk on every bucket', originType: 'incident', originId: i.id });
  await api('attachments.add', { record: { type: 'incident', id: i.id }, fileName: 'rapport-Quintard.txt', mimeType: 'text/plain', contentBase64: Buffer.from('Frangipanesque').toString('base64') });
});

const readable = (name: string, bytes: Uint8Array) => readableForms(dir, name, bytes);
const found = foundIn;

describe('redaction profiles on the incident timeline', () => {
  for (const format of ['pdf', 'csv', 'json', 'md'] as const) {
    it(`timeline as ${format.toUpperCase()}: management holds none of the redacted values; full holds them`, async () => {
      for (const lang of ['en', 'fr'] as const) {
        const m = await api('exports.timeline', { incidentId, format, lang, profile: 'management' });
        expect(m.provenance.redaction).toMatchObject({ id: 'management', rulesHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
        const texts = readable(`tl-m-${lang}.${format}`, Buffer.from(m.file.contentBase64, 'base64'));
        for (const secret of SECRETS) expect(found(texts, secret), `${secret} in the ${lang} management ${format}`).toBe(false);
        if (format !== 'md') expect(found(texts, m.provenance.redaction!.rulesHash), `rules hash in the ${format}`).toBe(true);
      }
      const f = await api('exports.timeline', { incidentId, format, lang: 'en' });
      expect(f.provenance.redaction?.id).toBe('full');
      const texts = readable(`tl-f.${format}`, Buffer.from(f.file.contentBase64, 'base64'));
      // Every format shows the entry, the notification and the complaint; the PDF and Markdown do not print event details, the CSV has the events only.
      const shown =
        format === 'pdf' || format === 'md' ? ['Borgnefesse', 'Zoé Quintard-Xylo', 'Mme Ysolde Kravchenko'] : SECRETS.filter((s) => !NOT_IN_TIMELINE.has(s) && (format === 'json' || s !== 'Borgnefesse'));
      for (const secret of shown) expect(found(texts, secret), `${secret} in the full ${format}`).toBe(true);
    });
  }

  it('management still tells the story: the complainant and the participant are numbered, free text gives its length', async () => {
    const fr = await api('exports.timeline', { incidentId, format: 'csv', lang: 'fr', profile: 'management' });
    const csv = Buffer.from(fr.file.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Réclamant 1');
    expect(csv).toContain('Personne 1');
    expect(csv).toMatch(/\[masqué : \d+ caractères\]/);
    expect(csv).toContain('Call with the client');
    expect(csv).toContain('redaction-profile=management');
  });
});

describe('redaction profiles on the evidence bundle', () => {
  it('a management bundle holds none of the redacted values in any file, says so in its manifest, and verifies', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const out = await api('exports.bundle', { scope: { kind: 'incident', incidentId }, lang, profile: 'management' });
      const zip = Buffer.from(out.file.contentBase64, 'base64');
      const verified = verifyBundle(zip);
      expect(verified).toMatchObject({ ok: true, problem: null, redaction: { id: 'management' } });
      expect(verifyLine(verified, 'b.zip')).toMatch(/^VERIFIED b\.zip: .* redacted with the profile management \(Management, rules [0-9a-f]{16}\)/);
      const files = unzipSync(zip);
      const manifest = JSON.parse(strFromU8(files['manifest.json']!));
      expect(manifest.contents).toBe('redacted');
      expect(manifest.provenance.redaction.id).toBe('management');
      expect(Object.keys(files).some((p) => p.startsWith('attachments/'))).toBe(false);
      expect(Object.keys(files).some((p) => p.startsWith('timeline/'))).toBe(true);
      for (const [path, bytes] of Object.entries(files)) {
        const texts = readable(`b-${lang}-${path}`, bytes);
        for (const secret of SECRETS) expect(found(texts, secret), `${secret} in ${path} (${lang})`).toBe(false);
      }
    }
  });

  it('the full bundle (the default) holds them, with its attachments and audit entries in full, and verifies', async () => {
    const out = await api('exports.bundle', { scope: { kind: 'incident', incidentId }, lang: 'en' });
    const zip = Buffer.from(out.file.contentBase64, 'base64');
    expect(verifyBundle(zip)).toMatchObject({ ok: true, redaction: null });
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.contents).toBe('full');
    expect(manifest.provenance.redaction.id).toBe('full');
    expect(manifest.audit.entries.length).toBeGreaterThan(0);
    const all = Object.entries(files).flatMap(([p, b]) => readable(`bf-${p}`, b));
    for (const secret of SECRETS) expect(found(all, secret), `${secret} in the full bundle`).toBe(true);
  });
});
