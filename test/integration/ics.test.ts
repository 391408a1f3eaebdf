import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createDispatch } from '../../electron/core/api/dispatch';
import { escapeText, foldLine } from '../../electron/core/clocks/ics';
import type { ClocksIcs } from '@shared/schemas/clock';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

type Comp = InstanceType<typeof ICAL.Component>;
const prop = (c: Comp, name: string) => c.getFirstPropertyValue(name);

describe('calendar export (.ics)', () => {
  it('exports every open deadline with its UTC instant, French wording, escaping, folding and alarms; ical.js reads it back', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const clock = new ManualClock(new Date('2026-03-28T08:00:00Z'));
    const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
    cleanups.push(() => ws.close());
    ws.updateProfile({ organisation: { role: 'processor' } });
    const r = ws.registers;
    const i = r.incidents.create({
      title: 'Sauvegarde exposée; listes de contacts, clients A, B et C',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
    });
    const a = r.incidents.clients.create({ incidentId: i.id, name: 'Dupont, Durand & Associés; SARL' });
    const b = r.incidents.clients.create({ incidentId: i.id, name: 'Client B' });
    const notified = r.incidents.clients.create({ incidentId: i.id, name: 'Already told', notifiedAt: '2026-03-28T08:30:00+01:00' });
    const own = r.incidents.create({ title: 'Fuite CRM', ourRole: 'controller', awareAt: '2026-03-28T08:00:00+01:00', riskLevel: 'high' });
    const c = ws.complaints.create({ receivedAt: '2026-03-02T10:00:00+01:00', channel: 'email', complainantLabel: 'Mme Émilie Secret', rights: ['access'], summary: 'Access' });
    const action = r.actions.create({ title: 'Chiffrer les sauvegardes', owner: 'Ops', dueAt: '2026-04-10T18:00:00+02:00' });

    const api = createDispatch(ws, () => {});
    const out = (await api('clocks.ics', { lang: 'fr' })) as ClocksIcs;
    expect(out.fileName).toBe('privacyops-deadlines-20260328.ics');
    const content = out.content;

    // Raw form: CRLF line ends, no line over 75 octets, long lines folded.
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = content.split('\r\n');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    expect(content).toContain('\r\nDTSTART:20260329T213000Z\r\n');
    // Escaped in the raw text (after unfolding).
    const unfolded = content.replace(/\r\n /g, '');
    expect(unfolded).toContain('Dupont\\, Durand & Associés\\; SARL');
    expect(unfolded).toContain('Sauvegarde exposée\\; listes de contacts\\, clients A\\, B et C\\n');

    const cal = new ICAL.Component(ICAL.parse(content));
    expect(prop(cal, 'version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent');
    const byUid = new Map(events.map((e) => [String(prop(e, 'uid')), e]));
    const clockIds = ws.clocks.list().items.filter((x) => x.due !== null).map((x) => x.id);
    // Open deadlines with a due instant only: not the client already notified, not Art. 34 (no due).
    expect([...byUid.keys()].sort()).toEqual(clockIds.map((id) => `${id}@privacyops`).sort());
    expect(byUid.size).toBe(5);
    expect([...byUid.keys()].some((u) => u.includes(notified.id))).toBe(false);
    expect([...byUid.keys()].some((u) => u.includes('gdpr-34'))).toBe(false);

    for (const x of ws.clocks.list().items.filter((y) => y.due !== null)) {
      const e = byUid.get(`${x.id}@privacyops`)!;
      const start = prop(e, 'dtstart') as InstanceType<typeof ICAL.Time>;
      const end = prop(e, 'dtend') as InstanceType<typeof ICAL.Time>;
      if (x.kind === 'gdpr-12-response') {
        // Counted in days: an all-day event on the last day (the due instant is the midnight after it).
        expect(start.isDate).toBe(true);
        expect(start.toString()).toBe('2026-04-02');
        expect(end.toString()).toBe('2026-04-03');
        expect(x.due).toBe('2026-04-02T22:00:00.000Z');
      } else {
        expect(start.zone?.tzid).toBe('UTC');
        expect(start.toJSDate().toISOString()).toBe(x.due);
        expect(end.toJSDate().getTime() - start.toJSDate().getTime()).toBe(15 * 60_000);
      }
      expect(prop(e, 'url')).toBe(`privacyops://${x.recordType}/${x.recordId}`);
      const description = String(prop(e, 'description'));
      expect(description).toContain(`\nRecord: ${x.reference}\n`);
      expect(description.endsWith(`privacyops://${x.recordType}/${x.recordId}`)).toBe(true);
      expect(description).toContain(x.basis.fr);
      const triggers = e.getAllSubcomponents('valarm').map((al) => (prop(al, 'trigger') as InstanceType<typeof ICAL.Duration>).toSeconds());
      expect(triggers).toEqual([-24 * 3600, -12 * 3600, -4 * 3600, -3600, 0]);
    }

    const clientA = byUid.get(`incident:${i.id}:processor-to-controller:${a.id}@privacyops`)!;
    // 48 elapsed hours across the change to summer time.
    expect((prop(clientA, 'dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()).toBe('2026-03-29T21:30:00.000Z');
    expect(prop(clientA, 'summary')).toBe(
      `${i.reference} – Notification au client (48 h selon le contrat) – Dupont, Durand & Associés; SARL`,
    );
    expect(String(prop(clientA, 'description')).split('\n')[0]).toBe('Sauvegarde exposée; listes de contacts, clients A, B et C');
    expect(String(prop(clientA, 'description'))).toContain('Échéance : dimanche 29 mars 2026 à 23:30 (Europe/Paris)');
    expect(byUid.get(`incident:${i.id}:processor-to-controller:${b.id}@privacyops`)).toBeDefined();
    expect(prop(byUid.get(`incident:${own.id}:gdpr-33-authority@privacyops`)!, 'summary')).toBe(`${own.reference} – RGPD art. 33 – notification à l'autorité de contrôle (72 h)`);
    expect(prop(byUid.get(`action:${action.id}:action-due@privacyops`)!, 'summary')).toBe(`${action.reference} – Échéance de l’action corrective`);

    // A complaint's title is the complainant's label: it stays out of the calendar file.
    const complaint = byUid.get(`complaint:${c.id}:gdpr-12-response@privacyops`)!;
    expect((prop(complaint, 'dtstart') as InstanceType<typeof ICAL.Time>).toString()).toBe('2026-04-02');
    expect(String(prop(complaint, 'description'))).toContain('Échéance : fin du jeudi 2 avril 2026 (Europe/Paris)');
    expect(content).not.toContain('Secret');

    // English on request.
    const en = (await api('clocks.ics', { lang: 'en' })) as ClocksIcs;
    const enEvents = new ICAL.Component(ICAL.parse(en.content)).getAllSubcomponents('vevent');
    expect(enEvents.map((e) => String(prop(e, 'summary')))).toContain(`${own.reference} – GDPR Art. 33 – notification to the supervisory authority (72 h)`);
  });

  it('escapes TEXT and folds at 75 octets without splitting a UTF-8 character', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(3);
    for (const p of parts) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(p, 'utf8'))).toBe(p);
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
