import { attributionRequired } from './missing-attribution.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';

type MessageId = 'unresolved';

/**
 * The extractor could not determine a resource's tags (a variable from an unseen caller, a
 * function it cannot evaluate). Rather than pass silently, this reports once per resource with
 * the reason, whenever the policy requires anything of the resource (a key, or attribution of
 * an AI call); `missing-tag` then stays quiet about it. A warning: the author may not be able
 * to change where the tags come from.
 */
export const unresolvedTags = createRule<MessageId>({
  meta: {
    id: 'unresolved-tags',
    description: 'The tags the bill will see could not be determined, so they were not checked.',
    defaultSeverity: 'warning',
    formats: 'all',
    messages: {
      unresolved:
        '{{resource}}: its {{target}} could not be determined ({{reason}}){{when}}; the ' +
        'required keys were not checked, so write them where the checker can read them',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const { policy, resource, view } = context;
    if (resource.unresolved === undefined) return [];
    const requiresSomething =
      policy.requireAny ||
      context.keys.some((rule) => rule.required) ||
      attributionRequired(policy, resource);
    if (!requiresSomething) return [];
    return [
      {
        messageId: 'unresolved',
        data: { target: view.target, reason: resource.unresolved },
        key: null,
        line: view.insertLine,
        fix: null,
      },
    ];
  },
});
