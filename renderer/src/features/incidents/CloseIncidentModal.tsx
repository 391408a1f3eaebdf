import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Incident } from '@shared/schemas/incident';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
import { useOrgTimeZone } from '../../state/appStatus';
import { NS } from './recordType';

interface Props {
  incident: Incident;
  onClose(updated: Incident | null): void;
  /** Opens the form on the decisions, when closing is refused for want of one. */
  onEditDecision(): void;
}

/**
 * Closes an incident at a given instant. The core refuses while the decision to notify the authority
 * is pending (Art. 33(5): the decision and its reasons are part of the register): its words are shown.
 */
export function CloseIncidentModal({ incident, onClose, onEditDecision }: Props) {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const zone = useOrgTimeZone();
  const [at, setAt] = useState<LocalDateTimeValue>(() => nowLocalParts(zone));
  const [atError, setAtError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const instant = instantFromLocal(at.date, at.time, zone);
    if (!instant) {
      setAtError(t('fieldErrors.instant'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await api.call('incidents.setStatus', { id: incident.id, status: 'closed', at: instant });
      notifySuccess(t('statusChange.done', { reference: updated.reference, status: t('status.closed') }));
      onClose(updated);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  }

  const refused = error instanceof ApiError && error.code === 'CONFLICT';
  return (
    <Modal opened onClose={() => onClose(null)} title={t('statusChange.closeTitle', { reference: incident.reference })} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('statusChange.closeBody')}</Text>
          <OrgDateTimeField
            name="closedAt"
            label={t('fields.closedAt')}
            description={t('form.zoneHelp', { zone })}
            required
            value={at}
            onChange={(v) => {
              setAt(v);
              setAtError(null);
            }}
            error={atError}
          />
          {refused ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('statusChange.closeRefused')} role="alert" data-testid="close-refused">
              <Text size="sm">{t('statusChange.closeRefusedBody')}</Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('statusChange.coreSays', { message: (error as ApiError).message })}
              </Text>
              <Button variant="default" size="compact-sm" mt="xs" onClick={onEditDecision}>
                {t('statusChange.editDecision')}
              </Button>
            </Alert>
          ) : (
            error !== null && <ErrorNotice error={error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(null)}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('statusChange.closeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
