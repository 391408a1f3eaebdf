import type { BilingualText, Lang } from './schemas/common';

/**
 * Breach exercises (drills): the one wording every place that shows one uses — the incident's
 * page and list, clocks, reminders, calendar entries, timelines and bundles — so a drill is never
 * read as a real breach, in either language.
 */
export const DRILL_MARK: BilingualText = { en: '[Drill]', fr: '[Exercice]' };

export const DRILL_NOTICE: BilingualText = {
  en: 'Drill: a breach exercise, not a personal-data breach. Its clocks and reminders run as for a real one; it is kept out of the regulator’s exports and the annual report.',
  fr: 'Exercice : une simulation de violation, pas une violation de données personnelles. Ses échéances et rappels courent comme pour une vraie ; il est exclu des exports destinés à l’autorité et du rapport annuel.',
};

/** The words a register export's provenance adds when drills were left out of it. */
export function drillsLeftOutText(count: number, lang: Lang): string {
  if (lang === 'fr') return count === 1 ? '1 exercice (simulation de violation) exclu' : `${count} exercices (simulations de violation) exclus`;
  return count === 1 ? '1 drill (breach exercise) left out' : `${count} drills (breach exercises) left out`;
}

/** The words the annual report adds when remediation actions arising from a drill were left out of its action figures. */
export function drillActionsLeftOutText(count: number, lang: Lang): string {
  if (lang === 'fr') return count === 1 ? '1 action issue d’un exercice (simulation de violation) exclue' : `${count} actions issues d’exercices (simulations de violation) exclues`;
  return count === 1 ? '1 action arising from a drill (breach exercise) left out' : `${count} actions arising from drills (breach exercises) left out`;
}

export function drillMark(lang: Lang): string {
  return DRILL_MARK[lang];
}
