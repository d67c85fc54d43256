import { nearest } from '../policy/nearest.js';
import type { TagRule } from '../policy/types.js';
import { keyLabel, lookupKey, valuePlaceholder } from './keys.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';
import type { TagView } from './views.js';

type MessageId = 'notAllowed' | 'noMatch' | 'empty';

/**
 * A key's value is not one of the policy's `values`, does not match its `pattern`, or is
 * empty while the key is required. Values not known statically are never invalid. A near
 * miss of the key is judged by its value too, so one edit fixes both findings.
 */
export const invalidValue = createRule<MessageId>({
  meta: {
    id: 'invalid-value',
    description: "A key's value is not allowed by the policy's values or pattern.",
    defaultSeverity: 'error',
    formats: 'all',
    messages: {
      notAllowed:
        '{{resource}} {{noun}} {{key}} = {{value}} is not an allowed value{{when}}{{hint}}; ' +
        'allowed: {{allowed}}',
      noMatch:
        '{{resource}} {{noun}} {{key}} = {{value}} does not match the pattern {{pattern}}' +
        '{{when}}; use a value that matches it',
      empty:
        '{{resource}} {{noun}} {{key}} is empty{{when}}; the policy requires a value{{allowed}}',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const { view } = context;
    const reports: RuleReport<MessageId>[] = [];
    for (const rule of context.keys) {
      const found = lookupKey(view.tags, rule, view.provider);
      if (found.presentKey === undefined || typeof found.value !== 'string') continue;
      const report = judgeValue(rule, found.presentKey, found.value, view);
      if (report) reports.push({ ...report, key: rule.key, severity: rule.severity });
    }
    return reports;
  },
});

type ValueReport = Omit<RuleReport<MessageId>, 'key' | 'severity'>;

function judgeValue(
  rule: TagRule,
  presentKey: string,
  value: string,
  view: TagView,
): ValueReport | undefined {
  const place = view.placeOf(presentKey);
  const label = presentKey === rule.key ? presentKey : keyLabel(rule, presentKey);
  const data = { noun: view.noun, key: label, value: JSON.stringify(value) };
  const setFix = (text: string): string => `set ${view.noun} ${presentKey} = "${text}"`;

  if (value.trim() === '' && rule.required) {
    const allowed = rule.values
      ? ` (one of: ${rule.values.join(', ')})`
      : rule.pattern
        ? ` matching ${rule.pattern.source}`
        : '';
    const fix = setFix(valuePlaceholder(rule, rule.values));
    return { messageId: 'empty', data: { ...data, allowed }, ...place, fix };
  }

  if (rule.values && !rule.values.includes(value)) {
    const suggestion = nearest(value, rule.values);
    const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
    const fix = setFix(suggestion ?? valuePlaceholder(rule, rule.values));
    const allowed = rule.values.join(', ');
    return { messageId: 'notAllowed', data: { ...data, hint, allowed }, ...place, fix };
  }

  if (rule.pattern && !rule.pattern.regex.test(value)) {
    const fix = setFix(valuePlaceholder(rule, undefined));
    return { messageId: 'noMatch', data: { ...data, pattern: rule.pattern.source }, ...place, fix };
  }
  return undefined;
}
