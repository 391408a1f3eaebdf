import type { Complaint } from '@shared/schemas/complaint';
import { DueLine, labelsFor } from '../../kit';
import { NS } from './labels';

/**
 * The response deadline as a date plus where the complaint stands: an icon and words, so the state
 * reads without colour ("overdue by 3 days", "in 12 days", "answered in time"). The answer's
 * instant is what meets the clock, whatever the current status says.
 */
export function DueIndicator({ complaint, layout = 'stacked' }: { complaint: Pick<Complaint, 'responseDue' | 'answeredAt'>; layout?: 'stacked' | 'inline' }) {
  return <DueLine deadline={{ due: complaint.responseDue, metAt: complaint.answeredAt }} labels={labelsFor(NS, 'due')} layout={layout} stateTestId="due-state" />;
}
