import type { Complaint } from '@shared/schemas/complaint';
import { complaintsRegister } from '@shared/registers';
import { registerScreens } from '../../kit';

/** The complaints list as shown and the complaint form's drawer. */
export const complaintScreens = registerScreens<Complaint>(complaintsRegister);
export const { useList: useComplaintList, useEditor: useComplaintEditor } = complaintScreens;
