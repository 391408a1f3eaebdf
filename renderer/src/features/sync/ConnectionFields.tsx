import { Alert, Grid, NumberInput, PasswordInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconLockCheck } from '@tabler/icons-react';
import { SslMode } from '@shared/schemas/sync';
import { LabelledSegments } from '../../components/LabelledSegments';
import { useFeatureT } from '../../lib/featureT';
import { connectionStringTls, type ConnectionFormValues, type SslMode as SslModeValue } from './connectionForm';

export type SyncFormValues = ConnectionFormValues & { invitation: string; code: string };

/** A field of machine text (a host, a login, a code): the spell checker and the browser's autofill only get in the way. */
export function machineText(disabled: boolean | undefined) {
  return { spellCheck: false, autoComplete: 'off', disabled } as const;
}

/** Certificates and connection strings are read character by character: monospace. */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } };

/**
 * Where the shared PostgreSQL is and how to reach it: the fields one by one, or a postgres://
 * connection string. TLS certificate verification is the default; anything weaker says plainly
 * what it gives up.
 */
export function ConnectionFields({ form, disabled }: { form: UseFormReturnType<SyncFormValues>; disabled?: boolean }) {
  const st = useFeatureT('sync');
  const v = form.getValues();
  return (
    <Stack gap="sm">
      <LabelledSegments
        id="sync-connection-mode"
        label={st('form.modeLabel')}
        size="xs"
        disabled={disabled}
        data={[
          { value: 'fields', label: st('form.modeFields') },
          { value: 'string', label: st('form.modeString') },
        ]}
        {...form.getInputProps('mode')}
      />
      {v.mode === 'string' ? (
        <>
          <TextInput
            label={st('form.connectionString')}
            description={st('form.connectionStringHelp')}
            placeholder="postgres://privacyops_dpo@db.example.org:5432/privacyops?sslmode=verify-full"
            required
            styles={MONO}
            {...machineText(disabled)}
            {...form.getInputProps('connectionString')}
          />
          <PasswordInput
            label={st('form.password')}
            description={st('form.passwordStringHelp')}
            autoComplete="new-password"
            disabled={disabled}
            {...form.getInputProps('password')}
          />
          <StringTlsNotice value={v.connectionString} />
        </>
      ) : (
        <>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={st('form.host')} description={st('form.hostHelp')} placeholder="db.example.org" required {...machineText(disabled)} {...form.getInputProps('host')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <NumberInput label={st('form.port')} required min={1} max={65535} allowDecimal={false} allowNegative={false} thousandSeparator="" hideControls disabled={disabled} {...form.getInputProps('port')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <TextInput label={st('form.database')} placeholder="privacyops" required {...machineText(disabled)} {...form.getInputProps('database')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={st('form.user')} description={st('form.userHelp')} required {...machineText(disabled)} {...form.getInputProps('user')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PasswordInput label={st('form.password')} description={st('form.passwordHelp')} autoComplete="new-password" disabled={disabled} {...form.getInputProps('password')} />
            </Grid.Col>
          </Grid>
          <Select
            maw={520}
            label={st('form.sslMode')}
            data={SslMode.options.map((m) => ({ value: m, label: st(`tls.${m}`) }))}
            disabled={disabled}
            {...form.getInputProps('sslMode')}
          />
          <TlsNotice mode={v.sslMode} />
          {v.sslMode === 'verify-full' && (
            <Textarea
              label={st('form.caCertificate')}
              description={st('form.caCertificateHelp')}
              placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
              autosize
              minRows={2}
              maxRows={8}
              spellCheck={false}
              disabled={disabled}
              styles={MONO}
              {...form.getInputProps('caCertificate')}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function TlsNotice({ mode }: { mode: SslModeValue }) {
  const st = useFeatureT('sync');
  if (mode === 'verify-full') {
    return (
      <Text size="xs" c="dimmed">
        <IconLockCheck size={13} style={{ verticalAlign: -2, marginRight: 4 }} aria-hidden />
        {st('tls.verifiedHelp')}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={st(`tls.${mode}Title`)} data-testid="tls-warning">
      <Text size="sm">{st(`tls.${mode}Warning`)}</Text>
    </Alert>
  );
}

function StringTlsNotice({ value }: { value: string }) {
  const st = useFeatureT('sync');
  if (!value.trim()) return null;
  const tls = connectionStringTls(value);
  if (tls === 'verified') return <TlsNotice mode="verify-full" />;
  const key = tls === 'none' ? 'disable' : tls === 'unverified' ? 'require' : 'ambiguous';
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={st(`tls.${key}Title`)} data-testid="tls-warning">
      <Text size="sm">{st(`tls.${key}Warning`)}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {st('tls.stringHint')}
      </Text>
    </Alert>
  );
}
