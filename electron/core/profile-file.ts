import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KeyWrap } from './keys/recovery';

/**
 * profile.json sits beside the database. It holds what is needed before the database can be
 * opened: ids and the passphrase-wrapped key. Nothing in it is readable personal data or a
 * usable secret.
 */
export const ProfileFile = z.object({
  formatVersion: z.literal(1),
  profileId: z.string(),
  deviceId: z.string(),
  createdAt: z.string(),
  keyWrap: KeyWrap,
});
export type ProfileFile = z.infer<typeof ProfileFile>;

export const PROFILE_FILE = 'profile.json';
export const DATABASE_FILE = 'register.db';

export function profilePaths(dataDir: string) {
  return { profile: join(dataDir, PROFILE_FILE), database: join(dataDir, DATABASE_FILE) };
}

export function readProfileFile(dataDir: string): ProfileFile | null {
  const { profile } = profilePaths(dataDir);
  if (!existsSync(profile)) return null;
  const parsed = ProfileFile.safeParse(JSON.parse(readFileSync(profile, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${profile} is damaged or from an unknown version: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

/** Write-then-rename with fsync, so a crash leaves either the old file or the new one, never half. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dfd = openSync(dirname(path), 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // Directory fsync is not supported everywhere (Windows); the rename is still atomic.
  }
}

export function writeProfileFile(dataDir: string, file: ProfileFile): void {
  writeFileAtomic(profilePaths(dataDir).profile, JSON.stringify(ProfileFile.parse(file), null, 2) + '\n');
}
