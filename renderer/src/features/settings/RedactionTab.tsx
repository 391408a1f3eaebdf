import { useState } from 'react';
import { Accordion, Alert, Badge, Button, Code, Group, Loader, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconEyeOff, IconPlus } from '@tabler/icons-react';
import { actionFor, MANAGEMENT_PROFILE, REDACTION_SCOPES, redactableFields, type RedactionScope } from '@shared/redaction';
import type { RedactionAction, RedactionProfile, RedactionRules } from '@shared/schemas/redaction';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { FormSection } from '../../components/FormSection';
import { ItemActions, RemoveDialog, useEditedList } from './editedList';
import { NS } from './ns';

const ACTIONS: RedactionAction[] = ['keep', 'summarise', 'withhold'];
/** A profile is named in both languages: each export is written in one of them. */
const NAME_LABEL = { en: 'redaction.nameEn', fr: 'redaction.nameFr' } as const;

/** Every field of every register with the action the profile gives it (unnamed fields included). */
function fullRules(p: RedactionProfile): RedactionRules {
  return Object.fromEntries(REDACTION_SCOPES.map((s) => [s, Object.fromEntries(redactableFields(s).map((f) => [f, actionFor(p, s, f)]))]));
}

/**
 * Settings › Redaction: the profiles every export offers (registers, timeline, evidence bundle).
 * The built-in ones are shown read-only; the organisation's own are defined field by field —
 * per register, each field kept, summarised or withheld — renamed, changed and deleted.
 */
export function RedactionTab() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const list = useEditedList(() => api.call('redaction.profiles', {}).then((r) => r.profiles));
  const { items: profiles, error, editing, setEditing } = list;
  const named = (p: RedactionProfile) => ({ name: p.name[f.lang] });

  if (profiles === null) return error ? <ErrorNotice error={error} title={t('redaction.loadFailed')} /> : <Loader size="sm" />;
  return (
    <Stack gap="md" data-testid="redaction-tab">
      <FormSection
        title={t('redaction.title')}
        help={t('redaction.help')}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="redaction-new">
            {t('redaction.add')}
          </Button>
        }
      />
      <Table withTableBorder verticalSpacing="sm" data-testid="redaction-profiles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('redaction.name')}</Table.Th>
            <Table.Th>{t('redaction.id')}</Table.Th>
            <Table.Th>{t('redaction.hides')}</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profiles.map((p) => {
            const rules = fullRules(p);
            const count = (a: RedactionAction) => Object.values(rules).reduce((n, fields) => n + Object.values(fields).filter((x) => x === a).length, 0);
            return (
              <Table.Tr key={p.id} data-testid={`redaction-profile-${p.id}`}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {p.name[f.lang]}
                    </Text>
                    {p.builtIn && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('redaction.builtIn')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Code>{p.id}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('redaction.counts', { keep: count('keep'), summarise: count('summarise'), withhold: count('withhold') })}</Text>
                </Table.Td>
                <Table.Td>
                  <ItemActions list={list} item={p} words="redaction" named={named} readOnly={p.builtIn} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editing !== null && (
        <ProfileModal
          profile={editing === 'new' ? null : editing}
          others={profiles.filter((p) => editing === 'new' || p.id !== editing.id)}
          onClose={() => setEditing(null)}
          onSaved={list.saved}
        />
      )}
      <RemoveDialog list={list} words="redaction" named={named} onRemove={(p) => api.call('redaction.deleteProfile', { id: p.id })} testId="redaction-remove-confirm" />
    </Stack>
  );
}

