import { describe, expect, test } from 'vitest';
import { checkFiles, findingLines } from './helpers.js';

const POLICY = `
version: 1
resources: taggable
tags:
  CostCenter: { required: true }
  Owner: { required: true }
`;

const DIRECTIVE =
  'openclaw-tags:ignore CostCenter reason="moved next quarter" owner=platform expires=2027-03-31';

interface Row {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly resource: string;
}

/** One row per place an inline exemption can be written; each exempts CostCenter only. */
const forms: Row[] = [
  {
    name: 'Terraform, # comment above the resource block',
    files: { 'main.tf': `# ${DIRECTIVE}\nresource "aws_s3_bucket" "a" {\n  tags = {}\n}\n` },
    resource: 'aws_s3_bucket.a',
  },
  {
    name: 'Terraform, // comment, below another comment line',
    files: {
      'main.tf': `// Logs bucket.\n// ${DIRECTIVE}\nresource "aws_s3_bucket" "a" {\n  tags = {}\n}\n`,
    },
    resource: 'aws_s3_bucket.a',
  },
  {
    name: 'CloudFormation, # comment above the logical id',
    files: {
      'template.yaml':
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n' +
        `  # ${DIRECTIVE}\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: []\n`,
    },
    resource: 'Bucket',
  },
  {
    name: 'Kubernetes, # comment above the document',
    files: {
      'k8s/pvc.yaml':
        `---\n# ${DIRECTIVE}\napiVersion: v1\nkind: PersistentVolumeClaim\n` +
        'metadata:\n  name: data\n  labels: {}\nspec:\n  resources: { requests: { storage: 1Gi } }\n',
    },
    resource: 'PersistentVolumeClaim/default/data',
  },
  {
    name: 'JavaScript SDK call, // comment above the statement that holds it',
    files: {
      'app.js':
        "import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';\n" +
        `const ec2 = new EC2Client({});\n// ${DIRECTIVE}\nawait ec2.send(\n` +
        "  new RunInstancesCommand({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 }),\n);\n",
    },
    resource: 'app.js:5:ec2.run_instances',
  },
  {
    name: 'Python SDK call, # comment above the call',
    files: {
      'app.py':
        'import boto3\ns3 = boto3.client("s3")\n' +
        `# ${DIRECTIVE}\ns3.create_bucket(Bucket="b")\n`,
    },
    resource: 'app.py:4:s3.create_bucket',
  },
];

