import { expect, test, type Locator, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import type { MethodInput } from '@shared/api/contract';
import { httpApi, SETUP_FR } from './support/populate';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * A complaint recorded with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7): from the dashboard to
 * the complaints list, the form drawer, every field it needs and the record in the list, with
 * Tab, Shift+Tab, Enter, Space, arrows and typing only: no click. At every step the element that
 * has the focus shows it (an outline or a focus shadow on it or on the control it belongs to).
 */

/** How the focused element shows its focus: an outline or box-shadow on it or the control around it. */
async function focusIndicator(page: Page): Promise<{ tag: string; name: string; shown: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', shown: false };
    const candidates: Element[] = [el];
    // A visually hidden input (a radio of a segmented control, a checkbox) shows focus on its label.
    for (const l of (el as HTMLInputElement).labels ?? []) candidates.push(l);
    let p = el.parentElement;
    for (let i = 0; i < 3 && p; i++, p = p.parentElement) candidates.push(p);
    const shown = candidates.some((c) => {
      const s = getComputedStyle(c);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && s.outlineColor !== 'transparent' && !/rgba\(.*, 0\)$/.test(s.outlineColor);
      const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
      return outline || (c === el && shadow);
    });
    return { tag: el.tagName.toLowerCase(), name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '', shown };
  });
}

async function expectFocusShown(page: Page, step: string): Promise<void> {
  const f = await focusIndicator(page);
  expect(f.shown, `${step}: the focused ${f.tag} "${f.name}" shows no focus indicator`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus shows at each stop. */
async function tabTo(page: Page, target: Locator, step: string, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    await expectFocusShown(page, `${step} (stop ${i + 1})`);
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
  }
  throw new Error(`${step}: the focus never reached ${target.toString()}`);
}

test.describe.serial('recording a complaint with the keyboard alone', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    dataDir = freshDataDir();
    host = await startWebHost(dataDir, { keychain: false });
    await httpApi(host).api('app.setup', SETUP_FR as MethodInput<'app.setup'>);
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page?.close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('from the complaints list to the saved record, every focus visible', async () => {
    test.setTimeout(120_000);
    await page.goto(host!.url);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });

    // The navigation entry, with Tab, then Enter.
    await tabTo(page, page.getByRole('navigation').getByRole('button', { name: 'Complaints', exact: true }), 'to the navigation');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Complaints', level: 1 })).toBeVisible();

    // "New complaint", pressed with Space.
    await tabTo(page, page.getByRole('main').getByRole('button', { name: 'New complaint' }).first(), 'to New complaint');
    await page.keyboard.press('Space');
    const form = page.getByRole('dialog', { name: 'New complaint' });
    await expect(form).toBeVisible();
    await expectFocusShown(page, 'the drawer opened');

    // The received date and time and the channel keep their defaults (now, by email).
    await tabTo(page, form.getByRole('textbox', { name: 'Complainant' }), 'to Complainant');
    await page.keyboard.type('K. B.');
    await tabTo(page, form.getByRole('textbox', { name: 'Contact' }), 'to Contact');
    await page.keyboard.type('k.b@example.net');

    // Back with Shift+Tab: the label is still there.
    await tabTo(page, form.getByRole('textbox', { name: 'Complainant' }), 'back to Complainant', { back: true });
    await expect(form.getByRole('textbox', { name: 'Complainant' })).toHaveValue('K. B.');

    // Rights: the list opens with the arrow key, an arrow moves to an option, Enter picks it.
    const rights = form.getByRole('combobox', { name: 'Rights concerned' });
    await tabTo(page, rights, 'to Rights concerned');
    await page.keyboard.press('ArrowDown');
    const option = page.getByRole('option', { name: 'Erasure (Art. 17)', exact: true });
    await expect(option).toBeVisible();
    for (let i = 0; i < 20 && (await option.getAttribute('data-combobox-selected')) === null; i++) await page.keyboard.press('ArrowDown');
    await expect(option).toHaveAttribute('data-combobox-selected', 'true');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(form).toBeVisible();
    await expect(form.getByText('Erasure (Art. 17)')).toBeVisible();

    await tabTo(page, form.getByRole('textbox', { name: 'Summary' }), 'to Summary');
    await page.keyboard.type('Asks for the erasure of a loyalty account; recorded without a mouse.');

    // The form's button, pressed with Enter.
    await tabTo(page, form.getByRole('button', { name: 'Record the complaint' }), 'to Record the complaint');
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();
    await expect(page.getByText('C-', { exact: false }).filter({ hasText: 'recorded.' }).first()).toBeVisible();

    const row = page.getByRole('main').getByRole('row').filter({ hasText: 'K. B.' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Erasure');
  });
});