/** A profile field by field: read-only for a built-in one; a new one starts from the management profile. */
function ProfileModal({ profile, others, onClose, onSaved }: { profile: RedactionProfile | null; others: RedactionProfile[]; onClose(): void; onSaved(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const readOnly = profile?.builtIn ?? false;
  const [name, setName] = useState(profile?.name ?? { en: '', fr: '' });
  const [rules, setRules] = useState<RedactionRules>(() => fullRules(profile ?? MANAGEMENT_PROFILE));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [takenByCore, setTakenByCore] = useState<'en' | 'fr' | null>(null);

  const nameError = (lang: 'en' | 'fr'): string | null => {
    const v = name[lang].trim();
    if (tried && !v) return t(`redaction.nameRequired.${lang}`);
    if (v && (others.some((o) => o.name[lang].toLocaleLowerCase() === v.toLocaleLowerCase()) || takenByCore === lang)) return t('redaction.nameTaken');
    return null;
  };

  async function save() {
    setTried(true);
    setError(null);
    const trimmed = { en: name.en.trim(), fr: name.fr.trim() };
    if (!trimmed.en || !trimmed.fr || nameError('en') || nameError('fr')) return;
    setSaving(true);
    try {
      const saved = profile ? await api.call('redaction.updateProfile', { id: profile.id, name: trimmed, rules }) : await api.call('redaction.createProfile', { name: trimmed, rules });
      notifySuccess(t(profile ? 'redaction.saved' : 'redaction.created', { name: saved.name[f.lang] }));
      onSaved();
    } catch (e) {
      const path = e instanceof ApiError && e.code === 'CONFLICT' ? e.issues?.[0]?.path : undefined;
      if (path === 'name.en' || path === 'name.fr') setTakenByCore(path === 'name.en' ? 'en' : 'fr');
      else setError(e);
    } finally {
      setSaving(false);
    }
  }

  const set = (scope: RedactionScope, field: string, a: RedactionAction) => setRules((r) => ({ ...r, [scope]: { ...r[scope], [field]: a } }));
  const title = profile ? (readOnly ? t('redaction.viewTitle', { name: profile.name[f.lang] }) : t('redaction.editTitle', { name: profile.name[f.lang] })) : t('redaction.newTitle');

  return (
    <Modal opened onClose={onClose} title={title} size="xl" data-testid="redaction-modal">
      <Stack gap="md">
        {readOnly ? (
          <Alert color="gray" variant="light" icon={<IconEyeOff size={18} aria-hidden />}>
            {t('redaction.readOnly')}
          </Alert>
        ) : (
          <>
            <SimpleGrid cols={2}>
              {(['en', 'fr'] as const).map((l) => (
                <TextInput
                  key={l}
                  label={t(NAME_LABEL[l])}
                  value={name[l]}
                  onChange={(e) => (setName({ ...name, [l]: e.currentTarget.value }), setTakenByCore(null))}
                  error={nameError(l)}
                  maxLength={80}
                  data-testid={`redaction-name-${l}`}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('redaction.rulesHelp')}
            </Text>
          </>
        )}
        <Accordion variant="contained" multiple defaultValue={['complaints']} chevronPosition="left">
          {REDACTION_SCOPES.map((scope) => (
            <Accordion.Item key={scope} value={scope}>
              <Accordion.Control data-testid={`redaction-scope-${scope}`}>{t(`redaction.scopes.${scope}`)}</Accordion.Control>
              <Accordion.Panel>
                <Table verticalSpacing={4}>
                  <Table.Tbody>
                    {redactableFields(scope).map((field) => (
                      <Table.Tr key={field}>
                        <Table.Td>
                          <Text size="sm">{t(`redaction.fields.${scope}.${field.replace('.', '_')}`)}</Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {field}
                          </Text>
                        </Table.Td>
                        <Table.Td w={330}>
                          <SegmentedControl
                            size="xs"
                            fullWidth
                            disabled={readOnly}
                            value={rules[scope]?.[field] ?? 'withhold'}
                            onChange={(v) => set(scope, field, v as RedactionAction)}
                            data={ACTIONS.map((a) => ({ value: a, label: t(`redaction.actions.${a}`) }))}
                            aria-label={t(`redaction.fields.${scope}.${field.replace('.', '_')}`)}
                            data-testid={`redaction-rule-${scope}-${field}`}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {error !== null && <ErrorNotice error={error} title={t('redaction.saveFailed')} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {readOnly ? t('redaction.close') : t('common.cancel')}
          </Button>
          {!readOnly && (
            <Button loading={saving} onClick={() => void save()} data-testid="redaction-save">
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
