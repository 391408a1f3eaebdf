import type { ClockFacts } from '@shared/clocks';
import type { AffectedClient, Incident } from '@shared/schemas/incident';

/**
 * The facts of an incident's Art. 33(1) clock, read the way the core's clock collector reads them
 * (electron/core/clocks/collect.ts), so the page and the board never disagree:
 * - it is the controller's duty: a processor has it only once it decided to notify;
 * - it is met by the first notification to the authority (authorityNotifiedAt);
 * - it stops on a decision not to notify, or when the incident is closed;
 * - a notification after the deadline needs the reasons for the delay.
 * Returns null when the incident has no such clock (we are the processor).
 */
export function authorityClockFacts(
  i: Pick<Incident, 'ourRole' | 'notifyAuthority' | 'status' | 'authorityDue' | 'authorityNotifiedAt' | 'delayReasons'>,
): ClockFacts | null {
  if (i.ourRole === 'processor' && i.notifyAuthority !== 'yes') return null;
  return {
    due: i.authorityDue,
    metAt: i.authorityNotifiedAt,
    stoppedReason: i.notifyAuthority === 'no' ? 'decided_not_to_notify' : i.status === 'closed' ? 'incident_closed' : null,
    obligation: true,
    delayReasonsGiven: i.delayReasons.trim() !== '',
  };
}

/** Our contractual notice to one client controller (Art. 33(2)), met when notifiedAt is recorded. */
export function clientClockFacts(c: Pick<AffectedClient, 'notifyDue' | 'notifiedAt'>, incident: Pick<Incident, 'status'>): ClockFacts {
  return {
    due: c.notifyDue,
    metAt: c.notifiedAt,
    stoppedReason: incident.status === 'closed' ? 'incident_closed' : null,
    obligation: true,
    delayReasonsGiven: null,
  };
}
