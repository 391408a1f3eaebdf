import { useState } from 'react';
import { Button, Group, Input, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TimelineEntry, TimelineEntryKind } from '@shared/schemas/timeline';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
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
  const [at, setAt] = useState<LocalDateTimeValue>(() => (entry ? localPartsOf(entry.at, f.zone) : nowLocalParts(f.zone, new Date(appNow()))));
  const [kind, setKind] = useState<TimelineEntryKind>(entry?.kind ?? 'call');
  const [title, setTitle] = useState(entry?.title ?? '');
  const [actor, setActor] = useState(entry?.actor ?? '');
  const [details, setDetails] = useState(entry?.details ?? '');
  const [errors, setErrors] = useState<{ at?: string; title?: string }>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const instant = instantFromLocal(at.date, at.time, f.zone);
    const problems: { at?: string; title?: string } = {};
    if (!instant) problems.at = t('entry.atRequired');
    if (!title.trim()) problems.title = t('entry.titleRequired');
    setErrors(problems);
    if (!instant || problems.title) return;
    setSaving(true);
    setError(null);
    try {
      const fields = { at: instant, kind, title: title.trim(), actor: actor.trim(), details: details.trim() };
      const saved = entry
        ? await api.call('timeline.updateEntry', { id: entry.id, patch: fields })
        : await api.call('timeline.addEntry', { incidentId, ...fields });
      notifySuccess(entry ? t('entry.saved') : t('entry.added'));
      onClose(saved);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={() => onClose(null)} title={entry ? t('entry.editTitle') : t('entry.addTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Input.Wrapper label={t('entry.kind')} required id="entry-kind">
            <div>
              <SegmentedControl
                fullWidth
                aria-labelledby="entry-kind-label"
                value={kind}
                onChange={(v) => setKind(v as TimelineEntryKind)}
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
          <OrgDateTimeField
            name="entry-at"
            label={t('entry.at')}
            description={t('entry.atHelp', { zone: f.zone })}
            required
            value={at}
            onChange={(v) => {
              setAt(v);
              setErrors((e) => ({ ...e, at: undefined }));
            }}
            error={errors.at}
          />
          <TextInput
            label={t('entry.title')}
            description={t('entry.titleHelp')}
            required
            maxLength={TITLE_MAX}
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              setErrors((x) => ({ ...x, title: undefined }));
            }}
            error={errors.title}
            data-autofocus
            data-testid="entry-title"
          />
          <TextInput
            label={t('entry.actor')}
            description={t('entry.actorHelp')}
            maxLength={TITLE_MAX}
            value={actor}
            onChange={(e) => setActor(e.currentTarget.value)}
            data-testid="entry-actor"
          />
          <Textarea
            label={t('entry.details')}
            description={t('entry.detailsHelp')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={20_000}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            data-testid="entry-details"
          />
          {entry && (
            <Text size="xs" c="dimmed">
              {t('entry.correctionNote')}
            </Text>
          )}
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(null)}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="entry-submit">
              {entry ? t('entry.save') : t('entry.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
