import { useState } from 'react';
import i18next from 'i18next';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import type { RegisterDeclaration } from '@shared/registers';
import type { MethodName } from '@shared/api/contract';
import { api, ApiError } from '../api';
import { featureT } from '../lib/featureT';
import { notifySuccess } from '../lib/notify';
import { useRecordChanges } from '../state/recordChanges';
import type { LocalDateTimeValue } from '../components/OrgDateTimeField';
import { schemaField } from './fields';
import { labelsFor } from './labels';
import type { ListRecord } from './RegisterList';

export interface Issue {
  path: string;
  message: string;
}

/**
 * Validation issues (from the register's zod schema here, or VALIDATION_FAILED from the core)
 * as messages by form field: the register's `fieldErrors.<form field>` or `fieldErrors.<api
 * path>` when it has one, else the schema's own message. `fieldOf` maps an API path to the form
 * field showing it (receivedAt → received); issues of fields the form does not show are `other`.
 */
export function messagesOf(ns: string, issues: readonly Issue[], fieldOf: Record<string, string> = {}): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const top = issue.path.split('.')[0] ?? '';
    const field = top ? (fieldOf[top] ?? top) : null;
    const key = [field, issue.path, top].map((k) => `fieldErrors.${k}`).find((k) => k !== 'fieldErrors.' && i18next.exists(`${ns}:${k}`));
    const text = key ? featureT(ns, key) : issue.message;
    if (field && !(field in fields)) fields[field] = text;
    else if (!field) other.push(text);
  }
  return { fields, other };
}

/** Checks API fields with the schema the core applies; messages by form field. */
export function validateFields(schema: z.ZodType, fields: unknown, ns: string, fieldOf?: Record<string, string>): Record<string, string> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return {};
  return messagesOf(ns, parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })), fieldOf).fields;
}

