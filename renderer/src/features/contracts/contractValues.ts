import type { Contract, ContractCreate, ContractStatus, NoticeChannel } from '@shared/schemas/contract';
import { DEFAULT_NOTICE_HOURS } from '@shared/schemas/contract';
import type { Lang } from '@shared/schemas/common';
import { featureT } from '../../lib/featureT';
import { NS } from './labels';

/** The contract as the form edits it. */
export interface ContractFormValues extends Record<string, unknown> {
  reference: string;
  name: string;
  contractRef: string;
  noticeHours: number | string;
  language: Lang;
  channel: NoticeChannel;
  contacts: string;
  dpaSignedOn: string | null;
  countries: string[];
  status: ContractStatus;
  notes: string;
}

export type ContractFieldValues = Required<Omit<ContractCreate, 'reference'>> & { reference: string };

export function newContractValues(): ContractFormValues {
  return { reference: '', name: '', contractRef: '', noticeHours: DEFAULT_NOTICE_HOURS, language: 'fr', channel: 'email', contacts: '', dpaSignedOn: null, countries: [], status: 'active', notes: '' };
}

export function valuesOfContract(c: Contract): ContractFormValues {
  return {
    reference: c.reference,
    name: c.name,
    contractRef: c.contractRef,
    noticeHours: c.noticeHours,
    language: c.language,
    channel: c.channel,
    contacts: c.contacts,
    dpaSignedOn: c.dpaSignedOn,
    countries: [...c.countries],
    status: c.status,
    notes: c.notes,
  };
}

/** Country codes as typed: trimmed, upper case, two letters, each once. */
export function countryCodes(list: readonly string[]): string[] {
  return [...new Set(list.map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))];
}

/** Form values → API fields (the kit checks them with ContractCreate); the contact must fit its channel. */
export function toContractFields(v: ContractFormValues): { fields: ContractFieldValues; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const hours = typeof v.noticeHours === 'number' ? v.noticeHours : Number(v.noticeHours);
  if (v.noticeHours === '' || !Number.isInteger(hours)) errors.noticeHours = featureT(NS, 'fieldErrors.noticeHours');
  const contacts = v.contacts.trim();
  if (contacts && v.channel === 'email' && !/\S+@\S+\.\S+/.test(contacts)) errors.contacts = featureT(NS, 'fieldErrors.contactsEmail');
  if (contacts && v.channel === 'phone' && (contacts.match(/\d/g) ?? []).length < 6) errors.contacts = featureT(NS, 'fieldErrors.contactsPhone');
  return {
    errors,
    fields: {
      reference: v.reference.trim(),
      name: v.name,
      contractRef: v.contractRef,
      noticeHours: hours,
      language: v.language,
      channel: v.channel,
      contacts: v.contacts,
      dpaSignedOn: v.dpaSignedOn,
      countries: v.countries,
      status: v.status,
      notes: v.notes,
    },
  };
}
