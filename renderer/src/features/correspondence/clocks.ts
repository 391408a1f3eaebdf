import { useEffect, useMemo, useState } from 'react';
import type { Clock, StopReason } from '@shared/schemas/clock';
import type { Letter } from '@shared/schemas/letter';
import { api } from '../../api';
import { useRecordTypeVersion } from '../../state/recordChanges';

/** One deadline of a letter as the register's clocks read it: met when, or stopped why. */
export interface DeadlineFacts {
  due: string;
  metAt: string | null;
  stopped: StopReason | null;
}

export interface LetterDeadlineFacts {
  reply: DeadlineFacts | null;
  compliance: DeadlineFacts | null;
  appeal: DeadlineFacts | null;
}

const KIND = { reply: 'letter-reply', compliance: 'letter-compliance', appeal: 'conseil-etat-appeal' } as const;

/**
 * A letter's deadlines. The clocks (computed by the core from the whole thread and matter) say
 * what met or stopped them: a reply to an extension, the letter justifying compliance, an appeal
 * lodged, an extension granted, a matter closed. Until they are read, the letter's own fields.
 */
export function deadlineFactsOf(l: Letter, clocks: readonly Clock[] | undefined): LetterDeadlineFacts {
  const of = (part: keyof typeof KIND, due: string | null, fallbackMet: string | null): DeadlineFacts | null => {
    if (!due) return null;
    const c = clocks?.find((x) => x.kind === KIND[part] && x.recordId === l.id);
    if (c) return { due: c.due ?? due, metAt: c.metAt, stopped: c.stoppedReason };
    return { due, metAt: fallbackMet, stopped: null };
  };
  return {
    reply: of('reply', l.replyDue, l.answeredAt),
    compliance: of('compliance', l.complianceDue, null),
    appeal: of('appeal', l.appealDue, null),
  };
}

/** The clocks of the letters shown (only those with a deadline are asked for), refreshed on any letter change. */
export function useLetterClocks(letters: readonly Letter[]): Record<string, Clock[]> {
  const version = useRecordTypeVersion('letter') + useRecordTypeVersion('matter');
  const ids = useMemo(() => letters.filter((l) => l.replyDue || l.complianceDue || l.appealDue).map((l) => l.id), [letters]);
  const key = ids.join(',');
  const [clocks, setClocks] = useState<Record<string, Clock[]>>({});
  useEffect(() => {
    if (!key) return;
    let live = true;
    Promise.all(
      key.split(',').map((id) =>
        api.call('clocks.ofRecord', { recordType: 'letter', recordId: id }).then(
          (r) => [id, r.clocks] as const,
          () => [id, undefined] as const,
        ),
      ),
    ).then((pairs) => {
      if (!live) return;
      const out: Record<string, Clock[]> = {};
      for (const [id, c] of pairs) if (c) out[id] = c;
      setClocks(out);
    });
    return () => {
      live = false;
    };
  }, [key, version]);
  return clocks;
}

/** All clocks of a matter's letters in one call. */
export function useMatterClocks(matterId: string, version: number): Clock[] | undefined {
  const [clocks, setClocks] = useState<{ id: string; clocks: Clock[] } | null>(null);
  useEffect(() => {
    let live = true;
    api.call('clocks.ofRecord', { recordType: 'matter', recordId: matterId }).then(
      (r) => live && setClocks({ id: matterId, clocks: r.clocks }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [matterId, version]);
  return clocks?.id === matterId ? clocks.clocks : undefined;
}