/** Only what changed, compared as the API takes it (an untouched instant must not come back rounded and read as an edit). */
export function patchBetween<F extends object>(before: F, after: F): Partial<F> {
  const patch: Partial<F> = {};
  for (const key of Object.keys(after) as (keyof F)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}

export interface RecordFormConfig<R extends ListRecord, V extends Record<string, unknown>, F extends { reference?: string }> {
  register: RegisterDeclaration;
  /** The register's namespace (labels, fieldErrors); the declaration's own by default. */
  ns?: string;
  /** The fields' schemas (labels, limits, required marks); the create schema's shape by default (give it when that schema is refined). */
  shape?: Record<string, z.ZodType>;
  /** Where its messages are (`<ns>:<section>.*`, default 'form'): two registers can share a namespace. */
  section?: string;
  /** The record being edited; absent for a new one. */
  record?: R;
  initialValues: V;
  /** Form values → API fields, with the errors the conversion itself finds (a date that is not one). */
  toFields(values: V): { fields: F; errors?: Record<string, string> };
  /** API path → the form field that shows it. */
  fieldOf?: Record<string, string>;
  /** Creates the record (default: `<name>.create` with the fields, an empty reference left to the core). */
  create?(fields: F): Promise<R>;
  onDone(saved: R | null): void;
}

type SelectOption = { value: string; label: string };
type SelectProps = { label: string; required: boolean; data: SelectOption[]; value: string | null; onChange(v: string | null): void; error: React.ReactNode; allowDeselect: boolean; clearable: boolean };

export interface RecordForm<V> {
  form: UseFormReturnType<V>;
  /** The register's namespace its words come from. */
  ns: string;
  /** The values as they stand now. */
  values: V;
  /** A text, select or list field bound to the schema and the form (schemaField). */
  field(name: string & keyof V, schemaName?: string): ReturnType<typeof schemaField<V>>;
  /** A local date and time field (OrgDateTimeField) bound to the form: its name, value, change and error. */
  instant(name: string & keyof V): { name: string; value: LocalDateTimeValue; onChange(v: LocalDateTimeValue): void; error: React.ReactNode };
  /**
   * A select of a closed set bound to the form (Mantine Select): its label from `<ns>:fields.<name>`
   * unless given. A `required` one always keeps a value (no deselecting); another can be cleared.
   */
  select(name: string & keyof V, data: readonly SelectOption[], o?: { label?: string; required?: boolean }): SelectProps;
  /** Leave without saving (the drawer asks first when there are changes). */
  cancel(): void;
  save(values: V): Promise<void>;
  saving: boolean;
  /** An error that no field shows (the core refused, the link failed). */
  error: unknown;
  editing: boolean;
  dirty: boolean;
}

/**
 * The form part every register shares: the values, checks with the register's zod schema
 * (translated per field), create or a patch of only what changed, the core's refusals shown on
 * their fields, and the success message.
 */
export function useRecordForm<R extends ListRecord, V extends Record<string, unknown>, F extends { reference?: string }>(c: RecordFormConfig<R, V, F>): RecordForm<V> {
  const form = useForm<V>({ mode: 'controlled', initialValues: c.initialValues });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ns = c.ns ?? c.register.ns;
  const shape = c.shape ?? (c.register.schemas.create as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const l = labelsFor(ns, c.section ?? 'form', 'form');

  async function save(values: V) {
    setError(null);
    const { fields, errors = {} } = c.toFields(values);
    const all = { ...validateFields(c.register.schemas.create, fields, ns, c.fieldOf), ...errors };
    if (Object.keys(all).length > 0) {
      form.setErrors(all);
      return;
    }
    setSaving(true);
    try {
      let saved: R;
      if (c.record) {
        const patch = patchBetween(c.toFields(c.initialValues).fields, fields);
        if (Object.keys(patch).length === 0) {
          notifySuccess(l('noChanges'));
          c.onDone(null);
          return;
        }
        saved = (await api.call(`${c.register.name}.update` as MethodName, { id: c.record.id, patch } as never)) as unknown as R;
        notifySuccess(l('saved', { reference: saved.reference }));
      } else {
        const { reference, ...rest } = fields;
        const input = { ...rest, ...(reference?.trim() ? { reference: reference.trim() } : {}) } as unknown as F;
        saved = c.create ? await c.create(input) : ((await api.call(`${c.register.name}.create` as MethodName, input as never)) as unknown as R);
        notifySuccess(l('created', { reference: saved.reference }));
      }
      // The core also sends 'record.changed'; bumping here keeps views right if the event is late.
      useRecordChanges.getState().bump(c.register.type, saved.id);
      form.resetDirty();
      c.onDone(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length) {
        const { fields: byField, other } = messagesOf(ns, e.issues, c.fieldOf);
        form.setErrors(byField);
        if (other.length) setError(e);
      } else if (e instanceof ApiError && e.code === 'CONFLICT' && /reference/i.test(e.message)) {
        // The register's own words when it has them ("Another incident already has this reference.").
        form.setFieldError('reference', i18next.exists(`${ns}:fieldErrors.referenceTaken`) ? featureT(ns, 'fieldErrors.referenceTaken') : e.message);
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  }

  return {
    form,
    ns,
    values: form.getValues(),
    field: (name, schemaName) => schemaField(form, shape, ns, name, schemaName),
    instant: (name) => ({
      name,
      value: form.getValues()[name] as LocalDateTimeValue,
      onChange: (v) => form.setFieldValue(name, v as never),
      error: form.errors[name],
    }),
    select: (name, data, o = {}) => ({
      label: o.label ?? featureT(ns, `fields.${name}`),
      required: o.required ?? false,
      data: [...data],
      value: form.getValues()[name] as string | null,
      onChange: (v) => {
        if (v !== null || !o.required) form.setFieldValue(name, v as never);
      },
      error: form.errors[name],
      allowDeselect: !o.required,
      clearable: !o.required,
    }),
    cancel: () => c.onDone(null),
    save,
    saving,
    error,
    editing: c.record !== undefined,
    dirty: form.isDirty(),
  };
}
