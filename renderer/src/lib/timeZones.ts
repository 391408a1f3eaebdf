/** IANA zone names this browser knows, for the organisation's zone picker. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Some engines leave out aliases (e.g. 'UTC'); the stored value must always be selectable.
  return zones.includes(current) ? zones : [current, ...zones];
}
