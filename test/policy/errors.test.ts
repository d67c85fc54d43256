import { describe, expect, test } from 'vitest';
import { loadPolicyText, PolicyError } from '../../src/policy/load.js';

interface Row {
  readonly name: string;
  readonly yaml: string;
  readonly expected: string;
}

/** Loads `yaml` and returns the PolicyError it must throw. */
function policyError(yaml: string): PolicyError {
  try {
    loadPolicyText(yaml, 'policy.yaml');
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
}

const rows: Row[] = [
  {
    name: 'a value listed twice in values points at the second one',
    yaml: 'version: 1\ntags:\n  Project:\n    values: [x, y, x]\n',
    expected: 'policy.yaml:4:20: tags.Project.values lists "x" twice; write each value once',
  },
  {
    name: 'a type listed twice in exclude_types is refused',
    yaml: 'version: 1\nexclude_types:\n  - aws_s3_bucket\n  - aws_s3_bucket\ntags: {}\n',
    expected: 'policy.yaml:4:5: exclude_types lists "aws_s3_bucket" twice; write each value once',
  },
  {
    name: 'a value listed twice for one parent value in values_by is refused',
    yaml: 'version: 1\ntags:\n  P: {}\n  M:\n    values_by:\n      P:\n        a: [m1, m1]\n',
    expected: 'policy.yaml:7:17: tags.M.values_by.P.a lists "m1" twice; write each value once',
  },
  {
    name: 'a YAML syntax error points where the parser gave up',
    yaml: 'version: 1\ntags:\n  A: {required: true\n',
    expected:
      'policy.yaml:4:1: not valid YAML: Flow map in block collection must be sufficiently ' +
      'indented and end with a }; fix the YAML syntax here',
  },
  {
    name: 'a key written twice points at the second one',
    yaml: 'version: 1\ntags: {}\ntags: {}\n',
    expected:
      'policy.yaml:3:1: a key appears twice in the same mapping; each key may be written once',
  },
  {
    name: 'a typo in a top-level property lists the allowed names and the nearest one',
    yaml: 'version: 1\ntgas:\n  A: {}\n',
    expected:
      'policy.yaml:2:1: unknown property tgas at the top level (did you mean tags?); allowed: ' +
      '$schema, version, extends, resources, exclude_types, providers, paths, exclude_paths, ' +
      'target, require_any, require_on_metadata, tags, attribution, billing, exemptions',
  },
  {
    name: 'a typo inside a key points at the misspelled property',
    yaml: 'version: 1\ntags:\n  CostCenter:\n    requried: true\n',
    expected:
      'policy.yaml:4:5: unknown property requried in tags.CostCenter (did you mean required?); ' +
      'allowed: required, severity, description, values, pattern, default, requires, values_by, forms, ' +
      'resources, exclude_types, providers, paths, exclude_paths',
  },
  {
    name: 'a wrong type names the property, the type wanted and the value found',
    yaml: 'version: 1\ntags:\n  CostCenter: { required: "yes" }\n',
    expected: 'policy.yaml:3:27: tags.CostCenter.required must be true or false; got "yes"',
  },
  {
    name: 'a number where a string is wanted suggests quoting it',
    yaml: 'version: 1\ntags:\n  Year:\n    values:\n      - "2024"\n      - 2025\n',
    expected: 'policy.yaml:6:9: tags.Year.values[1] must be a string; got 2025 (quote it: "2025")',
  },
  {
    name: 'a bad resources value lists the accepted forms and the nearest one',
    yaml: 'version: 1\nresources: costbearing\n',
    expected:
      'policy.yaml:2:12: resources must be one of: cost-bearing, taggable, or a list of ' +
      'resource types; got "costbearing" (did you mean cost-bearing?)',
  },
  {
    name: 'an unknown severity lists the allowed ones',
    yaml: 'version: 1\ntags:\n  Owner: { severity: fatal }\n',
    expected: 'policy.yaml:3:22: tags.Owner.severity must be one of: error, warning; got "fatal"',
  },
  {
    name: 'a version other than 1 is refused',
    yaml: '# comment\nversion: 2\n',
    expected: 'policy.yaml:2:10: version must be 1; got 2',
  },
  {
    name: 'a missing version is refused at the top',
    yaml: 'tags: {}\n',
    expected: 'policy.yaml:1:1: the policy is missing version; add version: 1',
  },
  {
    name: 'an empty file is refused',
    yaml: '# nothing yet\n',
    expected:
      'policy.yaml:1:1: the policy must be a mapping that starts with version: 1; got nothing',
  },
  {
    name: 'a regular expression RE2 cannot compile points at the pattern',
    yaml: "version: 1\ntags:\n  ModelVersion:\n    pattern: '^v(?=[0-9])'\n",
    expected:
      'policy.yaml:4:14: tags.ModelVersion.pattern is not a valid RE2 regular expression ' +
      '(error parsing regexp: invalid or unsupported Perl syntax: `(?=`); RE2 syntax is ' +
      'allowed: no lookaround and no backreferences',
  },
  {
    name: 'requires naming an unknown key points at the entry and suggests the nearest key',
    yaml: 'version: 1\ntags:\n  Project: {}\n  Model:\n    requires: [Projet]\n',
    expected:
      'policy.yaml:5:16: tags.Model.requires names Projet, which is not a key of this policy ' +
      '(did you mean Project?); allowed: Project',
  },
  {
    name: 'requires naming the key itself is refused',
    yaml: 'version: 1\ntags:\n  Model: { requires: [Model] }\n',
    expected: 'policy.yaml:3:23: tags.Model.requires names Model itself; name a parent key',
  },
  {
    name: 'values_by naming an unknown parent points at the parent key',
    yaml: 'version: 1\ntags:\n  Project: {}\n  Model:\n    values_by:\n      Team: { a: [b] }\n',
    expected:
      'policy.yaml:6:7: tags.Model.values_by names Team, which is not a key of this policy; ' +
      'allowed: Project',
  },
  {
    name: 'values_by listing a value the parent does not allow points at that value',
    yaml:
      'version: 1\ntags:\n  Project: { values: [search] }\n  Model:\n    values_by:\n' +
      '      Project:\n        chat: [gpt]\n',
    expected:
      'policy.yaml:7:9: tags.Model.values_by.Project lists "chat", which is not a value of ' +
      'Project; allowed: search',
  },
  {
    name: 'values_by listing a child value outside the child values is refused',
    yaml:
      'version: 1\ntags:\n  Project: {}\n  Model:\n    values: [bert]\n    values_by:\n' +
      '      Project: { search: [bert, gpt] }\n',
    expected:
      'policy.yaml:7:33: tags.Model.values_by.Project.search lists "gpt", which is not a value ' +
      'of Model; allowed: bert',
  },
  {
    name: 'a cycle of parents is refused at the key that closes it',
    yaml: 'version: 1\ntags:\n  A: { requires: [B] }\n  B: { requires: [A] }\n',
    expected:
      'policy.yaml:4:3: tags.B closes a cycle of parent keys: A -> B -> A; parents must form ' +
      'a tree, so remove one link',
  },
  {
    name: 'two keys that differ only in case are refused',
    yaml: 'version: 1\ntags:\n  CostCenter: {}\n  cost_center: {}\n',
    expected:
      'policy.yaml:4:3: tags.cost_center differs from tags.CostCenter only in case or ' +
      'separators; keep one canonical spelling and use forms for provider spellings',
  },
  {
    name: 'a provider form that provider rejects is refused',
    yaml: 'version: 1\ntags:\n  CostCenter:\n    forms: { google: CostCenter }\n',
    expected:
      'policy.yaml:4:22: tags.CostCenter.forms.google is "CostCenter", which GCP does not ' +
      'accept: keys must start with a lowercase letter and contain only lowercase letters, ' +
      'digits, _ and -',
  },
  {
    name: 'values that the pattern of the same key rejects are refused',
    yaml: "version: 1\ntags:\n  V: { pattern: '^v[0-9]$', values: [v1, '2'] }\n",
    expected:
      'policy.yaml:3:42: tags.V.values lists "2", which does not match tags.V.pattern ' +
      '^v[0-9]$; list only values the pattern allows',
  },
  {
    name: 'a billing tag value must be a string',
    yaml: 'version: 1\nbilling:\n  projects:\n    proj_1: { Year: 2025 }\n',
    expected:
      'policy.yaml:4:21: billing.projects.proj_1.Year must be a string; got 2025 ' +
      '(quote it: "2025")',
  },
  {
    name: 'an alias without an anchor is refused where it is used',
    yaml: 'version: 1\ntags:\n  A: *missing\n',
    expected:
      'policy.yaml:3:6: alias *missing names no anchor defined before it; define &missing first',
  },
];

describe('policy errors', () => {
  test.each(rows)('$name', ({ yaml, expected }) => {
    const error = policyError(yaml);
    expect(error.message).toBe(expected);
    const [file, line, column] = expected.split(':');
    expect([error.file, error.line, error.column]).toEqual([file, Number(line), Number(column)]);
  });

  test('aliases that multiply beyond the yaml default limit are refused', () => {
    const lines = ['version: 1', 'x0: &x0 [a, a, a, a, a, a, a, a, a, a]'];
    for (let level = 1; level < 8; level++) {
      const refs = Array.from({ length: 10 }, () => `*x${level - 1}`).join(', ');
      lines.push(`x${level}: &x${level} [${refs}]`);
    }
    const error = policyError(lines.join('\n'));
    expect(error.message).toMatch(/^policy\.yaml:1:1: the policy cannot be expanded: .*alias/);
  });
});
