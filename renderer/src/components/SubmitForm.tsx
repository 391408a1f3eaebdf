import type { ReactNode } from 'react';

/**
 * A form whose fields are checked in code (so the browser's own bubbles stay off) and that is sent
 * by Enter or its submit button without the page reloading: the settings sections, the unlock screen.
 */
export function SubmitForm({ onSubmit, children }: { onSubmit(): unknown; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
