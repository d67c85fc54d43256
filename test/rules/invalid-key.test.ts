import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { invalidKey } from '../../src/rules/invalid-key.js';
import { bucket, finding, findingsOf } from './helpers.js';

const POLICY = 'version: 1\ntags:\n  CostCenter: { required: true }\n';

const gcp = (tags: Record<string, string | null>): JudgedResource =>
  bucket({
    address: 'google_storage_bucket.b',
    provider: 'google',
    tagTarget: 'labels',
    tagsLine: 2,
    tags,
  });

const pod = (tags: Record<string, string | null>): JudgedResource =>
  bucket({
    address: 'Pod/default/web',
    type: 'Pod',
    provider: 'kubernetes',
    format: 'kubernetes',
    file: 'pod.yaml',
    tagTarget: 'labels',
    tagsLine: 4,
    tags,
  });

const many = (count: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 'v']));

interface Row {
  readonly name: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const rows: Row[] = [
  {
    name: 'AWS reserves the aws: prefix',
    resource: bucket({ tagsLine: 2, tags: { 'aws:createdBy': 'me' } }),
    expected: [
      finding({
        rule: 'invalid-key',
        severity: 'warning',
        line: 2,
        key: 'aws:createdBy',
        message:
          'aws_s3_bucket.logs tag key aws:createdBy is not valid on AWS: the aws: prefix is ' +
          'reserved for AWS',
        fix: null,
      }),
    ],
  },
  {
    name: 'AWS values may have at most 256 characters',
    resource: bucket({ tagsLine: 2, tags: { Note: 'x'.repeat(257) } }),
    expected: [
      finding({
        rule: 'invalid-key',
        severity: 'warning',
        line: 2,
        key: 'Note',
        message:
          'aws_s3_bucket.logs tag Note has a value AWS does not accept: values may have at ' +
          'most 256 characters; this one has 257',
        fix: null,
      }),
    ],
  },
  {
    name: 'AWS allows 50 tags, not 51',
    resource: bucket({ tagsLine: 2, tags: many(51) }),
    expected: [
      finding({
        rule: 'invalid-key',
        severity: 'warning',
        line: 2,
        key: null,
        message: 'aws_s3_bucket.logs has 51 tags; AWS allows at most 50',
        fix: null,
      }),
    ],
  },
  {
    name: 'AWS accepts 50 tags and mixed-case keys with spaces',
    resource: bucket({ tagsLine: 2, tags: { ...many(49), 'Cost Center': 'x' } }),
    expected: [],
  },
  {
    name: 'GCP label keys must be lowercase, with a snake_case rename offered',
    resource: gcp({ TeamName: 'search' }),
    expected: [
      finding({
        resource: 'google_storage_bucket.b',
        rule: 'invalid-key',
        severity: 'warning',
        line: 2,
        key: 'TeamName',
        message:
          'google_storage_bucket.b label key TeamName is not valid on GCP: keys must start ' +
          'with a lowercase letter and contain only lowercase letters, digits, _ and -',
        fix: 'rename label TeamName to team_name',
      }),
    ],
  },
  {
    name: 'GCP label values must be lowercase too',
    resource: gcp({ team: 'Search' }),
    expected: [
      finding({
        resource: 'google_storage_bucket.b',
        rule: 'invalid-key',
        severity: 'warning',
        line: 2,
        key: 'team',
        message:
          'google_storage_bucket.b label team has a value GCP does not accept: values may ' +
          'contain only lowercase letters, digits, _ and -',
        fix: null,
      }),
    ],
  },
  {
    name: 'a near miss of a policy key is left to wrong-case-key',
    resource: gcp({ CostCenter: 'cc' }),
    expected: [],
  },
  {
    name: 'Kubernetes accepts a DNS prefix and a name with dots',
    resource: pod({ 'app.kubernetes.io/name': 'web', 'my.io/foo': '', CostCenter: 'cc' }),
    expected: [],
  },
  {
    name: 'Kubernetes label names may not start with a dash',
    resource: pod({ '-team': 'x' }),
    expected: [
      finding({
        resource: 'Pod/default/web',
        file: 'pod.yaml',
        rule: 'invalid-key',
        severity: 'warning',
        line: 4,
        key: '-team',
        message:
          'Pod/default/web label key -team is not valid on Kubernetes: the name part must ' +
          'start and end with a letter or digit and contain only letters, digits, -, _ and .',
        fix: 'rename label -team to team',
      }),
    ],
  },
  {
    name: 'a label set in a kustomization is reported in the kustomization, at its line',
    resource: {
      ...pod({ '-team': 'x' }),
      origins: { '-team': { line: 6, file: 'kustomization.yaml', source: 'commonLabels' } },
    },
    expected: [
      finding({
        resource: 'Pod/default/web',
        file: 'kustomization.yaml',
        rule: 'invalid-key',
        severity: 'warning',
        line: 6,
        key: '-team',
        message:
          'Pod/default/web label key -team is not valid on Kubernetes: the name part must ' +
          'start and end with a letter or digit and contain only letters, digits, -, _ and .',
        fix: 'rename label -team to team',
      }),
    ],
  },
  {
    name: 'Kubernetes label values may have at most 63 characters; spaces are left to the API',
    resource: pod({ team: 't'.repeat(64), owner: 'John Doe' }),
    expected: [
      finding({
        resource: 'Pod/default/web',
        file: 'pod.yaml',
        rule: 'invalid-key',
        severity: 'warning',
        line: 4,
        key: 'team',
        message:
          'Pod/default/web label team has a value Kubernetes does not accept: label values may ' +
          'have at most 63 characters; this one has 64',
        fix: null,
      }),
    ],
  },
  {
    name: 'Azure keys may not contain a slash',
    resource: bucket({ provider: 'azurerm', tagsLine: 2, tags: { 'team/name': 'x' } }),
    expected: [
      finding({
        rule: 'invalid-key',
        severity: 'warning',
        line: 2,
        key: 'team/name',
        message:
          'aws_s3_bucket.logs tag key team/name is not valid on Azure: keys may not contain ' +
          '< > % & \\ ? or /',
        fix: null,
      }),
    ],
  },
  {
    name: 'keys still holding an interpolation and unknown values are not judged',
    resource: gcp({ 'team_${var.x}': null, env: null }),
    expected: [],
  },
  {
    name: 'cloud tags in a Kubernetes object follow the cloud provider, not label syntax',
    resource: bucket({
      address: 'EC2NodeClass/default/gpu',
      type: 'EC2NodeClass',
      provider: 'kubernetes',
      format: 'kubernetes',
      file: 'karpenter.yaml',
      tagTarget: 'tags',
      tagsLine: 8,
      tags: { 'Cost Center': 'ml', 'aws:team': 'x' },
      attributes: { cloudProvider: 'aws' },
    }),
    expected: [
      finding({
        resource: 'EC2NodeClass/default/gpu',
        file: 'karpenter.yaml',
        rule: 'invalid-key',
        severity: 'warning',
        line: 8,
        key: 'aws:team',
        message:
          'EC2NodeClass/default/gpu tag key aws:team is not valid on AWS: the aws: prefix is ' +
          'reserved for AWS',
        fix: null,
      }),
    ],
  },
  {
    name: 'providers without a known syntax are not judged',
    resource: bucket({ provider: 'openai', tags: { 'Any Key!': 'Any Value' } }),
    expected: [],
  },
];

describe('invalid-key', () => {
  test.each(rows)('$name', ({ resource, expected }) => {
    expect(findingsOf(invalidKey, POLICY, resource)).toEqual(expected);
  });
});
