import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  convertAwsPolicy,
  importAwsOrgPolicies,
  mergeAwsTagPolicies,
} from '../../src/policy/aws-org/index.js';
import { loadPolicyText, PolicyError } from '../../src/policy/load.js';
import { parsePolicySource } from '../../src/policy/source.js';
import { runCliCaptured } from '../cli/run.js';

/** The effective tags of AWS tag policies given as levels, root first. */
function effective(...levels: readonly unknown[]) {
  const sources = levels.map((level, index) =>
    parsePolicySource(JSON.stringify(level, null, 2), `level${index}.json`),
  );
  return mergeAwsTagPolicies(sources);
}

const ROOT = {
  tags: {
    costcenter: {
      tag_key: { '@@assign': 'CostCenter' },
      tag_value: { '@@assign': ['100', '200'] },
    },
  },
};

describe('AWS Organizations inheritance operators', () => {
  test.each([
    {
      name: '@@assign in a child replaces the inherited values',
      child: { tags: { costcenter: { tag_value: { '@@assign': ['300'] } } } },
      values: ['300'],
    },
    {
      name: '@@append in a child adds to the inherited values',
      child: { tags: { costcenter: { tag_value: { '@@append': ['300', '100'] } } } },
      values: ['100', '200', '300'],
    },
    {
      name: '@@remove in a child takes values away',
      child: { tags: { costcenter: { tag_value: { '@@remove': ['100'] } } } },
      values: ['200'],
    },
    {
      name: 'a child that does not name the tag inherits it unchanged',
      child: { tags: { project: { tag_key: { '@@assign': 'Project' } } } },
      values: ['100', '200'],
    },
  ])('$name', ({ child, values }) => {
    const merged = effective(ROOT, child);
    expect(merged.tags.find((tag) => tag.name === 'costcenter')).toEqual({
      name: 'costcenter',
      key: 'CostCenter',
      values,
    });
    expect(merged.notes).toEqual([]);
  });

  test('three levels (root, OU, account) apply in order', () => {
    const ou = { tags: { costcenter: { tag_value: { '@@append': ['300', '400'] } } } };
    const account = { tags: { costcenter: { tag_value: { '@@remove': ['200', '400'] } } } };
    expect(effective(ROOT, ou, account).tags[0]?.values).toEqual(['100', '300']);
  });

  test.each([
    {
      name: '@@none forbids every operator below',
      control: ['@@none'],
      child: { '@@append': ['300'] },
      values: ['100', '200'],
      ignored: ['@@append'],
    },
    {
      name: 'a list allows only the operators listed',
      control: ['@@append'],
      child: { '@@assign': ['900'], '@@append': ['300'] },
      values: ['100', '200', '300'],
      ignored: ['@@assign'],
    },
    {
      name: '@@all allows everything',
      control: ['@@all'],
      child: { '@@remove': ['200'] },
      values: ['100'],
      ignored: [],
    },
  ])('@@operators_allowed_for_child_policies: $name', ({ control, child, values, ignored }) => {
    const root = {
      tags: {
        costcenter: {
          tag_key: { '@@assign': 'CostCenter' },
          tag_value: {
            '@@assign': ['100', '200'],
            '@@operators_allowed_for_child_policies': control,
          },
        },
      },
    };
    const merged = effective(root, { tags: { costcenter: { tag_value: child } } });
    expect(merged.tags[0]?.values).toEqual(values);
    expect(merged.notes).toEqual(
      ignored.map(
        (operator) =>
          `level1.json: tags.costcenter.tag_value uses ${operator}, which a parent level ` +
          'forbids here (@@operators_allowed_for_child_policies); AWS ignores it, and so ' +
          'does this import',
      ),
    );
  });

  test('a control on the tag covers its fields, for every level below', () => {
    const root = {
      tags: {
        project: {
          '@@operators_allowed_for_child_policies': ['@@none'],
          tag_key: { '@@assign': 'Project' },
        },
      },
    };
    const ou = { tags: {} };
    const account = { tags: { project: { tag_key: { '@@assign': 'PROJECT' } } } };
    const merged = effective(root, ou, account);
    expect(merged.tags[0]?.key).toBe('Project');
    expect(merged.notes).toHaveLength(1);
  });

  test('a child may change the capitalization of tag_key when allowed', () => {
    const child = { tags: { costcenter: { tag_key: { '@@assign': 'costCenter' } } } };
    expect(effective(ROOT, child).tags[0]?.key).toBe('costCenter');
  });
});

