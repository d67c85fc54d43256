import { describe, expect, test } from 'vitest';
import { checkFiles, findingLines } from './helpers.js';

const FILES = {
  'main.tf':
    'resource "aws_s3_bucket" "logs" {\n  tags = {}\n}\n' +
    'resource "aws_instance" "web" {\n  tags = {}\n}\n' +
    'module "app" {\n  source = "./modules/app"\n}\n',
  'legacy/old.tf': 'resource "aws_s3_bucket" "old" {\n  tags = {}\n}\n',
  'modules/app/main.tf': 'resource "aws_sqs_queue" "jobs" {\n  tags = {}\n}\n',
};

const ALL = [
  'missing-tag aws_s3_bucket.old CostCenter',
  'missing-tag aws_s3_bucket.logs CostCenter',
  'missing-tag aws_instance.web CostCenter',
  'missing-tag module.app.aws_sqs_queue.jobs CostCenter',
];

function policyWith(exemption: string): string {
  return `
version: 1
resources: taggable
tags:
  CostCenter: { required: true }
exemptions:
  - ${exemption}
    reason: Being retired
    owner: platform
    expires: 2027-06-30
`;
}

interface Row {
  readonly name: string;
  readonly selector: string;
  /** The selectors the report lists for the entry. */
  readonly selects: Readonly<Record<string, string>>;
  readonly exempted: readonly string[];
}

const selectors: Row[] = [
  {
    name: 'an address',
    selector: 'resource: aws_s3_bucket.logs',
    selects: { resource: 'aws_s3_bucket.logs' },
    exempted: ['missing-tag aws_s3_bucket.logs CostCenter'],
  },
  {
    name: 'an address with a wildcard',
    selector: "resource: 'aws_s3_bucket.*'",
    selects: { resource: 'aws_s3_bucket.*' },
    exempted: [
      'missing-tag aws_s3_bucket.old CostCenter',
      'missing-tag aws_s3_bucket.logs CostCenter',
    ],
  },
  {
    name: 'a type',
    selector: 'type: aws_instance',
    selects: { type: 'aws_instance' },
    exempted: ['missing-tag aws_instance.web CostCenter'],
  },
  {
    name: 'a path glob',
    selector: "path: 'legacy/**'",
    selects: { path: 'legacy/**' },
    exempted: ['missing-tag aws_s3_bucket.old CostCenter'],
  },
  {
    name: 'a module',
    selector: 'module: app',
    selects: { module: 'app' },
    exempted: ['missing-tag module.app.aws_sqs_queue.jobs CostCenter'],
  },
  {
    name: 'a type and a path together (both must match)',
    selector: "type: aws_s3_bucket\n    path: 'legacy/**'",
    selects: { type: 'aws_s3_bucket', path: 'legacy/**' },
    exempted: ['missing-tag aws_s3_bucket.old CostCenter'],
  },
  {
    name: 'a key the findings do not have',
    selector: 'type: aws_instance\n    keys: [Owner]',
    selects: { type: 'aws_instance' },
    exempted: [],
  },
];

describe('policy exemptions', () => {
  test.each(selectors)('by $name', async ({ selector, selects, exempted }) => {
    const report = await checkFiles(FILES, policyWith(selector), '2027-01-01');
    expect(findingLines(report)).toEqual(ALL.filter((line) => !exempted.includes(line)));
    expect(report.suppressed?.length ?? 0).toBe(exempted.length);
    expect(report.exemptions).toEqual([
      {
        kind: 'policy',
        file: 'policy.yaml',
        line: 7,
        keys: expect.any(Array),
        selects,
        reason: 'Being retired',
        owner: 'platform',
        expires: '2027-06-30',
        resources: expect.any(Array),
        findings: exempted.length,
      },
    ]);
  });

  test.each([
    ['2027-06-30', false],
    ['2027-07-01', true],
  ])('on %s expired is %s', async (today, expired) => {
    const report = await checkFiles(FILES, policyWith('type: aws_instance'), today);
    const lines = findingLines(report);
    expect(lines.includes('missing-tag aws_instance.web CostCenter')).toBe(expired);
    const notice = report.findings.find((finding) => finding.rule === 'invalid-exemption');
    expect(notice?.message).toBe(
      expired
        ? 'policy exemption exemptions[0] (all keys, owner platform) expired on 2027-06-30; ' +
            'it no longer exempts anything, so the findings it covered are reported again'
        : undefined,
    );
    if (notice) expect([notice.file, notice.line]).toEqual(['policy.yaml', 7]);
  });

  test('an entry without a reason is a finding at its line and exempts nothing', async () => {
    const policy = `
version: 1
resources: taggable
tags:
  CostCenter: { required: true }
exemptions:
  - type: aws_instance
    owner: platform
    expires: 2027-06-30
`;
    const report = await checkFiles(FILES, policy, '2027-01-01');
    expect(findingLines(report)).toEqual([
      ...ALL,
      'invalid-exemption policy exemption exemptions[0] null',
    ]);
    expect(report.findings.at(-1)).toMatchObject({
      file: 'policy.yaml',
      line: 7,
      message:
        'policy exemption exemptions[0] is not valid: it has no reason; ' +
        'it exempts nothing until it is fixed',
    });
  });

  test('exempted findings do not block; the check passes on what is left', async () => {
    const report = await checkFiles(FILES, policyWith("resource: '*'"), '2027-01-01');
    expect([report.findings.length, report.blocking, report.suppressed?.length]).toEqual([0, 0, 4]);
  });
});
