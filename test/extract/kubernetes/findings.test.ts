import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { check } from '../../../src/engine/check.js';
import type { CheckReport } from '../../../src/model.js';
import { loadPolicyText } from '../../../src/policy/load.js';

/**
 * Kubernetes manifests through the whole check: the findings a user sees, in the form the
 * policy gives Kubernetes for each key.
 */

const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** Writes `files` into a fresh folder and checks it with the policy. */
async function checkManifests(
  files: Readonly<Record<string, string>>,
  policyYaml: string,
): Promise<CheckReport> {
  const root = await mkdtemp(join(tmpdir(), 'openclaw-k8s-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  const policy = loadPolicyText(policyYaml, 'policy.yaml');
  return check({ paths: ['.'], cwd: root, policy, failOn: 'error' });
}

/** The fields each row compares. */
function brief(report: CheckReport) {
  return report.findings.map(({ rule, resource, line, key, message, fix }) => ({
    rule,
    resource,
    line,
    key,
    message,
    fix,
  }));
}

/** A Deployment whose pod template carries `labels` (YAML lines at template depth). */
function deployment(name: string, labels: readonly string[], metadata: readonly string[] = []) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(metadata.length > 0 ? ['  labels:', ...metadata.map((line) => `    ${line}`)] : []),
    'spec:',
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels.map((line) => `        ${line}`),
    '    spec:',
    '      containers: [{ name: app, image: app:1 }]',
    '',
  ].join('\n');
}

const FORMS_POLICY = [
  'version: 1',
  'resources: cost-bearing',
  'tags:',
  '  CostCenter: { required: true, forms: { kubernetes: cost-center } }',
  '  Team: { required: true }',
  '',
].join('\n');

describe('provider key forms in Kubernetes findings', () => {
  test.each([
    {
      name: 'a missing key is spoken in the Kubernetes form; the finding keeps the policy key',
      labels: ['Team: ml'],
      expected: [
        {
          rule: 'missing-tag',
          line: 8,
          key: 'CostCenter',
          message:
            'Deployment/default/web has no label cost-center (policy key CostCenter); add it ' +
            'to the labels at web.yaml:8',
          fix: 'add label cost-center = "<value>"',
        },
      ],
    },
    {
      name: 'the canonical spelling is a near miss of the Kubernetes form',
      labels: ['Team: ml', 'CostCenter: cc-1'],
      expected: [
        {
          rule: 'wrong-case-key',
          line: 10,
          key: 'CostCenter',
          message:
            'Deployment/default/web has label CostCenter, which matches cost-center (policy key ' +
            'CostCenter) only up to case or separators; billing treats them as different keys, ' +
            'so rename it',
          fix: 'rename label CostCenter to cost-center',
        },
      ],
    },
    {
      name: 'the Kubernetes form passes; a key with no form keeps its own spelling',
      labels: ['Team: ml', 'cost-center: cc-1'],
      expected: [],
    },
  ])('$name', async ({ labels, expected }) => {
    const report = await checkManifests({ 'web.yaml': deployment('web', labels) }, FORMS_POLICY);

    expect(report.errors).toEqual([]);
    expect(brief(report)).toEqual(
      expected.map((row) => ({ ...row, resource: 'Deployment/default/web' })),
    );
  });

  test('a Karpenter EC2NodeClass is judged in the AWS form, not the Kubernetes one', async () => {
    const nodeClass = [
      'apiVersion: karpenter.k8s.aws/v1',
      'kind: EC2NodeClass',
      'metadata:',
      '  name: gpu',
      '  labels: { cost-center: cc-1, Team: ml }',
      'spec:',
      '  role: nodes',
      '  tags:',
      '    Team: ml',
      '',
    ].join('\n');

    const report = await checkManifests({ 'nodes.yaml': nodeClass }, FORMS_POLICY);

    expect(brief(report)).toEqual([
      {
        rule: 'missing-tag',
        resource: 'EC2NodeClass/default/gpu',
        line: 8,
        key: 'CostCenter',
        message:
          'EC2NodeClass/default/gpu has no tag CostCenter; add it to the tags at nodes.yaml:8',
        fix: 'add tag CostCenter = "<value>"',
      },
    ]);
  });
});

