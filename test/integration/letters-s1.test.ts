/**
 * The letters of scenario S1 (issue #10, "done when"): an acknowledgement for each of the six
 * complaints, sent the day after it arrived, and M. K.'s extension notice of 20 September 2018
 * written from its template. The notice generated in time gives the complaint the deadline the
 * register gives a notice recorded by hand on that date (S1 as built records it so), and the
 * acknowledgements leave every deadline as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Complaint } from '@shared/schemas/complaint';
import { apiOf, buildS1, type Api, type S1 } from '../fixtures/scenarios';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let clock: ManualClock;
let s1: S1;

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  clock = new ManualClock(new Date('2018-07-01T08:00:00Z'));
  const ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  ws.updateProfile({ organisation: { dpoContact: 'Claire Dubois, dpo@exemple-telecom.fr' } });
  api = apiOf(ws);
  s1 = await buildS1(api, clock);
}, 60_000);

describe('the letters of S1', () => {
  it('acknowledges each of the six complaints the day after it arrived, deadlines unchanged', async () => {
    for (const id of s1.complaintIds) {
      const c = await api('complaints.get', { id });
      const sentAt = new Date(Date.parse(c.receivedAt) + 24 * 3_600_000).toISOString();
      const d = await api('compose.draft', { templateId: 'acknowledgement', target: { type: 'complaint', id }, sentAt });
      expect(d.lang).toBe('fr');
      expect(d.unknown).toEqual([]);
      expect(d.empty).toEqual([]);
      expect(d.body).toContain(`notre référence ${c.reference}`);
      const gen = await api('compose.generate', { templateId: 'acknowledgement', templateVersion: 1, target: d.target, lang: 'fr', sentAt, subject: d.subject, body: d.body });
      expect(gen.fileName).toBe(`${c.reference}-acknowledgement-v1-fr`);
      const after = await api('complaints.get', { id });
      expect(after.responseDue).toBe(c.responseDue);
      expect(after.extensionNoticeAt).toBe(c.extensionNoticeAt);
    }
  });

  it('writes M. K.’s extension notice in time: the same three-month deadline as the notice S1 records', async () => {
    const mk: Complaint = await api('complaints.get', { id: s1.complaintIds[4]! });
    expect(mk.complainantLabel).toBe('M. K.');
    // The same request, before any extension was recorded.
    const copy = await api('complaints.create', {
      reference: 'C-2018-MK-BIS',
      receivedAt: mk.receivedAt,
      channel: mk.channel,
      regulator: mk.regulator,
      regulatorReference: mk.regulatorReference,
      complainantLabel: mk.complainantLabel,
      rights: mk.rights,
      summary: mk.summary,
      extensionReason: mk.extensionReason,
    });
    const d = await api('compose.draft', { templateId: 'extension', target: { type: 'complaint', id: copy.id }, sentAt: '2018-09-20T11:00:00+02:00' });
    expect(d.warnings).toEqual([]);
    expect(d.effect).toMatchObject({ kind: 'extension', applies: true });
    expect(d.body).toContain('pour les motifs suivants\u00a0: Access procedure being redesigned (second channel for the password).');
    await api('compose.generate', { templateId: 'extension', templateVersion: 1, target: d.target, lang: 'fr', sentAt: d.sentAt, subject: d.subject, body: d.body });
    const after = await api('complaints.get', { id: copy.id });
    expect(after.extensionNoticeAt).toBe(mk.extensionNoticeAt);
    expect(after.responseDue).toBe(mk.responseDue);
    expect(d.body).toContain('au plus tard le 3 décembre 2018');
  });
});
