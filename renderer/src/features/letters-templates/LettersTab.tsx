import { useState } from 'react';
import { Badge, Button, Code, Group, Loader, NavLink, SimpleGrid, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { unknownFields } from '@shared/letters/render';
import type { Lang } from '@shared/schemas/common';
import type { LetterTemplate } from '@shared/schemas/templates';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSection } from '../../components/FormSection';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordChanges } from '../../state/recordChanges';
import { NS } from './ns';

type Text3 = Pick<LetterTemplate, 'name' | 'subject' | 'body'>;
const PARTS = ['name', 'subject', 'body'] as const;
const LANGS: Lang[] = ['fr', 'en'];

const textOf = (t: LetterTemplate): Text3 => ({ name: { ...t.name }, subject: { ...t.subject }, body: { ...t.body } });
const sameText = (a: Text3, b: Text3) => PARTS.every((p) => a[p].en === b[p].en && a[p].fr === b[p].fr);

/**
 * Settings › Letters: the letter templates in French and English. Saving makes the template's next
 * version (the built-in text stays version 1 and every older version stays readable, so a letter
 * always names the text it came from); a merge field the template may not use is shown under its
 * field before saving, and the core refuses it too.
 */
export function LettersTab() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  // A version saved here or by a colleague (record type letter_template) reloads the list.
  const changes = useRecordChanges((s) => s.epoch + (s.byType.settings ?? 0) + (s.byType.letter_template ?? 0));
  const list = useRemote(() => api.call('templates.list', {}).then((r) => r.templates), [changes]);
  const [selected, setSelected] = useState<string | null>(null);
  const current = list.data?.find((x) => x.id === selected) ?? list.data?.[0] ?? null;

  if (list.data === null) return list.error ? <ErrorNotice error={list.error} title={t('settings.loadFailed')} /> : <Loader size="sm" />;
  return (
    <Stack gap="md" data-testid="letters-tab">
      <FormSection title={t('settings.title')} help={t('settings.help')} />
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack gap={2} w={260} style={{ flexShrink: 0 }} data-testid="template-list">
          {list.data.map((x) => (
            <NavLink
              key={x.id}
              active={x.id === current?.id}
              label={x.name[f.lang]}
              description={x.builtIn ? t('settings.builtIn') : t('settings.version', { version: x.version })}
              onClick={() => setSelected(x.id)}
              data-testid={`template-${x.id}`}
            />
          ))}
        </Stack>
        {current && <TemplateEditor key={`${current.id}:${current.version}`} template={current} onSaved={() => list.reload()} />}
      </Group>
    </Stack>
  );
}

function TemplateEditor({ template, onSaved }: { template: LetterTemplate; onSaved(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [text, setText] = useState<Text3>(() => textOf(template));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const versions = useRemote(showVersions ? () => api.call('templates.versions', { id: template.id }).then((r) => r.versions) : null, [showVersions, template.id, template.version]);

  const keys = template.fields.map((x) => x.key);
  const unknownIn = (s: string) => unknownFields(s, keys);
  const problems = LANGS.flatMap((l) => [...unknownIn(text.subject[l]), ...unknownIn(text.body[l])]);
  const set = (part: (typeof PARTS)[number], lang: Lang, v: string) => setText((x) => ({ ...x, [part]: { ...x[part], [lang]: v } }));
  const unknownError = (s: string) => {
    const u = unknownIn(s);
    return u.length ? t('settings.unknown', { fields: u.map((k) => `{{${k}}}`).join(', ') }) : null;
  };

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.call('templates.save', { id: template.id, ...text });
      notifySuccess(t('settings.saved', { name: saved.name[f.lang], version: saved.version }));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="sm" style={{ flex: 1, minWidth: 0 }} data-testid="template-editor">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{template.name[f.lang]}</Text>
          <Badge variant="light" data-testid="template-version">
            {t('settings.version', { version: template.version })}
          </Badge>
          {template.savedAt && (
            <Text size="xs" c="dimmed">
              {t('settings.savedBy', { at: f.dateTime(template.savedAt), by: template.savedBy })}
            </Text>
          )}
        </Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => setShowVersions((v) => !v)} data-testid="template-versions-toggle">
          {showVersions ? t('settings.hideVersions') : t('settings.showVersions')}
        </Button>
      </Group>
      {showVersions && versions.data && (
        <Table withTableBorder verticalSpacing={4} data-testid="template-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.versionCol')}</Table.Th>
              <Table.Th>{t('settings.savedCol')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td className="tabular">v{v.version}</Table.Td>
                <Table.Td>{v.savedAt ? t('settings.savedBy', { at: f.dateTime(v.savedAt), by: v.savedBy }) : t('settings.builtIn')}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" onClick={() => setText(textOf(v))} disabled={v.version === template.version}>
                    {t('settings.useVersion')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Tabs defaultValue={f.lang === 'fr' ? 'fr' : 'en'} keepMounted={false}>
        <Tabs.List>
          {LANGS.map((l) => (
            <Tabs.Tab key={l} value={l} data-testid={`template-lang-${l}`}>
              {t(`compose.${l}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {LANGS.map((l) => (
          <Tabs.Panel key={l} value={l} pt="sm">
            <Stack gap="sm">
              <TextInput label={t('settings.name')} value={text.name[l]} onChange={(e) => set('name', l, e.currentTarget.value)} required maxLength={200} data-testid={`template-name-${l}`} />
              <TextInput label={t('compose.subject')} value={text.subject[l]} onChange={(e) => set('subject', l, e.currentTarget.value)} error={unknownError(text.subject[l])} required maxLength={500} data-testid={`template-subject-${l}`} />
              <Textarea label={t('compose.body')} value={text.body[l]} onChange={(e) => set('body', l, e.currentTarget.value)} error={unknownError(text.body[l])} autosize minRows={12} maxRows={24} required maxLength={20_000} data-testid={`template-body-${l}`} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      {error !== null && <ErrorNotice error={error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setText(textOf(template))} disabled={sameText(text, template)}>
          {t('settings.discard')}
        </Button>
        <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={saving} onClick={() => void save()} disabled={sameText(text, template) || problems.length > 0} data-testid="template-save">
          {t('settings.save', { version: template.version + 1 })}
        </Button>
      </Group>
      <FormSection title={t('settings.fields')} help={t('settings.fieldsHelp')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4} data-testid="template-fields">
          {template.fields.map((x) => (
            <Group key={x.key} gap="xs" wrap="nowrap">
              <Code style={{ whiteSpace: 'nowrap', overflow: 'visible', flexShrink: 0 }}>{`{{${x.key}}}`}</Code>
              <Text size="xs" c="dimmed">
                {x.label[f.lang]}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </FormSection>
    </Stack>
  );
}
