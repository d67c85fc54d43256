import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { invalidValue } from '../../src/rules/invalid-value.js';
import { bucket, finding, findingsOf } from './helpers.js';

const MINIMAL = `
version: 1
resources: cost-bearing
tags:
  CostCenter: { required: true }
  Environment: { required: true, values: [prod, staging] }
  ModelVersion: { pattern: '^v[0-9]+\\.[0-9]+$' }
`;

interface Row {
  readonly name: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const withOrigins = (tags: Record<string, string | null>): Partial<JudgedResource> => ({
  tagsLine: 3,
  tags,
  origins: Object.fromEntries(
    Object.keys(tags).map((key, index) => [key, { line: 4 + index, source: 'resource' }]),
  ),
});

const rows: Row[] = [
  {
    name: 'a value that differs from an allowed one only by case gets a did-you-mean',
    resource: bucket(withOrigins({ CostCenter: 'cc', Environment: 'Prod' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 5,
        key: 'Environment',
        message:
          'aws_s3_bucket.logs tag Environment = "Prod" is not an allowed value ' +
          '(did you mean prod?); allowed: prod, staging',
        fix: 'set tag Environment = "prod"',
      }),
    ],
  },
  {
    name: 'a value far from every allowed one lists them without a guess',
    resource: bucket(withOrigins({ CostCenter: 'cc', Environment: 'qa' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 5,
        key: 'Environment',
        message:
          'aws_s3_bucket.logs tag Environment = "qa" is not an allowed value; ' +
          'allowed: prod, staging',
        fix: 'set tag Environment = "<one of: prod, staging>"',
      }),
    ],
  },
  {
    name: 'a value written in another file (a module call) is reported in that file, at its line',
    resource: bucket({
      address: 'module.api.aws_s3_bucket.logs',
      file: 'modules/s3/main.tf',
      tagsLine: 9,
      tags: { CostCenter: 'cc', Environment: 'Production' },
      origins: {
        CostCenter: { line: 3, file: 'providers.tf', source: 'provider aws default tags' },
        Environment: { line: 19, file: 'main.tf', source: 'module "api" input' },
      },
    }),
    expected: [
      finding({
        resource: 'module.api.aws_s3_bucket.logs',
        file: 'main.tf',
        rule: 'invalid-value',
        severity: 'error',
        line: 19,
        key: 'Environment',
        message:
          'module.api.aws_s3_bucket.logs tag Environment = "Production" is not an allowed ' +
          'value; allowed: prod, staging',
        fix: 'set tag Environment = "<one of: prod, staging>"',
      }),
    ],
  },
  {
    name: 'a value that does not match the pattern names the pattern',
    resource: bucket(withOrigins({ CostCenter: 'cc', ModelVersion: '1.2' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 5,
        key: 'ModelVersion',
        message:
          'aws_s3_bucket.logs tag ModelVersion = "1.2" does not match the pattern ' +
          '^v[0-9]+\\.[0-9]+$; use a value that matches it',
        fix: 'set tag ModelVersion = "<value matching ^v[0-9]+\\.[0-9]+$>"',
      }),
    ],
  },
  {
    name: 'values that are allowed or match pass',
    resource: bucket(withOrigins({ CostCenter: 'c', Environment: 'prod', ModelVersion: 'v1.2' })),
    expected: [],
  },
  {
    name: 'a value not known statically is never invalid',
    resource: bucket(withOrigins({ Environment: null, ModelVersion: null })),
    expected: [],
  },
  {
    name: 'an empty value of a required key is reported as empty',
    resource: bucket(withOrigins({ CostCenter: '', Environment: 'prod' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 4,
        key: 'CostCenter',
        message: 'aws_s3_bucket.logs tag CostCenter is empty; the policy requires a value',
        fix: 'set tag CostCenter = "<value>"',
      }),
    ],
  },
  {
    name: 'an empty value of a required key with values lists them',
    resource: bucket(withOrigins({ CostCenter: 'cc', Environment: ' ' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 5,
        key: 'Environment',
        message:
          'aws_s3_bucket.logs tag Environment is empty; the policy requires a value ' +
          '(one of: prod, staging)',
        fix: 'set tag Environment = "<one of: prod, staging>"',
      }),
    ],
  },
  {
    name: 'an empty value of an optional key is judged by its pattern',
    resource: bucket(withOrigins({ ModelVersion: '' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 4,
        key: 'ModelVersion',
        message:
          'aws_s3_bucket.logs tag ModelVersion = "" does not match the pattern ' +
          '^v[0-9]+\\.[0-9]+$; use a value that matches it',
        fix: 'set tag ModelVersion = "<value matching ^v[0-9]+\\.[0-9]+$>"',
      }),
    ],
  },
  {
    name: 'the value of a near miss is judged too, naming the key as written',
    resource: bucket(withOrigins({ CostCenter: 'cc', environment: 'production' })),
    expected: [
      finding({
        rule: 'invalid-value',
        severity: 'error',
        line: 5,
        key: 'Environment',
        message:
          'aws_s3_bucket.logs tag environment (policy key Environment) = "production" is not ' +
          'an allowed value; allowed: prod, staging',
        fix: 'set tag environment = "<one of: prod, staging>"',
      }),
    ],
  },
];

describe('invalid-value', () => {
  test.each(rows)('$name', ({ resource, expected }) => {
    expect(findingsOf(invalidValue, MINIMAL, resource)).toEqual(expected);
  });

  test('a pattern matches anywhere in the value unless anchored', () => {
    const yaml = 'version: 1\ntags:\n  Team: { pattern: "team" }\n';
    const pass = bucket({ tags: { Team: 'ml-team-a' } });
    const fail = bucket({ tags: { Team: 'ml' } });
    expect(findingsOf(invalidValue, yaml, pass)).toEqual([]);
    expect(findingsOf(invalidValue, yaml, fail).map((f) => f.key)).toEqual(['Team']);
  });
});
