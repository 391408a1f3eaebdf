/**
 * The units a period is counted in. A leaf module (it imports nothing) so that the date arithmetic
 * (local-date.ts, holidays.ts) and the rule types (types.ts) can share it without a circle.
 */
export type CalendarUnit = 'days' | 'weeks' | 'months';
export type PeriodUnit = 'hours' | CalendarUnit;
