import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import {
  expectWellFormedReport,
  fuzzParameters,
  hasParseError,
  mutatedText,
  scanFiles,
  tokenSoup,
} from './harness.js';
import {
  CLOUDFORMATION_JSON,
  CLOUDFORMATION_YAML,
  JSON_TOKENS,
  KUBERNETES,
  KUSTOMIZATION,
  YAML_TOKENS,
} from './seeds.js';

/** A line that no YAML parser accepts: a flow sequence never closed. */
const BROKEN_YAML = '\nbroken: [never, closed\n';

describe('CloudFormation under random and mutated input', () => {
  test('a mutated YAML template never crashes the check', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(CLOUDFORMATION_YAML, YAML_TOKENS), async (text) => {
        const files = { 'template.yaml': text };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });

  test('a mutated JSON template never crashes the check', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(CLOUDFORMATION_JSON, JSON_TOKENS), async (text) => {
        const files = { 'template.json': text };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });

  test('a template whose YAML breaks is a parse-error finding', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(CLOUDFORMATION_YAML, YAML_TOKENS), async (text) => {
        const files = {
          'template.yaml': `AWSTemplateFormatVersion: "2010-09-09"\n${text}${BROKEN_YAML}`,
        };
        const report = await scanFiles(files);
        expectWellFormedReport(report, files);
        expect(hasParseError(report, 'template.yaml')).toBe(true);
      }),
      fuzzParameters(20),
    );
  });

  test('any JSON value as properties, tags or intrinsic arguments never crashes', async () => {
    const value = fc.jsonValue({ maxDepth: 5 });
    const intrinsic = fc.constantFrom(
      'Ref',
      'Fn::If',
      'Fn::Sub',
      'Fn::Join',
      'Fn::GetAtt',
      'Fn::FindInMap',
      'Fn::Select',
      'Fn::Split',
      'Fn::ImportValue',
      'Fn::Base64',
    );
    await fc.assert(
      fc.asyncProperty(value, intrinsic, value, async (properties, name, argument) => {
        const template = {
          AWSTemplateFormatVersion: '2010-09-09',
          Resources: {
            Raw: { Type: 'AWS::S3::Bucket', Properties: properties },
            Tagged: { Type: 'AWS::SQS::Queue', Properties: { Tags: { [name]: argument } } },
            Listed: {
              Type: 'AWS::EC2::Instance',
              Properties: { Tags: [{ Key: 'CostCenter', Value: { [name]: argument } }] },
            },
          },
        };
        const files = {
          'template.json': JSON.stringify(template),
          'template.yaml': stringify(template),
        };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });
});

describe('Kubernetes under random and mutated input', () => {
  test('mutated manifests and kustomization never crash the check', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedText(KUBERNETES, YAML_TOKENS),
        mutatedText(KUSTOMIZATION, YAML_TOKENS),
        async (manifests, kustomization) => {
          const files = { 'deployment.yaml': manifests, 'kustomization.yaml': kustomization };
          expectWellFormedReport(await scanFiles(files), files);
        },
      ),
      fuzzParameters(40),
    );
  });

  test('random YAML tokens never crash the check', async () => {
    await fc.assert(
      fc.asyncProperty(tokenSoup(YAML_TOKENS), async (text) => {
        const files = { 'soup.yaml': `apiVersion: v1\nkind: Pod\n${text}` };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });

  test('a manifest whose YAML breaks is a parse-error finding', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(KUBERNETES, YAML_TOKENS), async (text) => {
        const files = { 'deployment.yaml': `apiVersion: v1\nkind: Pod\n${text}${BROKEN_YAML}` };
        const report = await scanFiles(files);
        expectWellFormedReport(report, files);
        expect(hasParseError(report, 'deployment.yaml')).toBe(true);
      }),
      fuzzParameters(20),
    );
  });

  test('any JSON value as metadata, labels or pod template never crashes', async () => {
    const value = fc.jsonValue({ maxDepth: 5 });
    await fc.assert(
      fc.asyncProperty(value, value, value, async (metadata, labels, template) => {
        const documents = [
          { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { template } },
          { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'p', labels } },
          { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', labels },
        ];
        const files = {
          'all.yaml': documents.map((document) => stringify(document)).join('---\n'),
          'kustomization.yaml': stringify({ resources: ['all.yaml'], commonLabels: labels }),
        };
        expectWellFormedReport(await scanFiles(files), files);
      }),
      fuzzParameters(40),
    );
  });
});
