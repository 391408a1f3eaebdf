import { useEffect, useState } from 'react';
import { Group, Loader, ScrollArea, Select, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconSearch } from '@tabler/icons-react';
import type { LinkView } from '@shared/schemas/link';
import type { RecordRef, RecordType } from '@shared/schemas/record-types';
import type { SearchHit } from '@shared/schemas/search';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { ErrorNotice } from '../ErrorNotice';
import { DialogForm } from '../../kit/DialogForm';
import { isRecordType, RECORD_TYPES, RECORDS_NS, recordTypePlural } from './labels';
import { RecordStatusBadge, RecordTypeLabel } from './RecordBadges';

const SEARCH_DEBOUNCE_MS = 250;
const RESULTS = 30;

type Ref = Pick<RecordRef, 'type' | 'id'>;

/** Finds a record in any register (the one search) and links it to this one, with an optional note. */
export function LinkPicker({ record, linked, onClose, onLinked }: { record: Ref; linked: readonly LinkView[]; onClose(): void; onLinked(link: LinkView): void }) {
  const t = useFeatureT(RECORDS_NS);
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const [type, setType] = useState<RecordType | 'all'>('all');
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const [hits, setHits] = useState<{ items: SearchHit[]; total: number } | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<SearchHit | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    let current = true;
    api.call('search.query', { text: debounced, types: type === 'all' ? undefined : [type], limit: RESULTS }).then(
      (r) => {
        if (!current) return;
        setHits({ items: r.hits, total: r.total });
        setSearchError(null);
      },
      (e: unknown) => current && setSearchError(e),
    );
    return () => {
      current = false;
    };
  }, [debounced, type]);

  const linkedKeys = new Set(linked.map((l) => `${l.other.type}:${l.other.id}`));
  const isSelf = (h: SearchHit) => h.type === record.type && h.id === record.id;

  async function submit() {
    if (!chosen) return;
    const link = await api.call('links.create', { from: { type: record.type, id: record.id } as RecordRef, to: { type: chosen.type, id: chosen.id }, note });
    notifySuccess(t('links.linked', { reference: link.other.reference }));
    onLinked(link);
    onClose();
  }

  const typeOptions = [{ value: 'all', label: t('links.allRegisters') }, ...RECORD_TYPES.map((r) => ({ value: r, label: recordTypePlural(r) }))];

  return (
    <DialogForm
      title={t('links.pickerTitle')}
      size="xl"
      submitLabel={t('links.submit')}
      submitDisabled={!chosen}
      cancelLabel={tc('common.cancel')}
      status={
        <Text size="sm" c={chosen ? undefined : 'dimmed'} data-testid="link-chosen">
          {chosen ? t('links.chosen', { reference: chosen.reference, title: chosen.title }) : t('links.chooseOne')}
        </Text>
      }
      onClose={onClose}
      onSubmit={submit}
    >
      <Group gap="sm" align="flex-end" wrap="nowrap" role="search">
        <Select
          label={t('links.register')}
          data={typeOptions}
          value={type}
          onChange={(v) => {
            if (v === 'all' || (v && isRecordType(v))) setType(v);
            setChosen(null);
          }}
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('links.search')}
          placeholder={t('links.searchPlaceholder')}
          leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          type="search"
          style={{ flex: 1 }}
          data-autofocus
          data-testid="link-search"
        />
      </Group>
      {searchError !== null && <ErrorNotice error={searchError} />}
      <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
        {hits === null ? (
          searchError === null && <Loader size="xs" aria-label={t('loading')} />
        ) : hits.items.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            {t('links.noResults')}
          </Text>
        ) : (
          <Stack gap={2} role="listbox" aria-label={t('links.results')}>
            {hits.items.map((h) => {
              const already = linkedKeys.has(`${h.type}:${h.id}`);
              const self = isSelf(h);
              const selected = chosen?.type === h.type && chosen.id === h.id;
              const disabled = already || self;
              return (
                <UnstyledButton
                  key={`${h.type}:${h.id}`}
                  role="option"
                  aria-selected={selected}
                  aria-disabled={disabled}
                  disabled={disabled}
                  onClick={() => setChosen(h)}
                  px="sm"
                  py={6}
                  data-testid="link-candidate"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    border: `1px solid ${selected ? 'var(--mantine-color-navy-6)' : 'var(--mantine-color-gray-3)'}`,
                    background: selected ? 'var(--mantine-color-navy-0)' : undefined,
                    opacity: disabled ? 0.55 : 1,
                    cursor: disabled ? 'not-allowed' : 'pointer',
                  }}
                >
                  <Group gap="sm" wrap="nowrap">
                    <div style={{ width: 96, flex: '0 0 auto' }}>
                      <RecordTypeLabel type={h.type} size="xs" />
                    </div>
                    <Text size="sm" fw={600} className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {h.reference}
                    </Text>
                    <Text size="sm" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
                      {h.title}
                    </Text>
                    <RecordStatusBadge type={h.type} status={h.status} />
                    <Text size="xs" c="dimmed" className="tabular" ta="right" w={120} style={{ whiteSpace: 'nowrap', flex: '0 0 auto' }}>
                      {self ? t('links.thisRecord') : already ? t('links.alreadyLinked') : h.date ? f.dateTime(h.date) : ''}
                    </Text>
                    {selected && <IconCircleCheck size={16} color="var(--mantine-color-navy-7)" aria-hidden />}
                  </Group>
                </UnstyledButton>
              );
            })}
            {hits.total > hits.items.length && (
              <Text size="xs" c="dimmed" pt={4}>
                {t('links.moreResults', { shown: f.number(hits.items.length), total: f.number(hits.total) })}
              </Text>
            )}
          </Stack>
        )}
      </ScrollArea.Autosize>
      <Textarea
        label={t('links.noteLabel')}
        description={t('links.noteHelp')}
        autosize
        minRows={1}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </DialogForm>
  );
}
