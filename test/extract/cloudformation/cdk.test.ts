import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../../src/engine/check.js';
import { loadPolicyText } from '../../../src/policy/load.js';
import { extractInline, resourceNamed } from './helpers.js';

const SYNTHESIZED = JSON.stringify(
  {
    Resources: {
      SiteBucket397A1860: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          Tags: [
            { Key: 'aws-cdk:auto-delete-objects', Value: 'true' },
            { Key: 'aws:cloudformation:stack-name', Value: 'x' },
            { Key: 'CostCenter', Value: 'cc-5' },
          ],
        },
        Metadata: { 'aws:cdk:path': 'WebStack/SiteBucket/Resource' },
      },
      CDKMetadata: {
        Type: 'AWS::CDK::Metadata',
        Properties: { Analytics: 'v2:deflate64:abc' },
        Metadata: { 'aws:cdk:path': 'WebStack/CDKMetadata/Default' },
      },
    },
    Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>' } },
  },
  null,
  1,
);

describe('CDK-synthesized templates', () => {
  test.each([['cdk.out/WebStack.template.json'], ['infra/stack.json']])(
    '%s: construct path as label and attribute, CDK tags dropped',
    async (file) => {
      const extraction = await extractInline(SYNTHESIZED, file);
      const bucket = resourceNamed(extraction, 'SiteBucket397A1860');

      expect(extraction.errors).toEqual([]);
      expect(bucket).toMatchObject({
        address: 'SiteBucket397A1860',
        label: 'WebStack/SiteBucket/Resource',
        attributes: { constructPath: 'WebStack/SiteBucket/Resource' },
        line: 3,
        tagsLine: 6,
        tags: { CostCenter: 'cc-5' },
        origins: { CostCenter: { line: 16, source: 'resource' } },
      });
      expect(resourceNamed(extraction, 'CDKMetadata').tags).toEqual({});
    },
  );

  test('a *.template.json without metadata still drops CDK tags', async () => {
    const template = JSON.stringify({
      Resources: {
        B: {
          Type: 'AWS::S3::Bucket',
          Properties: { Tags: [{ Key: 'aws-cdk:auto-delete-objects', Value: 'true' }] },
        },
      },
    });

    const extraction = await extractInline(template, 'snap/app.template.json');

    expect(resourceNamed(extraction, 'B').tags).toEqual({});
    expect(resourceNamed(extraction, 'B').label).toBeUndefined();
  });

  test('a hand-written template keeps an aws: key, for the reserved-prefix rule', async () => {
    const template =
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n' +
      '      Tags: [{Key: "aws:owner", Value: x}]\n';

    const extraction = await extractInline(template);

    expect(resourceNamed(extraction, 'B').tags).toEqual({ 'aws:owner': 'x' });
  });

  test('findings name the construct path beside the logical id', async () => {
    const root = await mkdtemp(join(tmpdir(), 'openclaw-cdk-'));
    try {
      await mkdir(join(root, 'cdk.out'));
      await writeFile(join(root, 'cdk.out/WebStack.template.json'), SYNTHESIZED);
      const policy = loadPolicyText(
        'version: 1\nresources: taggable\ntags:\n  Environment: { required: true }\n',
        'policy.yaml',
      );

      const report = await check({ paths: ['.'], cwd: root, policy, failOn: 'error' });

      expect(report.findings).toEqual([
        {
          rule: 'missing-tag',
          severity: 'error',
          resource: 'SiteBucket397A1860',
          file: 'cdk.out/WebStack.template.json',
          line: 6,
          key: 'Environment',
          message:
            'SiteBucket397A1860 (WebStack/SiteBucket/Resource) has no tag Environment; add it ' +
            'to the tags at cdk.out/WebStack.template.json:6',
          fix: 'add tag Environment = "<value>"',
        },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
