import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadPolicyText } from '../../src/policy/load.js';
import { runCliCaptured } from '../cli/run.js';

describe('policy exemptions and defaults when loading', () => {
  test('an exemption is compiled with its line, keys defaulting to *', () => {
    const policy = loadPolicyText(
      'version: 1\nexemptions:\n  - module: vpc\n    reason: r\n    owner: o\n' +
        '    expires: 2027-01-31\n',
      'p.yaml',
    );
    expect(policy.exemptions).toEqual([
      {
        file: 'p.yaml',
        line: 3,
        module: 'vpc',
        keys: ['*'],
        reason: 'r',
        owner: 'o',
        expires: '2027-01-31',
      },
    ]);
  });

  test('an exemption without reason, owner or expiry still loads (the check reports it)', () => {
    const policy = loadPolicyText('version: 1\nexemptions:\n  - type: aws_eip\n', 'p.yaml');
    expect(policy.exemptions).toEqual([{ file: 'p.yaml', line: 3, type: 'aws_eip', keys: ['*'] }]);
  });

  test.each([
    [
      'an exemption that selects nothing',
      'version: 1\nexemptions:\n  - reason: r\n',
      'p.yaml:3:5: exemptions[0] selects no resource; give at least one of resource, type, path, module',
    ],
    [
      'a date in another format',
      'version: 1\nexemptions:\n  - type: a\n    expires: 31/01/2027\n',
      'p.yaml:4:14: exemptions[0].expires must match',
    ],
    [
      'a day that does not exist',
      'version: 1\nexemptions:\n  - type: a\n    expires: 2027-02-29\n',
      'p.yaml:4:14: exemptions[0].expires is "2027-02-29", which is not a calendar day',
    ],
    [
      'a default outside values',
      'version: 1\ntags:\n  Env: { values: [prod], default: dev }\n',
      'p.yaml:3:35: tags.Env.default is "dev", which is not one of tags.Env.values; allowed: prod',
    ],
    [
      'a default that does not match the pattern',
      "version: 1\ntags:\n  Env: { pattern: '^p', default: dev }\n",
      'p.yaml:3:34: tags.Env.default is "dev", which does not match tags.Env.pattern ^p',
    ],
  ])('%s is a policy error', (_name, yaml, error) => {
    expect(() => loadPolicyText(yaml, 'p.yaml')).toThrow(error);
  });
});

describe('openclaw-tags policy show', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openclaw-show-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('prints the merged policy as YAML, naming the files merged', async () => {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'org.yaml'), 'version: 1\ntags:\n  CostCenter: { required: true }\n');
    writeFileSync(
      join(dir, 'team', 'policy.yaml'),
      '# yaml-language-server: $schema=../schema.json\nextends: ../org.yaml\nversion: 1\n' +
        'tags:\n  CostCenter: { severity: warning }\n',
    );
    const run = await runCliCaptured(['policy', 'show', '--policy', 'team/policy.yaml'], dir);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '# Effective policy of team/policy.yaml\n' +
        '# merged from (bases first): org.yaml -> team/policy.yaml\n' +
        'version: 1\ntags:\n  CostCenter:\n    required: true\n    severity: warning\n',
    });
    const shown = loadPolicyText(run.stdout, 'shown.yaml');
    expect(shown.tags[0]).toMatchObject({ key: 'CostCenter', required: true, severity: 'warning' });
  });

  test('without --policy it prints the default policy', async () => {
    const run = await runCliCaptured(['policy', 'show'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# Effective policy of <default>\nversion: 1\n')).toBe(true);
    expect(loadPolicyText(run.stdout, 'shown.yaml').tags.length).toBeGreaterThan(3);
  });
});
