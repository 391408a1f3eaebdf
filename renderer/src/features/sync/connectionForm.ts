import { BackendConnection, type ConnectInput } from '@shared/schemas/sync';

export type SslMode = BackendConnection['sslMode'];
import type { FeatureT } from '../../lib/featureT';

/** How the user describes the backend: field by field, or one postgres:// connection string. */
export type ConnectionMode = 'fields' | 'string';

export interface ConnectionFormValues {
  mode: ConnectionMode;
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  sslMode: SslMode;
  caCertificate: string;
  connectionString: string;
}

export const DEFAULT_PORT = 5432;

export function emptyConnection(): ConnectionFormValues {
  return {
    mode: 'fields',
    host: '',
    port: DEFAULT_PORT,
    database: '',
    user: '',
    password: '',
    // Certificate verification is on unless the user says otherwise.
    sslMode: 'verify-full',
    caCertificate: '',
    connectionString: '',
  };
}

/** The connection an invitation points to, put into the form (the password is never in it). */
export function withInvitedConnection(values: ConnectionFormValues, invited: unknown): ConnectionFormValues | null {
  const parsed = BackendConnection.safeParse(invited);
  if (!parsed.success) return null;
  const c = parsed.data;
  return { ...values, mode: 'fields', host: c.host, port: c.port, database: c.database, user: c.user, sslMode: c.sslMode, caCertificate: c.caCertificate ?? '' };
}

/**
 * What a connection string says about TLS. Without sslmode the driver does not encrypt; only
 * verify-full is sure to check the server's certificate (require, prefer and verify-ca change
 * meaning between driver versions); no-verify encrypts without checking who answers.
 */
export function connectionStringTls(s: string): 'verified' | 'unverified' | 'none' | 'ambiguous' {
  const m = /[?&]sslmode=([^&#]+)/i.exec(s);
  if (!m) return 'none';
  const mode = decodeURIComponent(m[1]!).toLowerCase();
  if (mode === 'verify-full') return 'verified';
  if (mode === 'disable' || mode === 'allow') return 'none';
  if (mode === 'no-verify') return 'unverified';
  return 'ambiguous';
}

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\/\S+$/i.test(s.trim());
}

/**
 * The form's values as the API takes them, or the errors to show next to the fields. The field
 * rules are the API's own (BackendConnection); only the messages are the form's.
 */
export function toConnectInput(v: ConnectionFormValues, t: FeatureT): { input: ConnectInput } | { errors: Record<string, string> } {
  if (v.mode === 'string') {
    if (!isPostgresUrl(v.connectionString)) return { errors: { connectionString: t('form.errors.connectionString') } };
    return { input: { connectionString: v.connectionString.trim(), password: v.password } };
  }
  const port = typeof v.port === 'number' ? v.port : Number.parseInt(v.port, 10);
  const candidate = {
    host: v.host,
    port: Number.isFinite(port) ? port : Number.NaN,
    database: v.database,
    user: v.user,
    sslMode: v.sslMode,
    caCertificate: v.sslMode === 'verify-full' && v.caCertificate.trim() ? v.caCertificate.trim() : null,
  };
  const parsed = BackendConnection.safeParse(candidate);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field && !(field in errors)) errors[field] = t(`form.errors.${field}`);
    }
  }
  if (candidate.caCertificate && !candidate.caCertificate.includes('-----BEGIN CERTIFICATE-----')) errors.caCertificate = t('form.errors.caCertificate');
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { input: { connection: parsed.data, password: v.password } };
}
