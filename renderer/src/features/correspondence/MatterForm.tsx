import { Select, SimpleGrid, TagsInput, TextInput, Textarea } from '@mantine/core';
import { mattersRegister } from '@shared/registers';
import { MatterCreate, type Matter, type MatterKind } from '@shared/schemas/matter';
import type { Organisation } from '@shared/schemas/profile';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { FormFrame, useRecordForm } from '../../kit';
import { appDate } from '../../lib/appClock';
import { featureT, useFeatureT } from '../../lib/featureT';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import { matterKindOptions, NS } from './labels';
import { RegulatorField } from './RegulatorField';

interface MatterFormValues extends Record<string, unknown> {
  reference: string;
  regulator: string;
  kind: MatterKind;
  title: string;
  opened: LocalDateTimeValue;
  regulatorRefs: string[];
  summary: string;
  appeal: string;
}
type MatterFieldValues = Required<Omit<MatterCreate, 'reference'>> & { reference: string };

/** A new matter opens now (on the app's clock) with the organisation's usual regulator. */
function valuesOf(m: Matter | undefined, zone: string, regulator: string): MatterFormValues {
  if (!m) return { reference: '', regulator, kind: 'complaint', title: '', opened: nowLocalParts(zone, appDate()), regulatorRefs: [], summary: '', appeal: '' };
  return { reference: m.reference, regulator: m.regulator, kind: m.kind, title: m.title, opened: localPartsOf(m.openedAt, zone), regulatorRefs: [...m.regulatorRefs], summary: m.summary, appeal: m.appeal };
}

function toFields(v: MatterFormValues, zone: string): { fields: MatterFieldValues; errors: Record<string, string> } {
  const openedAt = v.opened.date ? instantFromLocal(v.opened.date, v.opened.time || '00:00', zone) : null;
  return {
    errors: openedAt ? {} : { opened: featureT(NS, 'fieldErrors.openedAt') },
    fields: {
      reference: v.reference.trim(),
      regulator: v.regulator.trim(),
      kind: v.kind,
      title: v.title,
      openedAt: openedAt ?? '',
      regulatorRefs: v.regulatorRefs.map((r) => r.trim()).filter(Boolean),
      summary: v.summary,
      appeal: v.appeal,
    },
  };
}

/** Opens a matter (one procedure with a regulator) or edits one. */
export function MatterForm({ organisation, matter, onDone }: { organisation: Organisation; matter?: Matter; onDone(saved: Matter | null): void }) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const rf = useRecordForm<Matter, MatterFormValues, MatterFieldValues>({
    register: mattersRegister,
    section: 'matterForm',
    record: matter,
    initialValues: valuesOf(matter, zone, organisation.defaultRegulator),
    toFields: (v) => toFields(v, zone),
    fieldOf: { openedAt: 'opened' },
    onDone,
  });
  const { form, field } = rf;
  const v = form.getValues();
  return (
    <FormFrame
      rf={rf}
      ns={NS}
      section="matterForm"
      onCancel={() => onDone(null)}
      sections={[
        {
          key: 'procedure',
          layout: 'stack',
          content: (
            <>
              <TextInput {...field('title')} description={t('matterForm.titleHelp')} />
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <RegulatorField label={t('fields.regulator')} required value={v.regulator} onChange={(r) => form.setFieldValue('regulator', r)} error={form.errors.regulator} />
                <Select {...rf.select('kind', matterKindOptions(t), { label: t('fields.matterKind'), required: true })} />
                <OrgDateTimeField {...rf.instant('opened')} label={t('fields.openedAt')} description={t('matterForm.openedHelp', { zone })} required />
                <TextInput {...field('reference')} description={t('matterForm.referenceHelp')} className="tabular" />
              </SimpleGrid>
              <TagsInput {...field('regulatorRefs')} description={t('matterForm.regulatorRefsHelp')} maxTags={20} clearable splitChars={[',', ';']} acceptValueOnBlur />
            </>
          ),
        },
        {
          key: 'notes',
          layout: 'stack',
          content: (
            <>
              <Textarea {...field('summary')} autosize minRows={3} maxRows={10} />
              <Textarea {...field('appeal')} description={t('matterForm.appealHelp')} autosize minRows={2} maxRows={8} />
            </>
          ),
        },
      ]}
    />
  );
}
