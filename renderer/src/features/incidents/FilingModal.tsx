import { useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFileText, IconListCheck } from '@tabler/icons-react';
import { formatDeadline } from '@shared/format/dates';
import type { Incident, Notification } from '@shared/schemas/incident';
import type { Obligation } from '@shared/schemas/obligation';
import { api, ApiError } from '../../api';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { mimeTypeOf, readAsBase64 } from '../../lib/files';
import { DialogForm, useDialogValues } from '../../kit';
import { appDate } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { methodOptions, phaseOptions, type MethodValue, type PhaseValue, type RecipientValue } from './labels';
import { NS } from './recordType';
import { ChoiceField } from '../../components/ChoiceField';

/** Which notification recipient each obligation's recipient is. */
const RECIPIENT_OF: Record<Obligation['recipientKind'], RecipientValue> = { authority: 'authority', data_subjects: 'data_subjects', client: 'client', csirt: 'nis2_csirt' };
const METHOD_OF: Record<Obligation['recipientKind'], MethodValue> = { authority: 'online_form', data_subjects: 'email', client: 'email', csirt: 'online_form' };

interface Values {
  phase: PhaseValue;
  sent: LocalDateTimeValue;
  method: MethodValue;
  recipientName: string;
  reference: string;
  content: string;
  lateReasons: string;
  acceptGaps: boolean;
  files: File[];
}

/**
 * Records a filing for an obligation: what was sent, when, how, with its files. The pre-filing
 * check runs as the form changes (what Art. 33(3) and the CNIL form still lack, whether it is
 * late); gaps can be accepted knowingly as a phased notification, lateness needs its reasons.
 * Once recorded it is frozen: the dialog says so before the user confirms.
 */
