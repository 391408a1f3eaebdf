import { useState } from 'react';
import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Incident } from '@shared/schemas/incident';
import { api, ApiError } from '../../api';
import { ChangeDialog } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useOrgTimeZone } from '../../state/appStatus';
import { NS } from './recordType';

interface Props {
  incident: Incident;
  onClose(updated: Incident | null): void;
  /** Opens the form on the decisions, when closing is refused for want of one. */
  onEditDecision(): void;
}

/**
 * Closes an incident at a given instant (now on the app's clock by default). The core refuses
 * while the decision to notify the authority is pending (Art. 33(5): the decision and its reasons
 * are part of the register): its words are shown, with the way to record the decision.
 */
export function CloseIncidentModal({ incident, onClose, onEditDecision }: Props) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  const [refused, setRefused] = useState<string | null>(null);

  return (
    <ChangeDialog
      title={t('statusChange.closeTitle', { reference: incident.reference })}
      intro={t('statusChange.closeBody')}
      submitLabel={t('statusChange.closeSubmit')}
      when={{ name: 'closedAt', label: t('fields.closedAt'), description: t('form.zoneHelp', { zone }), message: t('fieldErrors.instant') }}
      onClose={() => onClose(null)}
      onSubmit={async ({ at }) => {
        setRefused(null);
        try {
          const updated = await api.call('incidents.setStatus', { id: incident.id, status: 'closed', at: at! });
          notifySuccess(t('statusChange.done', { reference: updated.reference, status: t('status.closed') }));
          onClose(updated);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'CONFLICT')) throw e;
          setRefused(e.message);
          return false;
        }
      }}
    >
      {refused !== null && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('statusChange.closeRefused')} role="alert" data-testid="close-refused">
          <Text size="sm">{t('statusChange.closeRefusedBody')}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('statusChange.coreSays', { message: refused })}
          </Text>
          <Button variant="default" size="compact-sm" mt="xs" onClick={onEditDecision}>
            {t('statusChange.editDecision')}
          </Button>
        </Alert>
      )}
    </ChangeDialog>
  );
}
