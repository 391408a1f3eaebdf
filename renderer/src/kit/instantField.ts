import { useState } from 'react';
import type { LocalDateTimeValue } from '../components/OrgDateTimeField';
import { appDate } from '../lib/appClock';
import { instantFromLocal, nowLocalParts } from '../lib/orgTime';

/**
 * A required date and time in a dialog (when the answer was sent, when it closed): it starts at
 * the app clock's now in the organisation's zone, and `read` gives the instant, or shows
 * `message` on the field and gives null when what is typed is not one. Typing clears the message.
 * `blankTime` is what an empty time reads as, where the day alone is enough (an action done on a day).
 */
export function useInstantField(name: string, zone: string, message: string, blankTime?: string) {
  const [value, setValue] = useState<LocalDateTimeValue>(() => nowLocalParts(zone, appDate()));
  const [error, setError] = useState<string | null>(null);
  return {
    props: {
      name,
      required: true,
      value,
      error,
      onChange(v: LocalDateTimeValue) {
        setValue(v);
        setError(null);
      },
    },
    read(): string | null {
      const at = instantFromLocal(value.date, value.time === '' && blankTime ? blankTime : value.time, zone);
      if (!at) setError(message);
      return at;
    },
  };
}
