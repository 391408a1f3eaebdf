import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Text, Title, type MantineSize } from '@mantine/core';
import { IconArchive, IconArrowLeft } from '@tabler/icons-react';
import type { RegisterDeclaration } from '@shared/registers';
import { ErrorNotice } from '../components/ErrorNotice';
import { useFormatters } from '../lib/useFormatters';
import { useNavigation, type View } from '../state/navigation';
import { useLabels } from './labels';
import { LongText, Panel } from './Panel';
import { RecordPanels } from './RecordPanels';
import { StatusBadge } from './StatusBadge';
import type { ListRecord } from './RegisterList';

interface ArchivableRecord extends ListRecord {
  archiveReason: string | null;
}

/** What a register puts in the frame of one record's page. */
export interface DetailParts {
  /**
   * The record's status badge beside the reference (test id <testId>-status), for a register
   * with statuses: its size or icon, or false where the register draws its own.
   */
  status?: false | { size?: MantineSize; icon?: ReactNode };
  /** Beside the reference after the status: priority, kind… */
  badges?: ReactNode;
  /** Under the reference: what names the record (its title, its complainant). */
  subtitle?: ReactNode;
  subtitleTestId?: string;
  /** A line under the subtitle (who leads it, in what role). */
  meta?: ReactNode;
  /** The action bar (RecordActions). */
  actions?: ReactNode;
  /** Full-width panels between the header and the two columns (an incident's clocks and clients). */
  top?: ReactNode;
  /** The record's recorded fields (a FactList), the first panel of the main column. */
  facts?: ReactNode;
  /** The record's long texts (a summary, an outcome), each a panel of its own after the facts. */
  texts?: { title: string; text: string; none?: string; testId?: string }[];
  /** The main column: the record's own panels (after its facts and texts). */
  main?: ReactNode;
  /** The side column; the kit's record panels (clocks, attachments, links, history) when absent. */
  side?: ReactNode;
  /** Links beside "back" (a letter's matter). */
  links?: ReactNode;
}

/**
 * The frame of every record's page: the way back, the reference and its badges, the action bar,
 * the archived notice, load errors, then the register's panels beside the shared ones. Words
 * from `<ns>:detail.*` (back, loadFailed, archivedHint…), else the kit's.
 */
export function DetailFrame<R extends ArchivableRecord, D = R>({
  register,
  labels,
  testId,
  backTo,
  remote,
  select,
  render,
}: {
  register: RegisterDeclaration;
  /** Where its words are; `<register ns>:detail.*` by default. */
  labels?: { ns: string; section: string };
  /** Prefix of the test ids (<testId>-reference, -history); the record type by default. */
  testId?: string;
  /** The way back; the register's list (the view named as the register) by default. */
  backTo?: View;
  /** The page's read (useRecord, or the register's own page read). */
  remote: { data: D | null; error: unknown };
  /** The record in what the page read (a letter in its page with its thread); the read itself by default. */
  select?(data: D): R;
  render(record: R): DetailParts;
}) {
  const error = remote.error;
  const record = remote.data === null ? null : select ? select(remote.data) : (remote.data as unknown as R);
  const l = useLabels(labels?.ns ?? register.ns, labels?.section ?? 'detail', 'detail');
  const ids = testId ?? register.type;
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const back = <BackLink label={l('back')} onClick={() => go(backTo ?? { name: register.name })} />;
  if (!record) return <PageNotReady back={back} error={error} failedTitle={l('loadFailed')} loadingLabel={l('loading')} />;
  const p = render(record);
  return (
    <Stack gap="md">
      {p.links ? (
        <Group gap="md">
          {back}
          {p.links}
        </Group>
      ) : (
        back
      )}
      {/* The name keeps at least 18rem: with many actions the bar goes under it, rather than
          squeezing the title into a column of single words. */}
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Group gap="sm" align="center">
            <Title order={1} className="tabular" data-testid={`${ids}-reference`}>
              {record.reference}
            </Title>
            {p.status !== false && register.statuses.length > 0 && 'status' in record && (
              <StatusBadge type={register.type} status={record.status as string} size={p.status?.size} icon={p.status?.icon} testId={`${ids}-status`} />
            )}
            {p.badges}
            {record.archivedAt && (
              <Badge color="gray" variant="filled" size="sm" tt="none">
                {l('archived')}
              </Badge>
            )}
          </Group>
          {typeof p.subtitle === 'string' ? (
            <Text size="sm" c="dimmed" data-testid={p.subtitleTestId}>
              {p.subtitle}
            </Text>
          ) : (
            p.subtitle
          )}
          {p.meta}
        </div>
        {p.actions}
      </Group>
      {record.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} aria-hidden />} title={l('archivedTitle', { date: f.dateTime(record.archivedAt) })}>
          <Text size="sm">{l('archivedBody', { reason: record.archiveReason ?? l('noReason') })}</Text>
          <Text size="sm" c="dimmed">
            {l('archivedHint')}
          </Text>
        </Alert>
      )}
      {error !== null && error !== undefined && <ErrorNotice error={error} />}
      {p.top}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {p.facts && <Panel>{p.facts}</Panel>}
            {p.texts?.map((x) => (
              <Panel key={x.title} title={x.title}>
                <LongText text={x.text} none={x.none} testId={x.testId} />
              </Panel>
            ))}
            {p.main}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>{p.side ?? <RecordPanels record={{ type: register.type, id: record.id }} testId={ids} />}</Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The way back from a page to where it was opened from (its list, the incident). */
export function BackLink({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={onClick}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

/** A page whose data is not there yet: the way back, and why it failed or that it is loading. */
export function PageNotReady({ back, error, failedTitle, loadingLabel }: { back: ReactNode; error: unknown; failedTitle: string; loadingLabel: string }) {
  return (
    <Stack gap="md">
      {back}
      {error ? <ErrorNotice error={error} title={failedTitle} /> : <Loader size="sm" aria-label={loadingLabel} />}
    </Stack>
  );
}
