import { describe, expect, test } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import { checkFiles } from './helpers.js';

const POLICY = `
version: 1
resources: taggable
tags:
  CostCenter: { required: true }
exemptions:
  - type: aws_instance
    reason: Batch hosts retire in March
    owner: compute-team
    expires: 2027-03-31
  - path: legacy/**
    reason: Legacy stack is being retired
    owner: platform
    expires: 2027-06-30
`;

const FILES = {
  'main.tf':
    '# openclaw-tags:ignore CostCenter reason="shared | bucket" owner=data expires=2027-02-28\n' +
    'resource "aws_s3_bucket" "a" {\n  tags = {}\n}\n' +
    'resource "aws_instance" "web" {\n  tags = {}\n}\n' +
    'resource "aws_sqs_queue" "q" {\n  tags = {}\n}\n',
};

describe('reports list the exemptions in force', () => {
  test('every format names each active exemption with its expiry', async () => {
    const report = await checkFiles(FILES, POLICY, '2027-01-10');
    expect(report.findings.map((finding) => finding.resource)).toEqual(['aws_sqs_queue.q']);

    const text = renderReport(report, 'text');
    expect(text).toContain(
      'Active exemptions\n' +
        '  main.tf:1  until 2027-02-28, owner data: CostCenter on aws_s3_bucket.a (1 finding): ' +
        'shared | bucket\n' +
        '  policy.yaml:7  until 2027-03-31, owner compute-team: all keys for type aws_instance ' +
        'on aws_instance.web (1 finding): Batch hosts retire in March\n' +
        '  policy.yaml:11  until 2027-06-30, owner platform: all keys for path legacy/** ' +
        '(0 findings): Legacy stack is being retired\n',
    );

    const markdown = renderReport(report, 'markdown');
    expect(markdown).toContain('**Active exemptions**');
    expect(markdown).toContain(
      '| main.tf:1 | CostCenter | aws\\_s3\\_bucket.a | 1 | data | 2027-02-28 | shared \\| bucket |',
    );
    expect(markdown).toContain('| policy.yaml:11 | all keys for path legacy/\\*\\* |  | 0 |');

    const json = JSON.parse(renderReport(report, 'json')) as { exemptions: unknown[] };
    expect(json.exemptions).toEqual([
      {
        kind: 'inline',
        file: 'main.tf',
        line: 1,
        keys: ['CostCenter'],
        reason: 'shared | bucket',
        owner: 'data',
        expires: '2027-02-28',
        resources: ['aws_s3_bucket.a'],
        findings: 1,
      },
      {
        kind: 'policy',
        file: 'policy.yaml',
        line: 7,
        keys: ['*'],
        selects: { type: 'aws_instance' },
        reason: 'Batch hosts retire in March',
        owner: 'compute-team',
        expires: '2027-03-31',
        resources: ['aws_instance.web'],
        findings: 1,
      },
      {
        kind: 'policy',
        file: 'policy.yaml',
        line: 11,
        keys: ['*'],
        selects: { path: 'legacy/**' },
        reason: 'Legacy stack is being retired',
        owner: 'platform',
        expires: '2027-06-30',
        resources: [],
        findings: 0,
      },
    ]);

    const sarif = JSON.parse(renderReport(report, 'sarif')) as {
      runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[];
    };
    const suppressed = sarif.runs[0]?.results.filter((result) => result.suppressions) ?? [];
    expect(suppressed.map((result) => result.suppressions)).toEqual([
      [
        {
          kind: 'inSource',
          status: 'accepted',
          justification: 'shared | bucket (owner data, expires 2027-02-28; main.tf:1)',
        },
      ],
      [
        {
          kind: 'external',
          status: 'accepted',
          justification:
            'Batch hosts retire in March (owner compute-team, expires 2027-03-31; policy.yaml:7)',
        },
      ],
    ]);
  });

  test('without exemptions the JSON report has no exemptions field', async () => {
    const report = await checkFiles(
      { 'main.tf': 'resource "aws_sqs_queue" "q" {\n  tags = {}\n}\n' },
      'version: 1\ntags:\n  A: {}\n',
      '2027-01-10',
    );
    expect(JSON.parse(renderReport(report, 'json'))).not.toHaveProperty('exemptions');
    expect(renderReport(report, 'text')).not.toContain('Active exemptions');
  });
});
