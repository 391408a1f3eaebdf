import type { RegisterName } from '../schemas/export';
import type { RecordType } from '../schemas/record-types';
import { actionsRegister } from './actions';
import { complaintsRegister } from './complaints';
import { contractsRegister } from './contracts';
import { incidentsRegister } from './incidents';
import { lettersRegister } from './letters';
import { mattersRegister } from './matters';
import type { RegisterDeclaration } from './types';

export { actionsRegister, complaintsRegister, contractsRegister, incidentsRegister, lettersRegister, mattersRegister };
export { defineRegister, type FilterDeclaration, type RegisterDeclaration, type RegisterMethod, type RegisterSchemas, type SavedViewField } from './types';

/** Every register, by the record type it holds: the one record type → table/name/schema map. */
export const REGISTERS = {
  complaint: complaintsRegister,
  letter: lettersRegister,
  matter: mattersRegister,
  incident: incidentsRegister,
  action: actionsRegister,
  contract: contractsRegister,
} as const satisfies Record<RecordType, RegisterDeclaration>;

export function registerOf<T extends RecordType>(type: T): (typeof REGISTERS)[T] {
  return REGISTERS[type];
}

/** The register an export or import names (`exports.register`'s `register`: incidents, contracts…). */
export function registerNamed(name: RegisterName): RegisterDeclaration {
  const d = Object.values(REGISTERS).find((r) => r.name === name);
  if (!d) throw new Error(`No register is named ${name}`);
  return d;
}
