import { useState } from 'react';

/**
 * The values of a dialog that is not a register's form (a filing, an affected client): the
 * values, one error per field, and `set`, which clears that field's error as the user types.
 * `field` binds a control whose change gives the value (a date, a number, a choice); `text` one
 * whose change is an input event (TextInput, Textarea).
 */
export function useDialogValues<V extends object>(initial: () => V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((s) => ({ ...s, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  return {
    values,
    setValues,
    errors,
    setErrors,
    set,
    field: <K extends keyof V>(key: K) => ({ value: values[key], onChange: (value: V[K]) => set(key, value), error: errors[key] }),
    text: (key: { [K in keyof V]: V[K] extends string ? K : never }[keyof V]) => ({
      value: values[key] as string,
      onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as V[typeof key]),
      error: errors[key],
    }),
  };
}
