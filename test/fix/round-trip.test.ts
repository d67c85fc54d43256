import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { check } from '../../src/engine/check.js';
import { fixFiles } from '../../src/fix/index.js';
import { loadPolicyText } from '../../src/policy/load.js';

const scratch = mkdtempSync(join(tmpdir(), 'openclaw-fix-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

const POLICY = `
version: 1
resources: taggable
tags:
  CostCenter: { required: true, values: [CC-1], forms: { kubernetes: cost-center } }
  Environment: { values: [prod, staging] }
  Owner: { default: platform }
  Team: {}
`;

interface Row {
  readonly name: string;
  /** The files; the first one is the one the fix edits. */
  readonly files: Readonly<Record<string, string>>;
  /** The finding fixed: `rule key`. */
  readonly finding: string;
  /** The edited file after the fix, byte for byte. */
  readonly fixed: string;
  readonly policy?: string;
}

const hclRows: Row[] = [
  {
    name: 'HCL: a near-miss key is renamed, comments and alignment around it kept',
    files: {
      'main.tf':
        '# Logs.\nresource "aws_s3_bucket" "logs" {\n  tags = {\n' +
        '    costcenter  = "CC-1" # billing\n    Environment = "prod"\n  }\n}\n',
    },
    finding: 'wrong-case-key costcenter',
    fixed:
      '# Logs.\nresource "aws_s3_bucket" "logs" {\n  tags = {\n' +
      '    CostCenter  = "CC-1" # billing\n    Environment = "prod"\n  }\n}\n',
  },
  {
    name: 'HCL: a key renamed to a longer form keeps the = column of the aligned run',
    policy: 'version: 1\nresources: taggable\ntags:\n  cost_center: { required: true }\n',
    files: {
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\n  tags = {\n    costcenter  = "CC-1"\n' +
        '    environment = "prod"\n  }\n}\n',
    },
    finding: 'wrong-case-key costcenter',
    fixed:
      'resource "aws_s3_bucket" "logs" {\n  tags = {\n    cost_center = "CC-1"\n' +
      '    environment = "prod"\n  }\n}\n',
  },
  {
    name: 'HCL: a key renamed to a shorter form keeps the = column of the aligned run',
    policy: 'version: 1\nresources: taggable\ntags:\n  costcenter: { required: true }\n',
    files: {
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\n  tags = {\n    cost_center = "CC-1"\n' +
        '    environment = "prod"\n  }\n}\n',
    },
    finding: 'wrong-case-key cost_center',
    fixed:
      'resource "aws_s3_bucket" "logs" {\n  tags = {\n    costcenter  = "CC-1"\n' +
      '    environment = "prod"\n  }\n}\n',
  },
  {
    name: 'HCL: a quoted key renamed to a longer form keeps the = column',
    policy: 'version: 1\nresources: taggable\ntags:\n  "cost:center": { required: true }\n',
    files: {
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\n  tags = {\n    "costcenter"  = "CC-1"\n' +
        '    environment   = "prod"\n  }\n}\n',
    },
    finding: 'wrong-case-key costcenter',
    fixed:
      'resource "aws_s3_bucket" "logs" {\n  tags = {\n    "cost:center" = "CC-1"\n' +
      '    environment   = "prod"\n  }\n}\n',
  },
  {
    name: 'HCL: a value that differs only by case takes the allowed spelling',
    files: {
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\n  tags = {\n    CostCenter  = "CC-1"\n' +
        '    Environment = "Prod"\n  }\n}\n',
    },
    finding: 'invalid-value Environment',
    fixed:
      'resource "aws_s3_bucket" "logs" {\n  tags = {\n    CostCenter  = "CC-1"\n' +
      '    Environment = "prod"\n  }\n}\n',
  },
  {
    name: 'HCL: a required key whose only allowed value is known is added to the map',
    files: {
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  tags = {\n' +
        '    # who runs it\n    Team = "data"\n  }\n}\n',
    },
    finding: 'missing-tag CostCenter',
    fixed:
      'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  tags = {\n' +
      '    CostCenter = "CC-1"\n    # who runs it\n    Team = "data"\n  }\n}\n',
  },
  {
    name: 'HCL: a key with a default is added to a one-line map, before its closing brace',
    policy:
      'version: 1\nresources: taggable\ntags:\n  Owner: { required: true, default: platform }\n',
    files: { 'main.tf': 'resource "aws_s3_bucket" "logs" {\n  tags = { Team = "a" }\n}\n' },
    finding: 'missing-tag Owner',
    fixed: 'resource "aws_s3_bucket" "logs" {\n  tags = { Team = "a", Owner = "platform" }\n}\n',
  },
  {
    name: 'HCL: a key is added to an empty one-line map',
    files: { 'main.tf': 'resource "aws_s3_bucket" "logs" {\n  tags = {}\n}\n' },
    finding: 'missing-tag CostCenter',
    fixed: 'resource "aws_s3_bucket" "logs" {\n  tags = { CostCenter = "CC-1" }\n}\n',
  },
  {
    name: 'HCL: Windows line endings stay Windows line endings',
    files: {
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\r\n  tags = {\r\n    Team = "a"\r\n  }\r\n}\r\n',
    },
    finding: 'missing-tag CostCenter',
    fixed:
      'resource "aws_s3_bucket" "logs" {\r\n  tags = {\r\n    CostCenter = "CC-1"\r\n' +
      '    Team = "a"\r\n  }\r\n}\r\n',
  },
  {
    name: "HCL: a near miss set in the provider's default_tags is renamed where it is written",
    files: {
      'providers.tf':
        'provider "aws" {\n  default_tags {\n    tags = {\n      costCenter = "CC-1"\n' +
        '    }\n  }\n}\n',
      'main.tf': 'resource "aws_s3_bucket" "logs" {\n  tags = { Team = "a" }\n}\n',
    },
    finding: 'wrong-case-key costCenter',
    fixed:
      'provider "aws" {\n  default_tags {\n    tags = {\n      CostCenter = "CC-1"\n' +
      '    }\n  }\n}\n',
  },
  {
    name: 'HCL: GCP labels are renamed to the lowercase form',
    policy: 'version: 1\nresources: taggable\ntags:\n  CostCenter: { required: true }\n',
    files: {
      'main.tf':
        'resource "google_storage_bucket" "logs" {\n  name = "logs"\n  location = "EU"\n' +
        '  labels = {\n    costcenter = "x"\n  }\n}\n',
    },
    finding: 'wrong-case-key costcenter',
    fixed:
      'resource "google_storage_bucket" "logs" {\n  name = "logs"\n  location = "EU"\n' +
      '  labels = {\n    cost_center = "x"\n  }\n}\n',
  },
];

const DEPLOYMENT = (labels: string) =>
  '# The API.\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n' +
  '  template:\n    metadata:\n      labels:\n' +
  labels +
  '    spec:\n      containers:\n        - name: api\n          image: api:1 # pinned\n';

const TEMPLATE = (tags: string) =>
  'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' +
  '    Properties:\n      Tags:\n' +
  tags +
  'Outputs: {}\n';

const yamlRows: Row[] = [
  {
    name: 'YAML: a Kubernetes label is renamed to its form',
    files: { 'k8s/api.yaml': DEPLOYMENT('        CostCenter: CC-1\n        app: api\n') },
    finding: 'wrong-case-key CostCenter',
    fixed: DEPLOYMENT('        cost-center: CC-1\n        app: api\n'),
  },
  {
    name: 'YAML: a missing Kubernetes label is added to the pod template labels',
    files: { 'k8s/api.yaml': DEPLOYMENT('        app: api # selector\n') },
    finding: 'missing-tag CostCenter',
    fixed: DEPLOYMENT('        cost-center: CC-1\n        app: api # selector\n'),
  },
  {
    name: 'YAML: a missing CloudFormation tag is added as a Key/Value pair',
    files: { 'template.yaml': TEMPLATE('        - Key: Team\n          Value: data\n') },
    finding: 'missing-tag CostCenter',
    fixed: TEMPLATE(
      '        - Key: CostCenter\n          Value: CC-1\n        - Key: Team\n          Value: data\n',
    ),
  },
  {
    name: 'YAML: a CloudFormation value that differs only by case is fixed',
    files: {
      'template.yaml': TEMPLATE(
        '        - Key: CostCenter\n          Value: CC-1\n' +
          '        - Key: Environment\n          Value: STAGING\n',
      ),
    },
    finding: 'invalid-value Environment',
    fixed: TEMPLATE(
      '        - Key: CostCenter\n          Value: CC-1\n' +
        '        - Key: Environment\n          Value: staging\n',
    ),
  },
];

function writeFiles(files: Readonly<Record<string, string>>): string {
  counter += 1;
  const dir = join(scratch, `case${counter}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function findingsIn(dir: string, policy: string) {
  const report = await check({
    paths: ['.'],
    cwd: dir,
    policy: loadPolicyText(policy, 'policy.yaml'),
    failOn: 'error',
  });
  return report.findings;
}

describe('check --fix round trips', () => {
  test.each([...hclRows, ...yamlRows])('$name', async ({ files, finding, fixed, policy }) => {
    const dir = writeFiles(files);
    const before = await findingsIn(dir, policy ?? POLICY);
    const target = before.find((entry) => `${entry.rule} ${entry.key}` === finding);
    expect(target?.replacement, `${finding} carries a replacement`).toBeDefined();

    const outcome = await fixFiles(target ? [target] : [], dir);
    expect(outcome).toMatchObject({ fixed: 1, skipped: 0 });
    const [edited = ''] = Object.keys(files);
    expect(readFileSync(join(dir, edited), 'utf8')).toBe(fixed);
    for (const [name, text] of Object.entries(files).slice(1)) {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    }

    const after = await findingsIn(dir, policy ?? POLICY);
    const left = after.map((entry) => `${entry.rule} ${entry.key}`);
    expect(left).not.toContain(finding);
    expect(left.filter((line) => line.startsWith('parse-error'))).toEqual([]);
    expect(after.length).toBeLessThan(before.length);
  });
});

describe('no replacement where the edit is not certain', () => {
  test.each([
    {
      name: 'a required key with several allowed values and no default',
      policy: 'version: 1\nresources: taggable\ntags:\n  Env: { required: true, values: [a, b] }\n',
      text: 'resource "aws_s3_bucket" "logs" {\n  tags = { Team = "a" }\n}\n',
    },
    {
      name: 'tags built by a function',
      policy: POLICY,
      text: 'resource "aws_s3_bucket" "logs" {\n  tags = merge(local.tags, { Team = "a" })\n}\n',
    },
    {
      name: 'a value that is not a case variant of an allowed one',
      policy: POLICY,
      text: 'resource "aws_s3_bucket" "logs" {\n  tags = { CostCenter = "CC-1", Environment = "prd" }\n}\n',
    },
    {
      name: 'a near miss written beside the exact key (a duplicate to remove, not rename)',
      policy: POLICY,
      text: 'resource "aws_s3_bucket" "logs" {\n  tags = { CostCenter = "CC-1", costcenter = "CC-1" }\n}\n',
    },
  ])('$name', async ({ policy, text }) => {
    const dir = writeFiles({ 'main.tf': text });
    const findings = await findingsIn(dir, policy);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.replacement)).toEqual([]);
  });
});
