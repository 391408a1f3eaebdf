import { useMemo } from 'react';
import type { Clock } from '@shared/schemas/clock';
import type { Letter } from '@shared/schemas/letter';
import { api } from '../../api';
import type { DayDeadline } from '../../lib/dueState';
import { useRemote } from '../../lib/useRemote';
import { useRecordTypeVersion } from '../../state/recordChanges';

/** A letter's deadlines as the register's clocks read them: met when, or stopped why. */
export interface LetterDeadlines {
  reply: DayDeadline | null;
  compliance: DayDeadline | null;
  appeal: DayDeadline | null;
}

/** The clock kind of each deadline a letter can set. */
export const CLOCK_KIND = { reply: 'letter-reply', compliance: 'letter-compliance', appeal: 'conseil-etat-appeal' } as const;

/**
 * One deadline as its clock (computed by the core from the whole thread and matter) says what met
 * or stopped it: a reply to an extension, the letter justifying compliance, an appeal lodged, an
 * extension granted, a matter closed. Until the clocks are read, what the record says. An appeal
 * is a window, not a duty: it ends, it is never overdue.
 */
export function deadlineOf(part: keyof typeof CLOCK_KIND, letterId: string, due: string, clocks: readonly Clock[] | undefined, fallback: Pick<DayDeadline, 'metAt' | 'stopped'>): DayDeadline {
  const obligation = part !== 'appeal';
  const c = clocks?.find((x) => x.kind === CLOCK_KIND[part] && x.recordId === letterId);
  if (c) return { due: c.due ?? due, metAt: c.metAt, stopped: c.stoppedReason, obligation };
  return { due, metAt: fallback.metAt, stopped: fallback.stopped ?? null, obligation };
}

export function letterDeadlinesOf(l: Letter, clocks: readonly Clock[] | undefined): LetterDeadlines {
  return {
    reply: l.replyDue ? deadlineOf('reply', l.id, l.replyDue, clocks, { metAt: l.answeredAt }) : null,
    compliance: l.complianceDue ? deadlineOf('compliance', l.id, l.complianceDue, clocks, { metAt: null }) : null,
    appeal: l.appealDue ? deadlineOf('appeal', l.id, l.appealDue, clocks, { metAt: null }) : null,
  };
}

/** The clocks of the letters shown (only those with a deadline are asked for), refreshed on any letter or matter change. */
export function useLetterClocks(letters: readonly Letter[]): Record<string, Clock[]> {
  const version = useRecordTypeVersion('letter') + useRecordTypeVersion('matter');
  const ids = useMemo(() => letters.filter((l) => l.replyDue || l.complianceDue || l.appealDue).map((l) => l.id), [letters]);
  const key = ids.join(',');
  const remote = useRemote(
    key
      ? async () => {
          const pairs = await Promise.all(
            key.split(',').map((id) =>
              api.call('clocks.ofRecord', { recordType: 'letter', recordId: id }).then(
                (r) => [id, r.clocks] as const,
                () => [id, undefined] as const,
              ),
            ),
          );
          const out: Record<string, Clock[]> = {};
          for (const [id, c] of pairs) if (c) out[id] = c;
          return out;
        }
      : null,
    [key, version],
  );
  return remote.data ?? {};
}

/** All clocks of a matter's letters in one call. */
export function useMatterClocks(matterId: string, version: number): Clock[] | undefined {
  const remote = useRemote(() => api.call('clocks.ofRecord', { recordType: 'matter', recordId: matterId }).then((r) => ({ id: matterId, clocks: r.clocks })), [matterId, version]);
  return remote.data?.id === matterId ? remote.data.clocks : undefined;
}
