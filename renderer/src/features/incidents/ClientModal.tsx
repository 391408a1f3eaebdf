import { useState } from 'react';
import { Checkbox, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { computeDeadline } from '@shared/deadlines';
import { Lang } from '@shared/schemas/common';
import type { Contract } from '@shared/schemas/contract';
import { AffectedClientCreate, type AffectedClient, type Incident } from '@shared/schemas/incident';
import { api, ApiError } from '../../api';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { DialogForm, FormSection, useDialogValues } from '../../kit';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, localPartsOf } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useOrganisation } from '../../state/appStatus';
import { NS } from './recordType';
import { ChoiceField } from '../../components/ChoiceField';

interface Props {
  incident: Incident;
  /** The client being edited; absent when adding one. */
  client?: AffectedClient;
  onClose(saved: AffectedClient | null): void;
}

interface Values {
  /** The client's entry in the client-contracts register, when picked from it. */
  contractId: string | null;
  name: string;
  contact: string;
  noHourTerm: boolean;
  contractHours: number | string;
  notified: LocalDateTimeValue;
  notifiedHow: string;
  acknowledged: LocalDateTimeValue;
  authorityNotified: LocalDateTimeValue;
  authorityReference: string;
  notes: string;
  language: Lang;
}

type Field = keyof Values;
const FIELD_OF: Record<string, Field> = { notifiedAt: 'notified', acknowledgedAt: 'acknowledged', authorityNotifiedAt: 'authorityNotified' };
const EMPTY: LocalDateTimeValue = { date: null, time: '' };
const parts = (iso: string | null, zone: string) => (iso ? localPartsOf(iso, zone) : EMPTY);

/**
 * An affected client controller when we are the processor: its contractual notice period (one clock
 * per client, from detection), when and how we told it, when it acknowledged, and what it tells us
 * of its own notification to its authority.
 */
