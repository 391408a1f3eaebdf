import type { Locator, Page } from '@playwright/test';

/**
 * Types a date (DD/MM/YYYY) and a 24-hour time into an OrgDateTimeField named `name`
 * (test ids <name>-date, <name>-hours). The time picker moves from hours to minutes by itself.
 */
export async function fillDateTime(page: Page, scope: Locator, name: string, date: string, time: string): Promise<void> {
  await scope.getByTestId(`${name}-date`).fill(date);
  await scope.getByTestId(`${name}-hours`).click();
  await page.keyboard.type(time.replace(':', ''));
}

/** Picks options of a Mantine Select / MultiSelect by their visible labels. */
export async function pick(page: Page, combobox: Locator, ...options: string[]): Promise<void> {
  await combobox.click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  // A MultiSelect stays open after a pick; a Select closes by itself.
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
}

/** Opens a screen from the left navigation by its entry's label (the home screen is the dashboard). */
export async function openFromNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();
}