describe('label syntax', () => {
  const policy = 'version: 1\nresources: cost-bearing\ntags:\n  team: { required: true }\n';

  test.each([
    {
      name: 'a name part ending in _ is not a label key',
      label: 'example.com/Team_: ml',
      rule: 'invalid-key',
      key: 'example.com/Team_',
      reason: 'the name part must start and end with a letter or digit',
    },
    {
      name: 'a name part over 63 characters is not a label key',
      label: `${'n'.repeat(64)}: x`,
      rule: 'invalid-key',
      key: 'n'.repeat(64),
      reason: 'the name part must have 1 to 63 characters',
    },
    {
      name: 'a prefix that is not a DNS subdomain is not a label key',
      label: 'Example_Com/team-x: ml',
      rule: 'invalid-key',
      key: 'Example_Com/team-x',
      reason: 'prefix',
    },
    {
      name: 'a value over 63 characters is not a label value',
      label: `owner: ${'v'.repeat(64)}`,
      rule: 'invalid-key',
      key: 'owner',
      reason: 'label values may have at most 63 characters',
    },
  ])('$name', async ({ label, rule, key, reason }) => {
    const report = await checkManifests(
      { 'web.yaml': deployment('web', ['team: ml', label]) },
      policy,
    );

    const found = report.findings.filter((finding) => finding.rule === rule);
    expect(found.map((finding) => [finding.key, finding.line])).toEqual([[key, 10]]);
    expect(found[0]?.message).toContain(reason);
  });

  test('a number a kustomize patch sets is a parse error in the patch, at its line', async () => {
    const patch =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    release: 2\n';
    const report = await checkManifests(
      {
        'app/web.yaml': deployment('web', ['team: ml']),
        'app/patch.yaml': patch,
        'app/kustomization.yaml': 'resources: [web.yaml]\npatches:\n  - path: patch.yaml\n',
      },
      policy,
    );

    expect(brief(report)).toEqual([
      {
        rule: 'parse-error',
        resource: 'app/patch.yaml',
        line: 6,
        key: null,
        message:
          'label release in metadata is written as a YAML number (2); the Kubernetes API ' +
          'takes only text there and rejects the object: quote it, "2"',
        fix: null,
      },
    ]);
    expect(report.resources.map((resource) => resource.address)).toEqual([
      'Deployment/default/web',
    ]);
    expect(report.blocking).toBe(1);
  });

  test('valid prefixed keys and values give no finding', async () => {
    const labels = ['team: ml', 'app.kubernetes.io/name: web', 'example.com/tier: gold-1.2_x'];

    const report = await checkManifests({ 'web.yaml': deployment('web', labels) }, policy);

    expect(report.findings).toEqual([]);
  });
});

describe('where workload labels are read', () => {
  const policy = 'version: 1\nresources: cost-bearing\ntags:\n  team: { required: true }\n';

  test.each([
    {
      name: 'labels on the Deployment metadata only do not count',
      policy,
      template: ['app: web'],
      metadata: ['team: ml'],
      missing: ['team'],
    },
    {
      name: 'labels on the pod template count',
      policy,
      template: ['team: ml'],
      metadata: [],
      missing: [],
    },
    {
      name: 'with require_on_metadata, the pod template alone is not enough',
      policy: `require_on_metadata: true\n${policy}`,
      template: ['team: ml'],
      metadata: [],
      missing: ['team'],
    },
    {
      name: 'with require_on_metadata, both places pass',
      policy: `require_on_metadata: true\n${policy}`,
      template: ['team: ml'],
      metadata: ['team: ml'],
      missing: [],
    },
  ])('$name', async ({ policy: policyYaml, template, metadata, missing }) => {
    const report = await checkManifests(
      { 'web.yaml': deployment('web', template, metadata) },
      policyYaml,
    );

    expect(report.findings.map((finding) => [finding.rule, finding.key])).toEqual(
      missing.map((key) => ['missing-tag', key]),
    );
  });

  test('target: annotations judges annotation keys of the pod template', async () => {
    const manifest = [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: nightly',
      '  annotations: { finops.example.com/owner: ml }',
      'spec:',
      '  schedule: "0 2 * * *"',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        metadata:',
      '          annotations: { finops.example.com/team: ml }',
      '        spec:',
      '          containers: [{ name: job, image: job:1 }]',
      '',
    ].join('\n');
    const annotationPolicy = [
      'version: 1',
      'resources: cost-bearing',
      'target: annotations',
      'tags:',
      '  finops.example.com/team: { required: true }',
      '  finops.example.com/owner: { required: true }',
      '',
    ].join('\n');

    const report = await checkManifests({ 'job.yaml': manifest }, annotationPolicy);

    expect(report.findings.map((finding) => [finding.resource, finding.key])).toEqual([
      ['CronJob/default/nightly', 'finops.example.com/owner'],
    ]);
    expect(report.findings[0]?.message).toContain('annotation');
  });
});

