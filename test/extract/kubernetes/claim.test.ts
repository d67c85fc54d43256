import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kubernetesExtractor } from '../../../src/extract/kubernetes/index.js';
import type { FileKind } from '../../../src/sources/discover.js';
import { FIXTURES } from './helpers.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

describe('claim', () => {
  test.each<[string, string, FileKind, string, boolean]>([
    ['a YAML manifest', 'pod.yaml', 'yaml', POD, true],
    ['a later document of a multi-document file', 'all.yml', 'yaml', `foo: 1\n---\n${POD}`, true],
    ['a JSON manifest', 'pod.json', 'json', '{"apiVersion": "v1", "kind": "Pod"}', true],
    [
      'a kustomization, even without apiVersion',
      'kustomization.yaml',
      'yaml',
      'resources: []\n',
      true,
    ],
    ['a kustomization.yml', 'overlay/kustomization.yml', 'yaml', 'namespace: x\n', true],
    [
      'not kind: nested below the top level',
      'x.yaml',
      'yaml',
      'apiVersion: v1\nspec:\n  kind: Pod\n',
      false,
    ],
    ['not a Helm Chart.yaml (no kind)', 'Chart.yaml', 'yaml', 'apiVersion: v2\nname: c\n', false],
    ['not HCL, even with the words', 'main.tf', 'hcl', POD, false],
    [
      'not a CloudFormation template',
      'stack.yaml',
      'yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\napiVersion: x\nkind: y\n',
      false,
    ],
    [
      'not a CloudFormation template without the version line',
      'stack.yaml',
      'yaml',
      'apiVersion: x\nkind: y\nResources:\n  B:\n    Type: AWS::S3::Bucket\n',
      false,
    ],
    [
      'a Helm template under templates/',
      'chart/templates/pv.yaml',
      'yaml',
      'name: {{ .Values.x }}\n',
      true,
    ],
    ['a manifest with {{ outside any chart', 'argo/wf.yaml', 'yaml', `${POD}  x: "{{a}}"\n`, true],
  ])('%s', (_name, file, kind, text, claimed) => {
    const absPath = join('/nonexistent-k8s-test-root', file);
    expect(kubernetesExtractor.claim({ absPath, file, kind }, text)).toBe(claimed);
  });

  test('a template-looking file inside a folder with a Chart.yaml above it', () => {
    const absPath = join(FIXTURES, 'helm/charts/web/crds/extra.yaml');
    const file = { absPath, file: 'extra.yaml', kind: 'yaml' as const };
    expect(kubernetesExtractor.claim(file, 'x: {{ .Values.y }}\n')).toBe(true);
  });
});
