/**
 * Valid inputs of every format the scan reads, small but touching the features each extractor
 * follows (default tags, modules, count and for_each, intrinsics, SAM globals, pod templates,
 * kustomize labels, SDK calls with tags). The fuzz suites mutate them.
 */

export const TERRAFORM = `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      CostCenter = "cc-1"
    }
  }
}

locals {
  common = { Environment = var.env, Team = "data" }
  names  = ["a", "b"]
}

variable "env" {
  type    = string
  default = "prod"
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-123"
  instance_type = "t3.micro"
  tags          = merge(local.common, { Name = "web-\${count.index}" })
}

resource "aws_s3_bucket" "logs" {
  for_each = toset(local.names)
  bucket   = "logs-\${each.key}"
  tags = {
    Environment = lookup(local.common, "Environment", "staging")
    Team        = each.value
  }
}

module "app" {
  source = "./modules/app"
  tags   = { CostCenter = "cc-2", Environment = "staging" }
}

resource "aws_autoscaling_group" "workers" {
  max_size = 2
  min_size = 1
  tag {
    key                 = "Environment"
    value               = "prod"
    propagate_at_launch = true
  }
}
`;

export const TERRAFORM_MODULE = `variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_db_instance" "db" {
  instance_class = "db.t3.micro"
  tags           = var.tags
}
`;

export const TERRAFORM_JSON = `{
  "resource": {
    "aws_instance": {
      "api": {
        "ami": "ami-1",
        "tags": { "CostCenter": "cc-1", "Environment": "prod" }
      }
    },
    "aws_ebs_volume": {
      "data": [{ "size": 10, "tags": { "Environment": "\${var.env}" } }]
    }
  },
  "variable": { "env": { "default": "staging" } }
}
`;

export const TERRAFORM_PLAN = `{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_instance.web[0]",
          "mode": "managed",
          "type": "aws_instance",
          "name": "web",
          "index": 0,
          "provider_name": "registry.terraform.io/hashicorp/aws",
          "values": { "tags": { "CostCenter": "cc" }, "tags_all": { "CostCenter": "cc", "Environment": "prod" } }
        }
      ],
      "child_modules": [
        {
          "address": "module.app",
          "resources": [
            {
              "address": "module.app.aws_s3_bucket.b",
              "mode": "managed",
              "type": "aws_s3_bucket",
              "name": "b",
              "provider_name": "registry.terraform.io/hashicorp/aws",
              "values": { "tags": null }
            }
          ]
        }
      ]
    }
  },
  "resource_changes": [
    { "address": "aws_instance.web[0]", "type": "aws_instance", "change": { "actions": ["create"], "after_unknown": { "tags_all": {} } } }
  ]
}
`;

export const CLOUDFORMATION_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Globals:
  Function:
    Tags:
      CostCenter: cc-1
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: Environment
          Value: !Ref Env
        - Key: Team
          Value: !Sub "\${Env}-team"
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags: !If
        - IsProd
        - [{ Key: CostCenter, Value: cc-2 }]
        - !Ref AWS::NoValue
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Tags:
        Environment: !FindInMap [Envs, !Ref Env, Name]
  Table:
    Type: AWS::DynamoDB::Table
    Metadata:
      aws:cdk:path: Stack/Table/Resource
    Properties:
      Tags: !GetAtt Bucket.Tags
`;

export const CLOUDFORMATION_JSON = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Tags": [
          { "Key": "CostCenter", "Value": { "Fn::Join": ["-", ["cc", { "Ref": "AWS::Region" }]] } },
          { "Key": "Environment", "Value": "prod" }
        ]
      }
    }
  }
}
`;

export const KUBERNETES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels:
    CostCenter: cc-1
