import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectGolden } from '../golden.js';
import { runCliCaptured } from './run.js';

const TAGGED = `
resource "aws_instance" "web" {
  instance_type = "t3.micro"
  tags = { CostCenter = "CC-1", Environment = "prod" }
}
`;

const UNTAGGED = `
resource "aws_instance" "web" {
  instance_type = "t3.micro"
  tags = { Environment = "prod" }
}
`;

const POLICY = `version: 1
resources: cost-bearing
tags:
  CostCenter: { required: true }
  Environment: { required: true, values: [prod, staging] }
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openclaw-cli-'));
  await writeFile(join(dir, 'tagged.tf'), TAGGED);
  await writeFile(join(dir, 'untagged.tf'), UNTAGGED);
  await writeFile(join(dir, 'policy.yaml'), POLICY);
  await writeFile(
    join(dir, 'broken-policy.yaml'),
    'version: 1\ntags:\n  CostCenter: { requird: true }\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openclaw-tags check exit codes', () => {
  test.each([
    {
      name: 'a compliant file exits 0',
      argv: ['check', 'tagged.tf', '--policy', 'policy.yaml'],
      code: 0,
    },
    {
      name: 'a missing required key exits 1',
      argv: ['check', 'untagged.tf', '--policy', 'policy.yaml'],
      code: 1,
    },
    {
      name: '--fail-on never reports but does not block',
      argv: ['check', 'untagged.tf', '--policy', 'policy.yaml', '--fail-on', 'never'],
      code: 0,
    },
    {
      name: 'a policy with a typo exits 2',
      argv: ['check', 'tagged.tf', '--policy', 'broken-policy.yaml'],
      code: 2,
    },
    {
      name: 'a path that does not exist exits 2',
      argv: ['check', 'nowhere', '--policy', 'policy.yaml'],
      code: 2,
    },
    { name: 'an unknown format exits 2', argv: ['check', '--format', 'xml'], code: 2 },
    { name: 'an unknown option exits 2', argv: ['check', '--no-such-option'], code: 2 },
  ])('$name', async ({ argv, code }) => {
    const run = await runCliCaptured(argv, dir);
    expect(run.code).toBe(code);
  });
});

describe('openclaw-tags check output', () => {
  test('a policy error names file, line and column on stderr', async () => {
    const run = await runCliCaptured(['check', '--policy', 'broken-policy.yaml'], dir);
    expect(run.stderr).toMatch(/broken-policy\.yaml:3:\d+: /);
    expect(run.stdout).toBe('');
  });

  test('json output is one object with the contract fields', async () => {
    const run = await runCliCaptured(
      ['check', 'untagged.tf', '--policy', 'policy.yaml', '--format', 'json'],
      dir,
    );
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['version', 'summary', 'resources', 'findings', 'errors']),
    );
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'missing-tag',
        resource: 'aws_instance.web',
        file: 'untagged.tf',
        line: 4,
        key: 'CostCenter',
      }),
    ]);
  });

  test('--output writes the report to the file and nothing to stdout', async () => {
    const run = await runCliCaptured(
      [
        'check',
        'untagged.tf',
        '--policy',
        'policy.yaml',
        '--format',
        'sarif',
        '--output',
        'out/r.sarif',
      ],
      dir,
    );
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(await readFile(join(dir, 'out/r.sarif'), 'utf8')) as {
      version: string;
    };
    expect(sarif.version).toBe('2.1.0');
  });

  test.each([
    { name: 'a folder', output: 'a-folder', reason: 'it is a folder' },
    {
      name: 'a path through a file',
      output: 'policy.yaml/r.json',
      reason: 'a file of that name is in the way',
    },
  ])('--output to $name is exit 2 with one line, and no temporary file stays', async (row) => {
    const { mkdir, readdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'a-folder'), { recursive: true });
    const before = await readdir(dir);
    const run = await runCliCaptured(
      ['check', 'untagged.tf', '--policy', 'policy.yaml', '--output', row.output],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `openclaw-tags: ${join(dir, row.output)}: cannot write the output (${row.reason})\n`,
    );
    expect((await readdir(dir)).sort()).toEqual(before.sort());
  });

  test.each([
    {
      name: 'a YAML syntax error',
      text: 'Project: [a\nOwner: b\n',
      stderr:
        'openclaw-tags: tags.yaml:2:1: not valid YAML or JSON: Flow sequence in block ' +
        'collection must be sufficiently indented and end with a ]\n',
    },
    {
      name: 'a key written twice',
      text: 'Project: a\nProject: b\n',
      stderr: 'openclaw-tags: tags.yaml:2:1: a tag key appears twice; write each key once\n',
    },
    {
      name: 'a list instead of a map',
      text: '- Project\n',
      stderr: 'openclaw-tags: tags.yaml: the tags file must be a map of tag keys to values\n',
    },
  ])('--tags-file with $name exits 2 with file:line:col', async ({ text, stderr }) => {
    await writeFile(join(dir, 'tags.yaml'), text);
    const run = await runCliCaptured(['check', 'tagged.tf', '--tags-file', 'tags.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(stderr);
  });

  test('a --tags-file that does not exist exits 2 naming the file', async () => {
    const run = await runCliCaptured(['check', 'tagged.tf', '--tags-file', 'none.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('openclaw-tags: none.yaml: cannot read the tags file (no such file)\n');
  });

  test('--help is pinned', async () => {
    const run = await runCliCaptured(['check', '--help'], dir);
    expect(run.code).toBe(0);
    expectGolden('cli-check-help.golden.txt', run.stdout);
  });
});
