import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { check } from '../../../src/engine/check.js';
import type { CheckReport } from '../../../src/model.js';
import { loadPolicyText } from '../../../src/policy/load.js';
import { lines } from './helpers.js';

/**
 * CloudFormation templates through the whole check: which resources get findings, on which
 * key, and what the message says, for each way a template can carry tags.
 */

const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

const POLICY = lines(
  'version: 1',
  'resources: taggable',
  'tags:',
  '  CostCenter: { required: true }',
  '  Environment: { required: true, values: [prod, staging] }',
);

/** Writes `files` into a fresh folder and checks it. */
async function checkTemplates(
  files: Readonly<Record<string, string>>,
  options: { policy?: string; stackTags?: Record<string, string> } = {},
): Promise<CheckReport> {
  const root = await mkdtemp(join(tmpdir(), 'openclaw-cfn-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  const policy = loadPolicyText(options.policy ?? POLICY, 'policy.yaml');
  return check({
    paths: ['.'],
    cwd: root,
    policy,
    failOn: 'error',
    stackTags: options.stackTags ?? {},
  });
}

/** `rule resource key` for each finding, in report order. */
function keys(report: CheckReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.resource} ${finding.key}`);
}

describe('findings on CloudFormation resources', () => {
  test.each([
    {
      name: 'parameter defaults and mappings give values the policy checks',
      template: lines(
        'Parameters:',
        '  Env: {Type: String, Default: production}',
        'Mappings:',
        '  Centers: {production: {Code: cc-7}}',
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags:',
        '        - {Key: Environment, Value: !Ref Env}',
        '        - {Key: CostCenter, Value: !FindInMap [Centers, !Ref Env, Code]}',
      ),
      expected: ['invalid-value Bucket Environment'],
    },
    {
      name: 'a parameter with no default is a present key with an unknown value',
      template: lines(
        'Parameters:',
        '  Env: {Type: String}',
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags: [{Key: Environment, Value: !Ref Env}, {Key: CostCenter, Value: !Sub "${Env}-cc"}]',
      ),
      expected: [],
    },
    {
      name: 'types that cannot be tagged are never flagged, whatever they write',
      template: lines(
        'Resources:',
        '  Permission:',
        '    Type: AWS::Lambda::Permission',
        '    Properties: {Action: lambda:InvokeFunction, FunctionName: f, Principal: s3.amazonaws.com}',
        '  Handle:',
        '    Type: AWS::CloudFormation::WaitConditionHandle',
        '  Attachment:',
        '    Type: AWS::EC2::VPCGatewayAttachment',
        '    Properties: {VpcId: vpc-1, InternetGatewayId: igw-1}',
      ),
      expected: [],
    },
    {
      name: 'a map-form tag property (SSM parameter)',
      template: lines(
        'Resources:',
        '  Setting:',
        '    Type: AWS::SSM::Parameter',
        '    Properties: {Type: String, Value: x, Tags: {Environment: prod}}',
      ),
      expected: ['missing-tag Setting CostCenter'],
    },
    {
      name: 'an Auto Scaling group is judged by all of its tags',
      template: lines(
        'Resources:',
        '  Group:',
        '    Type: AWS::AutoScaling::AutoScalingGroup',
        '    Properties:',
        '      MinSize: "1"',
        '      MaxSize: "2"',
        '      Tags:',
        '        - {Key: Environment, Value: prod, PropagateAtLaunch: true}',
        '        - {Key: CostCenter, Value: cc-1, PropagateAtLaunch: false}',
      ),
      expected: [],
    },
    {
      name: 'SAM Globals reach functions, not the plain resources beside them',
      template: lines(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Tags: {CostCenter: cc-1, Environment: prod}',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Handler: app.handler, Runtime: python3.12, CodeUri: src/}',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      Tags: [{Key: Environment, Value: prod}]',
      ),
      expected: ['missing-tag Queue CostCenter'],
    },
    {
      name: 'a third-party type with no properties is taggable and untagged',
      template: lines('Resources:', '  Vpc:', '    Type: Contoso::Network::VPC'),
      expected: ['missing-tag Vpc CostCenter', 'missing-tag Vpc Environment'],
    },
  ])('$name', async ({ template, expected }) => {
    const report = await checkTemplates({ 'template.yaml': template });

    expect(report.errors).toEqual([]);
    expect(keys(report)).toEqual(expected);
  });

  test('Fn::If in Tags: the key missing in one branch is reported with the condition', async () => {
    const template = lines(
      'Parameters:',
      '  Env: {Type: String, Default: prod}',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      'Resources:',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      Tags:',
      '        - {Key: Environment, Value: !If [IsProd, prod, dev]}',
      '        - !If [IsProd, {Key: CostCenter, Value: cc-1}, !Ref AWS::NoValue]',
    );

    const report = await checkTemplates({ 'template.yaml': template });

    expect(
      report.findings.map(({ rule, key, line, message }) => ({ rule, key, line, message })),
    ).toEqual([
      {
        rule: 'missing-tag',
        key: 'CostCenter',
        line: 9,
        message:
          'Table has no tag CostCenter when condition IsProd is false; add it to the tags at ' +
          'template.yaml:9',
      },
      {
        rule: 'invalid-value',
        key: 'Environment',
        line: 10,
        message: expect.stringContaining('when condition IsProd is false') as string,
      },
    ]);
  });
});

describe('stack-level tags', () => {
  const template = lines(
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      Tags: [{Key: Environment, Value: prod}]',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties: {AssumeRolePolicyDocument: {}}',
  );

  test.each<{
    name: string;
    files: Record<string, string>;
    stackTags: Record<string, string>;
    expected: string[];
  }>([
    {
      name: 'without stack tags, each resource needs its own',
      files: { 'template.yaml': template },
      stackTags: {},
      expected: [
        'missing-tag Bucket CostCenter',
        'missing-tag Role CostCenter',
        'missing-tag Role Environment',
      ],
    },
    {
      name: 'tags given to the check reach every taggable resource',
      files: { 'template.yaml': template },
      stackTags: { CostCenter: 'cc-1', Environment: 'staging' },
      expected: [],
    },
    {
      name: 'samconfig.toml tags beside the template reach every taggable resource',
      files: {
        'template.yaml': template,
        'samconfig.toml': lines(
          'version = 0.1',
          '[default.deploy.parameters]',
          'tags = "CostCenter=\\"cc-9\\" Environment=prod"',
        ),
      },
      stackTags: {},
      expected: [],
    },
    {
      name: 'a stack tag value is checked like any other',
      files: { 'template.yaml': template },
      stackTags: { CostCenter: 'cc-1', Environment: 'qa' },
      expected: ['invalid-value Role Environment'],
    },
  ])('$name', async ({ files, stackTags, expected }) => {
    const report = await checkTemplates(files, { stackTags });

    expect(report.errors).toEqual([]);
    expect(keys(report)).toEqual(expected);
  });
});

describe('CDK-synthesized templates', () => {
  const synthesized = JSON.stringify(
    {
      Resources: {
        AssetsBucket5CB76180: {
          Type: 'AWS::S3::Bucket',
          Properties: { Tags: [{ Key: 'aws-cdk:auto-delete-objects', Value: 'true' }] },
          Metadata: { 'aws:cdk:path': 'ServingStack/Assets/Resource' },
        },
      },
    },
    null,
    1,
  );

  test('CDK tags do not count: a bucket tagged only by the CDK has no tags at all', async () => {
    const policy = lines('version: 1', 'resources: taggable', 'require_any: true', 'tags: {}');

    const report = await checkTemplates(
      { 'cdk.out/ServingStack.template.json': synthesized },
      { policy },
    );

    expect(keys(report)).toEqual(['missing-tag AssetsBucket5CB76180 *']);
    expect(report.resources[0]).toMatchObject({
      label: 'ServingStack/Assets/Resource',
      tags: {},
    });
  });
});
