import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarDue } from '@tabler/icons-react';
import type { Letter, LetterDirection, LetterKind } from '@shared/schemas/letter';
import type { Organisation } from '@shared/schemas/profile';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LocalDateInput } from '../../components/LocalDateInput';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { fieldErrorsFromIssues } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { formatLocalDateLong } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, lastDayOfDeadline } from '../../lib/orgTime';
import { useUiLanguage } from '../../i18n';
import { useRecordChanges } from '../../state/recordChanges';
import { AppealExplained } from './AppealExplained';
import { useMatterOptions } from './LetterFilters';
import { directionOptions, isAppealable, kindOptions, NS } from './labels';
import { formFieldOf, newLetterValues, patchOf, toLetterFields, valuesOfLetter, visibleFields, type LetterFormValues } from './letterForm';
import { RegulatorField } from './RegulatorField';
import type { LetterPreset } from './stores';

interface Props {
  organisation: Organisation;
  letter?: Letter;
  preset?: LetterPreset;
  onDone(saved: Letter | null): void;
}

/** Records a letter to or from a regulator, or edits one, with the deadlines it sets shown as typed. */
export function LetterForm({ organisation, letter, preset, onDone }: Props) {
  const t = useFeatureT(NS);
  const lang = useUiLanguage();
  const zone = organisation.timeZone;
  const [initial] = useState<LetterFormValues>(() => (letter ? valuesOfLetter(letter, zone) : newLetterValues(zone, organisation.defaultRegulator, preset)));
  const form = useForm<LetterFormValues>({ mode: 'controlled', initialValues: initial });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = form.getValues();
  const shown = visibleFields(v, initial);
  const matters = useMatterOptions();
  const { options: replyOptions, parent } = useReplyOptions(v.matterId, letter?.id ?? null, v.inReplyTo);
  const showDeadlines = v.direction === 'inbound' || Boolean(initial.replyDue) || Boolean(v.replyDue) || shown.compliance || shown.amount;

  function setDirection(direction: LetterDirection) {
    // A new letter keeps "now" on the date that matters for its direction.
    if (!letter && direction !== v.direction) {
      const moved = direction === 'outbound' ? { sent: v.received, received: { date: null, time: '' } } : { received: v.sent, sent: { date: null, time: '' } };
      const untouched = direction === 'outbound' ? v.sent.date === null : v.received.date === null;
      if (untouched) form.setValues(moved);
      if (v.kind === (direction === 'outbound' ? 'request_for_information' : 'our_reply')) form.setFieldValue('kind', direction === 'outbound' ? 'our_reply' : 'request_for_information');
    }
    form.setFieldValue('direction', direction);
  }

  async function save(values: LetterFormValues) {
    setError(null);
    const checked = toLetterFields(values, zone, shown);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      let saved: Letter;
      if (letter) {
        const patch = patchOf(letter, checked.fields, zone);
        if (Object.keys(patch).length === 0) {
          notifySuccess(t('form.noChanges'));
          onDone(null);
          return;
        }
        saved = await api.call('letters.update', { id: letter.id, patch });
        notifySuccess(t('form.saved', { reference: saved.reference }));
      } else {
        const { reference, ...rest } = checked.fields;
        saved = await api.call('letters.create', { ...rest, ...(reference ? { reference } : {}) });
        notifySuccess(t('form.created', { reference: saved.reference }));
      }
      useRecordChanges.getState().bump('letter', saved.id);
      if (saved.inReplyTo) useRecordChanges.getState().bump('letter', saved.inReplyTo);
      if (saved.matterId) useRecordChanges.getState().bump('matter', saved.matterId);
      onDone(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length) {
        const { fields, other } = fieldErrorsFromIssues(e.issues, formFieldOf);
        form.setErrors(fields);
        if (other.length) setError(e);
      } else if (e instanceof ApiError && e.code === 'CONFLICT' && /reference/i.test(e.message)) {
        form.setFieldError('reference', e.message);
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  }

  const instant = (x: LetterFormValues['sent']) => (x.date ? instantFromLocal(x.date, x.time || '00:00', zone) : null);
  const hasErrors = Object.keys(form.errors).length > 0;
  const dateHelp = t('form.zoneHelp', { zone });

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 290px', gap: 'var(--mantine-spacing-lg)', alignItems: 'start' }}>
        <Stack gap="lg">
          <Section title={t('form.letterSection')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <RegulatorField
                label={t('fields.regulator')}
                description={t('form.regulatorHelp')}
                required
                value={v.regulator}
                onChange={(regulator) => form.setFieldValue('regulator', regulator)}
                error={form.errors.regulator}
              />
              <Input.Wrapper label={t('fields.direction')} required description={t('form.directionHelp')}>
                <SegmentedControl
                  fullWidth
                  data={directionOptions(t)}
                  value={v.direction}
                  onChange={(d) => setDirection(d as LetterDirection)}
                  aria-label={t('fields.direction')}
                  data-testid="direction-control"
                />
              </Input.Wrapper>
              <Select
                label={t('fields.kind')}
                required
                data={kindOptions(t)}
                value={v.kind}
                onChange={(k) => k && form.setFieldValue('kind', k as LetterKind)}
                error={form.errors.kind}
                maxDropdownHeight={360}
                allowDeselect={false}
              />
              <TextInput label={t('fields.reference')} description={t('form.referenceHelp')} maxLength={60} className="tabular" {...form.getInputProps('reference')} />
            </SimpleGrid>
            <Stack gap="sm" mt="sm">
              <TextInput label={t('fields.subject')} required maxLength={500} {...form.getInputProps('subject')} />
              <TagsInput
                label={t('fields.regulatorRefs')}
                description={t('form.regulatorRefsHelp')}
                value={v.regulatorRefs}
                onChange={(refs) => form.setFieldValue('regulatorRefs', refs)}
                maxTags={20}
                clearable
                error={form.errors.regulatorRefs}
                splitChars={[',', ';']}
                acceptValueOnBlur
              />
            </Stack>
          </Section>
          <Section title={t('form.datesSection')} hint={t('form.datesHint')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <OrgDateTimeField
                name="sent"
                label={t('fields.sentAt')}
                description={v.direction === 'inbound' ? t('form.sentInboundHelp') : dateHelp}
                value={v.sent}
                onChange={(sent) => form.setFieldValue('sent', sent)}
                error={form.errors.sent}
              />
              <OrgDateTimeField
                name="received"
                label={t('fields.receivedAt')}
                description={v.direction === 'inbound' ? dateHelp : t('form.receivedOutboundHelp')}
                value={v.received}
                onChange={(received) => form.setFieldValue('received', received)}
                error={form.errors.received}
              />
              <OrgDateTimeField
                name="notified"
                label={t('fields.notifiedAt')}
                description={t('form.notifiedHelp')}
                value={v.notified}
                onChange={(notified) => form.setFieldValue('notified', notified)}
                error={form.errors.notified}
              />
            </SimpleGrid>
          </Section>
          {showDeadlines && (
            <Section title={t('form.deadlinesSection')} hint={t('form.deadlinesHint')}>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <Input.Wrapper label={t('fields.replyDue')} description={t('form.replyDueHelp')} error={form.errors.replyDue}>
                  <LocalDateInput
                    data-testid="reply-due"
                    aria-label={t('fields.replyDue')}
                    value={v.replyDue}
                    onChange={(d) => form.setFieldValue('replyDue', d)}
                    clearable
                  />
                </Input.Wrapper>
                {shown.compliance && (
                  <Input.Wrapper label={t('fields.complianceDue')} description={t('form.complianceDueHelp')} error={form.errors.complianceDue}>
                    <LocalDateInput
                      data-testid="compliance-due"
                      aria-label={t('fields.complianceDue')}
                      value={v.complianceDue}
                      onChange={(d) => form.setFieldValue('complianceDue', d)}
                      clearable
                    />
                  </Input.Wrapper>
                )}
                {shown.amount && (
                  <NumberInput
                    label={t('fields.amountEur')}
                    description={t('form.amountHelp')}
                    min={0}
                    thousandSeparator={lang === 'fr' ? '\u202f' : ','}
                    decimalSeparator={lang === 'fr' ? ',' : '.'}
                    suffix=" €"
                    allowNegative={false}
                    {...form.getInputProps('amountEur')}
                  />
                )}
              </SimpleGrid>
            </Section>
          )}
          <Section title={t('form.procedureSection')} hint={t('form.procedureHint')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Select
                label={t('fields.matter')}
                placeholder={t('form.noMatter')}
                data={matters}
                value={v.matterId}
                onChange={(m) => form.setFieldValue('matterId', m)}
                searchable
                clearable
                nothingFoundMessage={t('list.noMatterFound')}
                error={form.errors.matterId}
              />
              <Select
                label={t('fields.inReplyTo')}
                description={t('form.inReplyToHelp')}
                placeholder={t('form.noParent')}
                data={replyOptions}
                value={v.inReplyTo}
                onChange={(p) => form.setFieldValue('inReplyTo', p)}
                searchable
                clearable
                nothingFoundMessage={t('form.noLetterFound')}
                error={form.errors.inReplyTo}
                comboboxProps={{ width: 420, position: 'bottom-start' }}
              />
            </SimpleGrid>
            <Textarea mt="sm" label={t('fields.summary')} autosize minRows={3} maxRows={12} maxLength={50_000} {...form.getInputProps('summary')} />
          </Section>
        </Stack>
        <Box style={{ position: 'sticky', top: 64 }}>
          <DeadlinesPreview
            values={v}
            zone={zone}
            receivedAt={instant(v.received)}
            notifiedAt={instant(v.notified)}
            sentAt={instant(v.sent)}
            parent={parent}
            complianceShown={shown.compliance}
          />
        </Box>
      </Box>
      <Stack
        gap="sm"
        py="sm"
        mt="md"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
      >
        {error !== null && <ErrorNotice error={error} />}
        <Group justify="flex-end" gap="sm">
          {hasErrors && (
            <Text size="sm" c="red.8" mr="auto" role="alert">
              {t('form.fixErrors')}
            </Text>
          )}
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {letter ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Letters this one can reply to: those of its matter (or the latest ones), never itself. */
function useReplyOptions(matterId: string | null, selfId: string | null, current: string | null) {
  const t = useFeatureT(NS);
  const [letters, setLetters] = useState<Letter[]>([]);
  const [extra, setExtra] = useState<Letter | null>(null);
  useEffect(() => {
    let live = true;
    api.call('letters.list', { ...(matterId ? { matterId } : {}), limit: 200, sort: { field: 'date', dir: 'desc' } }).then(
      (r) => live && setLetters(r.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [matterId]);
  useEffect(() => {
    if (!current || letters.some((l) => l.id === current) || extra?.id === current) return;
    let live = true;
    api.call('letters.get', { id: current }).then(
      (l) => live && setExtra(l),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [current, letters, extra]);
  return useMemo(() => {
    const all = [...letters];
    if (extra && !all.some((l) => l.id === extra.id)) all.push(extra);
    return {
      options: all.filter((l) => l.id !== selfId).map((l) => ({ value: l.id, label: `${l.reference} · ${t(`kind.${l.kind}`)} · ${l.subject}` })),
      parent: current ? all.find((l) => l.id === current) : undefined,
    };
  }, [letters, extra, selfId, current, t]);
}

function DeadlinesPreview({
  values: v,
  zone,
  receivedAt,
  notifiedAt,
  sentAt,
  parent,
  complianceShown,
}: {
  values: LetterFormValues;
  zone: string;
  receivedAt: string | null;
  notifiedAt: string | null;
  sentAt: string | null;
  parent: Letter | undefined;
  complianceShown: boolean;
}) {
  const t = useFeatureT(NS);
  const lang = useUiLanguage();
  const appealable = v.direction === 'inbound' && isAppealable(v.kind);
  // An outbound reply meets the date its letter set: say which, and whether it is in time.
  const answers = v.direction === 'outbound' && parent && (parent.replyDue || parent.complianceDue) ? parent : null;
  const answeredDue = answers ? (answers.replyDue ?? answers.complianceDue)! : null;
  const nothing = !v.replyDue && !(complianceShown && v.complianceDue) && !appealable && !answers;
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="letter-deadlines-preview">
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: '0.04em' }}>
        <IconCalendarDue size={14} style={{ verticalAlign: '-2px', marginRight: 6 }} aria-hidden />
        {t('form.previewTitle')}
      </Text>
      <Stack gap="sm">
        {nothing && (
          <Text size="sm" c="dimmed">
            {t('form.previewNone')}
          </Text>
        )}
        {answers && answeredDue && (
          <div data-testid="answers-preview">
            <Text size="xs" c="dimmed">
              {t('form.answers', { reference: answers.reference })}
            </Text>
            <Text size="sm" fw={600}>
              {t('deadline.lastDayLong', { date: formatLocalDateLong(lastDayOfDeadline(answeredDue, zone), lang), zone })}
            </Text>
            {sentAt && (
              <Text size="xs" c={Date.parse(sentAt) < Date.parse(answeredDue) ? 'teal.8' : 'orange.9'}>
                {Date.parse(sentAt) < Date.parse(answeredDue) ? t('form.answersInTime') : t('form.answersLate')}
              </Text>
            )}
          </div>
        )}
        {v.replyDue && (
          <div>
            <Text size="xs" c="dimmed">
              {t('fields.replyDue')}
            </Text>
            <Text size="sm" fw={600}>
              {t('deadline.lastDayLong', { date: formatLocalDateLong(v.replyDue, lang), zone })}
            </Text>
          </div>
        )}
        {complianceShown && v.complianceDue && (
          <div>
            <Text size="xs" c="dimmed">
              {t('fields.complianceDue')}
            </Text>
            <Text size="sm" fw={600}>
              {t('deadline.lastDayLong', { date: formatLocalDateLong(v.complianceDue, lang), zone })}
            </Text>
          </div>
        )}
        {appealable && (
          <div>
            <Text size="xs" c="dimmed">
              {t('appeal.title')}
            </Text>
            <AppealExplained facts={{ direction: v.direction, kind: v.kind, regulator: v.regulator, notifiedAt, receivedAt }} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section>
      <Title order={2} size="h4" tt="uppercase" c="dimmed" mb={hint ? 2 : 'xs'} style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}
