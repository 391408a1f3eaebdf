import { Stack, Switch, Title } from '@mantine/core';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/useAction';
import { useCan } from '../../lib/permissions';
import { useRemote } from '../../lib/useRemote';
import { useRecordTypeVersion } from '../../state/recordChanges';

/**
 * The workspace's separation of duties: who marks an action done may not verify it. Every
 * machine follows it; an administrator or a DPO changes it (the core refuses anyone else).
 */
export function DutiesSetting() {
  const st = useFeatureT('sync');
  const can = useCan();
  const version = useRecordTypeVersion('settings');
  const { data, setData } = useRemote(() => api.call('sync.workspaceSettings', {}), [version]);
  // A switch has no room for an error under it: a refusal is notified.
  const { busy, run } = useAction({ notify: true });
  if (!data) return null;

  const change = (on: boolean) =>
    run(async () => {
      setData(await api.call('sync.setWorkspaceSettings', { ...data, separationOfDuties: on }));
      notifySuccess(st(on ? 'duties.on' : 'duties.off'));
    });

  return (
    <section aria-labelledby="sync-duties-title">
      <Stack gap={6}>
        <Title order={2} size="h3" id="sync-duties-title">
          {st('duties.title')}
        </Title>
        <Switch
          label={st('duties.label')}
          description={can('settings') ? st('duties.help') : `${st('duties.help')} ${st('duties.onlyDpo')}`}
          checked={data.separationOfDuties}
          disabled={busy || !can('settings')}
          onChange={(e) => void change(e.currentTarget.checked)}
          data-testid="separation-of-duties"
        />
      </Stack>
    </section>
  );
}
