import type { Finding, JudgedResource } from '../model.js';
import { resourceInScope } from '../policy/scope.js';
import type { Policy, TagRule } from '../policy/types.js';
import { hierarchy } from './hierarchy.js';
import { invalidKey } from './invalid-key.js';
import { invalidValue } from './invalid-value.js';
import { isAiCall, missingAttribution } from './missing-attribution.js';
import { missingTag } from './missing-tag.js';
import { reportsToFindings } from './render.js';
import type { Rule } from './rule.js';
import { unresolvedTags } from './unresolved-tags.js';
import { tagViews } from './views.js';
import { wrongCaseKey } from './wrong-case-key.js';

export type { Rule, RuleContext, RuleMeta, RuleReport } from './rule.js';

/** Every rule, in the order its findings are produced for a resource. Ids are unique. */
export const rules: readonly Rule[] = [
  unresolvedTags,
  missingTag,
  wrongCaseKey,
  invalidValue,
  hierarchy,
  invalidKey,
  missingAttribution,
];

/**
 * Runs every rule on every resource with `checked: true` and returns the findings, resource by
 * resource in input order. Each policy key applies only where its own scope covers the
 * resource; resources with condition-dependent variants are judged once per variant.
 */
export function evaluate(policy: Policy, resources: readonly JudgedResource[]): Finding[] {
  const findings: Finding[] = [];
  for (const resource of resources) {
    if (!resource.checked) continue;
    findings.push(...judgeResource(policy, resource, rules));
  }
  return findings;
}

/** The findings of `selected` rules on one resource, whether or not it is `checked`. */
export function judgeResource(
  policy: Policy,
  resource: JudgedResource,
  selected: readonly Rule[],
): Finding[] {
  const keys = policy.tags.filter((rule) => keyCovers(rule, resource));
  const views = tagViews(policy, resource);
  const findings: Finding[] = [];
  for (const rule of selected) {
    if (!appliesTo(rule, resource)) continue;
    const reportsPerView = views.map((view) => rule.check({ policy, resource, view, keys }));
    findings.push(...reportsToFindings(rule, resource, views, reportsPerView));
  }
  return findings;
}

/**
 * Whether a policy key applies to a resource: its scope covers it, and for an AI model call
 * (which carries request metadata, not tags, and is judged by `attribution:`) the key's
 * resources list types rather than `cost-bearing` or `taggable`.
 */
function keyCovers(rule: TagRule, resource: JudgedResource): boolean {
  if (isAiCall(resource) && !Array.isArray(rule.scope.resources)) return false;
  return resourceInScope(rule.scope, resource);
}

function appliesTo(rule: Rule, resource: JudgedResource): boolean {
  return rule.meta.formats === 'all' || rule.meta.formats.includes(resource.format);
}
