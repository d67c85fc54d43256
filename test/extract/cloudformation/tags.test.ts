import { describe, expect, test } from 'vitest';
import type { Resource } from '../../../src/model.js';
import { extractInline, lines, resourceNamed } from './helpers.js';

/** The fields a row pins down; fields left out of `expected` must be absent. */
type Pinned = Pick<Resource, 'line' | 'tags'> &
  Partial<Pick<Resource, 'tagsLine' | 'origins' | 'unresolved' | 'attributes' | 'provider'>>;

function pinned(resource: Resource, expected: Pinned): Partial<Resource> {
  const picked: Record<string, unknown> = {};
  for (const key of ['line', 'tags', 'tagsLine', 'origins', 'unresolved', 'attributes']) {
    const value = resource[key as keyof Resource];
    if (value !== undefined) picked[key] = value;
  }
  if (expected.provider !== undefined) picked['provider'] = resource.provider;
  return picked;
}

describe('tag forms', () => {
  test.each<[string, string, string, Pinned]>([
    [
      'a list of {Key, Value}',
      lines(
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags:',
        '        - Key: CostCenter',
        '          Value: cc-1',
        '        - Key: Environment',
        "          Value: 'prod'",
      ),
      'Bucket',
      {
        line: 2,
        tagsLine: 5,
        tags: { CostCenter: 'cc-1', Environment: 'prod' },
        origins: {
          CostCenter: { line: 6, source: 'resource' },
          Environment: { line: 8, source: 'resource' },
        },
      },
    ],
    [
      'a map (SSM parameter)',
      lines(
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  Param:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Type: String',
        '      Value: x',
        '      Tags:',
        '        CostCenter: cc-1',
        '        Team: data',
      ),
      'Param',
      {
        line: 3,
        tagsLine: 8,
        tags: { CostCenter: 'cc-1', Team: 'data' },
        origins: {
          CostCenter: { line: 9, source: 'resource' },
          Team: { line: 10, source: 'resource' },
        },
      },
    ],
    [
      'a differently named property (Cognito UserPoolTags)',
      lines(
        'Resources:',
        '  Pool:',
        '    Type: AWS::Cognito::UserPool',
        '    Properties:',
        '      UserPoolTags: {CostCenter: cc-2}',
      ),
      'Pool',
      {
        line: 2,
        tagsLine: 5,
        tags: { CostCenter: 'cc-2' },
        origins: { CostCenter: { line: 5, source: 'resource' } },
      },
    ],
    [
      'an Auto Scaling group with PropagateAtLaunch',
      lines(
        'Resources:',
        '  Group:',
        '    Type: AWS::AutoScaling::AutoScalingGroup',
        '    Properties:',
        '      MinSize: "1"',
        '      MaxSize: "2"',
        '      Tags:',
        '        - {Key: CostCenter, Value: cc-1, PropagateAtLaunch: true}',
        '        - {Key: Name, Value: asg, PropagateAtLaunch: "false"}',
      ),
      'Group',
      {
        line: 2,
        tagsLine: 7,
        tags: { CostCenter: 'cc-1', Name: 'asg' },
        origins: {
          CostCenter: { line: 8, source: 'resource' },
          Name: { line: 9, source: 'resource' },
        },
        attributes: { notPropagatedAtLaunch: 'Name' },
      },
    ],
    [
      'EC2 TagSpecifications on a capacity reservation',
      lines(
        'Resources:',
        '  Reservation:',
        '    Type: AWS::EC2::CapacityReservation',
        '    Properties:',
        '      TagSpecifications:',
        '        - ResourceType: capacity-reservation',
        '          Tags:',
        '            - {Key: CostCenter, Value: cc-3}',
      ),
      'Reservation',
      {
        line: 2,
        tagsLine: 7,
        tags: { CostCenter: 'cc-3' },
        origins: { CostCenter: { line: 8, source: 'resource' } },
      },
    ],
    [
      'a third-party type takes a Tags list',
      lines(
        'Resources:',
        '  Net:',
        '    Type: Consoto::Network::VPC',
        '    Properties:',
        '      Tags: [{Key: "Hi", Value: "Accepted!"}]',
      ),
      'Net',
      {
        line: 2,
        tagsLine: 5,
        tags: { Hi: 'Accepted!' },
        origins: { Hi: { line: 5, source: 'resource' } },
        provider: 'consoto',
      },
    ],
    [
      'a third-party type with empty properties has no tags',
      lines('Resources:', '  Net:', '    Type: Consoto::Network::VPC', '    Properties: {}'),
      'Net',
      { line: 2, tags: {} },
    ],
    [
      'an empty Tags list',
      lines(
        'Resources:',
        '  Net:',
        '    Type: Consoto::Network::VPC',
        '    Properties:',
        '      Tags: []',
      ),
      'Net',
      { line: 2, tagsLine: 5, tags: {} },
    ],
    [
      'a type that cannot be tagged gets no tags, even with a Tags property',
      lines(
        'Resources:',
        '  Template:',
        '    Type: AWS::EC2::LaunchTemplate',
        '    Properties:',
        '      Tags: [{Key: CostCenter, Value: cc}]',
      ),
      'Template',
      { line: 2, tags: {} },
    ],
    [
      'scalar values keep their written text',
      lines(
        'Resources:',
        '  Subnet:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      Tags:',
        '        - {Key: kubernetes.io/role/elb, Value: 1}',
        '        - {Key: Ratio, Value: 1.50}',
        '        - {Key: Enabled, Value: false}',
        '        - {Key: Empty, Value: ""}',
      ),
      'Subnet',
      {
        line: 2,
        tagsLine: 5,
        tags: { 'kubernetes.io/role/elb': '1', Ratio: '1.50', Enabled: 'false', Empty: '' },
        origins: {
          'kubernetes.io/role/elb': { line: 6, source: 'resource' },
          Ratio: { line: 7, source: 'resource' },
          Enabled: { line: 8, source: 'resource' },
          Empty: { line: 9, source: 'resource' },
        },
      },
    ],
    [
      'a whole Tags property that is a parameter is unresolved',
      lines(
        'Parameters:',
        '  TagList: {Type: String}',
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags: !Ref TagList',
      ),
      'Bucket',
      {
        line: 4,
        tagsLine: 7,
        tags: {},
        unresolved: 'Tags at line 7 is Ref TagList, which is only known when the stack is deployed',
      },
    ],
    [
      'a list item that is not a {Key, Value} pair leaves the rest readable',
      lines(
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags:',
        '        - {Key: CostCenter, Value: cc}',
        '        - !ImportValue SharedTag',
      ),
      'Bucket',
      {
        line: 2,
        tagsLine: 5,
        tags: { CostCenter: 'cc' },
        origins: { CostCenter: { line: 6, source: 'resource' } },
        unresolved:
          'an item of Tags at line 7 is Fn::ImportValue SharedTag, not a {Key, Value} pair ' +
          'known before deployment',
      },
    ],
  ])('%s', async (_name, template, address, expected) => {
    const extraction = await extractInline(template);

    expect(extraction.errors).toEqual([]);
    expect(pinned(resourceNamed(extraction, address), expected)).toEqual(expected);
  });
});

