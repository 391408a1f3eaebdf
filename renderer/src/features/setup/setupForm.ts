import { SetupInput, type OrgRole } from '@shared/schemas/profile';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import i18next from 'i18next';

/** The setup form as the user fills it in; `toSetupInput` turns it into the API's SetupInput. */
export interface SetupFormValues {
  orgName: string;
  role: OrgRole;
  timeZone: string;
  country: string;
  region: string | null;
  defaultRegulator: string;
  userName: string;
  passphrase: string;
  confirmPassphrase: string;
  storedPassphrase: boolean;
}

export const INITIAL_SETUP_VALUES: SetupFormValues = {
  orgName: '',
  role: 'controller',
  timeZone: 'Europe/Paris',
  country: 'FR',
  region: null,
  defaultRegulator: 'FR-CNIL',
  userName: '',
  passphrase: '',
  confirmPassphrase: '',
  storedPassphrase: false,
};

/** The organisation as the API takes it (setup, and Settings › Organisation): the region joins the country. */
export function organisationOf(v: SetupFormValues): SetupInput['organisation'] {
  return {
    name: v.orgName,
    role: v.role,
    timeZone: v.timeZone,
    country: v.region ? `${v.country}-${v.region}` : v.country,
    defaultRegulator: v.defaultRegulator,
  };
}

export function toSetupInput(v: SetupFormValues): SetupInput {
  return {
    organisation: organisationOf(v),
    userName: v.userName,
    recoveryPassphrase: v.passphrase,
  };
}

const FIELD_OF_PATH: Record<string, keyof SetupFormValues> = {
  'organisation.name': 'orgName',
  'organisation.role': 'role',
  'organisation.timeZone': 'timeZone',
  'organisation.country': 'country',
  'organisation.defaultRegulator': 'defaultRegulator',
  userName: 'userName',
  recoveryPassphrase: 'passphrase',
};

export function setupFieldOf(path: string): string | null {
  return FIELD_OF_PATH[path] ?? null;
}

/** Checks with the same schema the core applies, plus what only the form knows (confirmation, tick). */
export function validateSetup(v: SetupFormValues): Record<string, string> {
  const parsed = SetupInput.safeParse(toSetupInput(v));
  const errors = parsed.success ? {} : fieldErrorsFromIssues(issuesOf(parsed.error), setupFieldOf).fields;
  if (v.confirmPassphrase !== v.passphrase) errors.confirmPassphrase = i18next.t('fieldErrors.confirmPassphrase');
  if (!v.storedPassphrase) errors.storedPassphrase = i18next.t('fieldErrors.storedPassphrase');
  return errors;
}
