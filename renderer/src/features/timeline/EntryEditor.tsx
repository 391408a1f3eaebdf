import { Group, Input, SegmentedControl, Text, Textarea, TextInput } from '@mantine/core';
import type { TimelineEntry, TimelineEntryKind } from '@shared/schemas/timeline';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { DialogForm, useDialogValues } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { appNow } from '../../lib/appClock';
import { ENTRY_KINDS, entryIcon, NS } from './labels';

const TITLE_MAX = 300;

/**
 * Adds a call, a meeting or a decision to an incident's timeline at the time it took place, or
 * corrects one. The typist is in the audit log; "who" is who took part.
 */
export function EntryEditor({ incidentId, entry, onClose }: { incidentId: string; entry: TimelineEntry | null; onClose(saved: TimelineEntry | null): void }) {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const { values: v, setErrors, set, field, text } = useDialogValues(() => ({
    at: entry ? localPartsOf(entry.at, f.zone) : nowLocalParts(f.zone, new Date(appNow())),
    kind: entry?.kind ?? ('call' as TimelineEntryKind),
    title: entry?.title ?? '',
    actor: entry?.actor ?? '',
    details: entry?.details ?? '',
  }));

  async function submit() {
    const instant = instantFromLocal(v.at.date, v.at.time, f.zone);
    const problems: { at?: string; title?: string } = {};
    if (!instant) problems.at = t('entry.atRequired');
    if (!v.title.trim()) problems.title = t('entry.titleRequired');
    setErrors(problems);
    if (!instant || problems.title) return false;
    const fields = { at: instant, kind: v.kind, title: v.title.trim(), actor: v.actor.trim(), details: v.details.trim() };
    const saved = entry ? await api.call('timeline.updateEntry', { id: entry.id, patch: fields }) : await api.call('timeline.addEntry', { incidentId, ...fields });
    notifySuccess(entry ? t('entry.saved') : t('entry.added'));
    onClose(saved);
  }

  return (
    <DialogForm
      title={entry ? t('entry.editTitle') : t('entry.addTitle')}
      size="lg"
      submitLabel={entry ? t('entry.save') : t('entry.add')}
      submitTestId="entry-submit"
      cancelLabel={tc('common.cancel')}
      onClose={() => onClose(null)}
      onSubmit={submit}
    >
      <Input.Wrapper label={t('entry.kind')} required id="entry-kind">
        <div>
          <SegmentedControl
            fullWidth
            aria-labelledby="entry-kind-label"
            value={v.kind}
            onChange={(k) => set('kind', k as TimelineEntryKind)}
            data={ENTRY_KINDS.map((k) => ({
              value: k,
              label: (
                <Group gap={5} wrap="nowrap" justify="center">
                  {entryIcon(k, 14)}
                  <span>{t(`entryKind.${k}`)}</span>
                </Group>
              ),
            }))}
            data-testid="entry-kind"
          />
        </div>
      </Input.Wrapper>
      <OrgDateTimeField name="entry-at" label={t('entry.at')} description={t('entry.atHelp', { zone: f.zone })} required {...field('at')} />
      <TextInput label={t('entry.title')} description={t('entry.titleHelp')} required maxLength={TITLE_MAX} {...text('title')} data-autofocus data-testid="entry-title" />
      <TextInput label={t('entry.actor')} description={t('entry.actorHelp')} maxLength={TITLE_MAX} {...text('actor')} data-testid="entry-actor" />
      <Textarea
        label={t('entry.details')}
        description={t('entry.detailsHelp')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={20_000}
        {...text('details')}
        data-testid="entry-details"
      />
      {entry && (
        <Text size="xs" c="dimmed">
          {t('entry.correctionNote')}
        </Text>
      )}
    </DialogForm>
  );
}
