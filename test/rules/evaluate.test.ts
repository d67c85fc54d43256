import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { evaluate } from '../../src/rules/index.js';
import { bucket, finding, policy } from './helpers.js';

const MINIMAL = `
version: 1
resources: cost-bearing
exclude_types: []
require_any: false
tags:
  CostCenter: { required: true }
  Environment: { required: true, values: [prod, staging] }
  ModelVersion: { pattern: '^v[0-9]+\\.[0-9]+$' }
`;

/** What most evaluate rows compare: which rule said what about which key of which resource. */
const brief = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.resource} ${f.rule} ${f.key ?? '-'} ${f.severity}`);

interface Row {
  readonly name: string;
  readonly policy: string;
  readonly resources: readonly JudgedResource[];
  readonly expected: readonly string[];
}

const rows: Row[] = [
  {
    name: 'the minimal policy runs every rule on a checked resource, in rule order',
    policy: MINIMAL,
    resources: [bucket({ tagsLine: 2, tags: { environment: 'Prod', ModelVersion: '2' } })],
    expected: [
      'aws_s3_bucket.logs missing-tag CostCenter error',
      'aws_s3_bucket.logs wrong-case-key environment error',
      'aws_s3_bucket.logs invalid-value Environment error',
      'aws_s3_bucket.logs invalid-value ModelVersion error',
    ],
  },
  {
    name: 'resources the engine did not check are skipped entirely',
    policy: MINIMAL,
    resources: [bucket({ checked: false, tags: {} })],
    expected: [],
  },
  {
    name: 'a key scoped to a list of types applies only to those types (globs allowed)',
    policy: `
version: 1
tags:
  Model: { required: true, resources: ['aws_sagemaker_*'] }
`,
    resources: [
      bucket({ address: 'aws_sagemaker_endpoint.e', type: 'aws_sagemaker_endpoint' }),
      bucket({ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket' }),
    ],
    expected: ['aws_sagemaker_endpoint.e missing-tag Model error'],
  },
  {
    name: 'a key scoped by paths and exclude_types applies only there',
    policy: `
version: 1
tags:
  Team:
    required: true
    paths: ['ml/**']
    exclude_types: [aws_iam_role]
