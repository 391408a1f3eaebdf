import { useMemo, useState } from 'react';
import { Button, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconCalendarDue, IconFolderPlus } from '@tabler/icons-react';
import { lettersRegister } from '@shared/registers';
import { letterPeriodDue } from '@shared/correspondence/deadlines';
import { type Letter, type LetterDirection } from '@shared/schemas/letter';
import type { Organisation } from '@shared/schemas/profile';
import { api } from '../../api';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { FormFrame, useRecordForm } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { formatLocalDateLong } from '../../lib/format';
import { instantFromLocal, lastDayOfDeadline } from '../../lib/orgTime';
import { useRemote } from '../../lib/useRemote';
import { useUiLanguage } from '../../i18n';
import { useRecordChanges } from '../../state/recordChanges';
import { AppealExplained } from './AppealExplained';
import { DueField } from './DueField';
import { NewMatterDialog } from './NewMatterDialog';
import { directionOptions, isAppealable, kindOptions, NS } from './labels';
import { LETTER_FIELD_OF, newLetterValues, newPeriod, periodOf, toLetterFields, valuesOfLetter, visibleFields, type LetterFieldValues, type LetterFormValues } from './letterForm';
import { useMatterOptions } from './parts';
import { RegulatorField } from './RegulatorField';
import type { LetterPreset } from './stores';
import { ChoiceField } from '../../components/ChoiceField';

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
  const rf = useRecordForm<Letter, LetterFormValues, LetterFieldValues>({
    register: lettersRegister,
    record: letter,
    initialValues: initial,
    toFields: (values) => toLetterFields(values, zone, visibleFields(values, initial)),
    fieldOf: LETTER_FIELD_OF,
    onDone: (saved) => {
      // A reply answers its letter; a letter moves its matter's steps and deadlines.
      const bump = useRecordChanges.getState().bump;
      if (saved?.inReplyTo) bump('letter', saved.inReplyTo);
      if (saved?.matterId) bump('matter', saved.matterId);
      onDone(saved);
    },
  });
  const { form, field } = rf;
  const v = form.getValues();
  const shown = visibleFields(v, initial);
  const matters = useMatterOptions();
  const [newMatter, setNewMatter] = useState(false);
  const { options: replyOptions, parent } = useReplyOptions(v.matterId, letter?.id ?? null, v.inReplyTo);
  const showDeadlines = v.direction === 'inbound' || Boolean(initial.replyDue) || Boolean(v.replyDue) || Boolean(v.replyPeriod) || shown.compliance || shown.amount;

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

  const instant = (x: LetterFormValues['sent']) => (x.date ? instantFromLocal(x.date, x.time || '00:00', zone) : null);
  const dateHelp = t('form.zoneHelp', { zone });
  const dayField = (name: 'replyDue' | 'complianceDue', help: string) => {
    const periodName = name === 'replyDue' ? 'replyPeriod' : 'compliancePeriod';
    return (
      <DueField
        name={name}
        help={help}
        date={v[name]}
        period={v[periodName]}
        onDate={(d) => form.setFieldValue(name, d)}
        onPeriod={(p) => form.setFieldValue(periodName, p)}
        newPeriod={() => newPeriod(v)}
        error={form.errors[name] as string | undefined}
        periodError={form.errors[periodName] as string | undefined}
      />
    );
  };
  const dateField = (name: 'sent' | 'received' | 'notified', description: string) => (
    <OrgDateTimeField {...rf.instant(name)} label={t(`fields.${name}At`)} description={description} />
  );

  return (
    <>
      {newMatter && (
        <NewMatterDialog
          letter={{ regulator: v.regulator, kind: v.kind, subject: v.subject, openedAt: instant(v.received) ?? instant(v.sent), regulatorRefs: v.regulatorRefs }}
          onClose={() => setNewMatter(false)}
          onCreated={(m) => {
            setNewMatter(false);
            form.setFieldValue('matterId', m.id);
          }}
        />
      )}
      <FormFrame
        rf={rf}
        ns={NS}
        onCancel={() => onDone(null)}
        aside={<DeadlinesPreview values={v} organisation={organisation} receivedAt={instant(v.received)} notifiedAt={instant(v.notified)} sentAt={instant(v.sent)} parent={parent} complianceShown={shown.compliance} />}
        sections={[
          {
            key: 'letter',
            content: (
              <>
                <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                  <RegulatorField
                    label={t('fields.regulator')}
                    description={t('form.regulatorHelp')}
                    required
                    value={v.regulator}
                    onChange={(regulator) => form.setFieldValue('regulator', regulator)}
                    error={form.errors.regulator}
                  />
                  <ChoiceField<LetterDirection> fullWidth label={t('fields.direction')} required description={t('form.directionHelp')} data={directionOptions(t)} value={v.direction} onChange={setDirection} testId="direction-control" />
                  <Select {...rf.select('kind', kindOptions(t), { required: true })} maxDropdownHeight={360} />
                  <TextInput {...field('reference')} description={t('form.referenceHelp')} className="tabular" />
                </SimpleGrid>
                <Stack gap="sm" mt="sm">
                  <TextInput {...field('subject')} />
                  <TagsInput {...field('regulatorRefs')} description={t('form.regulatorRefsHelp')} maxTags={20} clearable splitChars={[',', ';']} acceptValueOnBlur />
                </Stack>
              </>
            ),
          },
          {
            key: 'dates',
            layout: 'grid',
            content: (
              <>
                {dateField('sent', v.direction === 'inbound' ? t('form.sentInboundHelp') : dateHelp)}
                {dateField('received', v.direction === 'inbound' ? dateHelp : t('form.receivedOutboundHelp'))}
                {dateField('notified', t('form.notifiedHelp'))}
              </>
            ),
          },
          {
            key: 'deadlines',
            when: showDeadlines,
            layout: 'grid',
            content: (
              <>
                {dayField('replyDue', t('form.replyDueHelp'))}
                {shown.compliance && dayField('complianceDue', t('form.complianceDueHelp'))}
                {shown.amount && (
                  <NumberInput
                    {...form.getInputProps('amountEur')}
                    label={t('fields.amountEur')}
                    description={t('form.amountHelp')}
                    min={0}
                    thousandSeparator={lang === 'fr' ? '\u202f' : ','}
                    decimalSeparator={lang === 'fr' ? ',' : '.'}
                    suffix=" €"
                    allowNegative={false}
                  />
                )}
              </>
            ),
          },
          {
            key: 'procedure',
            content: (
              <>
                <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                  <Stack gap={4}>
                    <Select {...rf.select('matterId', matters, { label: t('fields.matter') })} placeholder={t('form.noMatter')} searchable nothingFoundMessage={t('list.noMatterFound')} />
                    {!v.matterId && (
                      <Button variant="subtle" size="compact-sm" leftSection={<IconFolderPlus size={14} aria-hidden />} onClick={() => setNewMatter(true)} style={{ alignSelf: 'flex-start' }}>
                        {t('form.matterNew')}
                      </Button>
                    )}
                  </Stack>
                  <Select
                    {...rf.select('inReplyTo', replyOptions)}
                    description={t('form.inReplyToHelp')}
                    placeholder={t('form.noParent')}
                    searchable
                    nothingFoundMessage={t('form.noLetterFound')}
                    comboboxProps={{ width: 420, position: 'bottom-start' }}
                  />
                </SimpleGrid>
                <Textarea mt="sm" {...field('summary')} autosize minRows={3} maxRows={12} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** Letters this one can reply to: those of its matter (or the latest ones), never itself. */
function useReplyOptions(matterId: string | null, selfId: string | null, current: string | null) {
  const t = useFeatureT(NS);
  const letters = useRemote(() => api.call('letters.list', { ...(matterId ? { matterId } : {}), limit: 200, sort: { field: 'date', dir: 'desc' } }).then((r) => r.items), [matterId]).data;
  // The letter it answers may be outside that list (another matter, older): read it on its own.
  const missing = current !== null && letters !== null && !letters.some((l) => l.id === current) ? current : null;
  const extra = useRemote(missing ? () => api.call('letters.get', { id: missing }) : null, [missing]).data;
  return useMemo(() => {
    const all = [...(letters ?? [])];
    if (extra && extra.id === missing) all.push(extra);
    return {
      options: all.filter((l) => l.id !== selfId).map((l) => ({ value: l.id, label: `${l.reference} · ${t(`kind.${l.kind}`)} · ${l.subject}` })),
      parent: current ? all.find((l) => l.id === current) : undefined,
    };
  }, [letters, extra, missing, selfId, current, t]);
}

function DeadlinesPreview({
  values: v,
  organisation,
  receivedAt,
  notifiedAt,
  sentAt,
  parent,
  complianceShown,
}: {
  values: LetterFormValues;
  organisation: Organisation;
  receivedAt: string | null;
  notifiedAt: string | null;
  sentAt: string | null;
  parent: Letter | undefined;
  complianceShown: boolean;
}) {
  const t = useFeatureT(NS);
  const lang = useUiLanguage();
  const zone = organisation.timeZone;
  const appealable = v.direction === 'inbound' && isAppealable(v.kind);
  // An outbound reply meets the date its letter set: say which, and whether it is in time.
  const answers = v.direction === 'outbound' && parent && (parent.replyDue || parent.complianceDue) ? parent : null;
  const answeredDue = answers ? (answers.replyDue ?? answers.complianceDue)! : null;
  const dated = { regulator: v.regulator, sentAt, receivedAt, notifiedAt };
  const due = (name: 'replyDue' | 'complianceDue', period: LetterFormValues['replyPeriod']) => {
    if (!period) return v[name] ? { lastDay: v[name], explanation: null } : null;
    const p = periodOf(period);
    const result = p ? letterPeriodDue(dated, p, organisation) : null;
    if (!result?.deadline) return { lastDay: null, explanation: null, missing: p ? p.from : null };
    return { lastDay: lastDayOfDeadline(result.deadline, zone), explanation: result.explanation[lang] };
  };
  const rows = [
    { name: 'replyDue' as const, d: due('replyDue', v.replyPeriod) },
    ...(complianceShown ? [{ name: 'complianceDue' as const, d: due('complianceDue', v.compliancePeriod) }] : []),
  ].filter((r) => r.d !== null);
  const nothing = rows.length === 0 && !appealable && !answers;
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
        {rows.map(({ name, d }) => (
          <div key={name} data-testid={`${name === 'replyDue' ? 'reply' : 'compliance'}-due-preview`}>
            <Text size="xs" c="dimmed">
              {t(`fields.${name}`)}
            </Text>
            {d!.lastDay ? (
              <Text size="sm" fw={600}>
                {t('deadline.lastDayLong', { date: formatLocalDateLong(d!.lastDay, lang), zone })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {'missing' in d! && d!.missing ? t(`form.dueBy.needs.${d!.missing}`) : t('fieldErrors.period')}
              </Text>
            )}
            {d!.explanation && (
              <Text size="xs" c="dimmed" mt={2}>
                {d!.explanation}
              </Text>
            )}
          </div>
        ))}
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
