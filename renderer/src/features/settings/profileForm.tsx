import { useEffect, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Profile, ProfileUpdate } from '@shared/schemas/profile';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { placeRefusal } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useRemote } from '../../lib/useRemote';
import { useAppStatus } from '../../state/appStatus';
import { NS } from './ns';

/**
 * What the tabs that edit the stored profile (Organisation, Notifications) share: the profile read
 * into the form, and a save that stores a change, puts the stored values back in the form and makes
 * the whole app follow them. A refusal naming fields (when `fieldOf` maps them) goes under them;
 * anything else is `error`, for the footer.
 */
export function useProfileForm<V>(form: UseFormReturnType<V>, valuesOf: (p: Profile) => V, fieldOf?: (path: string) => string | null) {
  const t = useFeatureT(NS);
  const profile = useRemote(() => api.call('profile.get', {}), []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!profile.data) return;
    form.setInitialValues(valuesOf(profile.data));
    form.setValues(valuesOf(profile.data));
    // The form object and valuesOf are stable for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile.data]);

  async function save(update: ProfileUpdate) {
    setSaving(true);
    setError(null);
    try {
      const next = await api.call('profile.update', update);
      profile.setData(next);
      // The header, the navigation and every date shown follow the stored profile.
      useAppStatus.setState((s) => ({ status: s.status ? { ...s.status, profile: next } : s.status }));
      notifySuccess(t('organisation.saved'));
    } catch (e) {
      setError(fieldOf ? placeRefusal(e, fieldOf, form.setErrors) : e);
    } finally {
      setSaving(false);
    }
  }

  return { profile: profile.data, loadError: profile.error, saving, error, save };
}

/** The end of a profile tab: the save's error, the reminder that changes are audited, Discard and Save. */
export function ProfileFormFooter({ dirty, saving, error, onDiscard }: { dirty: boolean; saving: boolean; error: unknown; onDiscard(): void }) {
  const t = useFeatureT(NS);
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('organisation.audited')}
        </Text>
        <Group gap="xs">
          <Button variant="default" disabled={!dirty || saving} onClick={onDiscard}>
            {t('common.discard')}
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
