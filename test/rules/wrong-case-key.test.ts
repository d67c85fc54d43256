import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { judgeResource, rules } from '../../src/rules/index.js';
import { wrongCaseKey } from '../../src/rules/wrong-case-key.js';
import { bucket, finding, findingsOf, policy } from './helpers.js';

const POLICY = `
version: 1
tags:
  CostCenter: { required: true }
  Purpose: { severity: warning }
`;

interface Row {
  readonly name: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const rename = (found: string, line: number): Finding =>
  finding({
    rule: 'wrong-case-key',
    severity: 'error',
    line,
    key: found,
    message:
      `aws_s3_bucket.logs has tag ${found}, which matches the policy key CostCenter only up ` +
      'to case or separators; billing treats them as different keys, so rename it',
    fix: `rename tag ${found} to CostCenter`,
  });

const rows: Row[] = [
  {
    name: 'all lowercase is a near miss, pointed at the line the key was written on',
    resource: bucket({
      tagsLine: 3,
      tags: { costcenter: 'cc' },
      origins: { costcenter: { line: 4, source: 'resource' } },
    }),
    expected: [rename('costcenter', 4)],
  },
  {
    name: 'a key written in another file (a module call) is reported in that file, at its line',
    resource: bucket({
      file: 'modules/s3/main.tf',
      tagsLine: 3,
      tags: { costcenter: 'cc' },
      origins: { costcenter: { line: 12, file: 'live/main.tf', source: 'module "s3" input' } },
    }),
    expected: [{ ...rename('costcenter', 12), file: 'live/main.tf' }],
  },
  {
    name: 'an origin that names the resource file itself keeps the resource file',
    resource: bucket({
      tagsLine: 3,
      tags: { costcenter: 'cc' },
      origins: { costcenter: { line: 4, file: 'main.tf', source: 'resource' } },
    }),
    expected: [rename('costcenter', 4)],
  },
  {
    name: 'snake_case is a near miss; without an origin the finding points at the tag map',
    resource: bucket({ tagsLine: 3, tags: { cost_center: 'cc' } }),
    expected: [rename('cost_center', 3)],
  },
  {
    name: 'kebab-case with other capitals is a near miss',
    resource: bucket({ tagsLine: 3, tags: { 'Cost-Center': 'cc' } }),
    expected: [rename('Cost-Center', 3)],
  },
  {
    name: 'dots, colons and spaces are separators too',
    resource: bucket({ tagsLine: 3, tags: { 'cost.center': 'cc' } }),
    expected: [rename('cost.center', 3)],
  },
  {
    name: 'the exact key alone is fine',
    resource: bucket({ tagsLine: 3, tags: { CostCenter: 'cc' } }),
    expected: [],
  },
  {
    name: 'a near miss beside the exact key is a duplicate to remove',
    resource: bucket({ tagsLine: 3, tags: { CostCenter: 'cc', costcenter: 'cc' } }),
    expected: [
      finding({
        rule: 'wrong-case-key',
        severity: 'error',
        line: 3,
        key: 'costcenter',
        message:
          'aws_s3_bucket.logs has tag costcenter beside CostCenter; both stand for the policy ' +
          'key CostCenter and split the spend between them, so remove costcenter',
        fix: 'remove tag costcenter',
      }),
    ],
  },
  {
    name: 'a key that is not required is checked too, with its own severity',
    resource: bucket({ tagsLine: 3, tags: { CostCenter: 'cc', purpose: 'search' } }),
    expected: [
      finding({
        rule: 'wrong-case-key',
        severity: 'warning',
        line: 3,
        key: 'purpose',
        message:
          'aws_s3_bucket.logs has tag purpose, which matches the policy key Purpose only up to ' +
          'case or separators; billing treats them as different keys, so rename it',
        fix: 'rename tag purpose to Purpose',
      }),
    ],
  },
  {
    name: 'a similar but different key is not a near miss',
    resource: bucket({ tagsLine: 3, tags: { CostCentre: 'cc' } }),
    expected: [],
  },
  {
    name: 'on GCP the canonical spelling is itself a near miss of the label form',
    resource: bucket({
      address: 'google_storage_bucket.b',
      provider: 'google',
      tagTarget: 'labels',
      tagsLine: 5,
      tags: { CostCenter: 'cc' },
    }),
    expected: [
      finding({
        resource: 'google_storage_bucket.b',
        rule: 'wrong-case-key',
        severity: 'error',
        line: 5,
        key: 'CostCenter',
        message:
          'google_storage_bucket.b has label CostCenter, which matches cost_center (policy key ' +
          'CostCenter) only up to case or separators; billing treats them as different keys, ' +
          'so rename it',
        fix: 'rename label CostCenter to cost_center',
      }),
    ],
  },
];

describe('wrong-case-key', () => {
  test.each(rows)('$name', ({ resource, expected }) => {
    expect(findingsOf(wrongCaseKey, POLICY, resource)).toEqual(expected);
  });

  test('a near miss of a required key is reported instead of missing-tag, not beside it', () => {
    const resource = bucket({ tagsLine: 3, tags: { costcenter: 'cc' } });
    const found = judgeResource(policy(POLICY), resource, rules).map((f) => [f.rule, f.key]);
    expect(found).toEqual([['wrong-case-key', 'costcenter']]);
  });
});
