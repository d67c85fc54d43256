import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectGolden } from '../golden.js';
import { runCliCaptured, type CliRun } from './run.js';

/** The repository root: the README runs the example from there. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = 'examples/ai-nutrition-app';
const TERRAFORM = `${EXAMPLE}/terraform`;

interface JsonFinding {
  readonly rule: string;
  readonly severity: string;
  readonly resource: string;
  readonly file: string;
  readonly line: number;
  readonly key: string | null;
}

interface SarifResult {
  readonly ruleId: string;
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string };
      readonly region: { readonly startLine: number };
    };
  }[];
  readonly properties: { readonly resource: string };
  readonly suppressions?: readonly unknown[];
}

const runs = new Map<string, CliRun>();

beforeAll(async () => {
  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    runs.set(format, await runCliCaptured(['check', EXAMPLE, '--format', format], ROOT));
  }
}, 60_000);

function run(format: string): CliRun {
  const found = runs.get(format);
  if (!found) throw new Error(`no ${format} run`);
  return found;
}

function jsonFindings(): JsonFinding[] {
  return (JSON.parse(run('json').stdout) as { findings: JsonFinding[] }).findings;
}

describe('openclaw-tags check on the shipped example', () => {
  test.each([
    { format: 'text', golden: 'cli-example.golden.txt' },
    { format: 'json', golden: 'cli-example.golden.json' },
    { format: 'sarif', golden: 'cli-example.golden.sarif' },
    { format: 'markdown', golden: 'cli-example.golden.md' },
  ])('--format $format exits 1 and prints what the golden file holds', ({ format, golden }) => {
    const result = run(format);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expectGolden(golden, result.stdout);
  });

  test('every output names the same findings at the same file and line', () => {
    const places = jsonFindings().map((f) => `${f.rule} ${f.resource} ${f.file}:${f.line}`);
    expect(places.length).toBeGreaterThan(0);

    const sarif = JSON.parse(run('sarif').stdout) as { runs: { results: SarifResult[] }[] };
    // Findings an exemption hides are SARIF results with suppressions, not findings.
    const shown = (sarif.runs[0]?.results ?? []).filter((result) => !result.suppressions);
    const sarifPlaces = shown.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      const where = `${location?.artifactLocation.uri}:${location?.region.startLine}`;
      return `${result.ruleId} ${result.properties.resource} ${where}`;
    });
    expect(sarifPlaces).toEqual(places);

    const text = run('text').stdout;
    const markdown = run('markdown').stdout.replaceAll('\\_', '_');
    for (const f of jsonFindings()) {
      expect(text).toContain(`${f.file}:${f.line}`);
      expect(markdown).toContain(`| ${f.file}:${f.line} |`);
    }
  });

  test.each([
    {
      name: 'a value passed by a module call is reported in the caller, at its own line',
      rule: 'invalid-value',
      resource: 'module.workout_recommendation.aws_sagemaker_endpoint.this',
      file: `${TERRAFORM}/inference.tf`,
      line: 19,
      key: 'Environment',
    },
    {
      name: 'a key spelled wrong in a module call is reported in the caller',
      rule: 'wrong-case-key',
      resource: 'module.energy_prediction.aws_sagemaker_endpoint.this',
      file: `${TERRAFORM}/inference.tf`,
      line: 30,
      key: 'model',
    },
    {
      name: 'the staging endpoint misses CostCenter: the aws.staging default tags lack it',
      rule: 'missing-tag',
      resource: 'aws_sagemaker_endpoint.staging_all_models',
      file: `${TERRAFORM}/staging.tf`,
      line: 24,
      key: 'CostCenter',
    },
    {
      name: 'tags wholly from a variable without default are unresolved, not passed',
      rule: 'unresolved-tags',
      resource: 'aws_ebs_volume.training_scratch',
      file: `${TERRAFORM}/training.tf`,
      line: 19,
      key: null,
    },
    {
      name: 'a child key without its parent is a hierarchy finding',
      rule: 'hierarchy',
      resource: 'aws_s3_bucket.model_artifacts',
      file: `${TERRAFORM}/storage.tf`,
      line: 17,
      key: 'ModelVersion',
    },
    {
      name: 'an e-mail address is not a GCP label value',
      rule: 'invalid-key',
      resource: 'google_storage_bucket.meal_photos',
      file: `${TERRAFORM}/analytics-gcp.tf`,
      line: 11,
      key: 'owner',
    },
  ])('$name', ({ rule, resource, file, line, key }) => {
    expect(jsonFindings()).toContainEqual(
      expect.objectContaining({ rule, resource, file, line, key }),
    );
  });

  test('the Terraform part shows every tag rule the README lists', () => {
    const rules = new Set(
      jsonFindings()
        .filter((f) => f.file.startsWith(TERRAFORM))
        .map((f) => f.rule),
    );
    expect([...rules].sort()).toEqual([
      'hierarchy',
      'invalid-exemption',
      'invalid-key',
      'invalid-value',
      'missing-tag',
      'unresolved-tags',
      'wrong-case-key',
    ]);
  });
});
