import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadPolicyText, PolicyError } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import { expectWellFormedReport, fuzzParameters, mutatedText, scanFiles } from './harness.js';
import { TERRAFORM, YAML_TOKENS } from './seeds.js';

const DEFAULT_POLICY = readFileSync(
  join(import.meta.dirname, '..', '..', 'policies', 'default.yaml'),
  'utf8',
);

const FIELDS = [
  'required',
  'values',
  'pattern',
  'severity',
  'resources',
  'exclude_types',
  'requires',
  'values_by',
  'description',
  'default',
  'aws',
  'google',
  'azure',
  'kubernetes',
];

/**
 * Loads policy text; the only error allowed out is a `PolicyError` whose line lies in the
 * text. Returns the policy, or undefined when it was refused.
 */
function loadOrRefuse(text: string): Policy | undefined {
  try {
    return loadPolicyText(text, 'fuzz.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    const policyError = error as PolicyError;
    expect(policyError.line).toBeLessThanOrEqual(text.split('\n').length + 1);
    expect(policyError.message).toMatch(/^fuzz\.yaml(:\d+:\d+)?: \S/);
    return undefined;
  }
}

describe('the policy loader under random and mutated policies', () => {
  test('a mutated default policy loads or is refused with a located PolicyError', () => {
    fc.assert(
      fc.property(mutatedText(DEFAULT_POLICY, YAML_TOKENS), (text) => {
        loadOrRefuse(text);
      }),
      fuzzParameters(200),
    );
  });

  test('random values under every policy field load or are refused', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const rule = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 });
    const policy = fc.record({
      version: fc.oneof(fc.constant(1), value),
      resources: fc.oneof(fc.constantFrom('cost-bearing', 'taggable'), value),
      tags: fc.dictionary(
        fc.oneof(fc.constantFrom('CostCenter', 'Env', 'a b'), fc.string()),
        rule,
        {
          maxKeys: 4,
        },
      ),
    });
    fc.assert(
      fc.property(policy, (raw) => {
        loadOrRefuse(stringify(raw));
      }),
      fuzzParameters(200),
    );
  });

  test('any policy that loads can judge a Terraform module without crashing', async () => {
    const value = fc.oneof(
      fc.constantFrom('prod', 'staging', '', 'a'),
      fc.string({ maxLength: 6 }),
    );
    const rule = fc.record(
      {
        required: fc.boolean(),
        values: fc.array(value, { minLength: 1, maxLength: 4 }),
        pattern: fc.constantFrom('^[a-z]+$', '.*', '(a+)+$', '^$', '[[:alpha:]]'),
        severity: fc.constantFrom('error', 'warning', 'notice'),
        requires: fc.constant(['CostCenter']),
      },
      { requiredKeys: [] },
    );
    const policy = fc.record({
      version: fc.constant(1),
      resources: fc.constantFrom('cost-bearing', 'taggable', ['aws_instance', 'aws_s3_*']),
      require_any: fc.boolean(),
      tags: fc.dictionary(
        fc.constantFrom('CostCenter', 'Environment', 'Team', 'cost_center'),
        rule,
        {
          minKeys: 1,
          maxKeys: 4,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(policy, async (raw) => {
        const loaded = loadOrRefuse(stringify(raw));
        if (!loaded) return;
        const files = { 'main.tf': TERRAFORM };
        expectWellFormedReport(await scanFiles(files, loaded), files);
      }),
      fuzzParameters(30),
    );
  });
});
