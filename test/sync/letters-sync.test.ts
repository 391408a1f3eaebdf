import { describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Workstation } from '../../electron/core/workstation';
import { Backend } from '../../electron/core/sync/backend';
import { opAad, opSignedBytes, seal } from '../../electron/core/sync/crypto';
import type { SyncOp } from '../../electron/core/sync/apply';
import type { SecretVault } from '../../electron/core/sync/secrets';
import { apiOf } from '../fixtures/scenarios';
import { PASSPHRASE } from '../support/workstation';
import { syncAll, syncHarness } from '../support/sync-harness';

vi.setConfig({ testTimeout: 240_000 });

/**
 * What of a generated letter reaches a colleague through the shared backend (README › Letters):
 * what the letter wrote to the registers — the outbound reply, the inbound letter met, the PDF
 * and text attachments, byte for byte — and, as operations of their own record types, the
 * template versions saved in Settings › Letters (`letter_template`) and the list of letters
 * generated (`composed_letter`). Machines on a real PostgreSQL.
 */
const harness = syncHarness('letters');

/** Claire creates the workspace (administrator); Samir joins with `role`. Synced. */
async function pair(role: 'dpo' | 'security_lead' | 'reader' = 'dpo') {
  const claire = await harness.client('Claire');
  const samir = await harness.client('Samir');
  await claire.sync.createWorkspace(harness.pg().connection(), 'Claire Martin');
  const inv = await claire.sync.createInvitation(role);
  await samir.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'Samir Haddad');
  await syncAll(claire, samir);
  return { claire, samir, a: apiOf(claire), b: apiOf(samir) };
}

/** A template's versions as a machine numbers them: number, version id, English text. */
async function versionsOn(w: Workstation, id: 'acknowledgement' | 'refusal' = 'acknowledgement') {
  return (await apiOf(w)('templates.versions', { id })).versions.map((v) => [v.version, v.versionId, v.body.en]);
}

const complaintInput = { receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), channel: 'email' as const, complainantLabel: 'Mme Ocre', rights: ['access' as const], summary: 'Access request' };

