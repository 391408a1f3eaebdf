import type { MantineColor } from '@mantine/core';
import type { RecordType } from '@shared/schemas/record-types';

/**
 * The one status-colour map. Colours only support the words beside them (every badge says its
 * status), and each register has its own: an incident "open" is a fire (orange), a matter "open"
 * is a procedure under way (blue). Search shows letters by "awaiting reply" or their kind.
 */
const TONE: Record<RecordType, Record<string, MantineColor>> = {
  complaint: { received: 'blue', in_progress: 'indigo', awaiting_information: 'yellow', answered: 'teal', closed: 'gray' },
  letter: {
    awaiting_reply: 'orange',
    answered: 'teal',
    reprimand: 'orange',
    formal_notice: 'red',
    sanction: 'red',
    findings: 'grape',
    closure: 'teal',
    appeal_decision: 'indigo',
    appeal_lodged: 'indigo',
  },
  matter: { open: 'blue', closed: 'gray' },
  incident: { open: 'orange', contained: 'blue', closed: 'gray' },
  action: { planned: 'blue', in_progress: 'indigo', done: 'teal', verified: 'green', cancelled: 'gray' },
  contract: { active: 'teal', ended: 'gray' },
};

export function statusTone(type: string, status: string | null): MantineColor {
  return (status && TONE[type as RecordType]?.[status]) || 'gray';
}
