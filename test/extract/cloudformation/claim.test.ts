import { describe, expect, test } from 'vitest';
import { cloudFormationExtractor } from '../../../src/extract/cloudformation/index.js';
import type { FileKind } from '../../../src/sources/discover.js';
import { lines } from './helpers.js';

function claims(file: string, kind: FileKind, text: string): boolean {
  return cloudFormationExtractor.claim({ absPath: `/repo/${file}`, file, kind }, text);
}

describe('which files are templates', () => {
  test.each<[string, string, FileKind, string, boolean]>([
    [
      'YAML with AWSTemplateFormatVersion',
      'stack.yaml',
      'yaml',
      lines('AWSTemplateFormatVersion: "2010-09-09"', 'Description: empty'),
      true,
    ],
    [
      'YAML with only Resources and an AWS type',
      'stack.yml',
      'yaml',
      lines('Resources:', '  B:', '    Type: AWS::S3::Bucket'),
      true,
    ],
    [
      'a third-party type',
      'vpc.yaml',
      'yaml',
      lines('Resources:', '  V:', "    Type: 'Consoto::Network::VPC'"),
      true,
    ],
    [
      'the SAM transform alone',
      'template.yaml',
      'yaml',
      lines('Transform: AWS::Serverless-2016-10-31', 'Globals: {}'),
      true,
    ],
    [
      'a .template file in YAML',
      'ebs.template',
      'yaml',
      lines('Resources:', '  V:', '    Type: AWS::EC2::Volume'),
      true,
    ],
    [
      'a JSON template',
      'stack.json',
      'json',
      '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {}\n}\n',
      true,
    ],
    [
      'a CDK template without a version',
      'cdk.out/App.template.json',
      'json',
      '{\n "Resources": {\n  "B": {\n   "Type": "AWS::S3::Bucket"\n  }\n }\n}\n',
      true,
    ],
    ['Resources: {} with no type', 'empty.yaml', 'yaml', 'Resources: {}\n', false],
    [
      'a Kubernetes manifest',
      'deploy.yaml',
      'yaml',
      lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web'),
      false,
    ],
    [
      'a Kubernetes ConfigMap holding a template',
      'cm.yaml',
      'yaml',
      lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'data:',
        '  template.yaml: |',
        '    Resources:',
        '      B:',
        '        Type: AWS::S3::Bucket',
      ),
      false,
    ],
    [
      'a Terraform plan',
      'plan.json',
      'json',
      '{"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[' +
        '{"type":"aws_cloudformation_stack","change":{"after":{"template_body":' +
        '"{\\"Resources\\":{\\"B\\":{\\"Type\\":\\"AWS::S3::Bucket\\"}}}"}}}]}',
      false,
    ],
    [
      'Terraform JSON configuration',
      'main.tf.json',
      'json',
      '{"resource": {"aws_s3_bucket": {"b": {"tags": {"Type": "AWS::S3::Bucket"}}}}}',
      false,
    ],
    [
      'a Serverless Framework file (Resources nested under resources)',
      'serverless.yml',
      'yaml',
      lines('service: x', 'resources:', '  Resources:', '    B:', '      Type: AWS::S3::Bucket'),
      false,
    ],
    [
      'a GitHub workflow',
      'ci.yml',
      'yaml',
      lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest'),
      false,
    ],
    [
      'code that mentions a template',
      'app.ts',
      'code',
      "const t = { AWSTemplateFormatVersion: '2010-09-09' };\n",
      false,
    ],
  ])('%s', (_name, file, kind, text, expected) => {
    expect(claims(file, kind, text)).toBe(expected);
  });
});
