import { describe, expect, it, vi } from 'vitest';
import { apiOf } from '../fixtures/scenarios';
import { syncAll, syncHarness } from '../support/sync-harness';

vi.setConfig({ testTimeout: 180_000 });

/**
 * What of a generated letter reaches a colleague through the shared backend (README › Letters):
 * what the letter wrote to the registers — the outbound reply, the inbound letter met, the PDF
 * and text attachments, byte for byte — does; the list of letters generated (compose.of) and the
 * template versions saved in Settings › Letters stay on the machine that made them (only the
 * save's audit entry travels). Two machines on a real PostgreSQL.
 */
const harness = syncHarness('letters');

describe('generated letters between colleagues', () => {
  it('the reply, its files and its effect reach a colleague; the list of generated letters and template versions do not', async () => {
    const claire = await harness.client('Claire');
    const samir = await harness.client('Samir');
    await claire.sync.createWorkspace(harness.pg().connection(), 'Claire Martin');
    const inv = await claire.sync.createInvitation('dpo');
    await samir.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'Samir Haddad');
    await syncAll(claire, samir);

    const a = apiOf(claire);
    const b = apiOf(samir);
    const inbound = await a('letters.create', { regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: new Date(Date.now() - 86_400_000).toISOString(), regulatorRefs: ['PLT-2026-4242'], subject: 'Questions', replyDue: new Date(Date.now() + 20 * 86_400_000).toISOString() });
    const d = await a('compose.draft', { templateId: 'regulator_reply', target: { type: 'letter', id: inbound.id }, lang: 'en' });
    const gen = await a('compose.generate', { templateId: 'regulator_reply', templateVersion: 1, target: d.target, lang: 'en', sentAt: d.sentAt, subject: d.subject, body: d.body.replace('[Our answers, point by point]', 'Answer Quokka-5150.') });
    const ack = (await a('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!;
    const saved = await a('templates.save', { id: 'acknowledgement', name: ack.name, subject: ack.subject, body: { en: 'Dear {{complaint.complainant}}.', fr: 'Madame, Monsieur.' } });
    expect(saved.version).toBe(2);
    await syncAll(claire, samir);

    // The registers' side arrives whole: the outbound reply under the reference its PDF names, the inbound letter met, the two files byte for byte.
    const out = await a('letters.get', { id: gen.outboundLetterId! });
    expect(await b('letters.get', { id: out.id })).toMatchObject({ reference: out.reference, direction: 'outbound', kind: 'our_reply', inReplyTo: inbound.id });
    expect((await b('letters.get', { id: inbound.id })).answeredAt).toBe((await a('letters.get', { id: inbound.id })).answeredAt);
    const files = (await b('attachments.list', { record: { type: 'letter', id: out.id } })).attachments;
    expect(files.map((f) => f.id)).toEqual([gen.pdfAttachmentId, gen.textAttachmentId]);
    for (const f of files) expect((await b('attachments.get', { id: f.id })).contentBase64).toBe((await a('attachments.get', { id: f.id })).contentBase64);
    expect((await b('search.query', { text: 'Quokka' })).hits.map((h) => h.id)).toContain(out.id);

    // The list of generated letters and the template versions stay on Claire's machine.
    expect((await a('compose.of', { record: { type: 'letter', id: inbound.id } })).letters.map((l) => l.id)).toEqual([gen.id]);
    expect((await b('compose.of', { record: { type: 'letter', id: inbound.id } })).letters).toEqual([]);
    expect((await b('templates.list', {})).templates.find((t) => t.id === 'acknowledgement')!.version).toBe(1);
    expect((await b('audit.history', { recordType: 'settings', recordId: 'letter-template:acknowledgement' })).entries.map((e) => e.changes.map((c) => c.field))).toEqual([['version', 'body']]);
    for (const w of [claire, samir]) expect(w.audit.verify().ok).toBe(true);
  });
});
