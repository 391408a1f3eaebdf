/**
 * The organisation's calendar settings: its IANA time zone (local dates for day-based periods,
 * display of every instant) and its country (public holidays). Validated with zod because the
 * settings come from the user and cross the IPC boundary.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { COUNTRY_CODE_PATTERN, countryCodeProblem } from './holidays';

// Memoised: luxon checks a zone by building an Intl.DateTimeFormat, which costs tens of microseconds,
// and every deadline checks its zone.
const zoneVerdicts = new Map<string, string | null>();

export function timeZoneProblem(timeZone: string): string | null {
  if (typeof timeZone !== 'string') return `Time zone must be a string like 'Europe/Paris', got ${typeof timeZone}`;
  let verdict = zoneVerdicts.get(timeZone);
  if (verdict === undefined) {
    // Fixed offsets ('UTC+1') are not IANA zones: they would silently ignore summer time.
    verdict =
      IANAZone.isValidZone(timeZone) && !/^(UTC|GMT)?[+-]/.test(timeZone)
        ? null
        : `Unknown IANA time zone '${timeZone}' (expected a name like Europe/Paris)`;
    if (zoneVerdicts.size < 1000) zoneVerdicts.set(timeZone, verdict); // bounded: zones come from users
  }
  return verdict;
}

export const OrgCalendarSchema = z.object({
  timeZone: z.string().superRefine((tz, ctx) => {
    const problem = timeZoneProblem(tz);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  country: z
    .string()
    .regex(COUNTRY_CODE_PATTERN, "Country must be an ISO code like 'FR', 'DE' or 'GB-ENG'")
    .superRefine((code, ctx) => {
      if (!COUNTRY_CODE_PATTERN.test(code)) return; // already reported by the regex
      const problem = countryCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export type OrgCalendar = z.infer<typeof OrgCalendarSchema>;

/** Throws a readable Error (not a ZodError dump) when the settings are unusable. */
export function assertOrgCalendar(cal: OrgCalendar): OrgCalendar {
  const parsed = OrgCalendarSchema.safeParse(cal);
  if (!parsed.success) {
    throw new Error(`Invalid organisation calendar: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}