export function ClientModal({ incident, client, onClose }: Props) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const zone = f.zone;
  const organisation = useOrganisation();
  const { values: v, setValues: setV, errors, setErrors, set, field, text } = useDialogValues<Values>(() => ({
    contractId: client?.contractId ?? null,
    name: client?.name ?? '',
    contact: client?.contact ?? '',
    noHourTerm: client ? client.contractHours === null : false,
    contractHours: client?.contractHours ?? 48,
    notified: parts(client?.notifiedAt ?? null, zone),
    notifiedHow: client?.notifiedHow ?? '',
    acknowledged: parts(client?.acknowledgedAt ?? null, zone),
    authorityNotified: parts(client?.authorityNotifiedAt ?? null, zone),
    authorityReference: client?.authorityReference ?? '',
    notes: client?.notes ?? '',
    language: client?.language ?? 'fr',
  }));
  /** Picking a contract fills the client, its contact, its notice hours and language (each can still be changed). */
  const pick = (c: Contract | null) => {
    setV((s) => (c ? { ...s, contractId: c.id, name: c.name, contact: c.contacts, noHourTerm: false, contractHours: c.noticeHours, language: c.language } : { ...s, contractId: null }));
    setErrors({});
  };

  const start = incident.detectedAt ?? incident.awareAt;
  const hours = v.noHourTerm ? null : typeof v.contractHours === 'number' ? v.contractHours : Number(v.contractHours) || null;
  let due: string | null = null;
  if (hours && organisation && Number.isInteger(hours) && hours >= 1 && hours <= 720) {
    due = computeDeadline('processor-to-controller', start, { timeZone: zone, country: organisation.country }, { hours }).deadline;
  }

  async function submit(): Promise<boolean> {
    const found: Partial<Record<Field, string>> = {};
    const instant = (field: 'notified' | 'acknowledged' | 'authorityNotified') => {
      const value = v[field];
      if (!value.date) return null;
      const at = instantFromLocal(value.date, value.time, zone);
      if (!at) found[field] = t('fieldErrors.instant');
      return at;
    };
    const input = {
      incidentId: incident.id,
      contractId: v.contractId,
      language: v.language,
      name: v.name,
      contact: v.contact,
      contractHours: v.noHourTerm ? null : hours,
      notifiedAt: instant('notified'),
      notifiedHow: v.notifiedHow,
      acknowledgedAt: instant('acknowledged'),
      authorityNotifiedAt: instant('authorityNotified'),
      authorityReference: v.authorityReference,
      notes: v.notes,
    };
    if (!v.noHourTerm && input.contractHours === null) found.contractHours = t('fieldErrors.contractHours');
    if (!v.name.trim()) found.name = t('fieldErrors.clientName');
    const parsed = AffectedClientCreate.safeParse(input);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrorsFromIssues(issuesOf(parsed.error), (p) => FIELD_OF[p] ?? p).fields)) {
        const key = field as Field;
        found[key] ??= key === 'contractHours' ? t('fieldErrors.contractHours') : message;
      }
    }
    if (Object.keys(found).length) {
      setErrors(found);
      return false;
    }
    try {
      let saved: AffectedClient;
      if (client) {
        const { incidentId: _incident, ...fields } = input;
        const same = (a: unknown, b: unknown) =>
          typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d\d-\d\dT/.test(a) ? Date.parse(a) === Date.parse(b) : a === b;
        const patch = Object.fromEntries(Object.entries(fields).filter(([k, value]) => !same(value, client[k as keyof AffectedClient])));
        if (Object.keys(patch).length === 0) {
          onClose(null);
          return true;
        }
        saved = await api.call('incidents.updateClient', { id: client.id, patch });
        notifySuccess(t('clients.saved', { name: saved.name }));
      } else {
        saved = await api.call('incidents.addClient', input);
        notifySuccess(t('clients.added', { name: saved.name }));
      }
      onClose(saved);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length)) throw e;
      const { fields, other } = fieldErrorsFromIssues(e.issues, (p) => FIELD_OF[p] ?? p);
      setErrors(fields as Partial<Record<Field, string>>);
      // What no field shows is said under the form.
      if (other.length) throw e;
      return false;
    }
  }

  return (
    <DialogForm
      title={client ? t('clients.editTitle', { name: client.name }) : t('clients.addTitle', { reference: incident.reference })}
      submitLabel={client ? t('clients.save') : t('clients.submit')}
      onSubmit={submit}
      onClose={() => onClose(null)}
      size={720}
    >
      <ContractPicker value={v.contractId} onPick={pick} />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput label={t('fields.clientName')} required maxLength={200} {...text('name')} />
        <TextInput
          label={t('fields.clientContact')}
          description={t('clients.contactHelp')}
          maxLength={300}
          {...text('contact')}
        />
        <Stack gap={6}>
          <NumberInput
            label={t('fields.contractHours')}
            description={t('clients.contractHoursHelp')}
            min={1}
            max={720}
            allowDecimal={false}
            allowNegative={false}
            disabled={v.noHourTerm}
            suffix=" h"
            value={v.noHourTerm ? '' : v.contractHours}
            onChange={(value) => set('contractHours', value)}
            error={errors.contractHours}
            w={200}
          />
          <Checkbox label={t('clients.noHourTerm')} checked={v.noHourTerm} onChange={(e) => set('noHourTerm', e.currentTarget.checked)} />
          <ChoiceField<Lang> label={t('fields.clientLanguage')} description={t('clients.languageHelp')} data={Lang.options.map((l) => ({ value: l, label: t(`clients.language.${l}`) }))} value={v.language} onChange={(l) => set('language', l)} />
        </Stack>
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="xs" c="dimmed">
            {t('clients.dueLabel')}
          </Text>
          <Text fw={600} className="tabular" data-testid="client-due-preview">
            {due ? f.dateTime(due) : t('clients.noDue')}
          </Text>
          <Text size="xs" c="dimmed">
            {incident.detectedAt ? t('clients.fromDetection', { date: f.dateTime(start) }) : t('clients.fromAwareness', { date: f.dateTime(start) })}
          </Text>
        </Paper>
      </SimpleGrid>

      <FormSection title={t('clients.ourNotice')}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <OrgDateTimeField
            name="clientNotified"
            label={t('fields.clientNotifiedAt')}
            description={t('clients.notifiedHelp')}
            {...field('notified')}
          />
          <TextInput
            label={t('fields.notifiedHow')}
            description={t('clients.notifiedHowHelp')}
            maxLength={300}
            {...text('notifiedHow')}
          />
          <OrgDateTimeField
            name="clientAcknowledged"
            label={t('fields.acknowledgedAt')}
            {...field('acknowledged')}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection title={t('clients.theirNotification')} hint={t('clients.theirNotificationHint')}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <OrgDateTimeField
            name="clientAuthority"
            label={t('fields.clientAuthorityNotifiedAt')}
            {...field('authorityNotified')}
          />
          <TextInput
            label={t('fields.clientAuthorityReference')}
            maxLength={200}
            className="tabular"
            {...text('authorityReference')}
          />
        </SimpleGrid>
      </FormSection>
      <Textarea label={t('fields.clientNotes')} autosize minRows={2} maxRows={8} maxLength={10_000} {...text('notes')} />
    </DialogForm>
  );
}

/**
 * The client's contract in the client-contracts register (active ones, found by name or
 * reference): picking one fills the client's terms from it.
 */
function ContractPicker({ value, onPick }: { value: string | null; onPick(c: Contract | null): void }) {
  const t = useFeatureT(NS);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const picked = useRemote(value ? () => api.call('contracts.get', { id: value }) : null, [value]);
  const label = (c: Contract) => `${c.name} · ${c.reference} · ${t('clients.contractTerms', { hours: c.noticeHours, language: t(`clients.language.${c.language}`) })}`;
  // The box shows the picked contract's label: that is not a search.
  const words = picked.data && debounced === label(picked.data) ? '' : debounced;
  const found = useRemote(() => api.call('contracts.list', { status: ['active'], text: words.trim() || undefined, limit: 50 }), [words]);
  const items = found.data?.items ?? [];
  const shown = picked.data && picked.data.id === value && !items.some((c) => c.id === value) ? [picked.data, ...items] : items;
  return (
    <Select
      label={t('fields.clientContract')}
      description={t('clients.contractHelp')}
      placeholder={t('clients.contractPlaceholder')}
      data={shown.map((c) => ({ value: c.id, label: label(c) }))}
      value={value}
      onChange={(id) => onPick(shown.find((c) => c.id === id) ?? null)}
      searchable
      clearable
      filter={({ options }) => options}
      onSearchChange={setSearch}
      nothingFoundMessage={found.loading ? t('clients.contractSearching') : t('clients.contractNothing')}
      data-autofocus
      data-testid="client-contract"
      mb="sm"
    />
  );
}