export function FilingModal({ incident, obligation, onClose }: { incident: Incident; obligation: Obligation; onClose(saved: Notification | null): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const first = obligation.filingIds.length === 0;
  const { values: v, errors, setErrors, set, field, text } = useDialogValues<Values>(() => ({
    phase: first ? 'initial' : 'complementary',
    sent: nowLocalParts(f.zone, appDate()),
    method: METHOD_OF[obligation.recipientKind],
    recipientName: obligation.recipientName,
    reference: '',
    content: '',
    lateReasons: '',
    acceptGaps: false,
    files: [],
  }));
  const [preparing, setPreparing] = useState(false);
  const sentAt = instantFromLocal(v.sent.date, v.sent.time, f.zone);
  const recipient = RECIPIENT_OF[obligation.recipientKind];

  // The pre-filing check, a moment after the user stops typing (a string, so that equal inputs are equal).
  const [asked] = useDebouncedValue(JSON.stringify({ phase: v.phase, sentAt, content: v.content }), 250);
  const checked = useRemote(() => {
    const a = JSON.parse(asked) as { phase: PhaseValue; sentAt: string | null; content: string };
    return a.sentAt ? api.call('filings.check', { incidentId: incident.id, obligationId: obligation.id, recipient, phase: a.phase, sentAt: a.sentAt, content: a.content }) : Promise.resolve(null);
  }, [incident.id, obligation.id, recipient, asked]);
  const check = checked.error ? null : checked.data;

  async function prepare() {
    setPreparing(true);
    try {
      const text = await api.call('obligations.prepareText', { obligationId: obligation.id });
      set('content', `${text.subject}\n\n${text.body}`);
    } finally {
      setPreparing(false);
    }
  }

  async function submit(): Promise<boolean> {
    const found: Partial<Record<keyof Values, string>> = {};
    if (!sentAt) found.sent = t('fieldErrors.sentAt');
    if (check?.lateReasonsRequired && !v.lateReasons.trim()) found.lateReasons = t('filings.lateReasonsRequired');
    if (check && check.gaps.length > 0 && !v.acceptGaps) found.acceptGaps = t('filings.acceptGapsRequired');
    if (Object.keys(found).length) {
      setErrors(found);
      return false;
    }
    const files = await Promise.all(v.files.map(async (file) => ({ fileName: file.name, mimeType: mimeTypeOf(file), contentBase64: await readAsBase64(file) })));
    try {
      const saved = await api.call('incidents.addNotification', {
        incidentId: incident.id,
        obligationId: obligation.id,
        recipient,
        recipientName: v.recipientName,
        phase: v.phase,
        sentAt: sentAt!,
        method: v.method,
        reference: v.reference,
        content: v.content,
        lateReasons: v.lateReasons,
        acceptGaps: v.acceptGaps,
        files,
      });
      notifySuccess(t('filings.recorded', { ref: saved.filingRef }));
      onClose(saved);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.issues?.some((i) => i.path === 'lateReasons')) {
        setErrors({ lateReasons: t('filings.lateReasonsRequired') });
        return false;
      }
      if (e instanceof ApiError && e.issues?.some((i) => i.path === 'sentAt')) {
        setErrors({ sent: t('fieldErrors.sentAtFuture') });
        return false;
      }
      throw e;
    }
  }

  const late = check?.late ?? false;
  return (
    <DialogForm
      title={t('filings.title', { obligation: obligation.label[f.lang], reference: incident.reference })}
      intro={<Text size="sm">{t('filings.frozenNotice')}</Text>}
      submitLabel={t('filings.submit')}
      onSubmit={submit}
      onClose={() => onClose(null)}
      size={720}
      testId="filing-dialog"
    >
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput label={t('fields.recipientName')} maxLength={200} {...text('recipientName')} />
        <ChoiceField<PhaseValue>
          label={t('fields.phase')}
          description={t('notifications.phaseHelp')}
          required
          data={phaseOptions(t).map((o) => ({ ...o, disabled: first ? o.value !== 'initial' : o.value === 'initial' }))}
          value={v.phase}
          onChange={(value) => set('phase', value)}
        />
        <OrgDateTimeField name="sentAt" label={t('fields.sentAt')} description={t('form.zoneHelp', { zone: f.zone })} required {...field('sent')} />
        <Select label={t('fields.method')} required data={methodOptions(t)} value={v.method} onChange={(value) => value && set('method', value as MethodValue)} allowDeselect={false} />
        <TextInput
          label={t('fields.notificationReference')}
          description={t('notifications.referenceHelp')}
          maxLength={200}
          className="tabular"
          {...text('reference')}
        />
        <FileInput label={t('filings.files')} description={t('filings.filesHelp')} multiple clearable value={v.files} onChange={(files) => set('files', files)} />
      </SimpleGrid>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('filings.content')}
        </Text>
        <Button size="compact-sm" variant="light" leftSection={<IconFileText size={14} />} loading={preparing} onClick={() => void prepare()}>
          {t('filings.prepare')}
        </Button>
      </Group>
      <Textarea
        aria-label={t('filings.content')}
        description={t('filings.contentHelp')}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={50_000}
        {...text('content')}
      />
      {check && (
        <Text size="sm" data-testid="filing-due">
          {check.due ? t(late ? 'filings.dueLate' : 'filings.dueOnTime', { due: formatDeadline(check.due, f.zone, f.lang) }) : first ? t('filings.noDeadline') : t('filings.complementary')}
        </Text>
      )}
      {late && (
        <Stack gap={6}>
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />}>
            <Text size="sm">{t('filings.lateWarning')}</Text>
          </Alert>
          <Textarea
            label={t('filings.lateReasons')}
            description={t('filings.lateReasonsHelp')}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={10_000}
            {...text('lateReasons')}
          />
        </Stack>
      )}
      {check && check.gaps.length > 0 && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconListCheck size={16} aria-hidden />} title={t('filings.gapsTitle')} data-testid="filing-gaps">
          <List size="sm" spacing={2}>
            {check.gaps.map((g) => (
              <List.Item key={g.code} data-code={g.code}>
                {g.label[f.lang]}
              </List.Item>
            ))}
          </List>
          <Checkbox mt="xs" label={t('filings.acceptGaps')} checked={v.acceptGaps} onChange={(e) => set('acceptGaps', e.currentTarget.checked)} error={errors.acceptGaps} />
        </Alert>
      )}
    </DialogForm>
  );
}
