import { z } from 'zod';
import { OrgCalendarSchema } from '../deadlines';
import { Nis2Sector } from './obligation';
import { Lang } from './common';

export const OrgRole = z.enum(['controller', 'processor', 'both']);
export type OrgRole = z.infer<typeof OrgRole>;

export const Organisation = z
  .object({
    name: z.string().trim().min(1, 'The organisation needs a name').max(200),
    role: OrgRole,
    /** Regulator id from the regulator list (e.g. "FR-CNIL"); free text until the regulator register lands. */
    defaultRegulator: z.string().trim().min(1).max(100),
    /** The DPO's name and contact details, as notifications give them (GDPR Art. 33(3)(b)). */
    dpoContact: z.string().trim().max(500).default(''),
    /** The organisation's NIS2 sector (Annex I or II), or null when it is not an NIS2 entity. */
    nis2Sector: Nis2Sector.nullable().default(null),
    /** Internal targets: this many working days before every day-counted legal or regulator deadline (0: none). */
    internalLeadDays: z.number().int().min(0).max(30).default(2),
  })
  .extend(OrgCalendarSchema.shape);
export type Organisation = z.infer<typeof Organisation>;

export const UserName = z.string().trim().min(1, 'Your name stamps every change: it cannot be empty').max(120);

/** The recovery passphrase wraps the database key; it is the only way back if the keychain is lost. */
export const RecoveryPassphrase = z
  .string()
  .min(12, 'The recovery passphrase needs at least 12 characters')
  .max(1024);

export const SetupInput = z.object({
  organisation: Organisation,
  userName: UserName,
  recoveryPassphrase: RecoveryPassphrase,
});
export type SetupInput = z.input<typeof SetupInput>;

export const UnlockInput = z.object({ passphrase: z.string().min(1).max(1024) });
export type UnlockInput = z.infer<typeof UnlockInput>;

export const ChangePassphraseInput = z.object({ newPassphrase: RecoveryPassphrase });

export const Profile = z.object({
  organisation: Organisation,
  userName: UserName,
  deviceId: z.string(),
  profileId: z.string(),
});
export type Profile = z.infer<typeof Profile>;

export const ProfileUpdate = z.object({
  organisation: Organisation.partial().optional(),
  userName: UserName.optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const LockReason = z.enum([
  /** No Secret Service / keychain on this machine or session. */
  'keychain-unavailable',
  /** The keychain answers but holds no key for this register. */
  'keychain-missing-key',
  /** The keychain holds a key that does not open this register. */
  'keychain-wrong-key',
  /** The register was written by a newer version of the app (DATABASE_NEWER): it stays closed, untouched. */
  'database-newer',
  /** The user locked the register. */
  'user-locked',
  /** Nobody used the app for the auto-lock delay (Settings › Security). */
  'idle',
  /** The computer's screen was locked or it went to sleep. */
  'system',
]);
export type LockReason = z.infer<typeof LockReason>;

export const AppStatus = z.object({
  state: z.enum(['needs-setup', 'locked', 'unlocked']),
  lockReason: LockReason.nullable(),
  keychainAvailable: z.boolean(),
  profile: Profile.nullable(),
  dataDir: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const SetupResult = z.object({
  status: AppStatus,
  /** False when the key could not be kept in the keychain: the passphrase is then needed at each start. */
  keyStoredInKeychain: z.boolean(),
});

export const SuggestedPassphrase = z.object({ passphrase: z.string() });
/** The words come from the user's language (French words without accents, English otherwise). */
export const SuggestPassphraseInput = z.object({ lang: Lang.default('en') });
