import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Loader, NumberInput, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlarm, IconAlarmFilled, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { DEFAULT_REMINDER_SETTINGS } from '@shared/schemas/clock';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT, type FeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/useAction';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './ns';
import { FormSection } from '../../components/FormSection';

/** ReminderSettings allows at most 12 thresholds and 60 days. */
const MAX_THRESHOLDS = 12;
const MAX_HOURS = 24 * 60;

/** As the core keeps them: whole minutes, no repeats, largest first. */
function normalise(hours: readonly number[]): number[] {
  return [...new Set(hours.map((h) => Math.round(h * 60) / 60))].sort((a, b) => b - a);
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** "24 h before", "1 h 30 min before", "30 min before", "At expiry" (and "2 days" for whole days from 48 h). */
export function thresholdWords(t: FeatureT, h: number): string {
  if (h === 0) return t('reminders.atExpiry');
  const minutes = Math.round(h * 60);
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  const span = hh === 0 ? `${mm} min` : mm === 0 ? `${hh} h` : `${hh} h ${String(mm).padStart(2, '0')} min`;
  const days = minutes % (24 * 60) === 0 && hh >= 48 ? t('reminders.days', { count: hh / 24 }) : null;
  return days ? t('reminders.beforeDays', { span, days }) : t('reminders.before', { span });
}

/** Reminder thresholds: hours before each deadline at which a reminder fires (0 = at expiry). */
export function RemindersTab() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [saved, setSaved] = useState<number[] | null>(null);
  const [list, setList] = useState<number[]>([]);
  const [adding, setAdding] = useState<string | number>('');
  const [addError, setAddError] = useState<string | null>(null);
  // One error for reading and for saving: either way the tab says so in the same place.
  const { busy: saving, error, setError, run } = useAction();

  useEffect(() => {
    let current = true;
    api.call('reminders.settings.get', {}).then(
      (s) => {
        if (!current) return;
        setSaved(s.thresholdsHours);
        setList(s.thresholdsHours);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [setError]);

  function add() {
    const h = typeof adding === 'number' ? adding : Number.parseFloat(String(adding).replace(',', '.'));
    if (!Number.isFinite(h) || h < 0 || h > MAX_HOURS) {
      setAddError(t('reminders.addInvalid', { max: f.number(MAX_HOURS) }));
      return;
    }
    const next = normalise([...list, h]);
    if (next.length === list.length) {
      setAddError(t('reminders.addDuplicate'));
      return;
    }
    if (next.length > MAX_THRESHOLDS) {
      setAddError(t('reminders.addTooMany', { max: MAX_THRESHOLDS }));
      return;
    }
    setList(next);
    setAdding('');
    setAddError(null);
  }

  const save = () =>
    run(async () => {
      const s = await api.call('reminders.settings.set', { thresholdsHours: list });
      setSaved(s.thresholdsHours);
      setList(s.thresholdsHours);
      notifySuccess(t('reminders.saved'));
    });

  if (saved === null) return error ? <ErrorNotice error={error} title={t('reminders.loadFailed')} /> : <Loader size="sm" />;

  const dirty = !same(list, saved);
  const isDefault = same(list, DEFAULT_REMINDER_SETTINGS.thresholdsHours);
  return (
    <Stack gap="lg" maw={680}>
      <FormSection title={t('reminders.section')} help={t('reminders.help')} />
      <Paper withBorder>
        <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="reminder-thresholds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reminders.when')}</Table.Th>
              <Table.Th w={120}>{t('reminders.hours')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('reminders.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="orange.9">
                    {t('reminders.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {list.map((h) => (
              <Table.Tr key={h}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {h === 0 ? <IconAlarmFilled size={15} aria-hidden /> : <IconAlarm size={15} aria-hidden />}
                    <Text size="sm">{thresholdWords(t, h)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="tabular">
                    {f.number(h)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('reminders.removeOne', { when: thresholdWords(t, h) })}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('reminders.removeOne', { when: thresholdWords(t, h) })} onClick={() => setList(list.filter((x) => x !== h))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group align="flex-start" gap="xs">
        <NumberInput
          label={t('reminders.addLabel')}
          description={t('reminders.addHelp')}
          w={260}
          min={0}
          max={MAX_HOURS}
          step={1}
          decimalScale={2}
          decimalSeparator={f.lang === 'fr' ? ',' : '.'}
          allowNegative={false}
          value={adding}
          onChange={(v) => {
            setAdding(v);
            setAddError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={addError}
        />
        <Button mt={25} variant="default" leftSection={<IconPlus size={16} />} onClick={add} disabled={adding === ''}>
          {t('reminders.add')}
        </Button>
      </Group>
      {list.length > 0 && !list.includes(0) && (
        <Alert color="yellow" variant="light">
          {t('reminders.noExpiry')}
        </Alert>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconRestore size={16} />} disabled={isDefault} onClick={() => setList([...DEFAULT_REMINDER_SETTINGS.thresholdsHours])}>
          {t('reminders.defaults')}
        </Button>
        <Group gap="xs">
          <Button variant="default" disabled={!dirty || saving} onClick={() => setList(saved)}>
            {t('common.discard')}
          </Button>
          <Button loading={saving} disabled={!dirty} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
