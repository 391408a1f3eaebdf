import { Incident, IncidentCreate, IncidentListQuery, IncidentListResult, IncidentStatus, IncidentUpdate, RiskLevel } from '../schemas/incident';
import { defineRegister } from './types';

/** The breach register (GDPR Art. 33(5)), with the 72-hour clock and per-client clocks. */
export const incidentsRegister = defineRegister({
  type: 'incident',
  name: 'incidents',
  table: 'incidents',
  ns: 'incidents',
  referencePrefix: 'I',
  schemas: { record: Incident, create: IncidentCreate, update: IncidentUpdate, listQuery: IncidentListQuery, listResult: IncidentListResult },
  titleField: 'title',
  dateField: 'awareAt',
  statuses: IncidentStatus.options,
  openStatuses: ['open', 'contained'],
  sort: {
    fields: ['reference', 'awareAt', 'authorityDue', 'riskLevel', 'status', 'title'],
    default: { field: 'awareAt', dir: 'desc' },
    firstDirection: { reference: 'asc', awareAt: 'desc', authorityDue: 'asc', riskLevel: 'desc', status: 'asc', title: 'asc' },
  },
  filters: [
    { key: 'status', kind: 'multi', param: 'status', values: IncidentStatus.options, view: 'status' },
    { key: 'risk', kind: 'multi', param: 'risk', values: RiskLevel.options, view: 'risk' },
    { key: 'aware', kind: 'dateRange', from: 'awareFrom', to: 'awareTo', view: 'period' },
  ],
});
