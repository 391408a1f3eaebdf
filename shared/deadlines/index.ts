/**
 * Deadline rules engine: pure functions shared by the renderer (countdowns) and the core
 * (reminders). No Node, no Electron: see DESIGN.md, "Time".
 */
export type {
  Bilingual,
  BuiltInRuleId,
  CalendarUnit,
  CustomRuleDefinition,
  DeadlineResult,
  DeadlineRule,
  PeriodUnit,
  RuleKind,
  RuleOptions,
} from './types';
export { OrgCalendarSchema, assertOrgCalendar, timeZoneProblem, type OrgCalendar } from './org-calendar';
export { parseInstant, isoInZone, localDateOf } from './instant';
export { addElapsedHours, addElapsedHoursToInstant, MS_PER_HOUR } from './elapsed';
export {
  addCalendarPeriod,
  calendarPeriodFromDate,
  calendarPeriodFromInstant,
  describeAdjustments,
  describeCalendarPeriod,
  type CalendarPeriod,
  type CalendarPeriodOptions,
  type NonWorkingDay,
  type PeriodRegime,
} from './calendar-period';
export { lastDayOfPeriod, endOfLocalDay, addDays } from './local-date';
export { internalTarget } from './internal-target';
export {
  publicHolidays,
  holidayOn,
  isWorkingDay,
  countryCodeProblem,
  assertCountryCode,
  COUNTRY_CODE_PATTERN,
  type PublicHoliday,
} from './holidays';
export { BUILT_IN_RULES, BUILT_IN_RULE_IDS, CONSEIL_ETAT_CALENDAR, DEFAULT_PROCESSOR_HOURS, isBuiltInRuleId } from './rules';
export { makeCustomRule, CustomRuleDefinitionSchema } from './custom';
export { getRule, listRules, computeDeadline, isExtensionNoticeInTime } from './registry';
