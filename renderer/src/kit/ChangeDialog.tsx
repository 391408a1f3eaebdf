import { useState, type ReactNode } from 'react';
import { Textarea, TextInput, type MantineColor, type MantineSize } from '@mantine/core';
import { OrgDateTimeField } from '../components/OrgDateTimeField';
import { useOrgTimeZone } from '../state/appStatus';
import { DialogForm } from './DialogForm';
import { useInstantField } from './instantField';

/** When the change happened: a required date and time, starting at the app clock's now. */
export interface ChangeWhen {
  /** Prefix of the field's test ids. */
  name: string;
  label: string;
  description?: string;
  /** Said on the field when what is typed is not an instant. */
  message: string;
  /** What an empty time reads as, where the day alone is enough. */
  blankTime?: string;
}

/** Words kept with the change (a reason, a note, a name). */
export interface ChangeText {
  label: string;
  description?: string;
  maxLength?: number;
  initial?: string;
  /** The least it takes once trimmed, and what is said when short; without it the words are optional. */
  required?: { min: number; message: string };
  /** One line (a name) rather than a few (a reason). */
  line?: boolean;
  /** Focused when the dialog opens (the default): it is what the dialog is for. */
  autofocus?: boolean;
}

/**
 * The one dialog that records a change asking when it happened and/or a few words: a status move,
 * a closing, an archive's reason, a saved view's name. Each case is described by data (`when`,
 * `text`); both are checked together so every wrong field says so at once, and `onSubmit` gets the
 * instant and the trimmed words. What a case shows beyond that (a refusal) is its `children`.
 */
export function ChangeDialog({
  title,
  intro,
  submitLabel,
  submitColor,
  size,
  cancelLabel,
  when,
  text,
  children,
  onSubmit,
  onClose,
}: {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  submitColor?: MantineColor;
  size?: MantineSize | number;
  cancelLabel?: string;
  when?: ChangeWhen | null;
  text?: ChangeText;
  children?: ReactNode;
  onSubmit(values: { at: string | null; text: string }): Promise<boolean | void>;
  onClose(): void;
}) {
  const zone = useOrgTimeZone();
  // The hook is always there (hooks keep their order); the field only when the case asks.
  const instant = useInstantField(when?.name ?? 'when', zone, when?.message ?? '', when?.blankTime);
  const [words, setWords] = useState(text?.initial ?? '');
  const [wordsError, setWordsError] = useState<string | null>(null);

  async function submit() {
    const at = when ? instant.read() : null;
    const short = text?.required && words.trim().length < text.required.min;
    setWordsError(short ? text.required!.message : null);
    if ((when && !at) || short) return false;
    return onSubmit({ at, text: words.trim() });
  }

  const wordsProps = text && {
    label: text.label,
    description: text.description,
    required: Boolean(text.required),
    maxLength: text.maxLength,
    'data-autofocus': text.autofocus === false ? undefined : true,
    value: words,
    error: wordsError,
    onChange(e: { currentTarget: { value: string } }) {
      setWords(e.currentTarget.value);
      setWordsError(null);
    },
  };

  return (
    <DialogForm title={title} intro={intro} submitLabel={submitLabel} submitColor={submitColor} size={size} cancelLabel={cancelLabel} onClose={onClose} onSubmit={submit}>
      {when && <OrgDateTimeField {...instant.props} label={when.label} description={when.description} />}
      {wordsProps && (text.line ? <TextInput {...wordsProps} /> : <Textarea {...wordsProps} autosize minRows={2} />)}
      {children}
    </DialogForm>
  );
}
