import { ApiError } from '@shared/api/contract';
import { BUILT_IN_RULES, CustomRuleDefinitionSchema, listRules, makeCustomRule, type CustomRuleDefinition, type DeadlineRule } from '@shared/deadlines';
import type { RuleInfo } from '@shared/schemas/clock';
import { appendAudit, type RegisterContext } from '../registers/context';

export const CUSTOM_RULES_META = 'customDeadlineRules';
const AUDIT_ID = 'deadline-rules';

/**
 * The organisation's own deadline rules ("a period in hours, days, weeks or months from a chosen
 * event"), kept with its settings in the meta table and audited like every other change. The
 * rules engine takes them as an argument (shared/ holds no state): customRules() is what to pass.
 */
export class CustomRules {
  constructor(private readonly ctx: RegisterContext) {}

  definitions(): CustomRuleDefinition[] {
    const row = this.ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(CUSTOM_RULES_META) as { value: string } | undefined;
    if (!row) return [];
    const list = JSON.parse(row.value) as unknown[];
    // A definition that no longer validates (e.g. a new built-in took its id) is skipped, not fatal.
    return list.flatMap((d) => {
      const p = CustomRuleDefinitionSchema.safeParse(d);
      return p.success ? [p.data] : [];
    });
  }

  /** The custom rules as engine rules, for computeDeadline(…, custom). */
  customRules(): DeadlineRule[] {
    return this.definitions().map(makeCustomRule);
  }

  list(): RuleInfo[] {
    const defs = this.definitions();
    return listRules(defs.map(makeCustomRule)).map((r) => {
      const def = defs.find((d) => d.id === r.id) ?? null;
      return { id: r.id, label: { ...r.label }, kind: r.kind, builtIn: def === null, definition: def };
    });
  }

  save(input: CustomRuleDefinition): RuleInfo {
    let def: CustomRuleDefinition;
    try {
      def = CustomRuleDefinitionSchema.parse(input);
      makeCustomRule(def);
    } catch (e) {
      throw new ApiError('VALIDATION_FAILED', (e as Error).message);
    }
    if (BUILT_IN_RULES.some((r) => r.id === def.id)) throw new ApiError('CONFLICT', `'${def.id}' is a built-in rule id.`);
    const before = this.definitions();
    const old = before.find((d) => d.id === def.id) ?? null;
    const next = old ? before.map((d) => (d.id === def.id ? def : d)) : [...before, def];
    this.store(next, [{ field: `rule:${def.id}`, old, new: def }], old ? 'update' : 'create');
    return this.list().find((r) => r.id === def.id)!;
  }

  remove(id: string): void {
    const before = this.definitions();
    const old = before.find((d) => d.id === id);
    if (!old) throw new ApiError('NOT_FOUND', `No custom deadline rule '${id}'.`);
    this.store(
      before.filter((d) => d.id !== id),
      [{ field: `rule:${id}`, old, new: null }],
      'update',
    );
  }

  private store(defs: CustomRuleDefinition[], changes: { field: string; old: unknown; new: unknown }[], action: 'create' | 'update') {
    this.ctx.write('settings', () => {
      this.ctx.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(CUSTOM_RULES_META, JSON.stringify(defs));
      appendAudit(this.ctx, 'settings', AUDIT_ID, action, changes);
      return { id: AUDIT_ID };
    });
  }
}
