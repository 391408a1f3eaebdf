import type { Incident } from '@shared/schemas/incident';
import { incidentsRegister } from '@shared/registers';
import { createEditorStore, createRegisterList } from '../../kit';

/** The breach register as listed (kept while the user opens an incident and comes back). */
export const useIncidentList = createRegisterList<Incident>(incidentsRegister);

/** The incident form's drawer: opened from the list (record) or an incident's page (edit). */
export const useIncidentEditor = createEditorStore<Incident>();
