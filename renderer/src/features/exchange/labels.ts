import type { ComboboxData } from '@mantine/core';
import { ActionStatus } from '@shared/schemas/action';
import { ComplaintStatus } from '@shared/schemas/complaint';
import { ContractStatus } from '@shared/schemas/contract';
import type { ExportLang, RegisterName } from '@shared/schemas/export';
import { IncidentStatus } from '@shared/schemas/incident';
import { LetterKind } from '@shared/schemas/letter';
import { statusLabel } from '../../components/records/labels';
import type { FeatureT } from '../../lib/featureT';

export const NS = 'exchange';

/** The registers in the order a regulator asks for them: breaches first. */
export const REGISTERS: readonly RegisterName[] = ['incidents', 'complaints', 'letters', 'actions', 'contracts'];

/** Registers a spreadsheet can come into, in the order offered. */
export const IMPORT_REGISTERS: readonly RegisterName[] = ['complaints', 'incidents', 'actions', 'letters', 'contracts'];

/** The status filter of each register's export (letters: their state or their kind). */
export function statusOptions(register: RegisterName, t: FeatureT): ComboboxData {
  switch (register) {
    case 'incidents':
      return IncidentStatus.options.map((s) => ({ value: s, label: t(`incidentStatus.${s}`) }));
    case 'complaints':
      return ComplaintStatus.options.map((s) => ({ value: s, label: statusLabel('complaint', s) }));
    case 'actions':
      return ActionStatus.options.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }));
    case 'contracts':
      return ContractStatus.options.map((s) => ({ value: s, label: statusLabel('contract', s) }));
    case 'letters':
      return [
        { group: t('letterFilter.stateGroup'), items: ['awaiting_reply', 'answered'].map((s) => ({ value: s, label: t(`letterFilter.${s}`) })) },
        { group: t('letterFilter.kindGroup'), items: LetterKind.options.map((k) => ({ value: k, label: t(`letterKind.${k}`) })) },
      ];
  }
}

/** The export language offered first: the UI's. */
export function exportLangOptions(t: FeatureT): { value: ExportLang; label: string }[] {
  return [
    { value: 'en', label: t('lang.en') },
    { value: 'fr', label: t('lang.fr') },
  ];
}

export type ExportFormat = 'pdf' | 'csv' | 'xlsx' | 'json' | 'md';

/** Format names read the same in both languages. */
export const FORMAT_LABEL: Record<ExportFormat, string> = { pdf: 'PDF', csv: 'CSV', xlsx: 'XLSX', json: 'JSON', md: 'Markdown' };
