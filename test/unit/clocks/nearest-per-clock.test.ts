// Reminder toasts: a clock whose several reminders arrive together (missed while the app was
// closed) is shown once, at the threshold nearest its deadline.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/schemas/clock';
import { nearestPerClock } from '../../../renderer/src/features/clocks/nearestPerClock';

const alert = (id: string, clockId: string, threshold: number): Alert => ({
  id,
  clockId,
  recordType: 'complaint',
  recordId: '0190b0f0-0000-7000-8000-000000000001',
  threshold,
  firedAt: '2026-03-01T08:00:00.000Z',
  dueAt: '2026-03-08T23:00:00.000Z',
  reference: 'C-2018-0006',
  title: 'Access',
  label: { en: 'Answer', fr: 'Réponse' },
  party: null,
  missed: true,
  drill: false,
  acknowledgedAt: null,
});

describe('nearestPerClock', () => {
  it('keeps one reminder per clock, the nearest to the deadline, in the order they came', () => {
    const a = [alert('1', 'complaint:x:gdpr-12-response', 168), alert('2', 'letter:y:letter-reply', 24), alert('3', 'complaint:x:gdpr-12-response', 24), alert('4', 'complaint:x:gdpr-12-response', 72)];
    expect(nearestPerClock(a).map((x) => x.id)).toEqual(['2', '3']);
    expect(nearestPerClock([])).toEqual([]);
  });
});
