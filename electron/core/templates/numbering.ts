/**
 * How a template's saved versions are numbered (README › Letters), the same on every machine: the
 * built-in text is version 1; the saved ones are 2, 3, … in the order of the operations that
 * saved them — their hybrid logical clock, which every machine reads alike (the device id ends it,
 * so no two are equal), the version's id breaking a tie that cannot happen otherwise. Two members
 * who save a version of the same template apart both keep theirs: once both operations have
 * arrived, the earlier save is N and the later N + 1 everywhere, whatever order they arrived in.
 *
 * Versions saved before they travelled (migration 19) have no clock until this machine publishes
 * them; until then they come first, in the order they were numbered here.
 */
export interface VersionKey {
  id: string;
  /** The saving operation's clock; '' for a version not published yet. */
  hlc: string;
  /** Its number before migration 19 (orders the unpublished ones). */
  priorVersion: number | null;
}

export function compareVersions(a: VersionKey, b: VersionKey): number {
  const pa = a.hlc === '';
  const pb = b.hlc === '';
  if (pa !== pb) return pa ? -1 : 1;
  if (pa && a.priorVersion !== b.priorVersion) return (a.priorVersion ?? 0) - (b.priorVersion ?? 0);
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The versions in order, each with its number (2 for the first saved). */
export function numberVersions<T extends VersionKey>(rows: readonly T[]): (T & { version: number })[] {
  return [...rows].sort(compareVersions).map((r, i) => ({ ...r, version: i + 2 }));
}