`,
    resources: [
      bucket({ address: 'aws_s3_bucket.in', file: 'ml/main.tf' }),
      bucket({ address: 'aws_iam_role.in', type: 'aws_iam_role', file: 'ml/iam.tf' }),
      bucket({ address: 'aws_s3_bucket.out', file: 'web/main.tf' }),
    ],
    expected: ['aws_s3_bucket.in missing-tag Team error'],
  },
  {
    name: 'a key scoped to taggable resources also covers those that cost nothing',
    policy: 'version: 1\ntags:\n  Owner: { required: true, resources: taggable }\n',
    resources: [bucket({ costBearing: false })],
    expected: ['aws_s3_bucket.logs missing-tag Owner error'],
  },
];

describe('evaluate', () => {
  test.each(rows)('$name', ({ policy: yaml, resources, expected }) => {
    expect(brief(evaluate(policy(yaml), resources))).toEqual(expected);
  });

  test('a key missing in one variant names the condition; in all, it is one finding', () => {
    const resource = bucket({
      address: 'Bucket',
      type: 'AWS::S3::Bucket',
      format: 'cloudformation',
      file: 'template.yaml',
      line: 4,
      tagsLine: 7,
      variants: [
        { condition: 'IsProd is true', tags: { CostCenter: 'cc', Environment: 'prod' } },
        { condition: 'IsProd is false', tags: { Environment: 'staging' } },
      ],
    });
    const common = { resource: 'Bucket', file: 'template.yaml', rule: 'missing-tag' } as const;
    expect(evaluate(policy(MINIMAL), [resource])).toEqual([
      finding({
        ...common,
        severity: 'error',
        line: 7,
        key: 'CostCenter',
        message:
          'Bucket has no tag CostCenter when condition IsProd is false; add it to the tags at ' +
          'template.yaml:7',
        fix: 'add tag CostCenter = "<value>"',
      }),
    ]);

    const bothMissing = {
      ...resource,
      variants: resource.variants?.map((v) => ({ ...v, tags: {} })),
    };
    expect(brief(evaluate(policy(MINIMAL), [bothMissing]))).toEqual([
      'Bucket missing-tag CostCenter error',
      'Bucket missing-tag Environment error',
    ]);
  });

  test('a Terraform variant names its condition expression without the word condition', () => {
    const resource = bucket({
      tagsLine: 3,
      tags: { CostCenter: 'cc', Environment: null },
      variants: [
        { condition: 'var.prod is true', tags: { CostCenter: 'cc', Environment: 'prod' } },
        { condition: 'var.prod is false', tags: { CostCenter: 'cc', Environment: 'Prod' } },
      ],
    });
    expect(evaluate(policy(MINIMAL), [resource]).map((f) => f.message)).toEqual([
      'aws_s3_bucket.logs tag Environment = "Prod" is not an allowed value when var.prod is ' +
        'false (did you mean prod?); allowed: prod, staging',
    ]);
  });

  test('a label (a CDK construct path) is shown beside the address; resource stays the id', () => {
    const resource = bucket({
      address: 'SiteBucket397A1860',
      type: 'AWS::S3::Bucket',
      format: 'cloudformation',
      file: 'cdk.out/WebStack.template.json',
      line: 3,
      tagsLine: 6,
      tags: { CostCenter: 'cc' },
      label: 'WebStack/SiteBucket/Resource',
    });
    const [found] = evaluate(policy(MINIMAL), [resource]);
    expect(found?.resource).toBe('SiteBucket397A1860');
    expect(found?.message).toBe(
      'SiteBucket397A1860 (WebStack/SiteBucket/Resource) has no tag Environment; add it to the ' +
        'tags at cdk.out/WebStack.template.json:6',
    );
  });

  test('a variant that is not a condition is named in parentheses', () => {
    const job = bucket({
      address: 'RayCluster/default/train',
      type: 'RayCluster',
      provider: 'kubernetes',
      format: 'kubernetes',
      file: 'ray.yaml',
      tagTarget: 'labels',
      tagsLine: 9,
      tags: { CostCenter: null },
      variants: [
        { condition: 'labels at spec.headGroupSpec.template.metadata', tags: { CostCenter: 'a' } },
        { condition: 'labels at spec.workerGroupSpecs[0].template.metadata', tags: {} },
      ],
    });
    const yaml = 'version: 1\ntags:\n  CostCenter: { required: true }\n';
    expect(evaluate(policy(yaml), [job]).map((f) => f.message)).toEqual([
      'RayCluster/default/train has no label CostCenter (labels at ' +
        'spec.workerGroupSpecs[0].template.metadata); add it to the labels at ray.yaml:9',
    ]);
  });

  test('with target: annotations a Kubernetes resource is judged by its annotations', () => {
    const yaml =
      'version: 1\ntarget: annotations\ntags:\n  corp.org/department: { required: true }\n';
    const pod = (annotations: JudgedResource['annotations']): JudgedResource =>
      bucket({
        address: 'Pod/default/web',
        type: 'Pod',
        provider: 'kubernetes',
        format: 'kubernetes',
        file: 'pod.yaml',
        line: 3,
        tagsLine: 6,
        tagTarget: 'labels',
        tags: { 'corp.org/department': 'labels do not count' },
        ...(annotations === undefined ? {} : { annotations }),
      });

    const [missing] = evaluate(policy(yaml), [pod(undefined)]);
    expect(missing?.message).toBe(
      'Pod/default/web has no annotation corp.org/department; add annotations with it to the ' +
        'resource at pod.yaml:3',
    );
    expect(brief(evaluate(policy(yaml), [pod({ 'corp.org/department': '' })]))).toEqual([
      'Pod/default/web invalid-value corp.org/department error',
    ]);
    expect(evaluate(policy(yaml), [pod({ 'corp.org/department': 'ml' })])).toEqual([]);
  });

  test('labels keep their own wording for other providers under target: annotations', () => {
    const yaml = 'version: 1\ntarget: annotations\ntags:\n  team: { required: true }\n';
    const vm = bucket({ provider: 'google', tagTarget: 'labels', tagsLine: 2, tags: {} });
    expect(evaluate(policy(yaml), [vm]).map((f) => f.fix)).toEqual(['add label team = "<value>"']);
  });
});
