import { v7 as uuidv7 } from 'uuid';
import { addDays, endOfLocalDay } from '@shared/deadlines/local-date';
import { Contract, ContractCreate, ContractListQuery, ContractUpdate } from '@shared/schemas/contract';
import { contractsRegister } from '@shared/registers/contracts';
import { toUtc, type RegisterContext } from './context';
import { RecordTable } from './record-table';
import { sortNullsLast, sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const CONTRACT = contractsRegister.type;

/** Each sort's ORDER BY term and its index (migration 11). */
const SORTS: Record<NonNullable<ContractListQuery['sort']>['field'], SortSpec> = {
  reference: sortOn('reference', 'client_contracts_by_reference'),
  name: sortOn('name', 'client_contracts_by_name', 'NOCASE'),
  noticeHours: sortOn('notice_hours', 'client_contracts_by_hours'),
  dpaSignedOn: sortNullsLast('dpa_signed_on', 'client_contracts_by_dpa', 'client_contracts_by_dpa_desc'),
  status: sortOn('status', 'client_contracts_by_status'),
};

/**
 * Client contracts (we are the processor): each client controller, the notice terms of its data
 * processing agreement (hours, language, channel and contacts), when it was signed, where its
 * data subjects are, and whether it still runs. An incident's affected client picked from here
 * takes its name, contacts, hours and language (IncidentRegister › clients).
 */
export class ContractRegister extends RegisterBase<typeof Contract> {
  constructor(ctx: RegisterContext) {
    super(ctx, new RecordTable(ctx.db, contractsRegister.table, Contract, 'client contract'), CONTRACT);
  }

  protected searchDoc(c: Contract): SearchDoc {
    return {
      reference: c.reference,
      title: c.name,
      body: [c.contractRef, c.contacts, c.countries.join(' '), c.notes, c.archiveReason].filter(Boolean).join('\n'),
      status: c.status,
      // The day the agreement was signed, from its first instant in the organisation's zone.
      date: c.dpaSignedOn ? toUtc(endOfLocalDay(addDays(c.dpaSignedOn, -1), this.ctx.calendar().timeZone).toISO()!) : null,
      archived: c.archivedAt !== null,
    };
  }

  list(query: ContractListQuery) {
    return this.table.list(this.listRequest(query));
  }

  /** The list's filters, order and page as the list runs them (what list-plans.test.ts explains). */
  listRequest(query: ContractListQuery): Omit<ListRequest, 'table'> {
    const q = ContractListQuery.parse(query);
    const w = new Where();
    w.in('status', q.status, { index: 'client_contracts_status_name', sorts: ['name'] });
    w.in('language', q.language, { index: 'client_contracts_language_name', sorts: ['name'] });
    if (q.text) w.text(this.ctx.search.matchClause(CONTRACT, q.text));
    return { where: w, includeArchived: q.includeArchived, sortField: q.sort.field, dir: q.sort.dir, sort: SORTS[q.sort.field], limit: q.limit, offset: q.offset };
  }

  create(input: ContractCreate): Contract {
    const data = ContractCreate.parse(input);
    const now = this.now();
    const reference = data.reference?.trim() || this.nextReference(contractsRegister.referencePrefix, now);
    this.assertReferenceFree(reference, null);
    return this.insertNew({ ...data, countries: normaliseCountries(data.countries), id: uuidv7(), reference, createdAt: now, updatedAt: now, archivedAt: null, archiveReason: null });
  }

  update(input: ContractUpdate): Contract {
    const { id, patch } = ContractUpdate.parse(input);
    return this.change(id, 'update', (before) => {
      this.assertNotArchived(before);
      const merged = { ...before, ...stripUndefined(patch) };
      const checked = ContractCreate.safeParse(merged);
      if (!checked.success) throw validationError(checked.error);
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      return { ...merged, reference, countries: normaliseCountries(merged.countries) };
    });
  }

  /** A contract an affected client can be picked from: it exists and is not archived. */
  usable(id: string): Contract {
    const c = this.get(id);
    this.assertNotArchived(c);
    return c;
  }
}

function normaliseCountries(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}
