import { useMemo } from 'react';
import { Accordion, Badge, Button, Code, EmptyState, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { getRule, makeCustomRule, type DeadlineResult, type OrgCalendar } from '@shared/deadlines';
import type { RuleInfo } from '@shared/schemas/clock';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT, type FeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useOrganisation } from '../../state/appStatus';
import { useAppNow } from '../../lib/appClock';
import { dueText, NS as CLOCKS_NS } from '../clocks/clockView';
import { CustomRuleModal } from './CustomRuleModal';
import { ItemActions, RemoveDialog, useEditedList } from './editedList';
import { NS } from './ns';
import { FormSection } from '../../components/FormSection';

type Lang = 'en' | 'fr';

/** What a rule gives from a start instant, in the organisation's calendar; null if it cannot compute. */
export function example(rule: RuleInfo, fromIso: string, cal: OrgCalendar): DeadlineResult | null {
  try {
    const r = rule.definition ? makeCustomRule(rule.definition) : getRule(rule.id);
    return r.compute(fromIso, cal);
  } catch {
    return null;
  }
}

export function kindWords(t: FeatureT, kind: RuleInfo['kind']): string {
  return t(`rules.kind.${kind}`);
}

/** Both languages, the UI's first: the basis is what a regulator reads, in either language. */
function Bilingual({ label, text, lang }: { label: string; text: { en: string; fr: string }; lang: Lang }) {
  const order: Lang[] = lang === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <SimpleGrid cols={2} spacing="md">
        {order.map((l) => (
          <Group key={l} gap={6} wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="outline" color="gray" mt={2} style={{ flexShrink: 0 }}>
              {l.toUpperCase()}
            </Badge>
            <Text size="sm" lang={l}>
              {text[l]}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function RuleItem({ rule, fromIso, cal, actions }: { rule: RuleInfo; fromIso: string; cal: OrgCalendar; actions?: React.ReactNode }) {
  const t = useFeatureT(NS);
  const tc = useFeatureT(CLOCKS_NS);
  const f = useFormatters();
  const ex = useMemo(() => example(rule, fromIso, cal), [rule, fromIso, cal]);
  const due = ex?.deadline ? dueText(tc, ex.deadline, cal.timeZone, f.lang) : null;
  return (
    <Accordion.Item value={rule.id} data-testid="rule-item" data-rule-id={rule.id}>
      <Group wrap="nowrap" gap={0} pr={actions ? 'xs' : 0}>
        <Accordion.Control>
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600}>
                {rule.label[f.lang]}
              </Text>
              <Text size="xs" c="dimmed">
                <Code fz="xs">{rule.id}</Code> · {kindWords(t, rule.kind)}
              </Text>
            </Stack>
            <Text size="xs" c="dimmed" ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
              {due ? t('rules.exampleDue', { date: due }) : t('rules.noDeadline')}
            </Text>
          </Group>
        </Accordion.Control>
        {actions}
      </Group>
      <Accordion.Panel>
        {ex ? (
          <Stack gap="sm">
            <Bilingual label={t('rules.basis')} text={ex.basis} lang={f.lang} />
            <Bilingual label={t('rules.example', { date: dueText(tc, fromIso, cal.timeZone, f.lang) })} text={ex.explanation} lang={f.lang} />
          </Stack>
        ) : (
          <Text size="sm" c="red.8">
            {t('rules.cannotCompute')}
          </Text>
        )}
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** The deadline rules: the built-in ones with their legal basis, and the organisation's own. */
export function RulesTab() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const org = useOrganisation();
  const now = useAppNow();
  const list = useEditedList(() => api.call('rules.list', {}).then((r) => r.rules));
  const { items: rules, error, editing, setEditing } = list;
  const named = (r: RuleInfo) => ({ label: r.label[f.lang] });

  // Examples start at the current minute, so they read like "if it happened now".
  const fromIso = new Date(now - (now % 60_000)).toISOString();
  const cal = useMemo<OrgCalendar>(() => ({ timeZone: org?.timeZone ?? 'Europe/Paris', country: org?.country ?? 'FR' }), [org?.timeZone, org?.country]);

  if (rules === null) return error ? <ErrorNotice error={error} title={t('rules.loadFailed')} /> : <Loader size="sm" />;
  const builtIn = rules.filter((r) => r.builtIn);
  const custom = rules.filter((r) => !r.builtIn);

  return (
    <Stack gap="xl">
      <FormSection title={t('rules.builtInSection')} help={t('rules.builtInHelp', { zone: cal.timeZone, country: cal.country })}>
        <Accordion variant="contained" multiple chevronPosition="left" data-testid="built-in-rules">
          {builtIn.map((r) => (
            <RuleItem key={r.id} rule={r} fromIso={fromIso} cal={cal} />
          ))}
        </Accordion>
      </FormSection>

      <FormSection
        title={t('rules.customSection')}
        help={t('rules.customHelp')}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('rules.add')}
          </Button>
        }
      >
        {custom.length === 0 ? (
          <EmptyState icon={<IconGavel size={26} stroke={1.5} />} withIndicatorBackground title={t('rules.noCustomTitle')} description={t('rules.noCustomBody')} />
        ) : (
          <Accordion variant="contained" multiple chevronPosition="left" data-testid="custom-rules">
            {custom.map((r) => (
              <RuleItem key={r.id} rule={r} fromIso={fromIso} cal={cal} actions={<ItemActions list={list} item={r} words="rules" named={named} />} />
            ))}
          </Accordion>
        )}
      </FormSection>

      {editing !== null && (
        <CustomRuleModal
          rule={editing === 'new' ? null : editing}
          existingIds={rules.map((r) => r.id)}
          fromIso={fromIso}
          cal={cal}
          onClose={() => setEditing(null)}
          onSaved={list.saved}
        />
      )}
      <RemoveDialog list={list} words="rules" named={named} onRemove={(r) => api.call('rules.removeCustom', { id: r.id })} />
    </Stack>
  );
}
