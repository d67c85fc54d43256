import type { JudgedResource } from '../model.js';
import { resourceInScope } from '../policy/scope.js';
import { nearest } from '../policy/nearest.js';
import type { TagRule } from '../policy/types.js';
import { allowedValues, keyLabel, lookupKey, policyKey, valuePlaceholder } from './keys.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';

type MessageId = 'parentMissing' | 'valueNotAllowed';

/**
 * A child key breaks its place under a parent key: it is present while a parent named in
 * `requires` is not, or its value is not one `values_by` allows for the parent's value. A
 * missing parent that is itself required is left to `missing-tag`, and to `unresolved-tags`
 * when the tags could not be determined. Unknown values are never judged.
 */
export const hierarchy = createRule<MessageId>({
  meta: {
    id: 'hierarchy',
    description: 'A child key is present without its parent, or its value does not fit the parent.',
    defaultSeverity: 'error',
    formats: 'all',
    messages: {
      parentMissing:
        '{{resource}} has {{noun}} {{child}} but no {{parent}}{{when}}; the policy puts ' +
        '{{child}} under {{parent}}, so add {{parent}} too',
      valueNotAllowed:
        '{{resource}} {{noun}} {{child}} = {{value}} is not allowed under {{parent}} = ' +
        '{{parentValue}}{{when}}{{hint}}; allowed there: {{allowed}}',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const reports: RuleReport<MessageId>[] = [];
    for (const rule of context.keys) {
      const child = lookupKey(context.view.tags, rule, context.view.provider);
      if (child.presentKey === undefined) continue;
      for (const parent of rule.requires) {
        const report = missingParent(context, rule, child.presentKey, parent);
        if (report) reports.push(report);
      }
      const report = valueUnderParent(context, rule, child.presentKey, child.value);
      if (report) reports.push(report);
    }
    return reports;
  },
});

function missingParent(
  context: RuleContext,
  rule: TagRule,
  childKey: string,
  parentKey: string,
): RuleReport<MessageId> | undefined {
  const { policy, resource, view } = context;
  const parent = policyKey(policy, parentKey);
  if (!parent) return undefined;
  const found = lookupKey(view.tags, parent, view.provider);
  if (found.presentKey !== undefined || resource.unresolved !== undefined) return undefined;
  if (reportedAsMissing(parent, resource)) return undefined;

  const allowed = allowedValues(policy, parent, view.tags, view.provider);
  return {
    messageId: 'parentMissing',
    data: {
      noun: view.noun,
      child: childLabel(rule, childKey),
      parent: keyLabel(parent, found.form),
    },
    key: rule.key,
    ...view.placeOf(childKey),
    fix: `add ${view.noun} ${found.form} = "${valuePlaceholder(parent, allowed)}"`,
    severity: rule.severity,
  };
}

function valueUnderParent(
  context: RuleContext,
  rule: TagRule,
  childKey: string,
  childValue: string | null | undefined,
): RuleReport<MessageId> | undefined {
  const { policy, view } = context;
  const byParent = rule.valuesByParent;
  const parent = byParent ? policyKey(policy, byParent.parent) : undefined;
  if (!byParent || !parent || typeof childValue !== 'string' || childValue === '') return undefined;
  const found = lookupKey(view.tags, parent, view.provider);
  if (typeof found.value !== 'string') return undefined;
  const allowed = byParent.allowed[found.value];
  if (!allowed || allowed.includes(childValue)) return undefined;

  const suggestion = nearest(childValue, allowed);
  return {
    messageId: 'valueNotAllowed',
    data: {
      noun: view.noun,
      child: childLabel(rule, childKey),
      value: JSON.stringify(childValue),
      parent: found.presentKey ?? parent.key,
      parentValue: JSON.stringify(found.value),
      hint: suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`,
      allowed: allowed.join(', '),
    },
    key: rule.key,
    ...view.placeOf(childKey),
    fix: `set ${view.noun} ${childKey} = "${suggestion ?? valuePlaceholder(rule, allowed)}"`,
    severity: rule.severity,
  };
}

/** Whether `missing-tag` already reports the parent on this resource. */
function reportedAsMissing(parent: TagRule, resource: JudgedResource): boolean {
  return parent.required && resourceInScope(parent.scope, resource);
}

function childLabel(rule: TagRule, childKey: string): string {
  return childKey === rule.key ? childKey : keyLabel(rule, childKey);
}
