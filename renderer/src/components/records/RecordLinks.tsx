import { useState } from 'react';
import {Button, Group, Text } from '@mantine/core';
import { IconLinkOff, IconLinkPlus } from '@tabler/icons-react';
import type { LinkView } from '@shared/schemas/link';
import type { RecordRef } from '@shared/schemas/record-types';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useCan } from '../../lib/permissions';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges, useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { ErrorNotice } from '../ErrorNotice';
import { recordTypeLabel, RECORDS_NS } from './labels';
import { LinkPicker } from './LinkPicker';
import { PanelList, PanelRow, RowAction } from './PanelList';
import { ArchivedMarker, RecordStatusBadge, RecordTypeLabel } from './RecordBadges';
import { ReasonModal } from './ReasonModal';
import { Panel } from '../../kit/Panel';
import { ReferenceLink } from '../ReferenceLink';

type Ref = Pick<RecordRef, 'type' | 'id'>;

/** The records linked to this one, whichever side made the link; link more, or remove with a reason. */
export function RecordLinks({ record }: { record: Ref }) {
  const t = useFeatureT(RECORDS_NS);
  const version = useRecordVersion(record.type, record.id) + useRecordTypeVersion('link');
  const { data: links, error, setData: setLinks } = useRemote(() => api.call('links.of', { record: { type: record.type, id: record.id } as RecordRef }).then((r) => r.links), [record.type, record.id, version]);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<LinkView | null>(null);
  const writable = useCan()('write', 'link');

  return (
    <Panel
      title={t('links.title')}
      count={links?.length ?? null}
      testId="record-links"
      action={
        writable && (
          <Button variant="default" size="compact-sm" leftSection={<IconLinkPlus size={14} />} onClick={() => setPicking(true)}>
            {t('links.add')}
          </Button>
        )
      }
    >
      {error !== null && <ErrorNotice error={error} title={t('links.loadFailed')} />}
      <PanelList items={links} error={error} empty={t('links.empty')}>
        {(l) => <LinkRow key={l.id} link={l} onRemove={writable ? () => setRemoving(l) : undefined} />}
      </PanelList>
      {picking && (
        <LinkPicker
          record={record}
          linked={links ?? []}
          onClose={() => setPicking(false)}
          onLinked={(l) => {
            setLinks((prev) => [...(prev ?? []).filter((x) => x.id !== l.id), l]);
            useRecordChanges.getState().bump(record.type, record.id);
          }}
        />
      )}
      {removing && (
        <ReasonModal
          title={t('links.removeTitle', { reference: removing.other.reference })}
          body={t('links.removeBody')}
          reasonHelp={t('links.removeReasonHelp')}
          submitLabel={t('links.removeSubmit')}
          onClose={() => setRemoving(null)}
          onSubmit={async (reason) => {
            await api.call('links.remove', { id: removing.id, reason });
            notifySuccess(t('links.removed', { reference: removing.other.reference }));
            setLinks((prev) => (prev ?? []).filter((x) => x.id !== removing.id));
            useRecordChanges.getState().bump(record.type, record.id);
          }}
        />
      )}
    </Panel>
  );
}

function LinkRow({ link, onRemove }: { link: LinkView; onRemove?: () => void }) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const openRecord = useNavigation((s) => s.openRecord);
  const o = link.other;
  return (
    <PanelRow faded={o.archived && 0.75} testId="link-row">
      <div style={{ width: 96, flex: '0 0 auto', paddingTop: 1 }}>
        <RecordTypeLabel type={o.type} size="xs" />
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={8} wrap="wrap" align="center">
          <ReferenceLink reference={o.reference} label={t('links.open', { type: recordTypeLabel(o.type), reference: o.reference })} onOpen={() => openRecord(o.type, o.id)} />
          <RecordStatusBadge type={o.type} status={o.status} />
          {o.archived && <ArchivedMarker />}
        </Group>
        <Text size="sm" lineClamp={1} title={o.title}>
          {o.title}
        </Text>
        {link.note && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {t('links.note', { note: link.note })}
          </Text>
        )}
        <Text size="xs" c="dimmed" className="tabular">
          {t('links.since', { date: f.dateTime(link.createdAt) })}
        </Text>
      </div>
      {onRemove && <RowAction tip={t('links.remove')} label={t('links.removeLabel', { reference: o.reference })} icon={IconLinkOff} onClick={onRemove} />}
    </PanelRow>
  );
}
