import type { KeyboardEventHandler, ReactNode } from 'react';

/**
 * A form whose fields are checked in code (so the browser's own bubbles stay off) and that is sent
 * by Enter or its submit button without the page reloading: the settings sections, the unlock screen,
 * every dialog (kit DialogForm, which also passes its Enter guard as `onKeyDown`).
 */
export function SubmitForm({ onSubmit, onKeyDown, children }: { onSubmit(): unknown; onKeyDown?: KeyboardEventHandler<HTMLFormElement>; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      onKeyDown={onKeyDown}
    >
      {children}
    </form>
  );
}
