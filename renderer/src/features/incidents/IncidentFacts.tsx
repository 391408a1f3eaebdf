import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconCircleX, IconHelpCircle } from '@tabler/icons-react';
import { controllersDecide, type Incident } from '@shared/schemas/incident';
import { regulatorLabel, findRegulator } from '@shared/reference/regulators';
import { FactList, PanelTitle, type FactRow } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { RiskIndicator } from './badges';
import { isSpecialCategory, type DecisionValue } from './labels';
import { NS } from './recordType';

/** The recorded facts of an incident, in the sections Art. 33(3) and 33(5) give the register. */
export function IncidentFacts({ incident: i }: { incident: Incident }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const dash = <Text span c="dimmed" size="sm">{t('detail.notRecorded')}</Text>;
  const instant = (iso: string | null) => (iso ? <span className="tabular">{f.dateTime(iso)}</span> : dash);
  const text = (s: string) => (s.trim() ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{s}</Text> : dash);
  const count = (n: number | null) => (n === null ? <Text span size="sm" c="dimmed">{t('detail.unknown')}</Text> : <span className="tabular">{f.number(n)}</span>);

  const occurred =
    i.occurredFrom === null && i.occurredTo === null ? (
      <Text span size="sm" c="dimmed">
        {t('detail.unknown')}
      </Text>
    ) : (
      <span className="tabular">
        {i.occurredFrom ? f.dateTime(i.occurredFrom) : t('detail.unknownStart')} – {i.occurredTo ? f.dateTime(i.occurredTo) : t('detail.unknownEnd')}
      </span>
    );

  const regulator = findRegulator(i.authority);
  const sections: { title: string; rows: (FactRow | false)[] }[] = [
    {
      title: t('form.factsSection'),
      rows: [
        [t('fields.ourRole'), t(`role.${i.ourRole}`)],
        [t('fields.detectedAt'), instant(i.detectedAt)],
        [t('fields.awareAt'), instant(i.awareAt), 'fact-aware'],
        [t('fields.occurred'), occurred],
        [t('fields.howDiscovered'), text(i.howDiscovered)],
        [t('fields.facts'), text(i.facts)],
      ],
    },
    {
      title: t('form.natureSection'),
      rows: [
        [
          t('fields.nature'),
          i.nature.length ? (
            <Group gap={6}>
              {i.nature.map((n) => (
                <Badge key={n} variant="outline" color="gray" size="sm" tt="none">
                  {t(`nature.${n}`)}
                </Badge>
              ))}
            </Group>
          ) : (
            dash
          ),
        ],
      ],
    },
    {
      title: t('form.dataSection'),
      rows: [
        [
          t('fields.dataCategories'),
          i.dataCategories.length ? (
            <Group gap={6} data-testid="fact-categories">
              {i.dataCategories.map((c) =>
                isSpecialCategory(c) ? (
                  <Badge key={c} color="red" variant="light" size="sm" tt="none" leftSection={<IconAlertOctagon size={12} aria-hidden />}>
                    {t(`category.${c}`)} · {t('detail.special')}
                  </Badge>
                ) : (
                  <Badge key={c} color="gray" variant="light" size="sm" tt="none">
                    {t(`category.${c}`)}
                  </Badge>
                ),
              )}
            </Group>
          ) : (
            dash
          ),
        ],
        [t('fields.dataSubjectCategories'), text(i.dataSubjectCategories)],
        [t('fields.approxSubjects'), count(i.approxSubjects), 'fact-subjects'],
        [t('fields.approxRecords'), count(i.approxRecords), 'fact-records'],
      ],
    },
    {
      title: t('form.riskSection'),
      rows: [
        [t('fields.likelyConsequences'), text(i.likelyConsequences)],
        [t('fields.riskLevel'), <RiskIndicator risk={i.riskLevel} />],
      ],
    },
    {
      title: t('form.decisionsSection'),
      rows: [
        [t('fields.notifyAuthority'), <DecisionValueView decision={i.notifyAuthority} reasons={i.notifyAuthorityReasons} controllers={controllersDecide(i, i.notifyAuthority)} testId="decision-authority" />],
        [
          t('fields.authority'),
          i.authority ? (
            <span title={regulator?.name}>
              {regulatorLabel(i.authority)}
              {regulator && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {regulator.name}
                </Text>
              )}
            </span>
          ) : (
            dash
          ),
        ],
        i.delayReasons.trim() !== '' && [t('fields.delayReasons'), text(i.delayReasons)],
        [t('fields.notifyDataSubjects'), <DecisionValueView decision={i.notifyDataSubjects} reasons={i.notifyDataSubjectsReasons} controllers={controllersDecide(i, i.notifyDataSubjects)} testId="decision-subjects" />],
        (i.dataSubjectsTarget !== null || i.riskLevel === 'high' || i.notifyDataSubjects === 'yes') && [
          t('fields.dataSubjectsTarget'),
          i.dataSubjectsTarget ? instant(i.dataSubjectsTarget) : <Text span size="sm" c="dimmed">{t('detail.noTarget')}</Text>,
        ],
        [t('fields.nis2InScope'), i.nis2InScope ? t('detail.yes') : t('detail.no')],
      ],
    },
    {
      title: t('form.measuresSection'),
      rows: [
        [t('fields.measuresTaken'), text(i.measuresTaken)],
        [t('fields.measuresProposed'), text(i.measuresProposed)],
        [t('fields.lead'), i.lead || dash],
      ],
    },
    {
      title: t('detail.recordSection'),
      rows: [
        [t('fields.createdAt'), instant(i.createdAt)],
        [t('fields.updatedAt'), instant(i.updatedAt)],
        i.closedAt !== null && [t('fields.closedAt'), instant(i.closedAt)],
      ],
    },
  ];

  return (
    <Stack gap="lg" data-testid="incident-facts">
      {sections.map((s) => (
        <section key={s.title}>
          <PanelTitle mb={6}>{s.title}</PanelTitle>
          <FactList rows={s.rows} labelWidth="13rem" />
        </section>
      ))}
    </Stack>
  );
}

const DECISION_ICON: Record<DecisionValue, React.ReactNode> = {
  yes: <IconCircleCheck size={15} aria-hidden />,
  no: <IconCircleX size={15} aria-hidden />,
  pending: <IconHelpCircle size={15} aria-hidden />,
};

function DecisionValueView({ decision, reasons, controllers, testId }: { decision: DecisionValue; reasons: string; controllers: boolean; testId: string }) {
  const t = useFeatureT(NS);
  if (controllers) {
    return (
      <Stack gap={2} data-testid={testId}>
        <Text size="sm">{t('decisionLong.controllers')}</Text>
        <Text size="xs" c="dimmed">
          {t('decisionLong.controllersDetail')}
        </Text>
      </Stack>
    );
  }
  const color = decision === 'pending' ? 'orange.9' : undefined;
  return (
    <Stack gap={2} data-testid={testId}>
      <Group gap={5} wrap="nowrap" c={color}>
        {DECISION_ICON[decision]}
        <Text size="sm" fw={600} c={color}>
          {t(`decisionLong.${decision}`)}
        </Text>
      </Group>
      {reasons.trim() ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {reasons}
        </Text>
      ) : (
        decision !== 'pending' && (
          <Text size="xs" c="red.8">
            {t('detail.reasonsMissing')}
          </Text>
        )
      )}
    </Stack>
  );
}