describe('letters between colleagues', () => {
  it('the reply, its files and its effect reach a colleague, with the list of generated letters; a saved version 2 arrives and the colleague’s letter uses and names it', async () => {
    const { claire, samir, a, b } = await pair();
    const inbound = await a('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: new Date(Date.now() - 86_400_000).toISOString(), regulatorRefs: ['PLT-2026-4242'], subject: 'Questions', replyDue: new Date(Date.now() + 20 * 86_400_000).toISOString() });
    const d = await a('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id }, lang: 'en' });
    const gen = await a('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body.replace('[Our answers, point by point]', 'Answer Quokka-5150.') });
    const ack = (await a('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!;
    const saved = await a('templates.save', { id: 'acknowledgement', name: ack.name, subject: ack.subject, body: { en: 'Dear {{complaint.complainant}}, we have your request (Wombat-77).', fr: 'Madame, Monsieur, nous avons votre demande (Wombat-77).' } });
    expect(saved.version).toBe(2);
    await syncAll(claire, samir);

    // The registers' side arrives whole: the outbound reply under the reference its PDF names, the inbound letter met, the two files byte for byte.
    const out = await a('letters.get', { id: gen.outboundLetterId! });
    expect(await b('letters.get', { id: out.id })).toMatchObject({ reference: out.reference, direction: 'outbound', kind: 'our_reply', inReplyTo: inbound.id });
    expect((await b('letters.get', { id: inbound.id })).answeredAt).toBe((await a('letters.get', { id: inbound.id })).answeredAt);
    const files = (await b('attachments.list', { record: { type: 'letter', id: out.id } })).attachments;
    expect(files.map((f) => f.id)).toEqual([gen.pdfAttachmentId, gen.textAttachmentId]);
    expect(files.map((f) => f.fileName)).toEqual([`${out.reference}-regulator_reply-v1-en.pdf`, `${out.reference}-regulator_reply-v1-en.txt`]);
    for (const f of files) expect((await b('attachments.get', { id: f.id })).contentBase64).toBe((await a('attachments.get', { id: f.id })).contentBase64);
    expect((await b('search.query', { text: 'Quokka' })).hits.map((h) => h.id)).toContain(out.id);

    // The list of generated letters arrives: the same entry, template, version, author and time.
    const listedA = (await a('compose.of', { record: { type: 'letter', id: inbound.id } })).letters;
    expect(listedA.map((l) => l.id)).toEqual([gen.id]);
    expect((await b('compose.of', { record: { type: 'letter', id: inbound.id } })).letters).toEqual(listedA);
    expect(listedA[0]).toMatchObject({ templateId: 'regulator_reply', templateVersion: 1, printedVersion: 1, createdBy: 'Claire', sentAt: gen.sentAt, outboundLetterId: out.id });
    expect((await b('compose.of', { record: { type: 'letter', id: out.id } })).letters.map((l) => l.id)).toEqual([gen.id]);

    // Version 2 arrives, with its id, text, time and author.
    const onSamir = (await b('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!;
    expect(onSamir).toMatchObject({ version: 2, versionId: saved.versionId, builtIn: false, body: saved.body, savedAt: saved.savedAt, savedBy: 'Claire' });
    expect(await versionsOn(samir)).toEqual(await versionsOn(claire));

    // Samir writes from version 2: the draft merges its text, the letter names it; Claire lists it.
    const complaint = await b('complaints.create', complaintInput);
    const d2 = await b('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id: complaint.id }, lang: 'en' });
    expect(d2).toMatchObject({ templateVersion: 2, body: 'Dear Mme Ocre, we have your request (Wombat-77).' });
    const gen2 = await b('compose.generate', { templateId: 'acknowledgement', templateVersion: 2, target: d2.target, lang: 'en', sentAt: d2.sentAt, subject: d2.subject, body: d2.body });
    expect(gen2.fileName).toBe(`${complaint.reference}-acknowledgement-v2-en`);
    await syncAll(samir, claire);
    const listedB = (await a('compose.of', { record: { type: 'complaint', id: complaint.id } })).letters;
    expect(listedB).toMatchObject([{ id: gen2.id, templateId: 'acknowledgement', templateVersion: 2, printedVersion: 2, lang: 'en', createdBy: 'Samir', sentAt: gen2.sentAt, fileName: gen2.fileName }]);
    expect(listedB).toEqual((await b('compose.of', { record: { type: 'complaint', id: complaint.id } })).letters);
    const pdf = await a('attachments.get', { id: listedB[0]!.pdfAttachmentId });
    expect(pdf.attachment.fileName).toBe(`${complaint.reference}-acknowledgement-v2-en.pdf`);
    expect(pdf.contentBase64).toBe((await b('attachments.get', { id: gen2.pdfAttachmentId })).contentBase64);
    for (const w of [claire, samir]) {
      expect(w.sync.quarantined()).toEqual([]);
      expect(w.audit.verify().ok).toBe(true);
    }
  });

  for (const order of [['claire', 'samir'], ['samir', 'claire']] as const) {
    it(`two members save a version of the same template apart (synced ${order.join(' then ')}): both kept, numbered by their clocks, the same on both machines`, async () => {
      const { claire, samir, a, b } = await pair();
      const ack = (await a('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!;
      const body = (who: string) => ({ en: `Dear {{complaint.complainant}}, from ${who}.`, fr: `Madame, Monsieur, de ${who}.` });
      // Apart: neither machine syncs until both have saved (and Samir has written from his).
      const first = order[0] === 'claire' ? a : b;
      const second = order[0] === 'claire' ? b : a;
      const v1 = await first('templates.save', { id: 'acknowledgement', name: ack.name, subject: ack.subject, body: body(order[0]) });
      const v2 = await second('templates.save', { id: 'acknowledgement', name: ack.name, subject: ack.subject, body: body(order[1]) });
      expect([v1.version, v2.version]).toEqual([2, 2]);
      const complaint = await b('complaints.create', complaintInput);
      const mine = order[0] === 'samir' ? v1 : v2;
      const d = await b('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id: complaint.id }, lang: 'en' });
      const gen = await b('compose.generate', { templateId: 'acknowledgement', templateVersion: 2, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body });
      expect(gen.fileName).toBe(`${complaint.reference}-acknowledgement-v2-en`);

      const machines = order.map((n) => (n === 'claire' ? claire : samir));
      await syncAll(...machines);
      // The earlier clock is version 2, the later 3, on both machines, whichever pushed first.
      const hlcOf = async (w: Workstation, versionId: string) =>
        (await apiOf(w)('audit.history', { recordType: 'letter_template', recordId: 'acknowledgement' })).entries.find((e) => e.changes.some((c) => c.field === 'versionId' && c.new === versionId))!.hlc!;
      const saves = [
        { v: v1, hlc: await hlcOf(order[0] === 'claire' ? claire : samir, v1.versionId!) },
        { v: v2, hlc: await hlcOf(order[1] === 'claire' ? claire : samir, v2.versionId!) },
      ].sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
      const expected = [
        [3, saves[1]!.v.versionId, saves[1]!.v.body.en],
        [2, saves[0]!.v.versionId, saves[0]!.v.body.en],
        [1, null, ack.body.en],
      ];
      expect(await versionsOn(claire)).toEqual(expected);
      expect(await versionsOn(samir)).toEqual(expected);
      // Samir's letter keeps naming the text it came from: its version as numbered now, and the number its PDF gives.
      const now = saves.findIndex((s) => s.v.versionId === mine.versionId) + 2;
      for (const w of [claire, samir]) {
        expect((await apiOf(w)('compose.of', { record: { type: 'complaint', id: complaint.id } })).letters).toMatchObject([{ id: gen.id, templateVersion: now, printedVersion: 2 }]);
        expect((await apiOf(w)('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')).toMatchObject({ version: 3, versionId: saves[1]!.v.versionId });
        expect(w.audit.verify().ok).toBe(true);
      }
    });
  }

  it('a reader’s forged template version and list entry are quarantined on every machine, nothing applied', async () => {
    const { claire, samir, ines } = await harness.team();
    await syncAll(claire, samir, ines);
    // A security lead may not save a template either (like the workspace's settings): refused in the core.
    await expect(apiOf(samir)('templates.save', { id: 'acknowledgement', name: { en: 'A', fr: 'A' }, subject: { en: 'S', fr: 'S' }, body: { en: 'B', fr: 'B' } })).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });
    // Inès (reader) signs and pushes, with her valid key, operations taken from a machine that syncs with nobody.
    const scratch = await harness.client('scratch');
    const s = apiOf(scratch);
    const ack = (await s('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!;
    await s('templates.save', { id: 'acknowledgement', name: ack.name, subject: ack.subject, body: { en: 'Forged Narwhal-31.', fr: 'Faux Narwhal-31.' } });
    const complaint = await s('complaints.create', complaintInput);
    const d = await s('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id: complaint.id }, lang: 'en' });
    const gen = await s('compose.generate', { templateId: 'acknowledgement', templateVersion: 2, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body });
    const template = opOf(scratch, 'letter_template', 'acknowledgement');
    const entry = opOf(scratch, 'composed_letter', gen.id);
    await forge(ines, template);
    await forge(ines, entry);
    await syncAll(claire, samir, ines);
    for (const w of [claire, samir, ines]) {
      expect(w.sync.quarantined().map((q) => [q.recordType, q.recordId, q.reason, q.authorRole]).sort()).toEqual(
        [
          ['composed_letter', gen.id, 'role_forbidden', 'reader'],
          ['letter_template', 'acknowledgement', 'role_forbidden', 'reader'],
        ].sort(),
      );
      expect(await versionsOn(w)).toEqual([[1, null, ack.body.en]]);
      expect(w.session.db.prepare('SELECT count(*) AS n FROM composed_letters').get()).toEqual({ n: 0 });
      expect((await apiOf(w)('audit.history', { recordType: 'letter_template', recordId: 'acknowledgement' })).entries).toEqual([]);
      expect(w.audit.verify().ok).toBe(true);
    }
  });

  it('template versions and letters from before they travelled (migration 19) are published once when the register opens, numbered as before', async () => {
    const { claire, samir, a, b } = await pair();
    // As migration 19 leaves a register that had saved versions and generated letters: no clock, not published.
    const complaint = await a('complaints.create', complaintInput);
    const pdf = await a('attachments.add', { record: { type: 'complaint', id: complaint.id }, fileName: `${complaint.reference}-acknowledgement-v3-fr.pdf`, mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 legacy').toString('base64') });
    const txt = await a('attachments.add', { record: { type: 'complaint', id: complaint.id }, fileName: `${complaint.reference}-acknowledgement-v3-fr.txt`, mimeType: 'text/plain', contentBase64: Buffer.from('Objet : ancien').toString('base64') });
    const db = claire.session.db;
    const ids = [uuidv7(), uuidv7()];
    for (const [i, prior] of [[0, 2], [1, 3]] as const) {
      db.prepare(
        `INSERT INTO letter_template_versions (id, template_id, hlc, prior_version, name_en, name_fr, subject_en, subject_fr, body_en, body_fr, saved_at, saved_by)
         VALUES (?, 'acknowledgement', '', ?, 'Acknowledgement', 'Accusé de réception', 'Your request', 'Votre demande', ?, ?, '2026-01-0${prior}T10:00:00.000Z', 'Claire')`,
      ).run(ids[i], prior, `Old text ${prior}.`, `Ancien texte ${prior}.`);
    }
    const letterId = uuidv7();
    db.prepare(
      `INSERT INTO composed_letters (id, template_id, template_version, template_version_id, lang, record_type, record_id, client_id, subject, pdf_attachment_id, text_attachment_id, file_name, outbound_letter_id, sent_at, effect, created_at, created_by, published)
       VALUES (?, 'acknowledgement', 3, ?, 'fr', 'complaint', ?, NULL, 'Votre demande', ?, ?, ?, NULL, '2026-01-04T10:00:00.000Z', ?, '2026-01-04T10:00:00.000Z', 'Claire', 0)`,
    ).run(letterId, ids[1], complaint.id, pdf.id, txt.id, `${complaint.reference}-acknowledgement-v3-fr`, JSON.stringify({ kind: 'none', applies: false, text: { en: 'Stored.', fr: 'Conservé.' } }));
    expect((await versionsOn(claire)).map((v) => v[0])).toEqual([3, 2, 1]);
    const before = claire.audit.count();

    claire.lock();
    await claire.unlock(PASSPHRASE);
    expect(claire.audit.count()).toBe(before + 3);
    claire.lock();
    await claire.unlock(PASSPHRASE);
    expect(claire.audit.count()).toBe(before + 3);
    await syncAll(claire, samir);
    const expected = [
      [3, ids[1], 'Old text 3.'],
      [2, ids[0], 'Old text 2.'],
      [1, null, expect.any(String)],
    ];
    expect(await versionsOn(claire)).toEqual(expected);
    expect(await versionsOn(samir)).toEqual(expected);
    const listed = (await b('compose.of', { record: { type: 'complaint', id: complaint.id } })).letters;
    expect(listed).toMatchObject([{ id: letterId, templateVersion: 3, printedVersion: 3, createdBy: 'Claire', pdfAttachmentId: pdf.id }]);
    expect(listed).toEqual((await a('compose.of', { record: { type: 'complaint', id: complaint.id } })).letters);
    for (const w of [claire, samir]) expect(w.audit.verify().ok).toBe(true);
  });
});

/** An operation as it travels, taken from a machine's audit log. */
function opOf(w: Workstation, recordType: string, recordId: string): SyncOp {
  const e = w.audit.entries(0).find((x) => x.recordType === recordType && x.recordId === recordId)!;
  const { seq: _s, prevHash: _p, hash: _h, ...op } = e;
  return { ...op, hlc: op.hlc! };
}

/** `op` sealed with the workspace key, signed by `signer` (its own valid key), pushed from its machine. */
async function forge(signer: Workstation, template: SyncOp): Promise<void> {
  const ws = signer.sync.status().workspaceId!;
  const epoch = 1;
  const secrets = (await (signer.sync as unknown as { vault: SecretVault }).vault.load())!;
  const key = Buffer.from(secrets.keys[String(epoch)]!, 'hex');
  const op: SyncOp = { ...template, opId: uuidv7(), author: signer.sync.status().memberId!, device: signer.profile().deviceId };
  const payload = seal(key, Buffer.from(JSON.stringify(op)), opAad(ws, op.opId, epoch));
  const sig = signer.sync.membership.signBytes(opSignedBytes(ws, op.opId, op.hlc, payload));
  const backend = await Backend.connect(harness.pg().connection());
  try {
    await backend.push(ws, [{ opId: op.opId, epoch, payload, sig }]);
  } finally {
    await backend.close();
  }
}
