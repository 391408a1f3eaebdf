import { useState } from 'react';
import { Alert, Button, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { NotificationCreate, type Incident, type Notification } from '@shared/schemas/incident';
import { regulatorLabel } from '@shared/reference/regulators';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import { useOrgTimeZone } from '../../state/appStatus';
import { methodOptions, phaseOptions, recipientOptions, type MethodValue, type PhaseValue, type RecipientValue } from './labels';
import { NS } from './recordType';

interface Props {
  incident: Incident;
  /** Those already recorded: the first to a recipient is initial, the next ones complementary. */
  notifications: readonly Notification[];
  /** The one being corrected; absent when recording a new one. */
  notification?: Notification;
  onClose(saved: Notification | null): void;
}

interface Values {
  recipient: RecipientValue;
  recipientName: string;
  phase: PhaseValue;
  sent: LocalDateTimeValue;
  method: MethodValue;
  reference: string;
  content: string;
}

const FIELD_OF: Record<string, keyof Values> = { sentAt: 'sent' };

function defaultName(recipient: RecipientValue, incident: Incident): string {
  return recipient === 'authority' ? regulatorLabel(incident.authority) : '';
}

function defaultPhase(recipient: RecipientValue, notifications: readonly Notification[]): PhaseValue {
  return notifications.some((n) => n.recipient === recipient) ? 'complementary' : 'initial';
}

/**
 * Records a notification sent about the incident (to the authority, the data subjects, a CSIRT…) or
 * corrects one. The instant it was sent, not the click, is what meets a clock: the first one to the
 * authority meets the 72 hours of Art. 33(1); the next ones are phased information (Art. 33(4)).
 */
export function NotificationModal({ incident, notifications, notification, onClose }: Props) {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const zone = useOrgTimeZone();
  const [v, setV] = useState<Values>(() =>
    notification
      ? {
          recipient: notification.recipient,
          recipientName: notification.recipientName,
          phase: notification.phase,
          sent: localPartsOf(notification.sentAt, zone),
          method: notification.method,
          reference: notification.reference,
          content: notification.content,
        }
      : {
          recipient: 'authority',
          recipientName: defaultName('authority', incident),
          phase: defaultPhase('authority', notifications),
          sent: nowLocalParts(zone),
          method: 'online_form',
          reference: '',
          content: '',
        },
  );
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setV((s) => ({ ...s, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const sentAt = instantFromLocal(v.sent.date, v.sent.time, zone);
  // Is this the one that meets the 72 hours, and is it late?
  const firstToAuthority =
    v.recipient === 'authority' &&
    !notifications.some((n) => n.recipient === 'authority' && n.id !== notification?.id && sentAt !== null && Date.parse(n.sentAt) < Date.parse(sentAt));
  const late = firstToAuthority && sentAt !== null && incident.authorityDue !== null && Date.parse(sentAt) > Date.parse(incident.authorityDue);

  async function submit() {
    const input = {
      incidentId: incident.id,
      recipient: v.recipient,
      recipientName: v.recipientName,
      phase: v.phase,
      sentAt: sentAt ?? '',
      method: v.method,
      reference: v.reference,
      content: v.content,
    };
    const found: Partial<Record<keyof Values, string>> = {};
    if (!sentAt) found.sent = t('fieldErrors.sentAt');
    const parsed = NotificationCreate.safeParse(input);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrorsFromIssues(issuesOf(parsed.error), (p) => FIELD_OF[p] ?? p).fields)) {
        found[field as keyof Values] ??= message;
      }
    }
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      let saved: Notification;
      if (notification) {
        const { incidentId: _incident, ...fields } = input;
        const patch = Object.fromEntries(
          Object.entries(fields).filter(([k, value]) =>
            k === 'sentAt' ? Date.parse(String(value)) !== Date.parse(notification.sentAt) : value !== notification[k as keyof Notification],
          ),
        );
        if (Object.keys(patch).length === 0) {
          onClose(null);
          return;
        }
        saved = await api.call('incidents.updateNotification', { id: notification.id, patch });
        notifySuccess(t('notifications.corrected'));
      } else {
        saved = await api.call('incidents.addNotification', input);
        notifySuccess(t('notifications.recorded', { recipient: t(`recipient.${saved.recipient}`) }));
      }
      onClose(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length) {
        const { fields, other } = fieldErrorsFromIssues(e.issues, (p) => FIELD_OF[p] ?? p);
        setErrors(fields as Partial<Record<keyof Values, string>>);
        if (other.length) setError(e);
      } else setError(e);
      setSaving(false);
    }
  }

  return (
    <Modal
      opened
      onClose={() => onClose(null)}
      title={notification ? t('notifications.correctTitle') : t('notifications.addTitle', { reference: incident.reference })}
      size={640}
      closeOnClickOutside={false}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
            <Select
              label={t('fields.recipient')}
              required
              data={recipientOptions(t)}
              value={v.recipient}
              onChange={(value) => {
                if (!value) return;
                const recipient = value as RecipientValue;
                setV((s) => ({
                  ...s,
                  recipient,
                  // Follow the recipient while the user has not typed a name of their own.
                  recipientName: s.recipientName === defaultName(s.recipient, incident) ? defaultName(recipient, incident) : s.recipientName,
                  phase: notification ? s.phase : defaultPhase(recipient, notifications),
                }));
              }}
            />
            <TextInput
              label={t('fields.recipientName')}
              description={t('notifications.recipientNameHelp')}
              maxLength={200}
              value={v.recipientName}
              onChange={(e) => set('recipientName', e.currentTarget.value)}
              error={errors.recipientName}
            />
            <Input.Wrapper label={t('fields.phase')} description={t('notifications.phaseHelp')} required>
              <div>
                <SegmentedControl aria-label={t('fields.phase')} data={phaseOptions(t)} value={v.phase} onChange={(value) => set('phase', value as PhaseValue)} />
              </div>
            </Input.Wrapper>
            <OrgDateTimeField
              name="sentAt"
              label={t('fields.sentAt')}
              description={t('form.zoneHelp', { zone })}
              required
              value={v.sent}
              onChange={(sent) => set('sent', sent)}
              error={errors.sent}
            />
            <Select
              label={t('fields.method')}
              required
              data={methodOptions(t)}
              value={v.method}
              onChange={(value) => value && set('method', value as MethodValue)}
            />
            <TextInput
              label={t('fields.notificationReference')}
              description={t('notifications.referenceHelp')}
              maxLength={200}
              className="tabular"
              value={v.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
              error={errors.reference}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.content')}
            description={t('notifications.contentHelp')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={50_000}
            value={v.content}
            onChange={(e) => set('content', e.currentTarget.value)}
            error={errors.content}
          />
          {late && (
            <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
              <Text size="sm">{t('notifications.lateWarning')}</Text>
            </Alert>
          )}
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(null)}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {notification ? t('notifications.saveCorrection') : t('notifications.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
