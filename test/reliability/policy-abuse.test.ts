import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadPolicyText } from '../../src/policy/load.js';
import { runCliCaptured } from '../cli/run.js';

let base: string;
let repo: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'openclaw-policy-abuse-'));
  repo = join(base, 'repo');
  await mkdir(repo);
  await writeFile(
    join(repo, 'main.tf'),
    'resource "aws_s3_bucket" "b" {\n  tags = { CostCenter = "x" }\n}\n',
  );
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Runs `check main.tf --policy policy.yaml` on `policy` in the scratch repository. */
async function checkWith(policy: string, extra: Record<string, string> = {}) {
  await writeFile(join(repo, 'policy.yaml'), policy);
  for (const [name, text] of Object.entries(extra)) await writeFile(join(repo, name), text);
  return runCliCaptured(['check', 'main.tf', '--policy', 'policy.yaml', '--format', 'json'], repo);
}

const HEAD = 'version: 1\nresources: taggable\ntags:\n';

describe('hostile policies: each a clear error and exit 2', () => {
  test.each([
    [
      'a backreference in a pattern',
      String.raw`'^(a)\1$'`,
      /policy\.yaml:5:\d+: .*not a valid RE2 regular expression.*no backreferences/,
    ],
    [
      'a lookahead in a pattern',
      `'^(?=a)a$'`,
      /policy\.yaml:5:\d+: .*not a valid RE2 regular expression/,
    ],
    [
      'a pattern of 1001 characters',
      `'${'a'.repeat(1001)}'`,
      /policy\.yaml:5:\d+: tags\.CostCenter\.pattern may be at most 1000 characters long; got 1001/,
    ],
  ])('%s', async (_name, pattern, message) => {
    const run = await checkWith(`${HEAD}  CostCenter:\n    pattern: ${pattern}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  test('a value list of 5001 entries', async () => {
    const values = Array.from({ length: 5001 }, (_, index) => `v${index}`).join(', ');
    const run = await checkWith(`${HEAD}  CostCenter: { values: [${values}] }\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /policy\.yaml:4:\d+: tags\.CostCenter\.values may list at most 5000 values; got 5001: use a pattern instead/,
    );
  });

  test('a YAML alias bomb', async () => {
    const bomb = [
      'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...Array.from({ length: 8 }, (_, index) => {
        const name = String.fromCharCode(98 + index);
        return `x-${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(97 + index)}`)
          .join(', ')}]`;
      }),
    ].join('\n');
    const run = await checkWith(`${bomb}\n${HEAD}  CostCenter: { required: true }\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^openclaw-tags: policy\.yaml:1:1: the policy cannot be expanded: Excessive alias count/,
    );
  });

  test('binary bytes instead of YAML', async () => {
    await writeFile(join(repo, 'policy.yaml'), Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x80]));
    const run = await runCliCaptured(['check', 'main.tf', '--policy', 'policy.yaml'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^openclaw-tags: policy\.yaml: cannot read the policy file \(file holds binary data \(a NUL byte\), not text\)/,
    );
  });

  test('a list used as a mapping key', async () => {
    const run = await checkWith('version: 1\n? [a, b]\n: c\ntags: {}\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'openclaw-tags: policy.yaml:2:3: a key here is a list or mapping; write each key as a ' +
        'plain word or a quoted string\n',
    );
  });

  test('an extends cycle names every link', async () => {
    const run = await checkWith(`version: 1\nextends: other.yaml\ntags: {}\n`, {
      'other.yaml': 'version: 1\nextends: policy.yaml\ntags: {}\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /extends closes a cycle: policy\.yaml -> other\.yaml -> policy\.yaml/,
    );
  });

  test.each([
    ['a relative path that climbs out', '../outside.yaml'],
    ['an absolute path', '/etc/hostname'],
    ['a symbolic link to a file outside', 'linked.yaml'],
  ])('extends through %s is refused', async (_name, target) => {
    await writeFile(
      join(base, 'outside.yaml'),
      'version: 1\ntags: { Stolen: { required: true } }\n',
    );
    await symlink(join(base, 'outside.yaml'), join(repo, 'linked.yaml'));
    const run = await checkWith(`version: 1\nextends: ${target}\ntags: {}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/policy\.yaml:2:\d+: extends names .*outside the repository root/);
  });
});

describe('hostile policies that are fine under RE2', () => {
  test('a catastrophic-backtracking pattern runs in linear time on a long value', async () => {
    const policy = loadPolicyText(`${HEAD}  CostCenter: { pattern: '^(a+)+$' }\n`, 'p.yaml');
    const regex = policy.tags[0]?.pattern?.regex;
    // A backtracking engine would need 2^100000 steps; RE2 answers at once.
    expect(regex?.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(regex?.test('a'.repeat(100_000))).toBe(true);
  });

  test('a check against 5000 allowed values and a 50,000-character value ends', async () => {
    const values = Array.from({ length: 5000 }, (_, index) => `value-${index}`).join(', ');
    await writeFile(
      join(repo, 'main.tf'),
      `resource "aws_s3_bucket" "b" {\n  tags = { CostCenter = "${'x'.repeat(50_000)}" }\n}\n` +
        'resource "aws_s3_bucket" "c" {\n  tags = { CostCenter = "value-12x" }\n}\n',
    );
    const run = await checkWith(`${HEAD}  CostCenter: { values: [${values}] }\n`);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { rule: string; resource: string; message: string }[];
    };
    const findings = report.findings.filter((finding) => finding.rule === 'invalid-value');
    expect(findings.map((finding) => finding.resource)).toEqual([
      'aws_s3_bucket.b',
      'aws_s3_bucket.c',
    ]);
    expect(findings[1]?.message).toMatch(/did you mean value-12/);
  });
});
