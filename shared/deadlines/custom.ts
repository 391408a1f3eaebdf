/**
 * Custom rules: an organisation's own periods (a contract's "10 days from the client's request", an
 * internal "2 weeks to close an action"), computed by the same engines and read the same way as the
 * built-in rules.
 */
import { z } from 'zod';
import { calendarPeriodFromInstant, describeCalendarPeriod } from './calendar-period';
import { hoursResult, isBuiltInRuleId, prepareInput } from './rules';
import type { CustomRuleDefinition, DeadlineRule } from './types';
import { amountWords, bi, frDe } from './wording';

const BilingualSchema = z.object({
  en: z.string().trim().min(1, 'English text is required'),
  fr: z.string().trim().min(1, 'French text is required'),
});

export const CustomRuleDefinitionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._:-]{0,63}$/i, 'A rule id is 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit')
      .refine((id) => !isBuiltInRuleId(id), { error: (iss) => `'${String(iss.input)}' is a built-in rule id; choose another id for a custom rule` }),
    label: BilingualSchema,
    amount: z.number().finite().positive(),
    unit: z.enum(['hours', 'days', 'weeks', 'months']),
    event: BilingualSchema,
  })
  // Calendar periods count whole days (1182/71); only hours may be fractional (e.g. 1.5 hours).
  .refine((d) => d.unit === 'hours' || Number.isInteger(d.amount), {
    error: 'Periods in days, weeks or months must be a whole number',
    path: ['amount'],
  });

export function makeCustomRule(def: CustomRuleDefinition): DeadlineRule {
  const parsed = CustomRuleDefinitionSchema.safeParse(def);
  if (!parsed.success) {
    const id = typeof def === 'object' && def !== null && typeof def.id === 'string' ? ` '${def.id}'` : '';
    throw new Error(`Invalid custom rule${id}: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ')}`);
  }
  const { id, label, amount, unit, event } = parsed.data;
  const a = amountWords(amount, unit);
  const basis = bi(`Internal rule "${label.en}": ${a.en} from ${event.en}`, `Règle interne « ${label.fr} » : ${a.fr} à compter ${frDe(event.fr)}`);

  return Object.freeze({
    id,
    label: Object.freeze({ ...label }),
    kind: unit === 'hours' ? 'hours' : 'calendar',
    compute(from, cal, opts) {
      const input = prepareInput(from, cal, opts);
      if (unit === 'hours') return hoursResult(id, input, amount, event, basis);
      const p = calendarPeriodFromInstant(input.start, amount, unit, input.cal);
      return {
        rule: id,
        from: input.fromIso,
        deadline: p.deadline,
        target: p.target,
        basis,
        explanation: describeCalendarPeriod(p, event, input.cal.timeZone),
      };
    },
  } satisfies DeadlineRule);
}
