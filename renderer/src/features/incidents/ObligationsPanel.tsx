import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Tooltip, type MantineColor } from '@mantine/core';
import { IconAlertCircle, IconChecks, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { formatCountdown } from '@shared/clocks';
import { formatDeadline } from '@shared/format/dates';
import { findRegulator } from '@shared/reference/regulators';
import type { Incident, Notification } from '@shared/schemas/incident';
import type { Obligation, ObligationState } from '@shared/schemas/obligation';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { DialogForm, Panel } from '../../kit';
import { useCan } from '../../lib/permissions';
import { useAppNow } from '../../lib/appClock';
import { useFeatureT, type FeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, localPartsOf } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { FilingModal } from './FilingModal';
import { NS } from './recordType';
import { Instant, RowTable } from './RowTable';

/** Words first, colour as support (never colour alone). */
const STATE_COLOR: Record<ObligationState, MantineColor> = {
  undecided: 'orange',
  required: 'navy',
  not_required: 'gray',
  filed_on_time: 'teal',
  filed_late: 'red',
  superseded: 'gray',
};

type Dialog = { kind: 'file'; o: Obligation } | { kind: 'notRequired'; o: Obligation } | { kind: 'addendum'; n: Notification } | null;

/**
 * Every notification obligation of the incident, as a row each: regime and recipient, the state
 * and its clock, why the rules propose it, the recipient's portal and phone from the catalogue,
 * the decision, and the filings that met it (frozen; only the recipient's reference, its
 * acknowledgement and the outcome can still be added).
 */
export function ObligationsPanel({ incident, notifications, version, onChanged }: { incident: Incident; notifications: readonly Notification[]; version: number; onChanged(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const now = useAppNow();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [decideError, setDecideError] = useState<unknown>(null);
  // The core's refusal of a self-confirmation, in this feature's words (the generic ones speak of actions).
  const [ownRefused, setOwnRefused] = useState(false);
  // Deciding and filing change the obligations and filings (README › Roles).
  const can = useCan();
  const editable = !incident.archivedAt && can('write', 'obligation') && can('write', 'notification');
  const remote = useRemote(() => api.call('obligations.of', { incidentId: incident.id }), [incident.id, version]);
  const obligations = remote.data?.obligations ?? null;
  const error = decideError ?? remote.error;
  const changed = () => {
    remote.reload();
    onChanged();
  };

  async function confirm(o: Obligation) {
    setDecideError(null);
    setOwnRefused(false);
    try {
      await api.call('obligations.confirm', { obligationId: o.id });
      notifySuccess(t('obligations.confirmed'));
      changed();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DUTIES_SEPARATED') setOwnRefused(true);
      else setDecideError(e);
    }
  }

  async function decide(o: Obligation, decision: 'required' | 'undecided' | 'not_required', rationale = '') {
    setDecideError(null);
    setOwnRefused(false);
    try {
      await api.call('obligations.decide', { id: o.id, decision, rationale });
      changed();
    } catch (e) {
      setDecideError(e);
    }
  }

  const linked = new Set((obligations ?? []).flatMap((o) => o.filingIds));
  const others = notifications.filter((n) => !linked.has(n.id));
  const shown = (obligations ?? []).filter((o) => o.state !== 'superseded');
  const superseded = (obligations ?? []).filter((o) => o.state === 'superseded');

  return (
    <Panel title={t('obligations.title')} count={shown.length} testId="obligations-panel">
      {error !== null && <ErrorNotice error={error} />}
      {ownRefused && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="confirm-own-refused">
          {t('obligations.confirmOwnRefused')}
        </Alert>
      )}
      {obligations !== null && shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('obligations.none')}
        </Text>
      )}
      <Stack gap="sm">
        {shown.map((o) => (
          <ObligationCard
            key={o.id}
            o={o}
            t={t}
            now={now}
            editable={editable}
            filings={notifications.filter((n) => n.obligationId === o.id)}
            onFile={() => setDialog({ kind: 'file', o })}
            onDecide={(d) => (d === 'not_required' ? setDialog({ kind: 'notRequired', o }) : void decide(o, d))}
            onConfirm={() => void confirm(o)}
            onAddendum={(n) => setDialog({ kind: 'addendum', n })}
          />
        ))}
        {others.length > 0 && (
          <Paper withBorder p="sm" data-testid="other-filings">
            <Text size="sm" fw={600} mb={4}>
              {t('obligations.otherFilings')}
            </Text>
            <FilingsTable filings={others} t={t} onAddendum={editable ? (n) => setDialog({ kind: 'addendum', n }) : undefined} />
          </Paper>
        )}
        {superseded.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="superseded-obligations">
            {t('obligations.supersededList', { list: superseded.map((o) => `${o.label[f.lang]}${o.recipientName ? ` (${o.recipientName})` : ''}`).join('; ') })}
          </Text>
        )}
      </Stack>
      {dialog?.kind === 'file' && (
        <FilingModal
          incident={incident}
          obligation={dialog.o}
          onClose={(saved) => {
            setDialog(null);
            if (saved) changed();
          }}
        />
      )}
      {dialog?.kind === 'notRequired' && (
        <NotRequiredDialog
          o={dialog.o}
          onClose={() => setDialog(null)}
          onSubmit={async (rationale) => {
            await api.call('obligations.decide', { id: dialog.o.id, decision: 'not_required', rationale });
            setDialog(null);
            changed();
          }}
        />
      )}
      {dialog?.kind === 'addendum' && (
        <AddendumDialog
          n={dialog.n}
          onClose={(saved) => {
            setDialog(null);
            if (saved) changed();
          }}
        />
      )}
    </Panel>
  );
}