describe('the whole resource', () => {
  test('a JSON template gives exact lines and every field', async () => {
    const template = [
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Resources": {',
      '    "Table": {',
      '      "Type": "AWS::DynamoDB::Table",',
      '      "Properties": {',
      '        "Tags": [',
      '          { "Key": "CostCenter", "Value": { "Ref": "AWS::StackName" } },',
      '          {',
      '            "Key": "Team",',
      '            "Value": "data"',
      '          }',
      '        ]',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');

    const extraction = await extractInline(template, 'stack.json');

    expect(extraction).toEqual({
      resources: [
        {
          address: 'Table',
          type: 'AWS::DynamoDB::Table',
          provider: 'aws',
          format: 'cloudformation',
          file: 'stack.json',
          line: 4,
          tagsLine: 7,
          tagTarget: 'tags',
          tags: { CostCenter: null, Team: 'data' },
          origins: {
            CostCenter: { line: 8, source: 'resource' },
            Team: { line: 10, source: 'resource' },
          },
        },
      ],
      errors: [],
      notices: [],
    });
  });

  test('Resources: {} yields nothing and no error', async () => {
    expect(await extractInline('Resources: {}\n')).toEqual({
      resources: [],
      errors: [],
      notices: [],
    });
  });
});

test('a key listed twice in one Tags list is unresolved, naming both lines', async () => {
  const template = lines(
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      Tags:',
    '        - Key: env',
    '          Value: Prod',
    '        - Key: env',
    '          Value: prod',
  );
  const resource = resourceNamed(await extractInline(template), 'Bucket');
  expect(resource.unresolved).toBe(
    'Tags lists the key env twice (lines 6 and 8), which CloudFormation rejects when the ' +
      'stack is deployed',
  );
});
