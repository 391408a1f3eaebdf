/**
 * Looking rules up by id and computing with them. Custom rules are passed in by the caller (they
 * live in the organisation's settings), never registered globally: shared/ holds no state.
 */
import { parseInstant } from './instant';
import { BUILT_IN_RULES } from './rules';
import type { DeadlineResult, DeadlineRule, OrgCalendar, RuleOptions } from './types';

export function listRules(custom: readonly DeadlineRule[] = []): DeadlineRule[] {
  const all = [...BUILT_IN_RULES, ...custom];
  const seen = new Set<string>();
  for (const r of all) {
    // Two rules with one id would make a stored deadline ambiguous; refuse rather than pick one.
    if (seen.has(r.id)) throw new Error(`Duplicate deadline rule id '${r.id}': custom rule ids must not repeat or reuse a built-in id`);
    seen.add(r.id);
  }
  return all;
}

export function getRule(id: string, custom: readonly DeadlineRule[] = []): DeadlineRule {
  const all = listRules(custom);
  const rule = all.find((r) => r.id === id);
  if (!rule) {
    throw new Error(`Unknown deadline rule '${id}'. Known rules: ${all.map((r) => r.id).join(', ')}`);
  }
  return rule;
}

export function computeDeadline(
  ruleId: string,
  from: string,
  cal: OrgCalendar,
  opts?: RuleOptions,
  custom?: readonly DeadlineRule[],
): DeadlineResult {
  return getRule(ruleId, custom).compute(from, cal, opts);
}

/**
 * GDPR Art. 12(3): an extension by two further months is only valid if the data subject is told
 * within the first month. The notice is in time when it is sent before the one-month deadline ends
 * (the gdpr-12-response deadline, i.e. after moving off a weekend or holiday).
 */
export function isExtensionNoticeInTime(receivedAt: string, noticeAt: string, cal: OrgCalendar): boolean {
  const first = computeDeadline('gdpr-12-response', receivedAt, cal);
  const received = parseInstant(receivedAt);
  const notice = parseInstant(noticeAt, 'notice instant');
  if (notice.toMillis() < received.toMillis()) {
    throw new Error(`The extension notice (${noticeAt}) is dated before the request was received (${receivedAt})`);
  }
  // first.deadline is never null for gdpr-12-response; the check keeps the types honest.
  if (first.deadline === null) throw new Error('gdpr-12-response returned no deadline');
  return notice.toMillis() < parseInstant(first.deadline).toMillis();
}
