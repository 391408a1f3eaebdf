import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { featureT } from '../lib/featureT';

/** The field's schema under its defaults, optionals and nullables (what says its length and whether it may be empty). */
function core(t: z.ZodType | undefined): z.ZodType | undefined {
  let s = t as { def?: { type?: string; innerType?: z.ZodType } } | undefined;
  while (s?.def && (s.def.type === 'default' || s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'prefault')) s = s.def.innerType as typeof s;
  return s as z.ZodType | undefined;
}

/** What a register's schema says of one of its fields: the most characters, and whether it must be filled. */
export function fieldRules(shape: Record<string, z.ZodType>, name: string): { maxLength?: number; required: boolean } {
  const s = core(shape[name]) as { maxLength?: number | null; minLength?: number | null; def?: { type?: string; checks?: { _zod?: { def?: { check?: string; minimum?: number } } }[] } } | undefined;
  if (!s) return { required: false };
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  let required = typeof s.minLength === 'number' && s.minLength > 0;
  if (s.def?.type === 'array') required = (s.def.checks ?? []).some((c) => c._zod?.def?.check === 'min_length' && (c._zod.def.minimum ?? 0) > 0);
  return { maxLength, required };
}

/**
 * The props of a form field bound to the register's schema: its label from `<ns>:fields.<name>`,
 * its length limit and required mark from the schema (so the form never says less than the core
 * checks), and the form's value, change handler and error.
 */
export function schemaField<V>(form: UseFormReturnType<V>, shape: Record<string, z.ZodType>, ns: string, name: string & keyof V, schemaName: string = name) {
  const rules = fieldRules(shape, schemaName);
  return {
    label: featureT(ns, `fields.${name}`),
    required: rules.required,
    ...(rules.maxLength !== undefined ? { maxLength: rules.maxLength } : {}),
    ...form.getInputProps(name),
  };
}
