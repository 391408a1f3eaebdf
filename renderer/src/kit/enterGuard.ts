/** What dialogs and forms mark their date and time inputs with (LocalDateInput, OrgDateTimeField). */
export const DATE_FIELD_ATTR = 'data-date-field';

/**
 * Enter in a date or time field does not send the form (it is how people confirm a typed date);
 * in a long form (`scope` 'all') no one-line field sends it, since sending one half-filled is
 * costly. Enter still picks an option in a list (the list handles it first), makes a new line in a
 * text area, and presses a focused button; Ctrl/Cmd+Enter sends from anywhere.
 */
export function guardEnter(e: React.KeyboardEvent<HTMLFormElement>, scope: 'all' | 'dates'): void {
  if (e.key !== 'Enter' || e.defaultPrevented) return;
  if (e.ctrlKey || e.metaKey) {
    // Browsers do not send a form on Ctrl/Cmd+Enter by themselves.
    e.preventDefault();
    e.currentTarget.requestSubmit();
    return;
  }
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT') return;
  const type = (target as HTMLInputElement).type;
  if (type === 'submit' || type === 'button' || type === 'checkbox' || type === 'radio') return;
  if (scope === 'dates' && !target.closest(`[${DATE_FIELD_ATTR}]`)) return;
  e.preventDefault();
}
