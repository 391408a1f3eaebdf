import type { MantineColor } from '@mantine/core';
import type { z } from 'zod';
import {
  BreachNature,
  DataCategory,
  Decision,
  IncidentRole,
  NotificationMethod,
  NotificationPhase,
  NotificationRecipient,
  RiskLevel,
  SPECIAL_DATA_CATEGORIES,
} from '@shared/schemas/incident';
import type { FeatureT } from '../../lib/featureT';

export type IncidentRoleValue = z.infer<typeof IncidentRole>;
export type BreachNatureValue = z.infer<typeof BreachNature>;
export type DecisionValue = z.infer<typeof Decision>;
export type RecipientValue = z.infer<typeof NotificationRecipient>;
export type PhaseValue = z.infer<typeof NotificationPhase>;
export type MethodValue = z.infer<typeof NotificationMethod>;

/** Colours support the words, never replace them (statuses take theirs from the kit's one map). */
export const RISK_COLOR: Record<RiskLevel, MantineColor> = {
  unlikely: 'teal',
  risk: 'yellow',
  high: 'red',
};

export function isSpecialCategory(c: DataCategory): boolean {
  return (SPECIAL_DATA_CATEGORIES as readonly string[]).includes(c);
}

export const roleOptions = (t: FeatureT) => IncidentRole.options.map((v) => ({ value: v, label: t(`role.${v}`) }));
export const riskOptions = (t: FeatureT) => RiskLevel.options.map((v) => ({ value: v, label: t(`risk.${v}`) }));
export const decisionOptions = (t: FeatureT) => Decision.options.map((v) => ({ value: v, label: t(`decision.${v}`) }));
export const recipientOptions = (t: FeatureT) => NotificationRecipient.options.map((v) => ({ value: v, label: t(`recipient.${v}`) }));
export const phaseOptions = (t: FeatureT) => NotificationPhase.options.map((v) => ({ value: v, label: t(`phase.${v}`) }));
export const methodOptions = (t: FeatureT) => NotificationMethod.options.map((v) => ({ value: v, label: t(`method.${v}`) }));

/** Data categories in two groups, the Art. 9 and 10 ones apart so they are never picked unnoticed. */
export function categoryGroups(t: FeatureT) {
  const all = DataCategory.options;
  return [
    { group: t('form.categoriesOrdinary'), items: all.filter((c) => !isSpecialCategory(c)).map((c) => ({ value: c, label: t(`category.${c}`) })) },
    { group: t('form.categoriesSpecial'), items: all.filter(isSpecialCategory).map((c) => ({ value: c, label: t(`category.${c}`) })) },
  ];
}
