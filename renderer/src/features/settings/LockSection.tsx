import { useEffect, useState } from 'react';
import { Button, Group, Loader, NumberInput, Radio, Stack } from '@mantine/core';
import { AUTO_LOCK_MAX_MINUTES, type Preferences, type PreferencesUpdate } from '@shared/schemas/core';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAppStatus } from '../../state/appStatus';
import { NS } from './ns';
import { FormSection } from '../../components/FormSection';
import { SubmitForm } from '../../components/SubmitForm';
import { useAction } from '../../lib/useAction';

const MAX_MINUTES = AUTO_LOCK_MAX_MINUTES;

/**
 * This machine's preferences (preferences.json beside the register, readable while it is locked):
 * the auto-lock delay, and on the desktop what closing the window does.
 */
export function LockSection() {
  const t = useFeatureT(NS);
  const host = useAppStatus((s) => s.status?.host);
  const [saved, setSaved] = useState<Preferences | null>(null);
  const [minutes, setMinutes] = useState<string | number>('');
  const [quitOnClose, setQuitOnClose] = useState(false);
  const [minutesError, setMinutesError] = useState<string | null>(null);
  // One error for reading and for saving: either way the section says so in the same place.
  const { busy: saving, error, setError, run } = useAction();

  useEffect(() => {
    let current = true;
    const show = (p: Preferences) => {
      if (!current) return;
      setSaved(p);
      setMinutes(p.autoLockMinutes);
      setQuitOnClose(p.quitOnClose);
    };
    api.call('preferences.get', {}).then(show, (e: unknown) => current && setError(e));
    // Another window (or the tray) may change them too.
    const off = api.on('preferences.changed', show);
    return () => {
      current = false;
      off();
    };
  }, [setError]);

  if (saved === null) return error ? <ErrorNotice error={error} /> : <Loader size="sm" />;

  const typed = typeof minutes === 'number' ? minutes : Number.parseInt(minutes, 10);
  const dirty = typed !== saved.autoLockMinutes || quitOnClose !== saved.quitOnClose;

  async function save() {
    if (!Number.isInteger(typed) || typed < 0 || typed > MAX_MINUTES) {
      setMinutesError(t('lock.minutesInvalid', { max: MAX_MINUTES }));
      return;
    }
    await run(async () => {
      const change: PreferencesUpdate = { autoLockMinutes: typed, ...(host === 'electron' ? { quitOnClose } : {}) };
      const next = await api.call('preferences.set', change);
      setSaved(next);
      setMinutes(next.autoLockMinutes);
      setQuitOnClose(next.quitOnClose);
      notifySuccess(t('lock.saved'));
    });
  }

  return (
    <FormSection title={t('lock.section')} help={host === 'electron' ? t('lock.helpDesktop') : t('lock.helpWeb')}>
      <SubmitForm onSubmit={save}>
        <Stack gap="md">
          <NumberInput
            label={t('lock.minutes')}
            description={typed === 0 ? t('lock.never') : t('lock.minutesHelp')}
            w={320}
            min={0}
            max={MAX_MINUTES}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            value={minutes}
            onChange={(v) => {
              setMinutes(v);
              setMinutesError(null);
            }}
            error={minutesError}
            data-testid="auto-lock-minutes"
          />
          {host === 'electron' && (
            <Radio.Group label={t('lock.onClose')} value={quitOnClose ? 'quit' : 'tray'} onChange={(v) => setQuitOnClose(v === 'quit')}>
              <Stack gap={6} mt={6}>
                <Radio value="tray" label={t('lock.closeToTray')} />
                <Radio value="quit" label={t('lock.closeQuits')} />
              </Stack>
            </Radio.Group>
          )}
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={saving} disabled={!dirty}>
              {t('lock.submit')}
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </FormSection>
  );
}
