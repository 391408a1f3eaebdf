import { useRef, useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { CenteredPanel } from '../../components/CenteredPanel';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubmitForm } from '../../components/SubmitForm';
import { useAction } from '../../lib/useAction';
import { useAppStatus } from '../../state/appStatus';

/** The register exists but is closed: say why, and open it with the passphrase or the keychain. */
export function UnlockScreen() {
  const { t } = useTranslation();
  const status = useAppStatus((s) => s.status);
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { running: busy, error, run } = useAction<'unlock' | 'keychain'>();
  const [keychainStillLocked, setKeychainStillLocked] = useState(false);
  // Set when an unlock attempt was refused because the register is newer than this app.
  const [newer, setNewer] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const reason = newer ? 'database-newer' : (status?.lockReason ?? 'user-locked');
  // Neither the passphrase nor the keychain can open a register this version does not understand.
  const refused = reason === 'database-newer';

  async function unlock() {
    if (!passphrase) {
      setFieldError(t('fieldErrors.passphrase'));
      input.current?.focus();
      return;
    }
    setFieldError(null);
    await run(async () => {
      try {
        useAppStatus.getState().apply(await api.call('app.unlock', { passphrase }));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'DATABASE_NEWER') {
          setNewer(true);
        } else if (e instanceof ApiError && e.code === 'WRONG_PASSPHRASE') {
          setFieldError(t('errors.WRONG_PASSPHRASE'));
          // Keep the typed text so a typo can be fixed; select it so retyping replaces it.
          requestAnimationFrame(() => {
            input.current?.focus();
            input.current?.select();
          });
        } else {
          throw e;
        }
      }
    }, 'unlock');
  }

  async function retryKeychain() {
    setFieldError(null);
    setKeychainStillLocked(false);
    await run(async () => {
      try {
        const next = await api.call('app.retryKeychain', {});
        useAppStatus.getState().apply(next);
        if (next.state === 'locked' && next.lockReason !== 'database-newer') setKeychainStillLocked(true);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'DATABASE_NEWER') setNewer(true);
        else throw e;
      }
    }, 'keychain');
  }

  return (
    <CenteredPanel title={t('unlock.title')} width={520}>
      <Stack gap="md">
        <Alert
          color={refused ? 'red' : 'gray'}
          variant="light"
          icon={refused ? <IconAlertTriangle size={18} /> : <IconLock size={18} />}
          data-testid="lock-reason"
          data-reason={reason}
          role={refused ? 'alert' : undefined}
        >
          {t(`unlock.reasons.${reason}`, { version: status?.version ?? '' })}
        </Alert>
        {!refused && (
          <SubmitForm onSubmit={unlock}>
            <Stack gap="sm">
              <PasswordInput
                ref={input}
                label={t('unlock.passphrase')}
                autoFocus
                autoComplete="current-password"
                value={passphrase}
                onChange={(e) => {
                  setPassphrase(e.currentTarget.value);
                  setFieldError(null);
                }}
                error={fieldError}
              />
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  leftSection={<IconKey size={16} />}
                  loading={busy === 'keychain'}
                  disabled={busy === 'unlock'}
                  onClick={() => void retryKeychain()}
                >
                  {t('unlock.retryKeychain')}
                </Button>
                <Button type="submit" loading={busy === 'unlock'} disabled={busy === 'keychain'}>
                  {t('unlock.submit')}
                </Button>
              </Group>
            </Stack>
          </SubmitForm>
        )}
        {keychainStillLocked && (
          <Text size="sm" c="dimmed" role="status">
            {t('unlock.keychainStillLocked')}
          </Text>
        )}
        {error !== null && <ErrorNotice error={error} />}
        {!refused && (
          <Text size="sm" c="dimmed" data-testid="reminders-paused">
            {t('unlock.remindersPaused')}
          </Text>
        )}
        {status && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('unlock.dataDir', { path: status.dataDir })} · {t('shell.version', { version: status.version })}
          </Text>
        )}
      </Stack>
    </CenteredPanel>
  );
}
