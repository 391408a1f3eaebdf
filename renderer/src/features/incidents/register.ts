import type { Incident } from '@shared/schemas/incident';
import { incidentsRegister } from '@shared/registers';
import { registerScreens } from '../../kit';

/** The breach register as listed and the incident form's drawer (from the list, or an incident's page to edit). */
export const incidentScreens = registerScreens<Incident>(incidentsRegister);
export const { useList: useIncidentList, useEditor: useIncidentEditor } = incidentScreens;