spec:
  replicas: 2
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: &labels
        app: api
        Environment: prod
    spec:
      containers:
        - name: api
          image: example/api:1
          resources: { requests: { cpu: "1", memory: 1Gi } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels: *labels
spec:
  resources: { requests: { storage: 10Gi } }
---
apiVersion: v1
kind: Service
metadata:
  name: lb
spec:
  type: LoadBalancer
`;

export const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop
commonLabels:
  CostCenter: cc-9
labels:
  - pairs: { Team: data }
    includeTemplates: true
resources:
  - deployment.yaml
patches:
  - target: { kind: Deployment, name: api }
    patch: |-
      - op: add
        path: /metadata/labels/Environment
        value: staging
`;

export const PYTHON = `import boto3
from openai import OpenAI

ec2 = boto3.client("ec2", region_name="eu-west-1")
TAGS = [{"Key": "CostCenter", "Value": "cc-1"}]

def launch(env):
    ec2.run_instances(
        ImageId="ami-1",
        MinCount=1,
        MaxCount=1,
        TagSpecifications=[{"ResourceType": "instance", "Tags": TAGS + [{"Key": "Environment", "Value": env}]}],
    )
    s3 = boto3.resource("s3")
    s3.create_bucket(Bucket="b")

client = OpenAI()
client.chat.completions.create(model="gpt-4o", messages=[], metadata={"CostCenter": "cc-1"})
`;

export const TYPESCRIPT = `import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import Anthropic from '@anthropic-ai/sdk';

const ec2 = new EC2Client({ region: 'eu-west-1' });
const tags = [{ Key: 'CostCenter', Value: 'cc-1' }];

export async function launch(env: string): Promise<void> {
  await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-1',
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [...tags, { Key: 'Environment', Value: env }] }],
    }),
  );
  const anthropic = new Anthropic();
  await anthropic.messages.create({ model: 'claude-x', max_tokens: 10, messages: [] });
}
`;

/** Tokens that matter to each grammar: inserting them breaks or bends structure. */
export const HCL_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  '${',
  '%{',
  '}',
  '=',
  ',',
  '\n',
  '#',
  '//',
  '/*',
  '*/',
  '<<EOT\n',
  'EOT\n',
  'resource "aws_instance" "x" {',
  'tags = ',
  'count = ',
  'for_each = ',
  'merge(',
  'lookup(',
  'var.',
  'local.',
  'each.',
  'module.',
  '? :',
  'for k, v in ',
  '=>',
  '...',
  '\r\n',
  '\uFEFF',
  '\t',
  'null',
  'true',
  '1e400',
  '-',
  '\\',
];

export const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  'null',
  'true',
  '-0',
  '1e400',
  '"\\u0000"',
  '"\\ud800"',
  '\\',
  '\n',
  '\r\n',
  '\uFEFF',
  '{"Ref":',
  '{"Fn::If":',
  '"tags":',
  '"Tags":',
  '"${',
  '}"',
];

export const YAML_TOKENS = [
  '\n',
  '  ',
  '- ',
  ': ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&a ',
  '*a',
  '<<: *a',
  '!Ref ',
  '!Sub ',
  '!If ',
  '!GetAtt ',
  '!!binary ',
  '!!map ',
  '? ',
  '|-\n',
  '>\n',
  '#',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '\t',
  '\r\n',
  '\uFEFF',
  'kind: ',
  'labels:',
  'Tags:',
  'Key: ',
  'Value: ',
  '{{ .Values.x }}',
  'null',
  '~',
  '0x1',
  '1e400',
];

export const CODE_TOKENS = [
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '`',
  '${',
  '"""',
  '\n',
  '    ',
  ':',
  ',',
  '=',
  '=>',
  '...',
  '**',
  'def ',
  'async ',
  'await ',
  'lambda ',
  'class ',
  'import boto3\n',
  'from openai import OpenAI\n',
  'boto3.client("s3")',
  '.create_bucket(',
  'Tags=',
  'tags: ',
  'new ',
  'Command({',
  '\\',
  '#',
  '//',
  '/*',
  '\r\n',
  '\uFEFF',
];
