import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { judgeResource, rules } from '../../src/rules/index.js';
import { unresolvedTags } from '../../src/rules/unresolved-tags.js';
import { bucket, finding, findingsOf, policy } from './helpers.js';

const REQUIRED = 'version: 1\ntags:\n  CostCenter: { required: true }\n';

interface Row {
  readonly name: string;
  readonly policy: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const reason = 'tags = var.tags, and no caller of this module was scanned';

const rows: Row[] = [
  {
    name: 'unresolved tags are one warning with the reason, at the tag attribute',
    policy: REQUIRED,
    resource: bucket({ tagsLine: 5, unresolved: reason }),
    expected: [
      finding({
        rule: 'unresolved-tags',
        severity: 'warning',
        line: 5,
        key: null,
        message:
          'aws_s3_bucket.logs: its tags could not be determined (tags = var.tags, and no ' +
          'caller of this module was scanned); the required keys were not checked, so write ' +
          'them where the checker can read them',
        fix: null,
      }),
    ],
  },
  {
    name: 'require_any alone is enough to report it',
    policy: 'version: 1\nrequire_any: true\ntags: {}\n',
    resource: bucket({ line: 2, unresolved: 'labels from a Helm value', tagTarget: 'labels' }),
    expected: [
      finding({
        rule: 'unresolved-tags',
        severity: 'warning',
        line: 2,
        key: null,
        message:
          'aws_s3_bucket.logs: its labels could not be determined (labels from a Helm value); ' +
          'the required keys were not checked, so write them where the checker can read them',
        fix: null,
      }),
    ],
  },
  {
    name: 'resolved tags give nothing',
    policy: REQUIRED,
    resource: bucket({ tags: {} }),
    expected: [],
  },
  {
    name: 'a policy that requires nothing of the resource gives nothing',
    policy: 'version: 1\ntags:\n  Purpose: { values: [a] }\n',
    resource: bucket({ unresolved: reason }),
    expected: [],
  },
];

describe('unresolved-tags', () => {
  test.each(rows)('$name', ({ policy, resource, expected }) => {
    expect(findingsOf(unresolvedTags, policy, resource)).toEqual(expected);
  });

  test('is reported once across unresolved variants, and missing-tag stays quiet', () => {
    const resource = bucket({
      unresolved: reason,
      variants: [
        { condition: 'IsProd is true', tags: {} },
        { condition: 'IsProd is false', tags: {} },
      ],
    });
    const found = judgeResource(policy(REQUIRED), resource, rules).map((f) => f.rule);
    expect(found).toEqual(['unresolved-tags']);
  });
});
