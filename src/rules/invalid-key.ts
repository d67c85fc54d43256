import { derivedForm } from '../policy/forms.js';
import {
  FAMILY_NAMES,
  keyProblem,
  MAX_TAGS,
  type ProviderFamily,
  providerFamily,
  valueProblem,
} from '../policy/provider-keys.js';
import { lookupKey } from './keys.js';
import { createRule, type RuleContext, type RuleReport } from './rule.js';
import type { TagView } from './views.js';

type MessageId = 'badKey' | 'badValue' | 'tooMany';

/**
 * A key or value the provider will reject, or more tags than it allows: AWS reserves `aws:`
 * and limits keys to 128 and values to 256 characters, 50 tags; GCP labels are lowercase,
 * at most 63 characters, 64 labels; Kubernetes label keys are `prefix/name` with their own
 * syntax; Azure limits keys to 512 and values to 256 characters, 50 tags. Only keys and values
 * whose text is known are judged; a near miss of a policy key is left to `wrong-case-key`.
 */
export const invalidKey = createRule<MessageId>({
  meta: {
    id: 'invalid-key',
    description: "A tag key or value breaks the provider's syntax or limits.",
    defaultSeverity: 'warning',
    formats: 'all',
    messages: {
      badKey: '{{resource}} {{noun}} key {{key}} is not valid on {{provider}}{{when}}: {{problem}}',
      badValue:
        '{{resource}} {{noun}} {{key}} has a value {{provider}} does not accept{{when}}: ' +
        '{{problem}}',
      tooMany: '{{resource}} has {{count}} {{target}}{{when}}; {{provider}} allows at most {{max}}',
    },
  },

  check(context: RuleContext): RuleReport<MessageId>[] {
    const { view } = context;
    const family = providerFamily(view.provider);
    if (family === undefined) return [];
    const provider = FAMILY_NAMES[family];
    const reports: RuleReport<MessageId>[] = [];

    const count = Object.keys(view.tags).length;
    const max = MAX_TAGS[family];
    if (max !== undefined && count > max) {
      const data = { target: view.target, count, provider, max };
      reports.push({ messageId: 'tooMany', data, key: null, line: view.insertLine, fix: null });
    }

    const nearMisses = nearMissesOfPolicyKeys(context);
    for (const [key, value] of Object.entries(view.tags)) {
      if (hasUnknownText(key)) continue;
      const keyReport = nearMisses.has(key) ? undefined : badKey(family, key, view);
      if (keyReport) reports.push(keyReport);
      const valueReport =
        typeof value === 'string' ? badValue(family, key, value, view) : undefined;
      if (valueReport) reports.push(valueReport);
    }
    return reports;
  },
});

function badKey(
  family: ProviderFamily,
  key: string,
  view: TagView,
): RuleReport<MessageId> | undefined {
  const problem = keyProblem(family, key);
  if (problem === undefined) return undefined;
  const rename = family === 'aws' || family === 'azure' ? undefined : renameTarget(family, key);
  return {
    messageId: 'badKey',
    data: { noun: view.noun, key, provider: FAMILY_NAMES[family], problem },
    key,
    ...view.placeOf(key),
    fix: rename === undefined ? null : `rename ${view.noun} ${key} to ${rename}`,
  };
}

function badValue(
  family: ProviderFamily,
  key: string,
  value: string,
  view: TagView,
): RuleReport<MessageId> | undefined {
  const target = view.target === 'annotations' ? 'annotations' : 'labels';
  const problem = valueProblem(family, value, target);
  if (problem === undefined) return undefined;
  return {
    messageId: 'badValue',
    data: { noun: view.noun, key, provider: FAMILY_NAMES[family], problem },
    key,
    ...view.placeOf(key),
    fix: null,
  };
}

/** The provider's own spelling of a bad key, when deriving one gives a valid key. */
function renameTarget(family: 'google' | 'kubernetes', key: string): string | undefined {
  const candidate = derivedForm(key, family);
  return candidate !== key && keyProblem(family, candidate) === undefined ? candidate : undefined;
}

function nearMissesOfPolicyKeys(context: RuleContext): Set<string> {
  const keys = new Set<string>();
  for (const rule of context.keys) {
    const found = lookupKey(context.view.tags, rule, context.view.provider);
    for (const key of found.nearMisses) keys.add(key);
  }
  return keys;
}

/** Keys still holding an interpolation (`kubernetes.io/cluster/${var.name}`) are not judged. */
function hasUnknownText(key: string): boolean {
  return key.includes('${') || key.includes('{{');
}
