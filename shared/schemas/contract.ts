import { z } from 'zod';
import { IsoInstant, Lang, RecordId, SortDir, listResult } from './common';
import { AffectedClient, IncidentStatus } from './incident';

/**
 * Client contracts: the client controllers we process personal data for (GDPR Art. 28), each
 * with the notice terms of its data processing agreement. When an incident affects a client, the
 * client's clock comes from here (Art. 33(2) "without undue delay", made hours by the contract).
 */
export const ContractStatus = z.enum(['active', 'ended']);
export type ContractStatus = z.infer<typeof ContractStatus>;
/** How breach notices reach the client: the address or number is in `contacts`. */
export const NoticeChannel = z.enum(['email', 'phone']);
export type NoticeChannel = z.infer<typeof NoticeChannel>;

/** The notice period most data processing agreements set when they set one. */
export const DEFAULT_NOTICE_HOURS = 48;

const text = (max: number) => z.string().trim().max(max);

const fieldShape = {
  reference: text(60).optional(),
  /** The client controller. */
  name: text(200).min(1, 'Name the client'),
  /** The contract's own reference (the client's or ours), as written on the agreement. */
  contractRef: text(200),
  /** Hours the contract gives us to notify the client of a breach, from detection. */
  noticeHours: z.number().int('Whole hours').min(1, 'At least 1 hour').max(720, 'At most 720 hours (30 days)'),
  /** The language the client's notices are written in. */
  language: Lang,
  channel: NoticeChannel,
  /** Where notices go: an email address or a phone number (as the channel says), or several. */
  contacts: text(500).min(1, 'Say where breach notices go'),
  /** The day the data processing agreement (Art. 28) was signed. */
  dpaSignedOn: z.iso.date('A date such as 2025-03-01').nullable(),
  /** Countries (ISO 3166-1 alpha-2) where the client's data subjects are. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code such as FR')).max(60),
  status: ContractStatus,
  notes: text(20_000),
};
export const ContractFields = z.object(fieldShape);
export const ContractCreate = z.object({
  ...fieldShape,
  contractRef: fieldShape.contractRef.default(''),
  noticeHours: fieldShape.noticeHours.default(DEFAULT_NOTICE_HOURS),
  language: fieldShape.language.default('fr'),
  channel: fieldShape.channel.default('email'),
  dpaSignedOn: fieldShape.dpaSignedOn.default(null),
  countries: fieldShape.countries.default([]),
  status: fieldShape.status.default('active'),
  notes: fieldShape.notes.default(''),
});
export type ContractCreate = z.input<typeof ContractCreate>;
export const ContractUpdate = z.object({ id: RecordId, patch: ContractFields.partial() });
export type ContractUpdate = z.input<typeof ContractUpdate>;

export const Contract = ContractFields.extend({
  id: RecordId,
  reference: z.string(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  archivedAt: IsoInstant.nullable(),
  archiveReason: z.string().nullable(),
});
export type Contract = z.infer<typeof Contract>;

export const ContractSortField = z.enum(['reference', 'name', 'noticeHours', 'dpaSignedOn', 'status']);
export const ContractListQuery = z.object({
  text: text(500).optional(),
  status: z.array(ContractStatus).optional(),
  language: z.array(Lang).optional(),
  includeArchived: z.boolean().default(false),
  sort: z.object({ field: ContractSortField, dir: SortDir }).default({ field: 'name', dir: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ContractListQuery = z.input<typeof ContractListQuery>;
export const ContractListResult = listResult(Contract);

/** Where a contract was used: each incident whose affected client was picked from it, with that client's clock. */
export const ContractUse = z.object({
  incident: z.object({ id: RecordId, reference: z.string(), title: z.string(), status: IncidentStatus, archived: z.boolean() }),
  client: AffectedClient,
});
export type ContractUse = z.infer<typeof ContractUse>;
export const ContractUses = z.object({ uses: z.array(ContractUse) });