describe('conversion to an openclaw-tags policy', () => {
  test('values, enforced_for and wildcards: equivalent where possible, noted where not', () => {
    const policy = {
      tags: {
        costcenter: {
          tag_key: { '@@assign': 'CostCenter' },
          tag_value: { '@@assign': ['100', '300*'] },
          enforced_for: { '@@assign': ['ec2:instance', 'secretsmanager:*'] },
        },
        project: { tag_key: { '@@assign': 'Project' }, tag_value: { '@@assign': ['Search'] } },
      },
    };
    const imported = convertAwsPolicy(effective(policy));
    expect(imported.raw).toEqual({
      version: 1,
      resources: 'taggable',
      providers: ['aws'],
      tags: {
        CostCenter: { severity: 'error', pattern: '^(100|300.*)$' },
        Project: { severity: 'warning', values: ['Search'] },
      },
    });
    expect(imported.notes).toEqual([
      'CostCenter: enforced_for ec2:instance, secretsmanager:*: AWS blocks non-compliant ' +
        'tagging of these resource types only; here every finding about the key is an error',
      'CostCenter: wildcard value "300*" written as the pattern ^(100|300.*)$ (values cannot ' +
        'hold wildcards, so fixes cannot suggest a value)',
    ]);
  });

  test('the wildcard pattern accepts what AWS accepts', () => {
    const imported = convertAwsPolicy(
      effective({
        tags: { cc: { tag_key: { '@@assign': 'CC' }, tag_value: { '@@assign': ['3.0*'] } } },
      }),
    );
    const policy = loadPolicyText(JSON.stringify(imported.raw), 'imported.yaml');
    const regex = policy.tags[0]?.pattern?.regex;
    expect(['3.0', '3.01', '3.0-beta'].map((value) => regex?.matches(value))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['3x0', '2.0', 'x3.0'].map((value) => regex?.matches(value))).toEqual([
      false,
      false,
      false,
    ]);
  });

  test('every value removed leaves no value allowed, and says so', () => {
    const child = { tags: { costcenter: { tag_value: { '@@remove': ['100', '200'] } } } };
    const imported = convertAwsPolicy(effective(ROOT, child));
    expect(imported.raw.tags?.['CostCenter']).toEqual({ severity: 'warning', pattern: '^$' });
    expect(imported.notes[0]).toMatch(/every value was removed/);
  });
});

describe('policy import-aws-org', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-aws-org-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a policy that loads, with the notes as comments and on stderr', async () => {
    writeFileSync(join(dir, 'root.json'), JSON.stringify(ROOT));
    writeFileSync(
      join(dir, 'ou.json'),
      JSON.stringify({ tags: { costcenter: { enforced_for: { '@@assign': ['ec2:instance'] } } } }),
    );
    const run = await runCliCaptured(
      ['policy', 'import-aws-org', 'root.json', 'ou.json', '--out', 'policy.yaml'],
      dir,
    );
    expect(run.code).toBe(0);
    const yaml = readFileSync(join(dir, 'policy.yaml'), 'utf8');
    expect(yaml).toContain('# merged in this order (root first): root.json -> ou.json.');
    expect(yaml).toContain('# - CostCenter: enforced_for ec2:instance');
    expect(run.stderr).toContain('note: CostCenter: enforced_for ec2:instance');
    const policy = loadPolicyText(yaml, 'policy.yaml');
    expect(policy.tags.map((rule) => [rule.key, rule.severity, rule.values])).toEqual([
      ['CostCenter', 'error', ['100', '200']],
    ]);
  });

  test.each([
    [
      'JSON cut short',
      '{ "tags": ',
      /^bad\.json:1:11: not valid JSON: expected a value, found the end of the file/,
    ],
    [
      'a property without a value (valid YAML, not JSON)',
      '{\n  "tags": {\n    "a" }\n}',
      /^bad\.json:3:9: not valid JSON: expected : after the property name, found "}"/,
    ],
    [
      'a trailing comma',
      '{ "tags": { "a": {}, } }',
      /^bad\.json:1:22: not valid JSON: a comma before } \(JSON allows no trailing comma\)/,
    ],
    [
      'a YAML map',
      'tags:\n  a: {}\n',
      /^bad\.json:1:1: not valid JSON: expected a value, found "t"/,
    ],
    [
      'no tags object',
      '{ "backup_plans": {} }',
      /^bad\.json:1:1: not an AWS Organizations tag policy/,
    ],
    [
      'tag_key with @@append',
      '{ "tags": { "a": { "tag_key": { "@@append": "A" } } } }',
      /^bad\.json:1:\d+: tags\.a\.tag_key accepts only @@assign/,
    ],
  ])('refuses a file with %s (exit 2, file and line)', async (_name, text, error) => {
    writeFileSync(join(dir, 'bad.json'), text);
    await expect(importAwsOrgPolicies(['bad.json'], dir)).rejects.toBeInstanceOf(PolicyError);
    await expect(importAwsOrgPolicies(['bad.json'], dir)).rejects.toThrow(error);
    const run = await runCliCaptured(['policy', 'import-aws-org', 'bad.json'], dir);
    expect(run.code).toBe(2);
  });
});
