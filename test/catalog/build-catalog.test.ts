import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const script = join(import.meta.dirname, '../../scripts/build-catalog.mjs');
const fixtures = join(import.meta.dirname, 'fixtures');
const outRoot = mkdtempSync(join(tmpdir(), 'openclaw-catalog-'));

afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** Runs the generator; returns its exit code and combined output. */
function runBuild(source: string, out: string): { code: number; output: string } {
  try {
    const output = execFileSync('node', [script, join(fixtures, source), '--out', out], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { code: failed.status, output: failed.stderr };
  }
}

/** The rows of a generated string-array export, unpacked from its packed lines. */
function rowsOf(moduleText: string, name: string): string[] {
  const start = moduleText.indexOf(`export const ${name}`);
  const end = moduleText.indexOf('];', start);
  const literals = moduleText.slice(start, end).match(/'[^']*'/g) ?? [];
  return literals.flatMap((literal) => literal.slice(1, -1).split(' '));
}

describe('scripts/build-catalog.mjs', () => {
  const out = join(outRoot, 'good');
  const result = runBuild('tsv', out);

  test('succeeds on well-formed tables', () => {
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('terraform-aws.tsv (3 rows)');
  });

  test.each([
    ['awsRows', ['autoscaling_group,tag,-y', 'iam_role_policy,,-n', 'instance,=,dy']],
    ['googleRows', ['compute_instance,=,dy', 'sql_database_instance,settings.user_labels,-y']],
    ['azurermRows', ['subnet,,-n', 'virtual_network,=,-n']],
  ])('encodes Terraform %s', (name, rows) => {
    expect(rowsOf(readFileSync(join(out, 'terraform.ts'), 'utf8'), name)).toEqual(rows);
  });

  test('encodes CloudFormation rows, dropping AWS:: only', () => {
    expect(
      rowsOf(readFileSync(join(out, 'cloudformation.ts'), 'utf8'), 'cloudFormationRows'),
    ).toEqual([
      'AMZN::SDC::Deployment,,-u',
      'AutoScaling::AutoScalingGroup,=,ay',
      'Cognito::UserPool,UserPoolTags,mu',
      'DynamoDB::GlobalTable,Replicas/*/Tags,oy',
    ]);
  });

  test('splits Kubernetes template alternatives', () => {
    const text = readFileSync(join(out, 'kubernetes.ts'), 'utf8');
    expect(text).toContain("'spec.workerGroupSpecs[*].template.metadata.labels'");
    expect(text).toContain("costBearing: 'conditional',\n    podTemplatePaths: [],");
  });

  test('keeps generated lines within 100 columns', () => {
    for (const name of ['terraform.ts', 'cloudformation.ts', 'kubernetes.ts']) {
      const long = readFileSync(join(out, name), 'utf8')
        .split('\n')
        .filter((line) => line.length > 100);
      expect(long).toEqual([]);
    }
  });

  test.each([
    ['unsorted', 'terraform-aws.tsv:3: "aws_iam_role_policy" is out of order or repeated'],
    [
      'badcost',
      'terraform-aws.tsv:2: cost_bearing is "maybe"; allowed values are yes, no, unknown',
    ],
  ])('rejects the %s fixture naming file:line', (source, message) => {
    const failed = runBuild(source, join(outRoot, source));
    expect(failed.code).toBe(1);
    expect(failed.output).toContain(message);
  });
});
