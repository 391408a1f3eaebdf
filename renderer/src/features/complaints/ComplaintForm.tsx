import { MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { Complaint, ComplaintChannel, DataSubjectRight } from '@shared/schemas/complaint';
import { complaintsRegister } from '@shared/registers';
import type { Organisation } from '@shared/schemas/profile';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { FormFrame, useRecordForm } from '../../kit';
import { appDate } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { COMPLAINT_FIELD_OF, instantsOf, startValues, toComplaintFields, type ComplaintFieldValues, type ComplaintFormValues } from './complaintForm';
import { DeadlinePreview } from './DeadlinePreview';
import { channelOptions, NS, rightOptions } from './labels';

/** Records a new complaint or edits one: the same fields, checks and live Art. 12(3) deadline either way. */
export function ComplaintForm({ organisation, complaint, onDone }: { organisation: Organisation; complaint?: Complaint; onDone(saved: Complaint | null): void }) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const rf = useRecordForm<Complaint, ComplaintFormValues, ComplaintFieldValues>({
    register: complaintsRegister,
    record: complaint,
    initialValues: startValues(organisation, complaint, appDate()),
    toFields: (v) => toComplaintFields(v, zone),
    fieldOf: COMPLAINT_FIELD_OF,
    onDone,
  });
  const { form, values: v, field } = rf;
  const { receivedAt, extensionNoticeAt } = instantsOf(v, zone);

  return (
    <FormFrame
      rf={rf}
      aside={<DeadlinePreview receivedAt={receivedAt} extensionNoticeAt={extensionNoticeAt} calendar={{ timeZone: zone, country: organisation.country }} />}
      sections={[
        {
          key: 'channel',
          layout: 'grid',
          content: (
            <>
              <OrgDateTimeField {...rf.instant('received')} label={t('form.receivedDate')} description={t('form.zoneHelp', { zone })} required />
              <Select
                {...field('channel')}
                required
                data={channelOptions(t)}
                onChange={(value) => value && form.setFieldValue('channel', value as ComplaintChannel)}
              />
              {v.channel === 'regulator' && (
                <>
                  {/* Required for a forwarded complaint (the schema's refinement). */}
                  <TextInput {...field('regulator')} required />
                  <TextInput {...field('regulatorReference')} description={t('form.regulatorReferenceHelp')} className="tabular" />
                </>
              )}
              <TextInput {...field('reference')} description={t('form.referenceHelp')} className="tabular" />
            </>
          ),
        },
        {
          key: 'complainant',
          hint: t('form.minimiseHint'),
          content: (
            <SimpleGrid cols={2} spacing="sm">
              <TextInput {...field('complainantLabel')} description={t('form.complainantLabelHelp')} />
              <TextInput {...field('complainantContact')} description={t('form.complainantContactHelp')} />
            </SimpleGrid>
          ),
        },
        {
          key: 'content',
          layout: 'stack',
          content: (
            <>
              <MultiSelect
                {...field('rights')}
                placeholder={v.rights.length ? undefined : t('form.rightsPlaceholder')}
                data={rightOptions(t)}
                onChange={(value) => form.setFieldValue('rights', value as DataSubjectRight[])}
                data-testid="rights-select"
              />
              <Textarea {...field('summary')} autosize minRows={3} maxRows={10} />
              <Textarea {...field('outcome')} description={t('form.outcomeHelp')} autosize minRows={2} maxRows={8} />
            </>
          ),
        },
        {
          key: 'extension',
          hint: t('form.extensionHelp'),
          content: (
            <SimpleGrid cols={2} spacing="sm">
              {/* Named "extension" in its test ids, as the scenarios fill it. */}
              <OrgDateTimeField {...rf.instant('extensionNotice')} name="extension" label={t('form.extensionDate')} description={t('form.zoneHelp', { zone })} />
              <Textarea {...field('extensionReason')} autosize minRows={2} maxRows={6} />
            </SimpleGrid>
          ),
        },
      ]}
    />
  );
}
