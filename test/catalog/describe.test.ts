import { describe, expect, test } from 'vitest';
import {
  cloudFormationTagProperty,
  describeType,
  supportsDefaultTags,
  terraformTagAttribute,
  type TypeFacts,
} from '../../src/catalog/index.js';
import type { SourceFormat } from '../../src/model.js';

const KNOWN_COST: TypeFacts = { known: true, taggable: true, costBearing: true };
const KNOWN_FREE: TypeFacts = { known: true, taggable: true, costBearing: false };
const NOT_TAGGABLE: TypeFacts = { known: true, taggable: false, costBearing: false };
const UNKNOWN: TypeFacts = { known: false, taggable: true, costBearing: true };

describe('describeType', () => {
  test.each<[string, SourceFormat, string, string, TypeFacts]>([
    ['an EC2 instance is taggable and priced', 'terraform', 'aws', 'aws_instance', KNOWN_COST],
    [
      'a plan resource is looked up like source',
      'terraform-plan',
      'aws',
      'aws_instance',
      KNOWN_COST,
    ],
    ['a VPC is taggable but free', 'terraform', 'aws', 'aws_vpc', KNOWN_FREE],
    ['an IAM role is taggable but free', 'terraform', 'aws', 'aws_iam_role', KNOWN_FREE],
    ['a route cannot be tagged', 'terraform', 'aws', 'aws_route', NOT_TAGGABLE],
    [
      'a policy attachment cannot be tagged',
      'terraform',
      'aws',
      'aws_iam_role_policy_attachment',
      NOT_TAGGABLE,
    ],
    [
      'a data source name is not a resource',
      'terraform',
      'aws',
      'aws_iam_policy_document',
      UNKNOWN,
    ],
    ['a very new aws type is checked', 'terraform', 'aws', 'aws_made_up_service_thing', UNKNOWN],
    ['a GCE instance is priced', 'terraform', 'google', 'google_compute_instance', KNOWN_COST],
    [
      'a GCP service account cannot be labelled',
      'terraform',
      'google',
      'google_service_account',
      NOT_TAGGABLE,
    ],
    ['an Azure VM is priced', 'terraform', 'azurerm', 'azurerm_linux_virtual_machine', KNOWN_COST],
    ['an Azure subnet cannot be tagged', 'terraform', 'azurerm', 'azurerm_subnet', NOT_TAGGABLE],
    [
      'a SageMaker endpoint is cost-bearing by override',
      'terraform',
      'aws',
      'aws_sagemaker_endpoint',
      KNOWN_COST,
    ],
    [
      'a SageMaker model is free by override',
      'terraform',
      'aws',
      'aws_sagemaker_model',
      KNOWN_FREE,
    ],
    [
      'Bedrock provisioned throughput costs',
      'terraform',
      'aws',
      'aws_bedrock_provisioned_model_throughput',
      KNOWN_COST,
    ],
    ['a Vertex AI endpoint costs', 'terraform', 'google', 'google_vertex_ai_endpoint', KNOWN_COST],
    [
      'an Azure ML workspace costs despite Infracost',
      'terraform',
      'azurerm',
      'azurerm_machine_learning_workspace',
      KNOWN_COST,
    ],
    ['an EKS node group is priced', 'terraform', 'aws', 'aws_eks_node_group', KNOWN_COST],
    [
      'an unknown taggable type with unknown cost costs',
      'terraform',
      'aws',
      'aws_emr_cluster',
      KNOWN_COST,
    ],
    ['a random id is neither', 'terraform', 'random', 'random_id', NOT_TAGGABLE],
    ['a null resource is neither', 'terraform', 'null', 'null_resource', NOT_TAGGABLE],
    [
      'a type of an unknown provider is checked',
      'terraform',
      'datadog',
      'datadog_monitor',
      UNKNOWN,
    ],
    [
      'a CloudFormation instance is priced',
      'cloudformation',
      'aws',
      'AWS::EC2::Instance',
      KNOWN_COST,
    ],
    ['a CloudFormation VPC is free', 'cloudformation', 'aws', 'AWS::EC2::VPC', KNOWN_FREE],
    ['a SAM function is priced', 'cloudformation', 'aws', 'AWS::Serverless::Function', KNOWN_COST],
    [
      'a SAM layer cannot be tagged',
      'cloudformation',
      'aws',
      'AWS::Serverless::LayerVersion',
      NOT_TAGGABLE,
    ],
    [
      'a CloudFormation SageMaker endpoint costs',
      'cloudformation',
      'aws',
      'AWS::SageMaker::Endpoint',
      KNOWN_COST,
    ],
    [
      'a third-party registry type is checked',
      'cloudformation',
      'aws',
      'Consoto::Network::VPC',
      UNKNOWN,
    ],
    ['a future AWS type is checked', 'cloudformation', 'aws', 'AWS::NewService::Thing', UNKNOWN],
    [
      'a future SAM type is taggable',
      'cloudformation',
      'aws',
      'AWS::Serverless::Future',
      KNOWN_COST,
    ],
    [
      'a custom resource is neither',
      'cloudformation',
      'aws',
      'Custom::CertificateWaiter',
      NOT_TAGGABLE,
    ],
    ['a Deployment is checked', 'kubernetes', 'kubernetes', 'Deployment', KNOWN_COST],
    [
      'a conditional Service the extractor emitted is checked',
      'kubernetes',
      'kubernetes',
      'Service',
      KNOWN_COST,
    ],
    [
      'a kind outside the table that was emitted is checked',
      'kubernetes',
      'kubernetes',
      'FlinkDeployment',
      UNKNOWN,
    ],
    ['an SDK call site is checked', 'sdk', 'openai', 'openai.chat.completions.create', KNOWN_COST],
  ])('%s', (_name, format, provider, type, expected) => {
    expect(describeType(format, provider, type)).toEqual(expected);
  });
});

