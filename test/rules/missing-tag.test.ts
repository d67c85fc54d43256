import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { missingTag } from '../../src/rules/missing-tag.js';
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
  readonly policy: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const rows: Row[] = [
  {
    name: 'a required key absent from an existing tag map is reported at the map',
    policy: MINIMAL,
    resource: bucket({ tagsLine: 3, tags: { Environment: 'prod' } }),
    expected: [
      finding({
        rule: 'missing-tag',
        severity: 'error',
        line: 3,
        key: 'CostCenter',
        message: 'aws_s3_bucket.logs has no tag CostCenter; add it to the tags at main.tf:3',
        fix: 'add tag CostCenter = "<value>"',
      }),
    ],
  },
  {
    name: 'a resource without a tag map is told to add one, at its own line, with allowed values',
    policy: MINIMAL,
    resource: bucket({ line: 7, tags: { CostCenter: 'cc-1' } }),
    expected: [
      finding({
        rule: 'missing-tag',
        severity: 'error',
        line: 7,
        key: 'Environment',
        message:
          'aws_s3_bucket.logs has no tag Environment; add tags with it to the resource at ' +
          'main.tf:7',
        fix: 'add tag Environment = "<one of: prod, staging>"',
      }),
    ],
  },
  {
    name: 'a key present with a value not known statically counts as present',
    policy: MINIMAL,
    resource: bucket({ tagsLine: 3, tags: { CostCenter: null, Environment: null } }),
    expected: [],
  },
  {
    name: 'a near miss is left to wrong-case-key instead of being reported missing',
    policy: MINIMAL,
    resource: bucket({ tagsLine: 3, tags: { cost_center: 'x', environment: 'prod' } }),
    expected: [],
  },
  {
    name: 'a key that is not required is never missing',
    policy: 'version: 1\ntags:\n  Owner: { values: [a, b] }\n',
    resource: bucket({ tagsLine: 3, tags: { Project: 'p' } }),
    expected: [],
  },
  {
    name: 'require_any reports a resource with no tags at all under key *',
    policy: 'version: 1\nrequire_any: true\ntags: {}\n',
    resource: bucket({ tagsLine: 4, tags: {} }),
    expected: [
      finding({
        rule: 'missing-tag',
        severity: 'error',
        line: 4,
        key: '*',
        message:
          'aws_s3_bucket.logs has no tags at all; the policy requires at least one tag on ' +
          'every resource it covers',
        fix: 'add at least one tag',
      }),
    ],
  },
  {
    name: 'require_any is satisfied by a single tag, even one with an unknown value',
    policy: 'version: 1\nrequire_any: true\ntags: {}\n',
    resource: bucket({ tags: { Name: null } }),
    expected: [],
  },
  {
    name: 'unresolved tags are left to unresolved-tags, even with require_any',
    policy: 'version: 1\nrequire_any: true\ntags:\n  CostCenter: { required: true }\n',
    resource: bucket({ tags: {}, unresolved: 'tags = var.tags from an unseen caller' }),
    expected: [],
  },
  {
    name: 'a GCP label is looked up in its snake_case form and both spellings are named',
    policy: MINIMAL,
    resource: bucket({
      address: 'google_compute_instance.vm',
      type: 'google_compute_instance',
      provider: 'google',
      tagTarget: 'labels',
      tagsLine: 9,
      tags: { environment: 'prod' },
    }),
    expected: [
      finding({
        resource: 'google_compute_instance.vm',
        rule: 'missing-tag',
        severity: 'error',
        line: 9,
        key: 'CostCenter',
        message:
          'google_compute_instance.vm has no label cost_center (policy key CostCenter); ' +
          'add it to the labels at main.tf:9',
        fix: 'add label cost_center = "<value>"',
      }),
    ],
  },
  {
    name: 'an explicit form wins over the derived one',
    policy:
      'version: 1\ntags:\n  CostCenter: { required: true, forms: { kubernetes: cost-center } }\n',
    resource: bucket({
      address: 'Deployment/default/api',
      type: 'Deployment',
      provider: 'kubernetes',
      format: 'kubernetes',
      file: 'k8s/api.yaml',
      tagTarget: 'labels',
      tagsLine: 12,
      tags: { app: 'api' },
    }),
    expected: [
      finding({
        resource: 'Deployment/default/api',
        file: 'k8s/api.yaml',
        rule: 'missing-tag',
        severity: 'error',
        line: 12,
        key: 'CostCenter',
        message:
          'Deployment/default/api has no label cost-center (policy key CostCenter); ' +
          'add it to the labels at k8s/api.yaml:12',
        fix: 'add label cost-center = "<value>"',
      }),
    ],
  },
  {
    name: 'a key scoped to another provider does not apply',
    policy: 'version: 1\ntags:\n  Team: { required: true, providers: [google] }\n',
    resource: bucket({ tags: {} }),
    expected: [],
  },
  {
    name: 'a key of severity warning gives a warning',
    policy: 'version: 1\ntags:\n  Owner: { required: true, severity: warning }\n',
    resource: bucket({ tagsLine: 2, tags: { Project: 'p' } }),
    expected: [
      finding({
        rule: 'missing-tag',
        severity: 'warning',
        line: 2,
        key: 'Owner',
        message: 'aws_s3_bucket.logs has no tag Owner; add it to the tags at main.tf:2',
        fix: 'add tag Owner = "<value>"',
      }),
    ],
  },
  {
    name: 'the fix lists only the values allowed under the parent value present',
    policy: `
version: 1
tags:
  Project: { required: true, values: [search, chat] }
  Model:
    required: true
    values: [bert, llama, gpt]
    values_by: { Project: { search: [bert], chat: [llama, gpt] } }
`,
    resource: bucket({ tagsLine: 2, tags: { Project: 'chat' } }),
    expected: [
      finding({
        rule: 'missing-tag',
        severity: 'error',
        line: 2,
        key: 'Model',
        message: 'aws_s3_bucket.logs has no tag Model; add it to the tags at main.tf:2',
        fix: 'add tag Model = "<one of: llama, gpt>"',
      }),
    ],
  },
  {
    name: 'a pattern shows in the fix and a single allowed value is written out',
    policy: `
version: 1
tags:
  Version: { required: true, pattern: '^v[0-9]+$' }
  Tier: { required: true, values: [gold] }
`,
    resource: bucket({ tagsLine: 2, tags: { Name: 'n' } }),
    expected: [
      finding({
        rule: 'missing-tag',
        severity: 'error',
        line: 2,
        key: 'Version',
        message: 'aws_s3_bucket.logs has no tag Version; add it to the tags at main.tf:2',
        fix: 'add tag Version = "<value matching ^v[0-9]+$>"',
      }),
      finding({
        rule: 'missing-tag',
        severity: 'error',
        line: 2,
        key: 'Tier',
        message: 'aws_s3_bucket.logs has no tag Tier; add it to the tags at main.tf:2',
        fix: 'add tag Tier = "gold"',
      }),
    ],
  },
];

describe('missing-tag', () => {
  test.each(rows)('$name', ({ policy, resource, expected }) => {
    expect(findingsOf(missingTag, policy, resource)).toEqual(expected);
  });
});
