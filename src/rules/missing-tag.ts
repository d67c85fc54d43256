import { allowedValues, keyLabel, lookupKey, valuePlaceholder } from './keys.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';

type MessageId = 'missingFromMap' | 'missingNoMap' | 'noTags';

/**
 * A required key is absent from a resource in its scope. A key that is present with an
 * unknown value counts as present; a near miss is left to `wrong-case-key`. With
 * `require_any`, a resource without any tag is reported with key `*`. Resources whose tags
 * could not be determined are left to `unresolved-tags`.
 */
export const missingTag = createRule<MessageId>({
  meta: {
    id: 'missing-tag',
    description: 'A key the policy requires is not among the tags the bill will see.',
    defaultSeverity: 'error',
    formats: 'all',
    messages: {
      missingFromMap:
        '{{resource}} has no {{noun}} {{key}}{{when}}; add it to the {{target}} at ' +
        '{{file}}:{{line}}',
      missingNoMap:
        '{{resource}} has no {{noun}} {{key}}{{when}}; add {{target}} with it to the resource ' +
        'at {{file}}:{{line}}',
      noTags:
        '{{resource}} has no {{target}} at all{{when}}; the policy requires at least one ' +
        '{{noun}} on every resource it covers',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const { policy, resource, view } = context;
    if (resource.unresolved !== undefined) return [];
    const reports: RuleReport<MessageId>[] = [];

    if (policy.requireAny && Object.keys(view.tags).length === 0) {
      reports.push({
        messageId: 'noTags',
        data: { noun: view.noun, target: view.target },
        key: '*',
        line: view.insertLine,
        fix: `add at least one ${view.noun}`,
      });
    }

    for (const rule of context.keys) {
      if (!rule.required) continue;
      const found = lookupKey(view.tags, rule, view.provider);
      if (found.presentKey !== undefined) continue;
      const allowed = allowedValues(policy, rule, view.tags, view.provider);
      reports.push({
        messageId: view.hasMap ? 'missingFromMap' : 'missingNoMap',
        data: { noun: view.noun, target: view.target, key: keyLabel(rule, found.form) },
        key: rule.key,
        line: view.insertLine,
        fix: `add ${view.noun} ${found.form} = "${valuePlaceholder(rule, allowed)}"`,
        severity: rule.severity,
      });
    }
    return reports;
  },
});
