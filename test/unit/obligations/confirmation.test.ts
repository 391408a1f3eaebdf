import { describe, expect, it } from 'vitest';
import type { OrgCalendar } from '@shared/deadlines';
import type { ObligationRecord } from '@shared/schemas/obligation';
import { obligationClock, type IncidentClockFacts } from '../../../electron/core/obligations/clocks';
import { awaitingConfirmation, confirms } from '../../../electron/core/obligations/confirmation';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };
const incident: IncidentClockFacts = {
  id: '0190f0a0-0000-7000-8000-000000000001',
  reference: 'INC-2026-0001',
  title: 'Misdirected payslips',
  status: 'open',
  awareAt: '2026-03-02T09:00:00.000Z',
  detectedAt: null,
  dataSubjectsTarget: null,
  delayReasons: '',
  drill: false,
};
const decided: ObligationRecord = {
  id: '0190f0a0-0000-7000-8000-000000000002',
  incidentId: incident.id,
  key: 'gdpr-33:FR-CNIL',
  regime: 'gdpr-33',
  recipientKind: 'authority',
  recipientId: 'FR-CNIL',
  recipientName: 'CNIL',
  contractHours: null,
  decision: 'not_required',
  rationale: 'Encrypted laptop, key not disclosed: unlikely to result in a risk.',
  proposedBy: 'rules',
  supersededAt: null,
  supersededReason: '',
  confirmedAt: null,
  confirmedBy: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
  archivedAt: null,
  archiveReason: null,
};
const at = (iso: string) => Date.parse(iso);
// Log clocks (HLC strings sort as they happened): the setting turned on, then the decision.
const SETTING_ON = '0000019a0c1d2e3f-0000-a';
const DECIDED = { author: 'samir', device: 'samir-laptop', hlc: '0000019a0c1d2e40-0000-b' };
const clock = (o: ObligationRecord, nowIso: string, since: string | null) => obligationClock(o, incident, null, null, PARIS, null, at(nowIso), awaitingConfirmation(o, DECIDED, since));

describe('a decision not to notify awaiting a second member (README › Roles)', () => {
  it('is pending only with separation of duties on since before the decision, decided not required, unconfirmed and not superseded', () => {
    expect(awaitingConfirmation(decided, DECIDED, SETTING_ON)).toBe(true);
    expect(awaitingConfirmation(decided, DECIDED, null)).toBe(false);
    // Decided before the setting was turned on: final, as it was when made.
    expect(awaitingConfirmation(decided, { ...DECIDED, hlc: '0000019a0c1d2e3e-0000-b' }, SETTING_ON)).toBe(false);
    expect(awaitingConfirmation(decided, { ...DECIDED, hlc: null }, SETTING_ON)).toBe(false);
    expect(awaitingConfirmation({ ...decided, confirmedAt: '2026-03-02T11:00:00.000Z' }, DECIDED, SETTING_ON)).toBe(false);
    expect(awaitingConfirmation({ ...decided, decision: 'required' }, DECIDED, SETTING_ON)).toBe(false);
    expect(awaitingConfirmation({ ...decided, supersededAt: '2026-03-02T11:00:00.000Z' }, DECIDED, SETTING_ON)).toBe(false);
  });

  it('keeps its clock open (running, then overdue) while pending; confirmed, or without the setting, it stops as decided', () => {
    const pendingEarly = clock(decided, '2026-03-03T09:00:00Z', SETTING_ON);
    expect([pendingEarly.state, pendingEarly.stoppedReason, pendingEarly.due]).toEqual(['running', null, '2026-03-05T09:00:00.000Z']);
    const pendingLate = clock(decided, '2026-03-06T09:00:00Z', SETTING_ON);
    expect([pendingLate.state, pendingLate.stoppedReason]).toEqual(['overdue', null]);

    const confirmed = clock({ ...decided, confirmedAt: '2026-03-02T11:00:00.000Z', confirmedBy: 'Samir' }, '2026-03-06T09:00:00Z', SETTING_ON);
    expect([confirmed.state, confirmed.stoppedReason]).toEqual(['stopped', 'decided_not_to_notify']);
    const settingOff = clock(decided, '2026-03-06T09:00:00Z', null);
    expect([settingOff.state, settingOff.stoppedReason]).toEqual(['stopped', 'decided_not_to_notify']);
  });

  it('a change confirms only when it sets confirmedAt', () => {
    expect(confirms([{ field: 'confirmedAt', new: '2026-03-02T11:00:00.000Z' }])).toBe(true);
    expect(confirms([{ field: 'confirmedAt', new: null }, { field: 'decision', new: 'required' }])).toBe(false);
    expect(confirms([{ field: 'rationale', new: 'Other reasons' }])).toBe(false);
  });
});
