import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadEffectivePolicy, loadPolicy, PolicyError } from '../../src/policy/load.js';

const scratch = mkdtempSync(join(tmpdir(), 'openclaw-extends-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

/** Writes `files` into a new repository folder (with a `.git`) and returns its path. */
function repository(files: Readonly<Record<string, string>>): string {
  counter += 1;
  const root = join(scratch, `repo${counter}`);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const ORG = `version: 1
resources: cost-bearing
exclude_types: [aws_iam_role]
tags:
  CostCenter: { required: true, pattern: '^CC-[0-9]+$' }
  Owner: { required: true, severity: warning, description: Who to ask }
exemptions:
  - path: 'legacy/**'
    reason: Frozen
    owner: platform
    expires: 2027-01-31
billing:
  projects:
    proj_a: { Project: search }
`;

describe('extends: merge order', () => {
  interface Row {
    readonly name: string;
    readonly files: Readonly<Record<string, string>>;
    readonly expected: unknown;
  }

  const rows: Row[] = [
    {
      name: 'a key set by both takes each property from the extending file, the rest from the base',
      files: {
        'org.yaml': ORG,
        'team/policy.yaml':
          'extends: ../org.yaml\nversion: 1\ntags:\n  Owner: { severity: error }\n',
      },
      expected: {
        tags: {
          CostCenter: { required: true, pattern: '^CC-[0-9]+$' },
          Owner: { required: true, severity: 'error', description: 'Who to ask' },
        },
      },
    },
    {
      name: 'scalars and lists: the last file that sets one wins, lists are replaced',
      files: {
        'org.yaml': ORG,
        'team/policy.yaml':
          'extends: ../org.yaml\nversion: 1\nresources: taggable\nexclude_types: [aws_eip]\n',
      },
      expected: { resources: 'taggable', exclude_types: ['aws_eip'] },
    },
    {
      name: 'bases merge in the order listed, each on top of the one before',
      files: {
        'a.yaml': 'version: 1\nrequire_any: true\ntags:\n  Env: { values: [prod] }\n',
        'b.yaml': 'version: 1\nrequire_any: false\ntags:\n  Env: { values: [dev] }\n',
        'policy.yaml': 'extends: [a.yaml, b.yaml]\nversion: 1\n',
      },
      expected: { require_any: false, tags: { Env: { values: ['dev'] } } },
    },
    {
      name: 'a base of a base comes first; a base shared by two is merged once',
      files: {
        'core.yaml': 'version: 1\ntags:\n  Env: { values: [core] }\n  Core: {}\n',
        'a.yaml': 'extends: core.yaml\nversion: 1\ntags:\n  Env: { values: [a] }\n',
        'b.yaml': 'extends: core.yaml\nversion: 1\n',
        'policy.yaml': 'extends: [a.yaml, b.yaml]\nversion: 1\n',
      },
      expected: { tags: { Env: { values: ['a'] }, Core: {} } },
    },
    {
      name: 'exemptions are joined, bases first; billing projects merge by id',
      files: {
        'org.yaml': ORG,
        'policy.yaml':
          'extends: org.yaml\nversion: 1\nexemptions:\n  - type: aws_eip\n    reason: r\n' +
          '    owner: o\n    expires: 2027-02-01\nbilling:\n  projects:\n' +
          '    proj_b: { Project: chat }\n',
      },
      expected: {
        exemptions: [
          { path: 'legacy/**', reason: 'Frozen', owner: 'platform', expires: '2027-01-31' },
          { type: 'aws_eip', reason: 'r', owner: 'o', expires: '2027-02-01' },
        ],
        billing: { projects: { proj_a: { Project: 'search' }, proj_b: { Project: 'chat' } } },
      },
    },
  ];

  test.each(rows)('$name', async ({ files, expected }) => {
    const root = repository(files);
    const entry = Object.keys(files).at(-1) ?? '';
    const effective = await loadEffectivePolicy(entry, root);
    expect(effective.raw).toMatchObject(expected as Record<string, unknown>);
    expect(effective.raw).not.toHaveProperty('extends');
  });

  test('the compiled policy records its files and points exemptions at the base', async () => {
    const root = repository({ 'org.yaml': ORG, 'policy.yaml': 'extends: org.yaml\nversion: 1\n' });
    const policy = await loadPolicy('policy.yaml', root);
    expect(policy.sources).toEqual([join(root, 'org.yaml'), join(root, 'policy.yaml')]);
    expect(policy.exemptions).toEqual([
      expect.objectContaining({ file: 'org.yaml', line: 8, path: 'legacy/**', keys: ['*'] }),
    ]);
    expect(policy.scope.excludeTypes).toEqual(['aws_iam_role']);
  });
});

interface ErrorRow {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly error: string | RegExp;
}

describe('extends: errors (exit 2 with file:line:column)', () => {
  test.each<ErrorRow>([
    {
      name: 'a path outside the repository',
      files: { 'policy.yaml': 'extends: ../../outside.yaml\nversion: 1\n' },
      error:
        /^policy\.yaml:1:10: extends names \.\.\/\.\.\/outside\.yaml, which resolves to .*, outside the repository root/,
    },
    {
      name: 'a cycle',
      files: {
        'a.yaml': 'extends: b.yaml\nversion: 1\n',
        'b.yaml': 'version: 1\nextends: [c.yaml]\n',
        'c.yaml': 'extends: [a.yaml]\nversion: 1\n',
      },
      error: 'b.yaml:2:11: extends closes a cycle: c.yaml -> a.yaml -> b.yaml -> c.yaml',
    },
    {
      name: 'a file that extends itself',
      files: { 'a.yaml': 'extends: ./a.yaml\nversion: 1\n' },
      error: 'a.yaml:1:10: extends closes a cycle: a.yaml -> a.yaml',
    },
    {
      name: 'a URL',
      files: { 'a.yaml': 'version: 1\nextends: https://example.org/base.yaml\n' },
      error: 'a.yaml:2:10: extends names https://example.org/base.yaml, which is a URL',
    },
    {
      name: 'a missing base',
      files: { 'a.yaml': 'version: 1\nextends: [base.yaml]\n' },
      error: 'a.yaml:2:11: extends names base.yaml, which does not exist',
    },
    {
      name: 'a schema error inside a base names the base',
      files: {
        'base.yaml': 'version: 1\ntags:\n  A: { requried: true }\n',
        'a.yaml': 'extends: base.yaml\nversion: 1\n',
      },
      error: 'base.yaml:3:8: unknown property requried in tags.A',
    },
    {
      name: 'a compile error on a merged key points at the file that set the property',
      files: {
        'base.yaml': "version: 1\ntags:\n  A: { pattern: '^x$' }\n",
        'a.yaml': 'extends: base.yaml\nversion: 1\ntags:\n  A: { values: [y] }\n',
      },
      error: 'a.yaml:4:17: tags.A.values lists "y", which does not match tags.A.pattern ^x$',
    },
  ])('$name', async ({ files, error }) => {
    const root = repository(files);
    const entry = Object.keys(files).at(-1) ?? '';
    const load = loadPolicy(entry, root);
    await expect(load).rejects.toBeInstanceOf(PolicyError);
    await expect(load).rejects.toThrow(error);
  });

  test('a symbolic link that leads outside the repository is refused', async () => {
    const outside = join(scratch, 'outside.yaml');
    writeFileSync(outside, 'version: 1\n');
    const root = repository({ 'policy.yaml': 'extends: link.yaml\nversion: 1\n' });
    symlinkSync(outside, join(root, 'link.yaml'));
    await expect(loadPolicy('policy.yaml', root)).rejects.toThrow(/outside the repository root/);
  });
});
