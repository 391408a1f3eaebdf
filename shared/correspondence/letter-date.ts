import type { Letter } from '../schemas/letter';

/**
 * The day a letter is dated by, in the register and as a step of its matter: received for
 * inbound, sent for outbound (either when only one is known).
 */
export function letterDate(l: Pick<Letter, 'direction' | 'sentAt' | 'receivedAt'>): string | null {
  return l.direction === 'inbound' ? (l.receivedAt ?? l.sentAt) : (l.sentAt ?? l.receivedAt);
}
