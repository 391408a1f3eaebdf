import { useState } from 'react';
import { ActionIcon, Button, Group, Loader, NavLink, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconBookmark, IconBookmarkPlus, IconX } from '@tabler/icons-react';
import type { RecordType } from '@shared/schemas/record-types';
import type { SavedView } from '@shared/schemas/search';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RECORD_TYPES, statusOptionsOf } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { fromQuery, hasCriteria, toQuery, useSearch } from './searchState';
import { useRemote } from '../../lib/useRemote';
import { ChangeDialog } from '../../kit/ChangeDialog';

/** The registers whose records can have a status (to put a saved status back under its register). */
function typesWithStatus(status: string): RecordType[] {
  return RECORD_TYPES.filter((t) => statusOptionsOf(t).some((o) => o.value === status));
}

/** Saved searches: a side list to come back to a search in one click; saved under a name, forgotten at will. */
export function SavedViews() {
  const t = useFeatureT('search');
  const f = useFormatters();
  const form = useSearch((s) => s.form);
  const replaceForm = useSearch((s) => s.replaceForm);
  const [saving, setSaving] = useState(false);
  const { data: views, error, setData: setViews, reload } = useRemote(() => api.call('views.list', {}).then((r) => r.views), []);
  const [activeId, setActiveId] = useState<string | null>(null);


  async function remove(v: SavedView) {
    try {
      await api.call('views.remove', { id: v.id });
      notifySuccess(t('views.removed', { name: v.name }));
      setViews((prev) => (prev ?? []).filter((x) => x.id !== v.id));
      if (activeId === v.id) setActiveId(null);
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('views.title')}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={2} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
          {t('views.title')}
        </Title>
      </Group>
      {error !== null && <ErrorNotice error={error} />}
      {views === null ? (
        error === null && <Loader size="xs" />
      ) : views.length === 0 ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('views.empty')}
        </Text>
      ) : (
        <Stack gap={0} mb="xs" data-testid="saved-views">
          {views.map((v) => (
            <Group key={v.id} gap={2} wrap="nowrap">
              <NavLink
                component="button"
                label={v.name}
                leftSection={<IconBookmark size={15} stroke={1.6} />}
                active={activeId === v.id}
                variant="light"
                onClick={() => {
                  setActiveId(v.id);
                  replaceForm(fromQuery(v.query, f.zone, typesWithStatus));
                }}
                style={{ borderRadius: 'var(--mantine-radius-sm)', flex: 1, minWidth: 0 }}
                styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
                title={v.name}
              />
              <Tooltip label={t('views.remove')}>
                <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => void remove(v)} aria-label={t('views.removeLabel', { name: v.name })}>
                  <IconX size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
      <Button
        variant="default"
        size="compact-sm"
        fullWidth
        leftSection={<IconBookmarkPlus size={14} />}
        disabled={!hasCriteria(form)}
        onClick={() => setSaving(true)}
      >
        {t('views.save')}
      </Button>
      {saving && (
        <SaveViewModal
          onClose={() => setSaving(false)}
          onSaved={(v) => {
            setActiveId(v.id);
            reload();
          }}
        />
      )}
    </Paper>
  );
}

function SaveViewModal({ onClose, onSaved }: { onClose(): void; onSaved(view: SavedView): void }) {
  const t = useFeatureT('search');
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const form = useSearch((s) => s.form);
  return (
    <ChangeDialog
      title={t('views.saveTitle')}
      size="sm"
      submitLabel={t('views.saveSubmit')}
      cancelLabel={tc('common.cancel')}
      text={{ label: t('views.name'), description: t('views.nameHelp'), maxLength: 100, line: true, required: { min: 1, message: t('views.nameRequired') } }}
      onClose={onClose}
      onSubmit={async ({ text: name }) => {
        const view = await api.call('views.create', { name, query: toQuery(form, f.zone) });
        notifySuccess(t('views.saved', { name: view.name }));
        onSaved(view);
        onClose();
      }}
    />
  );
}