function ObligationCard({
  o,
  t,
  now,
  editable,
  filings,
  onFile,
  onDecide,
  onConfirm,
  onAddendum,
}: {
  o: Obligation;
  t: FeatureT;
  now: number;
  editable: boolean;
  filings: Notification[];
  onFile(): void;
  onDecide(d: 'required' | 'undecided' | 'not_required'): void;
  onConfirm(): void;
  onAddendum(n: Notification): void;
}) {
  const f = useFormatters();
  const authority = o.catalogueId ? findRegulator(o.catalogueId) : undefined;
  const filed = o.state === 'filed_on_time' || o.state === 'filed_late';
  const c = o.clock;
  const left = c.due ? Date.parse(c.due) - now : null;
  const recipient = o.regime === 'gdpr-34' ? t('obligations.dataSubjects') : o.recipientName || t('obligations.recipientMissing');
  return (
    <Paper withBorder p="sm" data-testid="obligation" data-regime={o.regime} data-state={o.state}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {o.label[f.lang]}
            </Text>
            <Text size="sm">· {recipient}</Text>
            <Badge color={STATE_COLOR[o.state]} variant={filed ? 'filled' : 'light'} size="sm" tt="none" data-testid="obligation-state">
              {t(`obligations.state.${o.state}`)}
            </Badge>
            {o.awaitingConfirmation && (
              <Badge color="orange" variant="light" size="sm" tt="none" data-testid="obligation-awaiting">
                {t('obligations.awaiting')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {o.basis[f.lang]}
            {o.why ? ` — ${o.why[f.lang]}` : ''}
          </Text>
          <Text size="sm" mt={4} data-testid="obligation-clock">
            {filed && c.metAt
              ? o.firstFilingRef
                ? t(o.state === 'filed_late' ? 'obligations.filedLate' : 'obligations.filedOnTime', { at: f.dateTime(c.metAt), ref: o.firstFilingRef })
                : t(o.state === 'filed_late' ? 'obligations.notifiedLate' : 'obligations.notifiedOnTime', { at: f.dateTime(c.metAt) })
              : c.due
                ? `${t('obligations.due', { due: formatDeadline(c.due, f.zone, f.lang) })}${c.state === 'stopped' ? ` · ${t('clock.stopped')}${c.stoppedReason ? `: ${t(`clock.stopReason.${c.stoppedReason}`)}` : ''}` : o.state === 'required' || o.state === 'undecided' || o.awaitingConfirmation ? ` · ${left !== null && left < 0 ? formatCountdown(left, f.lang) : t('obligations.left', { time: formatCountdown(left ?? 0, f.lang) })}` : ''}`
                : o.regime === 'gdpr-34' && c.target
                  ? t('obligations.target', { target: f.dateTime(c.target) })
                  : c.note
                    ? c.note[f.lang]
                    : t('obligations.noHourCount')}
          </Text>
          {o.currentDue && (
            <Text size="xs" c="orange.9" data-testid="obligation-current-due">
              {t('obligations.currentDue', { due: formatDeadline(o.currentDue, f.zone, f.lang) })}
            </Text>
          )}
          {o.state === 'filed_late' && o.lateReasons && (
            <Text size="xs" c="dimmed">
              {t('obligations.lateReasons', { reasons: o.lateReasons })}
            </Text>
          )}
          {o.state === 'not_required' && (
            <Text size="xs" c="dimmed">
              {t('obligations.rationale', { rationale: o.rationale })}
            </Text>
          )}
          {o.awaitingConfirmation && (
            <Text size="xs" c="orange.9" data-testid="obligation-awaiting-help">
              {t(o.decidedHere ? 'obligations.awaitingOwn' : 'obligations.awaitingHelp')}
            </Text>
          )}
          {o.state === 'not_required' && o.confirmedAt && (
            <Text size="xs" c="dimmed" data-testid="obligation-confirmed">
              {t('obligations.confirmedBy', { who: o.confirmedBy ?? '—', at: f.dateTime(o.confirmedAt) })}
            </Text>
          )}
          {authority && (
            <Group gap={6} mt={4} wrap="wrap" data-testid="obligation-catalogue">
              <Tooltip label={authority.notes?.[f.lang] ?? authority.nameEn} multiline w={320} withArrow>
                <IconInfoCircle size={14} aria-hidden />
              </Tooltip>
              <Text size="xs">
                {f.lang === 'fr' ? authority.nameLocal : authority.nameEn}
                {authority.phone ? ` · ${authority.phone}` : ''} · {t('obligations.languages', { list: authority.languages.join(', ').toUpperCase() })}
              </Text>
              {/* Shown, not linked: the app opens no other page; copy it into the browser you file from. */}
              <Text size="xs" className="tabular" style={{ userSelect: 'all' }}>
                {authority.portal ?? authority.website}
              </Text>
            </Group>
          )}
        </div>
        {editable && o.state !== 'superseded' && (
          <Stack gap={6} align="flex-end">
            {o.awaitingConfirmation && !o.decidedHere && (
              <Button size="compact-sm" variant="light" color="orange" leftSection={<IconChecks size={14} aria-hidden />} onClick={onConfirm} data-testid="obligation-confirm">
                {t('obligations.confirm')}
              </Button>
            )}
            {!filed && o.decision !== 'not_required' && (
              <Button size="compact-sm" leftSection={<IconSend size={14} aria-hidden />} onClick={onFile}>
                {t('obligations.file')}
              </Button>
            )}
            {filed ? (
              <Button size="compact-sm" variant="light" onClick={onFile}>
                {t('obligations.complement')}
              </Button>
            ) : (
              <SegmentedControl
                size="xs"
                aria-label={t('obligations.decision')}
                value={o.decision}
                onChange={(d) => onDecide(d as 'required' | 'undecided' | 'not_required')}
                data={(['required', 'undecided', 'not_required'] as const).map((d) => ({ value: d, label: t(`obligations.decisionValue.${d}`) }))}
              />
            )}
          </Stack>
        )}
      </Group>
      {filings.length > 0 && <FilingsTable filings={filings} t={t} onAddendum={editable ? onAddendum : undefined} />}
    </Paper>
  );
}

function FilingsTable({ filings, t, onAddendum }: { filings: Notification[]; t: FeatureT; onAddendum?: (n: Notification) => void }) {
  const f = useFormatters();
  return (
    <RowTable<Notification>
      rows={filings}
      testId="filings-table"
      rowTestId="notification-row"
      minWidth={560}
      verticalSpacing={4}
      mt="xs"
      columns={[
        {
          key: 'ref',
          title: t('filings.ref'),
          render: (n) => (
            <>
              <Text size="sm" fw={600} className="tabular">
                {n.filingRef || '—'}
              </Text>
              {(n.timeliness === 'on_time' || n.timeliness === 'late') && (
                <Badge size="xs" color={n.timeliness === 'late' ? 'red' : 'teal'} variant="light" tt="none">
                  {t(`filings.timeliness.${n.timeliness}`)}
                </Badge>
              )}
            </>
          ),
        },
        { key: 'phase', title: t('fields.phase'), render: (n) => <Text size="sm">{t(`phase.${n.phase}`)}</Text> },
        {
          key: 'sent',
          title: t('fields.sentAt'),
          render: (n) => (
            <>
              <Instant at={n.sentAt} />
              {n.acknowledgedAt && (
                <Text size="xs" c="dimmed">
                  {t('filings.acknowledged', { at: f.dateTime(n.acknowledgedAt) })}
                </Text>
              )}
            </>
          ),
        },
        { key: 'method', title: t('fields.method'), render: (n) => <Text size="sm">{t(`method.${n.method}`)}</Text> },
        {
          key: 'reference',
          title: t('fields.notificationReference'),
          render: (n) => (
            <Text size="sm" className="tabular" c={n.reference ? undefined : 'dimmed'} style={{ wordBreak: 'break-word' }}>
              {n.reference || t('detail.notRecorded')}
            </Text>
          ),
        },
      ]}
      menu={
        onAddendum && {
          title: t('notifications.actions'),
          label: (n) => t('filings.actionsFor', { ref: n.filingRef || f.dateTime(n.sentAt) }),
          items: (n) => [{ label: t('filings.addendum'), onClick: () => onAddendum(n) }],
        }
      }
    />
  );
}

function NotRequiredDialog({ o, onClose, onSubmit }: { o: Obligation; onClose(): void; onSubmit(rationale: string): Promise<void> }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [rationale, setRationale] = useState(o.rationale);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <DialogForm
      title={t('obligations.notRequiredTitle', { obligation: o.label[f.lang] })}
      intro={t('obligations.notRequiredIntro')}
      submitLabel={t('obligations.notRequiredSubmit')}
      onClose={onClose}
      onSubmit={async () => {
        if (rationale.trim().length < 10) {
          setProblem(t('obligations.rationaleTooShort'));
          return false;
        }
        await onSubmit(rationale.trim());
      }}
    >
      <Textarea label={t('obligations.rationaleLabel')} required autosize minRows={3} maxRows={8} maxLength={10_000} value={rationale} onChange={(e) => (setRationale(e.currentTarget.value), setProblem(null))} error={problem} />
    </DialogForm>
  );
}

function AddendumDialog({ n, onClose }: { n: Notification; onClose(saved: Notification | null): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [reference, setReference] = useState(n.reference);
  const [ack, setAck] = useState<LocalDateTimeValue>(() => (n.acknowledgedAt ? localPartsOf(n.acknowledgedAt, f.zone) : { date: null, time: '' }));
  const [outcome, setOutcome] = useState(n.outcome);
  const [ackError, setAckError] = useState<string | undefined>();
  return (
    <DialogForm
      title={t('filings.addendumTitle', { ref: n.filingRef })}
      intro={t('filings.addendumIntro')}
      submitLabel={t('filings.addendumSubmit')}
      onClose={() => onClose(null)}
      onSubmit={async () => {
        const acknowledgedAt = ack.date ? instantFromLocal(ack.date, ack.time || '00:00', f.zone) : null;
        setAckError(undefined);
        try {
          const saved = await api.call('incidents.updateNotification', { id: n.id, patch: { reference, acknowledgedAt, outcome } });
          notifySuccess(t('filings.addendumSaved', { ref: n.filingRef }));
          onClose(saved);
        } catch (e) {
          if (!(e instanceof ApiError && e.issues?.some((i) => i.path === 'patch.acknowledgedAt' || i.path === 'acknowledgedAt'))) throw e;
          setAckError(t('filings.acknowledgedAtFuture'));
        }
      }}
    >
      <TextInput label={t('fields.notificationReference')} maxLength={200} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
      <OrgDateTimeField name="acknowledgedAt" label={t('filings.acknowledgedAt')} value={ack} onChange={setAck} error={ackError} />
      <Textarea label={t('filings.outcome')} autosize minRows={2} maxRows={6} maxLength={20_000} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
    </DialogForm>
  );
}
