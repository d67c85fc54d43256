import type { Finding, JudgedResource } from '../../src/model.js';
import { loadPolicyText } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import { judgeResource } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';

/** A checked, cost-bearing Terraform AWS resource at main.tf:1, overridden field by field. */
export function bucket(overrides: Partial<JudgedResource> = {}): JudgedResource {
  return {
    address: 'aws_s3_bucket.logs',
    type: 'aws_s3_bucket',
    provider: 'aws',
    format: 'terraform',
    file: 'main.tf',
    line: 1,
    tags: {},
    tagTarget: 'tags',
    costBearing: true,
    taggable: true,
    checked: true,
    ...overrides,
  };
}

/** Loads an inline policy as if read from `policy.yaml`. */
export function policy(yaml: string): Policy {
  return loadPolicyText(yaml, 'policy.yaml');
}

/** The findings one rule reports on one resource. */
export function findingsOf(rule: Rule, policyYaml: string, resource: JudgedResource): Finding[] {
  return judgeResource(policy(policyYaml), resource, [rule]);
}

/** A finding with the fields every rule test spells out; `file` and `resource` default. */
export function finding(
  fields: Pick<Finding, 'rule' | 'severity' | 'line' | 'key' | 'message' | 'fix'> &
    Partial<Pick<Finding, 'file' | 'resource'>>,
): Finding {
  return { resource: 'aws_s3_bucket.logs', file: 'main.tf', ...fields };
}
