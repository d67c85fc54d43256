import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RE2JS } from 're2js';
import { afterAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_POLICY_FILE,
  loadPolicy,
  loadPolicyText,
  PolicyError,
} from '../../src/policy/load.js';
import type { Scope } from '../../src/policy/types.js';

const MINIMAL = `
version: 1
resources: cost-bearing      # or: taggable, or a list of types
exclude_types: []            # optional
require_any: false           # optional: a resource with no tags at all is a finding (key "*")
tags:
  CostCenter: { required: true }
  Environment: { required: true, values: [prod, staging] }
  ModelVersion: { pattern: '^v[0-9]+\\.[0-9]+$' }
`;

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'openclaw-policy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const everywhere: Scope = {
  resources: 'cost-bearing',
  excludeTypes: [],
  providers: [],
  paths: [],
  excludePaths: [],
};

describe('loadPolicyText', () => {
  test('the minimal policy of the design compiles with every default filled in', () => {
    const policy = loadPolicyText(MINIMAL, 'policy.yaml');
    expect(policy).toEqual({
      version: 1,
      file: 'policy.yaml',
      scope: everywhere,
      requireAny: false,
      target: 'labels',
      requireOnMetadata: false,
      tags: [
        {
          key: 'CostCenter',
          required: true,
          severity: 'error',
          requires: [],
          forms: { google: 'cost_center', kubernetes: 'CostCenter' },
          scope: everywhere,
          line: 7,
        },
        {
          key: 'Environment',
          required: true,
          severity: 'error',
          values: ['prod', 'staging'],
          requires: [],
          forms: { google: 'environment', kubernetes: 'Environment' },
          scope: everywhere,
          line: 8,
        },
        {
          key: 'ModelVersion',
          required: false,
          severity: 'error',
          pattern: { source: '^v[0-9]+\\.[0-9]+$', regex: expect.any(RE2JS) },
          requires: [],
          forms: { google: 'model_version', kubernetes: 'ModelVersion' },
          scope: everywhere,
          line: 9,
        },
      ],
    });
  });

  test('a billing section maps provider project ids to tags; without it there is none', () => {
    const yaml = 'version: 1\nbilling:\n  projects:\n    proj_1: { Project: search }\n';
    expect(loadPolicyText(yaml, 'p.yaml').billing).toEqual({
      projects: { proj_1: { Project: 'search' } },
    });
    expect(loadPolicyText('version: 1\n', 'p.yaml')).not.toHaveProperty('billing');
  });

  test('an empty tags mapping and no tags at all are both accepted', () => {
    expect(loadPolicyText('version: 1\ntags: {}\n', 'p.yaml').tags).toEqual([]);
    expect(loadPolicyText('version: 1\n', 'p.yaml').tags).toEqual([]);
  });
});

describe('loadPolicy', () => {
  test('without a path it loads the embedded default policy', async () => {
    const policy = await loadPolicy(undefined, scratch);
    expect(policy.file).toBe(DEFAULT_POLICY_FILE);
    expect(policy.scope.resources).toBe('cost-bearing');
    const summary = policy.tags.map((rule) => [rule.key, rule.required, rule.severity]);
    expect(summary).toEqual([
      ['Project', true, 'error'],
      ['Environment', true, 'error'],
      ['CostCenter', true, 'error'],
      ['Owner', true, 'warning'],
      ['Model', true, 'warning'],
      ['ModelVersion', false, 'warning'],
      ['Purpose', false, 'warning'],
    ]);
    const model = policy.tags.find((rule) => rule.key === 'Model');
    expect(model?.requires).toEqual(['Project']);
    expect(policy.tags.every((rule) => rule.description !== undefined)).toBe(true);
  });

  test('a path relative to the working directory compiles every property', async () => {
    const policy = await loadPolicy('team.yaml', fixtures);
    expect(policy.file).toBe(join(fixtures, 'team.yaml'));
    expect(policy.scope).toEqual({
      resources: ['aws_instance', 'aws_sagemaker_*'],
      excludeTypes: ['aws_sagemaker_code_repository'],
      providers: ['aws'],
      paths: ['infra/**'],
      excludePaths: ['infra/sandbox/**'],
    });
    expect([policy.target, policy.requireAny, policy.requireOnMetadata]).toEqual([
      'annotations',
      true,
      true,
    ]);
    const model = policy.tags[1];
    expect(model).toEqual({
      key: 'Model',
      required: true,
      severity: 'warning',
      requires: ['Project'],
      valuesByParent: { parent: 'Project', allowed: { search: ['bert'], chat: ['llama'] } },
      forms: { google: 'model', kubernetes: 'model-name', aws: 'model' },
      scope: {
        resources: 'taggable',
        excludeTypes: ['aws_instance'],
        providers: ['aws', 'kubernetes'],
        paths: ['infra/ml/**'],
        excludePaths: ['infra/ml/old/**'],
      },
      line: 17,
    });
    expect(policy.tags[0]?.description).toBe('Who pays.');
  });

  test('a key without its own resources inherits the policy resources', async () => {
    const path = join(scratch, 'list.yaml');
    writeFileSync(path, 'version: 1\nresources: [aws_instance]\ntags:\n  A: { required: true }\n');
    const policy = await loadPolicy(path, scratch);
    expect(policy.tags[0]?.scope.resources).toEqual(['aws_instance']);
  });

  test('errors name the file as given, relative to the working directory', async () => {
    const path = join(scratch, 'bad.yaml');
    writeFileSync(path, 'version: 1\ntags:\n  A: { reqired: true }\n');
    await expect(loadPolicy('bad.yaml', scratch)).rejects.toThrow(
      /^bad\.yaml:3:8: unknown property reqired in tags\.A \(did you mean required\?\)/,
    );
  });

  test('a file that cannot be read is a PolicyError without a line', async () => {
    const error: unknown = await loadPolicy('missing.yaml', scratch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    expect(error).toMatchObject({
      file: 'missing.yaml',
      line: 0,
      column: 0,
      message:
        'missing.yaml: cannot read the policy file (no such file); give the path of a readable YAML file',
    });
  });
});
