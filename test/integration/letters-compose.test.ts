/**
 * Letters from templates (issue #10, Letters), on a real encrypted register through the API:
 * drafts merged from the record in French and English; an extension notice after the first month
 * is flagged and does not extend the Art. 12(3) deadline, one in time does (through the
 * complaints register: audited); a refusal answers the complaint; a reply to a regulator is an
 * outbound letter in reply that meets the inbound letter's reply date; the processor's notice
 * sets the client's notifiedAt; the generated PDF and text are stored encrypted (in no database
 * file in clear), listed as attachments, the PDF readable by pdftotext with its template and
 * version in its metadata; a template saved in Settings is the next version, a field it may not
 * use refused with nothing stored, and the letter names the version it used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiOf, type Api } from '../fixtures/scenarios';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { flatText, pdfText } from '../support/pdf';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let ws: Workstation;
let dir: string;
let clock: ManualClock;

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  dir = t.dir;
  clock = new ManualClock(new Date('2026-03-02T09:00:00+01:00'));
  ws = await setUpWorkstation(join(dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  ws.updateProfile({ organisation: { dpoContact: 'Claire Dubois, dpo@exemple-telecom.fr' } });
  api = apiOf(ws);
});

const complaint = (label: string, receivedAt = '2026-03-02T09:00:00+01:00') =>
  api('complaints.create', { receivedAt, channel: 'email', complainantLabel: label, complainantContact: `${label.toLowerCase()}@example.org`, rights: ['access', 'erasure'], summary: 'Copie de mes données et effacement du compte' });

describe('letters written from templates', () => {
  it('lists the five templates at version 1, each with the fields it may use', async () => {
    const { templates } = await api('templates.list', {});
    expect(templates.map((t) => [t.id, t.version, t.builtIn])).toEqual([
      ['acknowledgement', 1, true],
      ['extension', 1, true],
      ['refusal', 1, true],
      ['regulator_reply', 1, true],
      ['client_notice', 1, true],
    ]);
    expect(templates[0]!.fields.map((f) => f.key)).toContain('complaint.responseDue');
  });

  it('drafts an acknowledgement in French and in English from the complaint and the profile', async () => {
    const c = await complaint('M. Durand');
    const fr = await api('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id: c.id } });
    expect(fr.lang).toBe('fr');
    expect(fr.unknown).toEqual([]);
    expect(fr.empty).toEqual([]);
    expect(fr.subject).toBe(`Votre demande du 2 mars 2026 – notre référence ${c.reference}`);
    expect(fr.body).toContain('droits suivants au titre du règlement général sur la protection des données (RGPD)\u00a0: accès, effacement.');
    // One month from 2 March: 2 April 2026.
    expect(fr.body).toContain('au plus tard le 2 avril 2026');
    expect(fr.body).toContain('Claire Dubois, dpo@exemple-telecom.fr');
    expect(fr.effect).toMatchObject({ kind: 'none', applies: false });
    const en = await api('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id: c.id }, lang: 'en' });
    expect(en.body).toContain('Dear M. Durand,');
    expect(en.body).toContain('at the latest by 2 April 2026');
    expect(en.body).toContain('rights under the General Data Protection Regulation (GDPR): access, erasure.');
    const gen = await api('compose.generate', { templateId: 'acknowledgement', templateVersion: 1, target: en.target, lang: 'en', sentAt: en.sentAt, subject: en.subject, body: en.body });
    expect(gen.fileName).toBe(`${c.reference}-acknowledgement-v1-en`);
    const after = await api('complaints.get', { id: c.id });
    expect(after).toMatchObject({ status: 'received', answeredAt: null, extensionNoticeAt: null, responseDue: c.responseDue });
  });

  it('flags an extension notice after the first month, and it does not extend the deadline', async () => {
    const c = await complaint('Mme Lefort');
    await api('complaints.update', { id: c.id, patch: { extensionReason: 'Volume des données sur cinq systèmes' } });
    clock.set('2026-04-10T10:00:00+02:00');
    const d = await api('compose.draft', { templateId: 'extension', target: { type: 'complaint', id: c.id } });
    expect(d.warnings.map((w) => w.code)).toEqual(['extension_late']);
    expect(d.warnings[0]!.text.en).toContain('after the first month (it ended 2 April 2026): it does not extend the deadline, which stays 2 April 2026');
    expect(d.effect).toMatchObject({ kind: 'none', applies: false });
    expect(d.body).toContain('pour les motifs suivants\u00a0: Volume des données sur cinq systèmes');
    const gen = await api('compose.generate', { templateId: 'extension', templateVersion: 1, target: d.target, lang: d.lang, sentAt: d.sentAt, subject: d.subject, body: d.body });
    expect(gen.effect.applies).toBe(false);
    expect(gen.warnings.map((w) => w.code)).toEqual(['extension_late']);
    const after = await api('complaints.get', { id: c.id });
    expect(after.extensionNoticeAt).toBeNull();
    expect(after.responseDue).toBe(c.responseDue);
    const { attachments } = await api('attachments.list', { record: { type: 'complaint', id: c.id } });
    expect(attachments.map((a) => a.fileName)).toEqual([`${c.reference}-extension-v1-fr.pdf`, `${c.reference}-extension-v1-fr.txt`]);
  });

  it('an extension notice in time sets extensionNoticeAt through the register: three months, audited', async () => {
    clock.set('2026-03-03T09:00:00+01:00');
    const c = await complaint('M. Petit', '2026-03-03T09:00:00+01:00');
    clock.set('2026-03-20T11:00:00+01:00');
    const d = await api('compose.draft', { templateId: 'extension', target: { type: 'complaint', id: c.id }, lang: 'en' });
    expect(d.warnings.map((w) => w.code)).toEqual(['no_extension_reason', 'empty_fields']);
    expect(d.effect).toMatchObject({ kind: 'extension', applies: true });
    expect(d.body).toContain('at the latest by 3 June 2026');
    const body = d.body.replace('[to be completed]', 'the request covers eleven years of call records.');
    await api('compose.generate', { templateId: 'extension', templateVersion: 1, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body });
    const after = await api('complaints.get', { id: c.id });
    expect(after.extensionNoticeAt).toBe('2026-03-20T10:00:00.000Z');
    expect(after.responseDue).not.toBe(c.responseDue);
    expect(after.responseDue > c.responseDue).toBe(true);
    const { entries } = await api('audit.history', { recordType: 'complaint', recordId: c.id });
    expect(entries.at(-1)!.changes.map((ch) => ch.field)).toEqual(expect.arrayContaining(['extensionNoticeAt', 'responseDue']));
  });

  it('a refusal answers the complaint at the time it is sent', async () => {
    clock.set('2026-03-25T15:00:00+01:00');
    const c = await complaint('M. Roc', '2026-03-10T09:00:00+01:00');
    await api('complaints.update', { id: c.id, patch: { outcome: 'Nous ne conservons aucune donnée vous concernant.' } });
    const d = await api('compose.draft', { templateId: 'refusal', target: { type: 'complaint', id: c.id } });
    expect(d.body).toContain('droit d’introduire une réclamation auprès d’une autorité de contrôle – notamment la Commission nationale de l’informatique et des libertés (CNIL)');
    expect(d.body).toContain('recours juridictionnel');
    expect(d.effect).toMatchObject({ kind: 'answered', applies: true });
    await api('compose.generate', { templateId: 'refusal', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body });
    expect(await api('complaints.get', { id: c.id })).toMatchObject({ status: 'answered', answeredAt: '2026-03-25T14:00:00.000Z' });
  });

  it('a reply to a regulator is outbound correspondence in reply, and meets the letter’s reply date', async () => {
    clock.set('2026-03-05T10:00:00+01:00');
    const inbound = await api('letters.create', {
      regulator: 'FR-CNIL',
      direction: 'inbound',
      kind: 'request_for_information',
      sentAt: '2026-03-03T09:00:00+01:00',
      receivedAt: '2026-03-05T09:00:00+01:00',
      regulatorRefs: ['PLT-2026-1234'],
      subject: 'Demande d’informations – plainte de M. X',
      replyDue: '2026-03-31T23:59:00+02:00',
    });
    clock.set('2026-03-18T16:00:00+01:00');
    const d = await api('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id } });
    expect(d.lang).toBe('fr');
    expect(d.subject).toBe('Votre courrier du 3 mars 2026 – vos références PLT-2026-1234');
    expect(d.body).toContain('Votre courrier\u00a0: Demande d’informations – plainte de M. X');
    expect(d.effect).toMatchObject({ kind: 'regulator_reply', applies: true });
    const body = d.body.replace('[Nos réponses, point par point]', 'Réponse unique Xanthoxyle-8841 : le compte a été supprimé.');
    const gen = await api('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body });
    expect(gen.outboundLetterId).not.toBeNull();
    const out = await api('letters.get', { id: gen.outboundLetterId! });
    expect(out).toMatchObject({ direction: 'outbound', kind: 'our_reply', inReplyTo: inbound.id, regulator: 'FR-CNIL', regulatorRefs: ['PLT-2026-1234'], sentAt: '2026-03-18T15:00:00.000Z' });
    const answered = await api('letters.get', { id: inbound.id });
    expect(answered.answeredAt).toBe('2026-03-18T15:00:00.000Z');
    expect(answered.answeredAt! <= answered.replyDue!).toBe(true);
    const { clocks } = await api('clocks.ofRecord', { recordType: 'letter', recordId: inbound.id });
    expect(clocks.find((k) => k.kind === 'letter-reply')).toMatchObject({ state: 'met_on_time' });

    // The letter is on the outbound entry, encrypted: its words are in no database file in clear.
    const { attachments } = await api('attachments.list', { record: { type: 'letter', id: out.id } });
    expect(attachments.map((a) => a.mimeType)).toEqual(['application/pdf', 'text/plain; charset=utf-8']);
    // Named after our record (the outbound reply carrying them), not our number for their letter.
    expect(gen.fileName).toBe(`${out.reference}-regulator_reply-v1-fr`);
    expect(attachments.map((a) => a.fileName)).toEqual([`${out.reference}-regulator_reply-v1-fr.pdf`, `${out.reference}-regulator_reply-v1-fr.txt`]);
    expect(attachments.every((a) => a.textIndexed)).toBe(true);
    const data = join(dir, 'data');
    for (const f of readdirSync(data).filter((f) => f.startsWith('register.db'))) expect(readFileSync(join(data, f)).includes('Xanthoxyle'), f).toBe(false);
    const pdf = await api('attachments.get', { id: attachments[0]!.id });
    const text = flatText(pdfText(pdf.contentBase64, 'reply.pdf'));
    expect(text).toContain('Xanthoxyle-8841');
    expect(text).toContain('Commission nationale de l’informatique et des libertés');
    // Our reference is our reply's own; theirs is the regulator's (not our number for their letter).
    expect(text).toContain(`Notre référence : ${out.reference} Votre référence : PLT-2026-1234`);
    expect(text).not.toContain(inbound.reference);
    const file = join(dir, 'reply.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    expect(info).toContain('template:regulator_reply; template-version:1');
    const txt = await api('attachments.get', { id: attachments[1]!.id });
    expect(Buffer.from(txt.contentBase64, 'base64').toString('utf8')).toBe(`Objet\u00a0: ${d.subject}\n\n${body}\n`);
    // Found by search through the attachment's text, and listed on the letter it answers.
    const found = await api('search.query', { text: 'Xanthoxyle' });
    expect(found.hits.map((h) => h.id)).toContain(out.id);
    expect((await api('compose.of', { record: { type: 'letter', id: inbound.id } })).letters.map((l) => l.id)).toEqual([gen.id]);
  });

  it('a reply within a procedure gives the procedure’s reference and our reply’s as ours, the regulator’s as theirs', async () => {
    clock.set('2026-04-01T10:00:00+02:00');
    const matter = await api('matters.create', { regulator: 'FR-CNIL', kind: 'complaint', title: 'Plainte 26-004321', openedAt: '2026-04-01T09:00:00+02:00', regulatorRefs: ['PLT-26-004321'] });
    const inbound = await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-04-01T09:00:00+02:00', regulatorRefs: ['PLT-26-004321', 'DEC-7'], subject: 'Questions', replyDue: '2026-04-30T23:59:00+02:00', matterId: matter.id });
    const d = await api('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id }, lang: 'en' });
    const gen = await api('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body });
    const out = await api('letters.get', { id: gen.outboundLetterId! });
    expect(out.matterId).toBe(matter.id);
    const pdf = await api('attachments.get', { id: gen.pdfAttachmentId });
    const text = flatText(pdfText(pdf.contentBase64, 'reply-matter.pdf'));
    expect(text).toContain(`Our reference: ${matter.reference} / ${out.reference}`);
    expect(text).toContain('Your reference: PLT-26-004321, DEC-7');
    const file = join(dir, 'reply-matter.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'reply-matter')]);
    if (process.env.PRIVACYOPS_EXPORTS_OUT) execFileSync('cp', [file, ...readdirSync(dir).filter((f) => f.startsWith('reply-matter') && f.endsWith('.png')).map((f) => join(dir, f)), process.env.PRIVACYOPS_EXPORTS_OUT]);
  });

  describe('one transaction: a failure half-way leaves nothing stored', () => {
    const registers = () => ws.exchange.d.registers;
    /** Runs `during` once the letter's PDF is made, before it is stored: as a colleague's change arriving then would. */
    const whilePdfIsMade = async <T,>(during: () => void, run: () => Promise<T>): Promise<T> => {
      const attachments = registers().attachments;
      const prepare = attachments.prepare;
      attachments.prepare = async function (this: typeof attachments, input) {
        const prepared = await prepare.call(this, input);
        if (input.mimeType === 'application/pdf') during();
        return prepared;
      };
      try {
        return await run();
      } finally {
        attachments.prepare = prepare;
      }
    };
    const counts = () => {
      const db = ws.exchange.d.ctx.db;
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return { attachments: n('SELECT count(*) AS n FROM attachments'), letters: n('SELECT count(*) AS n FROM letters'), composed: n('SELECT count(*) AS n FROM composed_letters'), audit: n('SELECT count(*) AS n FROM audit_log') };
    };

    it('a refusal whose complaint is archived while the letter is made stores neither the files nor the answer', async () => {
      clock.set('2026-04-02T10:00:00+02:00');
      const c = await complaint('M. Sable', '2026-04-01T09:00:00+02:00');
      await api('complaints.update', { id: c.id, patch: { outcome: 'Aucune donnée.' } });
      const d = await api('compose.draft', { templateId: 'refusal', target: { type: 'complaint', id: c.id } });
      const before = counts();
      await expect(
        whilePdfIsMade(
          () => registers().complaints.archive({ id: c.id, reason: 'Doublon' }),
          () => api('compose.generate', { templateId: 'refusal', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body }),
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('archived') });
      // Only the archiving itself was written (one audit entry).
      expect(counts()).toEqual({ ...before, audit: before.audit + 1 });
      expect((await api('attachments.list', { record: { type: 'complaint', id: c.id } })).attachments).toEqual([]);
      expect(await api('complaints.get', { id: c.id })).toMatchObject({ status: 'received', answeredAt: null });
      expect((await api('compose.of', { record: { type: 'complaint', id: c.id } })).letters).toEqual([]);
      expect((await api('audit.verify', {})).ok).toBe(true);
    });

    it('a reply whose second file fails to be stored leaves no outbound letter, no file and the letter unanswered', async () => {
      clock.set('2026-04-03T10:00:00+02:00');
      const inbound = await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-04-03T09:00:00+02:00', regulatorRefs: ['PLT-2026-777'], subject: 'Relance', replyDue: '2026-04-20T23:59:00+02:00' });
      const d = await api('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id } });
      const before = counts();
      const attachments = registers().attachments;
      const store = attachments.store;
      // The outbound letter and the PDF are written; the text file then fails (a full disk, say).
      attachments.store = function (this: typeof attachments, p, record) {
        if (p.mimeType.startsWith('text/plain')) throw new Error('disk full');
        return store.call(this, p, record);
      };
      try {
        await expect(api('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body })).rejects.toThrow();
      } finally {
        attachments.store = store;
      }
      expect(counts()).toEqual(before);
      expect((await api('letters.get', { id: inbound.id })).answeredAt).toBeNull();
      expect((await api('compose.of', { record: { type: 'letter', id: inbound.id } })).letters).toEqual([]);
      expect((await api('audit.verify', {})).ok).toBe(true);
      // And the same reply then goes through whole, with the reference its PDF named.
      const gen = await api('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body });
      const out = await api('letters.get', { id: gen.outboundLetterId! });
      const text = flatText(pdfText((await api('attachments.get', { id: gen.pdfAttachmentId })).contentBase64, 'reply-after.pdf'));
      expect(text).toContain(`Notre référence : ${out.reference} Votre référence : PLT-2026-777`);
      expect(counts()).toMatchObject({ attachments: before.attachments + 2, letters: before.letters + 1, composed: before.composed + 1 });
    });

    it('a reply whose reference another letter took while its PDF was made is made again under the next one', async () => {
      clock.set('2026-04-05T10:00:00+02:00');
      const inbound = await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-04-05T09:00:00+02:00', regulatorRefs: ['PLT-2026-888'], subject: 'Précisions', replyDue: '2026-04-25T23:59:00+02:00' });
      const d = await api('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id } });
      let other: { reference: string } | null = null;
      const gen = await whilePdfIsMade(
        () => {
          // Once: a colleague's letter recorded meanwhile takes the number the first PDF named.
          other ??= registers().letters.create({ regulator: 'FR-CNIL', direction: 'outbound', kind: 'other', sentAt: '2026-04-05T09:30:00+02:00', subject: 'Autre courrier' });
        },
        () => api('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body }),
      );
      const out = await api('letters.get', { id: gen.outboundLetterId! });
      expect(out.reference).not.toBe(other!.reference);
      const text = flatText(pdfText((await api('attachments.get', { id: gen.pdfAttachmentId })).contentBase64, 'reply-again.pdf'));
      expect(text).toContain(`Notre référence : ${out.reference} Votre référence : PLT-2026-888`);
      expect((await api('attachments.list', { record: { type: 'letter', id: out.id } })).attachments.map((a) => a.fileName)).toEqual([`${out.reference}-regulator_reply-v1-fr.pdf`, `${out.reference}-regulator_reply-v1-fr.txt`]);
    });

    it('a reply to a letter archived while it is made is refused, with nothing stored', async () => {
      clock.set('2026-04-04T10:00:00+02:00');
      const inbound = await api('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-04-04T09:00:00+02:00', subject: 'Encore', replyDue: '2026-04-20T23:59:00+02:00' });
      const d = await api('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id } });
      const before = counts();
      await expect(
        whilePdfIsMade(
          () => registers().letters.archive({ id: inbound.id, reason: 'Saisi par erreur' }),
          () => api('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body }),
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(counts()).toEqual({ ...before, audit: before.audit + 1 });
    });
  });

  it('the processor’s notice sets the client’s notifiedAt, in the client’s language', async () => {
    clock.set('2026-03-10T08:00:00+01:00');
    const i = await api('incidents.create', { title: 'Sauvegarde exposée', ourRole: 'processor', detectedAt: '2026-03-10T07:30:00+01:00', awareAt: '2026-03-10T07:30:00+01:00', nature: ['confidentiality'], facts: 'Une sauvegarde était lisible.' });
    const client = await api('incidents.addClient', { incidentId: i.id, name: 'Mutuelle Horizon', contact: 'dpo@horizon.example', language: 'en' });
    clock.set('2026-03-10T15:00:00+01:00');
    const d = await api('compose.draft', { templateId: 'client_notice', target: { type: 'client', id: client.id } });
    expect(d.lang).toBe('en');
    expect(d.record).toEqual({ type: 'incident', id: i.id });
    expect(d.body).toContain('As your processor, Exemple Télécom SA informs you under Article 33(2)');
    expect(d.body).toContain('What happened: Une sauvegarde était lisible.');
    expect(d.effect).toMatchObject({ kind: 'client_notified', applies: true });
    await api('compose.generate', { templateId: 'client_notice', templateVersion: 1, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body });
    const { clients } = await api('incidents.get', { id: i.id });
    expect(clients[0]).toMatchObject({ notifiedAt: '2026-03-10T14:00:00.000Z', notifiedHow: `Letter ${i.reference}-client_notice-Mutuelle-Horizon-v1-en.pdf` });
    const again = await api('compose.draft', { templateId: 'client_notice', target: { type: 'client', id: client.id } });
    expect(again.warnings.map((w) => w.code)).toEqual(['client_notified']);
  });

  it('a drill’s client notice is marked as the exercise in its subject, even when the mark is edited out', async () => {
    clock.set('2026-03-11T08:00:00+01:00');
    const i = await api('incidents.create', { title: 'Exercice de crise', ourRole: 'processor', drill: true, detectedAt: '2026-03-11T07:30:00+01:00', awareAt: '2026-03-11T07:30:00+01:00', nature: ['availability'] });
    const client = await api('incidents.addClient', { incidentId: i.id, name: 'Client Exercice', language: 'fr' });
    const d = await api('compose.draft', { templateId: 'client_notice', target: { type: 'client', id: client.id } });
    expect(d.subject).toBe(`[Exercice] Notification de violation de données personnelles – ${i.reference} – Client Exercice`);
    expect(d.warnings.map((w) => w.code)).toEqual(['drill']);
    const gen = await api('compose.generate', { templateId: 'client_notice', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject.replace('[Exercice] ', ''), body: d.body });
    expect(gen.subject).toBe(d.subject);
    const txt = await api('attachments.get', { id: gen.textAttachmentId });
    expect(Buffer.from(txt.contentBase64, 'base64').toString('utf8').startsWith(`Objet\u00a0: [Exercice] `)).toBe(true);
  });

  it('saves a template as its next version, refuses an unknown field, and the letter names the version used', async () => {
    const before = (await api('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!;
    const bad = { ...before, body: { ...before.body, en: before.body.en + '\n{{complaint.shoeSize}}' } };
    await expect(api('templates.save', { id: 'acknowledgement', name: bad.name, subject: bad.subject, body: bad.body })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'body.en', message: '{{complaint.shoeSize}} is not a merge field of this template' }],
    });
    expect((await api('templates.versions', { id: 'acknowledgement' })).versions.map((v) => v.version)).toEqual([1]);
    const saved = await api('templates.save', { id: 'acknowledgement', name: before.name, subject: before.subject, body: { en: 'Dear {{complaint.complainant}}, received on {{complaint.receivedOn}}.', fr: before.body.fr } });
    expect(saved).toMatchObject({ version: 2, builtIn: false, savedBy: 'Claire Dubois (DPO)' });
    expect((await api('templates.versions', { id: 'acknowledgement' })).versions.map((v) => v.version)).toEqual([2, 1]);
    // The save is an operation of its own record type, carrying the whole text (README › Letters).
    const { entries } = await api('audit.history', { recordType: 'letter_template', recordId: 'acknowledgement' });
    expect(entries.map((e) => e.changes.map((c) => c.field))).toEqual([['versionId', 'name', 'subject', 'body', 'savedBy']]);
    expect(entries[0]!.changes.find((c) => c.field === 'versionId')!.new).toBe(saved.versionId);
    const c = await complaint('Mme Vert', '2026-03-10T09:00:00+01:00');
    const d = await api('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id: c.id }, lang: 'en' });
    expect(d).toMatchObject({ templateVersion: 2, body: 'Dear Mme Vert, received on 10 March 2026.' });
    const gen = await api('compose.generate', { templateId: 'acknowledgement', templateVersion: 2, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body });
    expect(gen).toMatchObject({ templateId: 'acknowledgement', templateVersion: 2, fileName: `${c.reference}-acknowledgement-v2-en` });
    expect((await api('compose.of', { record: { type: 'complaint', id: c.id } })).letters).toMatchObject([{ templateVersion: 2, printedVersion: 2, lang: 'en' }]);
    // The list's entry is an operation too, naming the version by its id.
    const listed = (await api('audit.history', { recordType: 'composed_letter', recordId: gen.id })).entries;
    expect(listed.map((e) => e.action)).toEqual(['create']);
    expect(listed[0]!.changes.find((c) => c.field === 'templateVersionId')!.new).toBe(saved.versionId);
  });

  it('refuses a template written from another kind of record', async () => {
    const c = await complaint('M. Bleu');
    await expect(api('compose.draft', { templateId: 'client_notice', target: { type: 'complaint', id: c.id } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
