import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT } from './webHost';

export type Lang = 'en' | 'fr';

const cache = new Map<string, unknown>();
function localeFile(ns: string, lang: Lang): unknown {
  const path =
    ns === 'app'
      ? join(REPO_ROOT, 'renderer', 'src', 'i18n', `${lang}.json`)
      : ns === 'kit'
        ? join(REPO_ROOT, 'renderer', 'src', 'kit', 'locales', `${lang}.json`)
        : join(REPO_ROOT, 'renderer', 'src', 'features', ns, 'locales', `${lang}.json`);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path);
}

/**
 * The UI's own words, read from its locale files (`ns` a feature's namespace, 'kit' or 'app' for
 * i18n/<lang>.json), so a spec finds its buttons in either language without copying them.
 */
export function word(lang: Lang, ns: string, key: string): string {
  let node: unknown = localeFile(ns, lang);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`No string ${ns}:${key} in ${lang}`);
  return node;
}

export interface Finding {
  page: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Waits until nothing on the page is loading and no transition is running. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );
}

/** What one scan found: violations (the spec fails on these) and what axe could not decide. */
export interface Scan {
  violations: Finding[];
  /** Checks axe left for a person to review (e.g. text over an overlapping element): reported, not failed. */
  review: Finding[];
}

type AxeResult = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function findings(name: string, results: AxeResult[]): Finding[] {
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')}  ${n.html.replace(/\s+/g, ' ').slice(0, 160)}\n      ${why(n.failureSummary ?? n.any[0]?.message)}`),
    }));
}

/**
 * Runs axe-core on the whole document with every rule it runs by default (WCAG 2.0/2.1/2.2 A and
 * AA, best practices) plus the label-in-name check (2.5.3, off by default in axe) and returns the
 * serious and critical results, one per rule and page.
 */
export async function scan(page: Page, name: string): Promise<Scan> {
  await settled(page);
  const result = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return { violations: findings(name, result.violations), review: findings(name, result.incomplete) };
}

/** axe's reason for one element, on one line (for contrast: the ratio and the two colours). */
function why(summary: string | undefined): string {
  return (summary ?? '').replace(/^Fix (any|all) of the following:\s*/m, '').replace(/\s+/g, ' ').slice(0, 240);
}

/** How many elements the findings name (one element counted once per page and rule). */
export function elementCount(list: Finding[]): number {
  return list.reduce((n, f) => n + f.targets.length, 0);
}

export function report(list: Finding[]): string {
  if (list.length === 0) return 'no serious or critical violation';
  return list
    .map((f) => `[${f.page}] ${f.id} (${f.impact}): ${f.help}\n${f.targets.map((t) => `    ${t}`).join('\n')}`)
    .join('\n');
}
