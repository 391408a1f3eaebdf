import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { populate, SETUP_FR } from './support/populate';
import { elementCount, report, scan, settled, word, type Lang, type Scan } from './support/a11y';
import { assertRendererBuilt, freshDataDir, startWebHost, type WebHost } from './support/webHost';

/**
 * Accessibility, WCAG 2.2 AA as axe-core checks it: every screen of the app, in English and in
 * French, holding the S1 and S2 registers (complaints, letters, matters, incidents with their
 * obligations, actions) and a client contract, with the main dialogs open (form drawers, the
 * dialogs that ask for a reason). Any serious or critical violation fails, and the failure lists
 * each one: the rule, the elements (with axe's reason) and axe's help. What axe leaves for a person
 * to review is attached to the result and counted, without failing. Texts are looked up in the
 * app's own locale files.
 */

const START = '2018-07-01T08:00:00+02:00';
const NOW = '2023-06-20T10:00:00+02:00';

async function switchLanguage(page: Page, url: string, lang: Lang) {
  await page.evaluate((l) => localStorage.setItem('privacyops.language', l), lang);
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Walks every screen and dialog of the app in one language, collecting what axe finds. */
/** Everything one language's walk found, and how many screens it scanned. */
type Found = Scan & { screens: number };

async function walk(page: Page, lang: Lang, url: string, found: Found): Promise<void> {
  const w = (ns: string, key: string) => word(lang, ns, key);
  const main = page.getByRole('main');
  const h1 = (text: string) => expect(page.getByRole('heading', { level: 1, name: text })).toBeVisible({ timeout: 20_000 });
  const at = async (name: string) => {
    const s = await scan(page, `${lang} ${name}`);
    found.violations.push(...s.violations);
    found.review.push(...s.review);
    found.screens += 1;
  };
  const nav = async (ns: string, key = 'nav') => {
    await page.getByRole('navigation').getByRole('button', { name: w(ns, key), exact: true }).click();
    await settled(page);
  };
  const firstRow = async (text?: string) => {
    const rows = main.locator('tbody tr');
    await (text ? rows.filter({ hasText: text }) : rows).first().click();
    await settled(page);
  };
  const dialog = async (name: string, open: () => Promise<void>) => {
    await open();
    await expect(page.getByRole('dialog').last()).toBeVisible();
    await at(name);
    // Form drawers keep Escape for their fields (their close button asks before losing changes).
    await page.getByRole('dialog').last().getByRole('banner').getByRole('button').first().click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  };

  await switchLanguage(page, url, lang);
  await h1(w('dashboard', 'title'));
  await expect(page.getByTestId('dashboard-registers')).toBeVisible();
  await at('dashboard');

  await nav('clocks');
  await h1(w('clocks', 'title'));
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('clocks board');

  await nav('complaints');
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('complaints list');
  await dialog('complaint form drawer', () => main.getByRole('button', { name: w('complaints', 'list.new') }).first().click());
  await firstRow();
  await at('complaint detail');
  await dialog('complaint archive dialog (reason)', () => main.getByRole('button', { name: w('kit', 'detail.archive'), exact: true }).click());
  await dialog('write a letter dialog', () => main.getByTestId('write-letter').click());

  await nav('correspondence', 'nav.letters');
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('letters list');
  await dialog('letter form drawer', () => main.getByRole('button', { name: w('correspondence', 'list.new') }).first().click());
  await firstRow();
  await at('letter detail');

  await nav('correspondence', 'nav.matters');
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('matters list');
  await dialog('matter form drawer', () => main.getByRole('button', { name: w('correspondence', 'matters.new') }).first().click());
  await firstRow();
  await at('matter detail');

  await nav('incidents');
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('incidents list');
  await dialog('incident form drawer', () => main.getByRole('button', { name: w('incidents', 'list.new') }).first().click());
  await firstRow('Customer database exposed');
  await expect(page.getByText(w('incidents', 'obligations.title'))).toBeVisible();
  await at('incident detail with obligations');
  await main.getByRole('button', { name: w('incidents', 'detail.openTimeline') }).click();
  await settled(page);
  await at('incident timeline');

  await nav('contracts');
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('client contracts list');
  await dialog('contract form drawer', () => main.getByRole('button', { name: w('contracts', 'list.new') }).first().click());
  await firstRow();
  await at('contract detail');

  await nav('actions');
  await expect(main.locator('tbody tr').first()).toBeVisible();
  await at('actions list');
  await dialog('action form drawer', () => main.getByRole('button', { name: w('actions', 'list.new') }).first().click());
  await firstRow();
  await at('action detail');
  await dialog('action archive dialog (reason)', () => main.getByRole('button', { name: w('kit', 'detail.archive'), exact: true }).click());

  await nav('search');
  await main.getByRole('searchbox', { name: w('search', 'textLabel') }).fill('CNIL');
  await expect(main.getByTestId('search-results').locator('tbody tr, li, a').first()).toBeVisible();
  await at('search with results');

  await nav('reports');
  await h1(w('reports', 'title'));
  await expect(main.getByTestId('report-clock-table')).toBeVisible();
  await at('reports');

  await nav('exchange');
  for (const tab of ['regulator', 'timeline', 'draft', 'import']) {
    await main.getByRole('tab', { name: w('exchange', `tabs.${tab}`) }).click();
    await at(`exports & imports: ${tab}`);
  }

  await nav('settings');
  for (const tab of ['organisation', 'notifications', 'reminders', 'rules', 'redaction', 'letters', 'security']) {
    await main.getByRole('tab', { name: w('settings', `tabs.${tab}`) }).click();
    await at(`settings: ${tab}`);
  }

  await nav('sync');
  await at('sync');

  await page.getByRole('banner').getByRole('button', { name: w('app', 'shell.lock') }).click();
  await expect(page.getByRole('heading', { name: w('app', 'unlock.title') })).toBeVisible();
  await at('unlock screen');
  await page.getByLabel(w('app', 'unlock.passphrase')).fill(SETUP_FR.recoveryPassphrase);
  await page.getByRole('button', { name: w('app', 'unlock.submit') }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: w('app', 'shell.lock') })).toBeVisible({ timeout: 20_000 });
}