describe('inline exemptions', () => {
  test.each(forms)(
    '$name: exempts the key it names, and only that one',
    async ({ files, resource }) => {
      const report = await checkFiles(files, POLICY, '2027-01-15');
      expect(findingLines(report)).toEqual([`missing-tag ${resource} Owner`]);
      expect(report.suppressed?.map((entry) => entry.finding.key)).toEqual(['CostCenter']);
      expect(report.exemptions).toEqual([
        expect.objectContaining({
          kind: 'inline',
          keys: ['CostCenter'],
          reason: 'moved next quarter',
          owner: 'platform',
          expires: '2027-03-31',
          findings: 1,
        }),
      ]);
    },
  );

  test.each([
    ['the day before the expiry', '2027-03-30', false],
    ['the expiry day itself (the last day it applies)', '2027-03-31', false],
    ['the day after the expiry', '2027-04-01', true],
    ['a year later', '2028-03-31', true],
  ])('on %s (%s) expired is %s', async (_name, today, expired) => {
    const files = { 'main.tf': `# ${DIRECTIVE}\nresource "aws_s3_bucket" "a" {\n  tags = {}\n}\n` };
    const report = await checkFiles(files, POLICY, today);
    const lines = findingLines(report);
    expect(lines.includes('missing-tag aws_s3_bucket.a CostCenter')).toBe(expired);
    expect(lines.includes('invalid-exemption aws_s3_bucket.a null')).toBe(expired);
    expect(report.exemptions?.length ?? 0).toBe(expired ? 0 : 1);
    if (expired) {
      const finding = report.findings.find((entry) => entry.rule === 'invalid-exemption');
      expect(finding).toMatchObject({ file: 'main.tf', line: 1, severity: 'warning' });
      expect(finding?.message).toContain('expired on 2027-03-31');
      expect(finding?.message).toContain('owner platform');
    }
  });

  test.each([
    [
      'no reason',
      'openclaw-tags:ignore CostCenter owner=platform expires=2027-03-31',
      'it has no reason',
    ],
    [
      'an empty reason',
      'openclaw-tags:ignore CostCenter reason="" owner=p expires=2027-03-31',
      'it has no reason',
    ],
    [
      'no owner and no expiry',
      'openclaw-tags:ignore CostCenter reason=why',
      'it has no owner, no expires',
    ],
    ['no key', 'openclaw-tags:ignore reason=why owner=p expires=2027-03-31', 'it names no tag key'],
    [
      'a day that does not exist',
      'openclaw-tags:ignore CostCenter reason=why owner=p expires=2027-02-30',
      'expires=2027-02-30 is not a calendar day',
    ],
    [
      'a misspelt attribute',
      'openclaw-tags:ignore CostCenter reasn=why owner=p expires=2027-03-31',
      'unknown attribute reasn',
    ],
    [
      'an open quote',
      'openclaw-tags:ignore CostCenter owner=p expires=2027-03-31 reason="why',
      'a quoted value is not closed',
    ],
  ])(
    'with %s it exempts nothing and is an invalid-exemption finding',
    async (_name, comment, problem) => {
      const files = { 'main.tf': `# ${comment}\nresource "aws_s3_bucket" "a" {\n  tags = {}\n}\n` };
      const report = await checkFiles(files, POLICY, '2027-01-01');
      expect(findingLines(report)).toEqual([
        'invalid-exemption aws_s3_bucket.a null',
        'missing-tag aws_s3_bucket.a CostCenter',
        'missing-tag aws_s3_bucket.a Owner',
      ]);
      expect(report.findings[0]?.message).toContain(problem);
      expect(report.exemptions).toBeUndefined();
    },
  );

  test.each([
    [
      'a blank line between comment and resource',
      `# ${DIRECTIVE}\n\nresource "aws_s3_bucket" "a" {\n  tags = {}\n}\n`,
    ],
    [
      'code between comment and resource',
      `# ${DIRECTIVE}\nlocals {}\nresource "aws_s3_bucket" "a" {\n  tags = {}\n}\n`,
    ],
    [
      'the comment after the resource header',
      `resource "aws_s3_bucket" "a" {\n  # ${DIRECTIVE}\n  tags = {}\n}\n`,
    ],
  ])('does not apply with %s', async (_name, text) => {
    const report = await checkFiles({ 'main.tf': text }, POLICY, '2027-01-01');
    expect(findingLines(report)).toContain('missing-tag aws_s3_bucket.a CostCenter');
  });

  test('a comment above a counted resource covers every instance', async () => {
    const text =
      `# ${DIRECTIVE}\nresource "aws_s3_bucket" "a" {\n  count = 2\n` +
      '  tags = { Name = "b-${count.index}" }\n}\n';
    const report = await checkFiles({ 'main.tf': text }, POLICY, '2027-01-01');
    expect(findingLines(report)).toEqual([
      'missing-tag aws_s3_bucket.a[0] Owner',
      'missing-tag aws_s3_bucket.a[1] Owner',
    ]);
    expect(report.exemptions?.[0]).toMatchObject({
      resources: ['aws_s3_bucket.a[0]', 'aws_s3_bucket.a[1]'],
      findings: 2,
    });
  });

  test('* exempts every finding on the resource, wrong-case keys included', async () => {
    const text =
      '# openclaw-tags:ignore * reason="sandbox" owner=me expires=2027-12-31\n' +
      'resource "aws_s3_bucket" "a" {\n  tags = { costcenter = "x" }\n}\n';
    const report = await checkFiles({ 'main.tf': text }, POLICY, '2027-01-01');
    expect(findingLines(report)).toEqual([]);
    expect(report.exemptions?.[0]?.findings).toBe(2);
  });

  test('a listed key also covers its near misses (wrong-case-key)', async () => {
    const text = `# ${DIRECTIVE}\nresource "aws_s3_bucket" "a" {\n  tags = { cost_center = "x", Owner = "o" }\n}\n`;
    const report = await checkFiles({ 'main.tf': text }, POLICY, '2027-01-01');
    expect(findingLines(report)).toEqual([]);
    expect(report.suppressed?.map((entry) => entry.finding.rule)).toEqual(['wrong-case-key']);
  });
});
