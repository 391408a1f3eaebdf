import { useState } from 'react';
import { Button, List, Menu, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconBookmarkPlus, IconChevronDown } from '@tabler/icons-react';
import type { RegisterDeclaration } from '@shared/registers';
import { api } from '../api';
import { notifySuccess } from '../lib/notify';
import { useRemote } from '../lib/useRemote';
import { useOrgTimeZone } from '../state/appStatus';
import { DialogForm } from './DialogForm';
import { useKitT } from './labels';
import { emptyFilters, hasActiveFilters, type RegisterListStore } from './listStore';
import { fromSavedQuery, toSavedQuery, viewsOf } from './savedViews';

/**
 * The list's saved views: apply one in a click, or save the filters shown under a name. They are
 * the register's saved searches (also listed, and forgotten, in Search).
 */
export function SavedListViews<R>({ register, store, filterLabel }: { register: RegisterDeclaration; store: RegisterListStore<R>; filterLabel(key: string): string }) {
  const t = useKitT();
  const zone = useOrgTimeZone();
  const filters = store((s) => s.filters);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const views = useRemote(() => api.call('views.list', {}), [version]);
  const mine = viewsOf(register, views.data?.views ?? []);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" size="compact-sm" leftSection={<IconBookmark size={14} aria-hidden />} rightSection={<IconChevronDown size={12} aria-hidden />}>
            {t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {mine.length === 0 ? (
            <Menu.Label>{t('views.none')}</Menu.Label>
          ) : (
            mine.map((v) => (
              <Menu.Item key={v.id} leftSection={<IconBookmark size={14} aria-hidden />} onClick={() => store.getState().replaceFilters(fromSavedQuery(register, v.query, emptyFilters(register), zone))}>
                {v.name}
              </Menu.Item>
            ))
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={14} aria-hidden />} disabled={!hasActiveFilters(filters)} onClick={() => setSaving(true)}>
            {t('views.save')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {saving && (
        <SaveViewDialog
          register={register}
          store={store}
          filterLabel={filterLabel}
          onClose={(saved) => {
            setSaving(false);
            if (saved) setVersion((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

function SaveViewDialog<R>({ register, store, filterLabel, onClose }: { register: RegisterDeclaration; store: RegisterListStore<R>; filterLabel(key: string): string; onClose(saved: boolean): void }) {
  const t = useKitT();
  const zone = useOrgTimeZone();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const { query, notKept } = toSavedQuery(register, store.getState().filters, zone);
  return (
    <DialogForm
      title={t('views.saveTitle')}
      intro={t('views.saveBody')}
      submitLabel={t('views.saveSubmit')}
      onClose={() => onClose(false)}
      onSubmit={async () => {
        if (!name.trim()) {
          setNameError(t('views.nameRequired'));
          return false;
        }
        const v = await api.call('views.create', { name: name.trim(), query });
        notifySuccess(t('views.saved', { name: v.name }));
        onClose(true);
      }}
    >
      <TextInput label={t('views.name')} required maxLength={100} data-autofocus value={name} onChange={(e) => (setName(e.currentTarget.value), setNameError(null))} error={nameError} />
      {notKept.length > 0 && (
        <div>
          <Text size="sm">{t('views.notKept')}</Text>
          <List size="sm">
            {notKept.map((f) => (
              <List.Item key={f.key}>{filterLabel(f.key)}</List.Item>
            ))}
          </List>
        </div>
      )}
    </DialogForm>
  );
}