for (const lang of ['en', 'fr'] as const) {
  test.describe(`accessibility in ${lang === 'en' ? 'English' : 'French'} (axe-core, WCAG 2.2 AA)`, () => {
    let dataDir = '';
    let host: WebHost | null = null;
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      assertRendererBuilt();
      dataDir = freshDataDir();
      host = await startWebHost(dataDir, { keychain: false }, ['--clock', START]);
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', reducedMotion: 'reduce' });
      // A step that cannot find its control fails in seconds instead of at the test's timeout.
      context.setDefaultTimeout(30_000);
      page = await context.newPage();
    });

    test.afterAll(async () => {
      await page?.context().close();
      await host?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('the setup screen, then every screen and main dialog with the S1 and S2 registers, then the unlock screen', async () => {
      test.setTimeout(900_000);
      await page.goto(host!.url);
      await switchLanguage(page, page.url(), lang);
      await expect(page.getByRole('heading', { name: word(lang, 'app', 'setup.title') })).toBeVisible();
      const found: Found = { ...(await scan(page, `${lang} setup screen`)), screens: 1 };
      const { api } = await populate(host!, NOW);
      // S1 and S2 hold no client contract: one, so that its list and page have something to show.
      await api('contracts.create', { name: 'Cabinet Roux SCP', contacts: 'privacy@cabinet-roux.example', noticeHours: 72, language: 'en', dpaSignedOn: '2023-05-02' });
      try {
        await walk(page, lang, page.url(), found);
      } catch (e) {
        // A step that failed still reports what the screens before it showed.
        throw new Error(`${String(e)}\n\nFound before the failure:\n${report(found.violations)}`, { cause: e });
      }
      // What axe could not decide alone (text over overlapping toasts, for instance) goes with the
      // results for a person to look at; it does not fail the test.
      await test.info().attach(`needs review (${lang})`, { body: report(found.review), contentType: 'text/plain' });
      console.log(
        `axe ${lang}: ${found.violations.length} serious/critical violations (${elementCount(found.violations)} elements); ` +
          `${found.review.length} left for review (${elementCount(found.review)} elements) over ${found.screens} screens`,
      );
      expect(found.violations, report(found.violations)).toEqual([]);
    });
  });
}