describe('terraformTagAttribute', () => {
  test.each<[string, string | undefined]>([
    ['aws_instance', 'tags'],
    ['aws_autoscaling_group', 'tag'],
    ['aws_route', undefined],
    ['google_compute_instance', 'labels'],
    ['google_container_cluster', 'resource_labels'],
    ['google_sql_database_instance', 'settings.user_labels'],
    ['google_container_node_pool', 'node_config.resource_labels'],
    ['google_service_account', undefined],
    ['azurerm_resource_group', 'tags'],
    ['azurerm_subnet', undefined],
    ['aws_made_up_service_thing', 'tags'],
    ['google_made_up_thing', 'labels'],
    ['datadog_monitor', 'tags'],
    ['random_id', undefined],
  ])('%s -> %s', (type, expected) => {
    expect(terraformTagAttribute(type)).toBe(expected);
  });
});

describe('supportsDefaultTags', () => {
  test.each<[string, boolean]>([
    ['aws_instance', true],
    ['aws_autoscaling_group', false],
    ['aws_route', false],
    ['google_compute_instance', true],
    ['google_container_node_pool', false],
    ['azurerm_resource_group', false],
    ['aws_made_up_service_thing', true],
    ['azurerm_made_up_thing', false],
    ['datadog_monitor', false],
  ])('%s -> %s', (type, expected) => {
    expect(supportsDefaultTags(type)).toBe(expected);
  });
});

describe('cloudFormationTagProperty', () => {
  test.each<[string, ReturnType<typeof cloudFormationTagProperty>]>([
    ['AWS::EC2::Instance', { property: 'Tags', form: 'list' }],
    ['AWS::EKS::Nodegroup', { property: 'Tags', form: 'map' }],
    ['AWS::AutoScaling::AutoScalingGroup', { property: 'Tags', form: 'asg-list' }],
    ['AWS::Cognito::UserPool', { property: 'UserPoolTags', form: 'map' }],
    ['AWS::EFS::FileSystem', { property: 'FileSystemTags', form: 'list' }],
    ['AWS::DynamoDB::GlobalTable', { property: 'Replicas/*/Tags', form: 'other' }],
    ['AWS::EC2::CapacityReservation', { property: 'TagSpecifications/*/Tags', form: 'other' }],
    ['AWS::Serverless::Function', { property: 'Tags', form: 'map' }],
    ['AWS::Serverless::Api', { property: 'Tags', form: 'map' }],
    ['AWS::Serverless::Future', { property: 'Tags', form: 'map' }],
    ['AWS::IAM::Policy', undefined],
    ['AWS::EC2::LaunchTemplate', undefined],
    ['Alexa::ASK::Skill', undefined],
    ['Custom::CertificateWaiter', undefined],
    ['Consoto::Network::VPC', { property: 'Tags', form: 'list' }],
    ['AWS::NewService::Thing', { property: 'Tags', form: 'list' }],
  ])('%s', (type, expected) => {
    expect(cloudFormationTagProperty(type)).toEqual(expected);
  });
});
