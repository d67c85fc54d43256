import { keyLabel, lookupKey } from './keys.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';

type MessageId = 'rename' | 'duplicate';

/**
 * A key equals a policy key except for case or separators (`costcenter`, `cost_center`,
 * `Cost-Center` for `CostCenter`). Billing groups by exact key, so the spend lands under a
 * second key. Reported instead of `missing-tag`, for every policy key whether required or not;
 * beside the exact key (or beside an earlier near miss) it is a duplicate to remove. The
 * finding's key is the key as written.
 */
export const wrongCaseKey = createRule<MessageId>({
  meta: {
    id: 'wrong-case-key',
    description: 'A key matches a policy key except for case or separators.',
    defaultSeverity: 'error',
    formats: 'all',
    messages: {
      rename:
        '{{resource}} has {{noun}} {{found}}{{when}}, which matches {{expected}} ' +
        'only up to case or separators; billing treats them as different keys, so rename it',
      duplicate:
        '{{resource}} has {{noun}} {{found}} beside {{kept}}{{when}}; both stand for ' +
        '{{expected}} and split the spend between them, so remove {{found}}',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const { view } = context;
    const reports: RuleReport<MessageId>[] = [];
    for (const rule of context.keys) {
      const found = lookupKey(view.tags, rule, view.provider);
      const expected =
        found.form === rule.key ? `the policy key ${rule.key}` : keyLabel(rule, found.form);
      for (const nearMiss of found.nearMisses) {
        // The first near miss is the one to rename; any other one is a duplicate of the key kept.
        const duplicate = nearMiss !== found.presentKey;
        const data = { noun: view.noun, found: nearMiss, expected, kept: found.presentKey ?? '' };
        reports.push({
          messageId: duplicate ? 'duplicate' : 'rename',
          data,
          key: nearMiss,
          ...view.placeOf(nearMiss),
          fix: duplicate
            ? `remove ${view.noun} ${nearMiss}`
            : `rename ${view.noun} ${nearMiss} to ${found.form}`,
          severity: rule.severity,
        });
      }
    }
    return reports;
  },
});
