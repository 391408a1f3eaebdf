import type { Complaint } from '@shared/schemas/complaint';
import { complaintsRegister } from '@shared/registers';
import { createEditorStore, createRegisterList } from '../../kit';

/** The complaints list as shown (kept while the user opens a complaint and comes back). */
export const useComplaintList = createRegisterList<Complaint>(complaintsRegister);

/** The complaint form's drawer. */
export const useComplaintEditor = createEditorStore<Complaint>();