describe('Helm charts and kustomize through the check', () => {
  const policy = 'version: 1\nresources: cost-bearing\ntags:\n  team: { required: true }\n';

  test('a chart gives one notice and no error; a plain manifest beside it is checked', async () => {
    const report = await checkManifests(
      {
        'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
        'chart/templates/deployment.yaml': deployment('{{ .Release.Name }}', [
          '{{- include "web.labels" . | nindent 8 }}',
        ]),
        'chart/templates/pvc.yaml':
          'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{ .Values.name }}\n',
        'plain/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n',
      },
      policy,
    );

    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([
      {
        file: 'chart/Chart.yaml',
        message:
          'Helm chart web: templates are not rendered; run helm template and scan the output',
      },
    ]);
    expect(report.findings.map((finding) => [finding.rule, finding.resource])).toEqual([
      ['missing-tag', 'PersistentVolumeClaim/default/data'],
    ]);
  });

  test('kustomize labels satisfy the policy; the finding points at what is still missing', async () => {
    const report = await checkManifests(
      {
        'app/kustomization.yaml': [
          'namespace: ml',
          'labels:',
          '  - pairs: { team: ml }',
          '    includeTemplates: true',
          'resources: [web.yaml, isvc.yaml]',
          '',
        ].join('\n'),
        'app/web.yaml': deployment('web', ['app: web']),
        'app/isvc.yaml': [
          'apiVersion: serving.kserve.io/v1beta1',
          'kind: InferenceService',
          'metadata:',
          '  name: scorer',
          'spec:',
          '  predictor:',
          '    labels: { app: scorer }',
          '    model: { modelFormat: { name: onnx } }',
          '',
        ].join('\n'),
      },
      policy,
    );

    expect(report.findings.map((finding) => [finding.resource, finding.key])).toEqual([
      ['InferenceService/ml/scorer', 'team'],
    ]);
  });
});

describe('null label values', () => {
  test.each([['~'], ['null'], [''], ['""']])(
    '`Team: %s` is judged as empty, as `""` is',
    async (written) => {
      const labels = [`Team: ${written}`.trimEnd(), 'cost-center: cc-1'];
      const report = await checkManifests({ 'web.yaml': deployment('web', labels) }, FORMS_POLICY);

      expect(report.errors).toEqual([]);
      expect(brief(report).map(({ rule, key, line }) => ({ rule, key, line }))).toEqual([
        { rule: 'invalid-value', key: 'Team', line: 9 },
      ]);
    },
  );
});

describe('fix text of a missing label', () => {
  const policy = [
    'version: 1',
    'resources: cost-bearing',
    'tags:',
    '  cost-center: { required: true, default: cc-1 }',
    '',
  ].join('\n');

  test.each([
    ['block', ['  labels:', '    team: ml']],
    ['flow', ['  labels: { team: ml }']],
  ])('names the policy default for %s-style labels', async (_style, labels) => {
    const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', ...labels, ''].join('\n');
    const report = await checkManifests({ 'pod.yaml': pod }, policy);
    expect(brief(report).map(({ rule, fix }) => ({ rule, fix }))).toEqual([
      { rule: 'missing-tag', fix: 'add label cost-center = "cc-1"' },
    ]);
  });
});
