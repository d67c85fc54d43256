import type { AwsCreateOperation, AwsTaggingOperation, TagParameter } from './types.js';

const keyValueList: TagParameter = {
  path: ['Tags'],
  form: { kind: 'list', keyField: 'Key', valueField: 'Value' },
};

const lowerKeyValueList = (param: string): TagParameter => ({
  path: [param],
  form: { kind: 'list', keyField: 'key', valueField: 'value' },
});

const specifications = (resourceType: string): TagParameter => ({
  path: ['TagSpecifications'],
  form: { kind: 'specifications', resourceType },
});

function ec2(api: string, resourceType: string, costBearing: boolean): AwsCreateOperation {
  return {
    service: 'ec2',
    api,
    costBearing,
    tags: specifications(resourceType),
    distinctive: true,
  };
}

function sagemaker(api: string, identity: string, costBearing: boolean): AwsCreateOperation {
  const distinctive = !['CreateModel', 'CreateEndpoint', 'CreateDomain', 'CreateCluster'].includes(
    api,
  );
  return { service: 'sagemaker', api, costBearing, tags: keyValueList, identity, distinctive };
}

/**
 * AWS operations that create something, by service. Cost-bearing means the created thing is
 * billed while it exists or runs; the others are taggable plumbing (a VPC, a model record).
 */
export const awsCreateOperations: readonly AwsCreateOperation[] = [
  ec2('RunInstances', 'instance', true),
  ec2('CreateVolume', 'volume', true),
  ec2('CreateSnapshot', 'snapshot', true),
  ec2('CreateImage', 'image', true),
  ec2('CreateNatGateway', 'natgateway', true),
  ec2('CreateVpcEndpoint', 'vpc-endpoint', true),
  ec2('AllocateAddress', 'elastic-ip', true),
  ec2('RequestSpotInstances', 'spot-instances-request', true),
  ec2('CreateFleet', 'fleet', true),
  ec2('CreateVpc', 'vpc', false),
  ec2('CreateSubnet', 'subnet', false),
  ec2('CreateSecurityGroup', 'security-group', false),
  ec2('CreateInternetGateway', 'internet-gateway', false),
  ec2('CreateLaunchTemplate', 'launch-template', false),
  sagemaker('CreateTrainingJob', 'TrainingJobName', true),
  sagemaker('CreateProcessingJob', 'ProcessingJobName', true),
  sagemaker('CreateTransformJob', 'TransformJobName', true),
  sagemaker('CreateHyperParameterTuningJob', 'HyperParameterTuningJobName', true),
  sagemaker('CreateEndpoint', 'EndpointName', true),
  sagemaker('CreateInferenceComponent', 'InferenceComponentName', true),
  sagemaker('CreateNotebookInstance', 'NotebookInstanceName', true),
  sagemaker('CreateDomain', 'DomainName', true),
  sagemaker('CreateApp', 'AppName', true),
  sagemaker('CreateCluster', 'ClusterName', true),
  sagemaker('CreateCompilationJob', 'CompilationJobName', true),
  sagemaker('CreateLabelingJob', 'LabelingJobName', true),
  sagemaker('CreateEndpointConfig', 'EndpointConfigName', false),
  sagemaker('CreateModel', 'ModelName', false),
  {
    service: 'lambda',
    api: 'CreateFunction',
    costBearing: true,
    tags: { path: ['Tags'], form: { kind: 'map' } },
    identity: 'FunctionName',
  },
  {
    service: 'rds',
    api: 'CreateDBInstance',
    costBearing: true,
    tags: keyValueList,
    identity: 'DBInstanceIdentifier',
    distinctive: true,
  },
  {
    service: 'rds',
    api: 'CreateDBCluster',
    costBearing: true,
    tags: keyValueList,
    identity: 'DBClusterIdentifier',
    distinctive: true,
  },
  {
    service: 'rds',
    api: 'CreateDBSnapshot',
    costBearing: true,
    tags: keyValueList,
    identity: 'DBSnapshotIdentifier',
    distinctive: true,
  },
  {
    service: 'rds',
    api: 'CreateDBClusterSnapshot',
    costBearing: true,
    tags: keyValueList,
    identity: 'DBClusterSnapshotIdentifier',
    distinctive: true,
  },
  {
    service: 's3',
    api: 'CreateBucket',
    costBearing: true,
    tags: null,
    identity: 'Bucket',
    distinctive: true,
  },
  {
    service: 'dynamodb',
    api: 'CreateTable',
    costBearing: true,
    tags: keyValueList,
    identity: 'TableName',
  },
  {
    service: 'kms',
    api: 'CreateKey',
    costBearing: true,
    tags: { path: ['Tags'], form: { kind: 'list', keyField: 'TagKey', valueField: 'TagValue' } },
  },
  {
    service: 'bedrock',
    api: 'CreateProvisionedModelThroughput',
    costBearing: true,
    tags: lowerKeyValueList('tags'),
    identity: 'provisionedModelName',
    distinctive: true,
  },
  {
    service: 'bedrock',
    api: 'CreateModelCustomizationJob',
    costBearing: true,
    tags: lowerKeyValueList('jobTags'),
    identity: 'jobName',
    distinctive: true,
  },
  {
    service: 'bedrock',
    api: 'CreateModelInvocationJob',
    costBearing: true,
    tags: lowerKeyValueList('tags'),
    identity: 'jobName',
    distinctive: true,
  },
  {
    service: 'bedrock',
    api: 'CreateInferenceProfile',
    costBearing: false,
    tags: lowerKeyValueList('tags'),
    identity: 'inferenceProfileName',
    distinctive: true,
  },
  ...['InvokeModel', 'InvokeModelWithResponseStream'].map((api): AwsCreateOperation => ({
    service: 'bedrock-runtime',
    api,
    costBearing: true,
    tags: null,
    distinctive: true,
    invocation: { modelParam: 'modelId' },
  })),
  ...['Converse', 'ConverseStream'].map((api): AwsCreateOperation => ({
    service: 'bedrock-runtime',
    api,
    costBearing: true,
    tags: null,
    distinctive: true,
    invocation: { modelParam: 'modelId', metadataParam: 'requestMetadata' },
  })),
];

/** AWS operations that add tags to something an earlier call created. */
export const awsTaggingOperations: readonly AwsTaggingOperation[] = [
  { service: 'ec2', api: 'CreateTags', target: 'Resources', tags: keyValueList, distinctive: true },
  {
    service: 'sagemaker',
    api: 'AddTags',
    target: 'ResourceArn',
    tags: keyValueList,
    distinctive: true,
  },
  {
    service: 'lambda',
    api: 'TagResource',
    target: 'Resource',
    tags: { path: ['Tags'], form: { kind: 'map' } },
  },
  {
    service: 'rds',
    api: 'AddTagsToResource',
    target: 'ResourceName',
    tags: keyValueList,
    distinctive: true,
  },
  {
    service: 's3',
    api: 'PutBucketTagging',
    target: 'Bucket',
    distinctive: true,
    tags: {
      path: ['Tagging', 'TagSet'],
      form: { kind: 'list', keyField: 'Key', valueField: 'Value' },
    },
  },
  { service: 'dynamodb', api: 'TagResource', target: 'ResourceArn', tags: keyValueList },
  {
    service: 'kms',
    api: 'TagResource',
    target: 'KeyId',
    tags: { path: ['Tags'], form: { kind: 'list', keyField: 'TagKey', valueField: 'TagValue' } },
  },
  {
    service: 'bedrock',
    api: 'TagResource',
    target: 'resourceARN',
    tags: lowerKeyValueList('tags'),
  },
];

/**
 * Methods of boto3 resource objects that stand for a client operation:
 * `ec2.create_instances(...)` is `RunInstances`, `s3.Bucket(name).create()` is `CreateBucket`.
 */
export const boto3ResourceMethods: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ec2: {
    create_instances: 'RunInstances',
    create_volume: 'CreateVolume',
    create_vpc: 'CreateVpc',
    create_subnet: 'CreateSubnet',
    create_security_group: 'CreateSecurityGroup',
    create_internet_gateway: 'CreateInternetGateway',
    create_snapshot: 'CreateSnapshot',
  },
  s3: { create_bucket: 'CreateBucket' },
  dynamodb: { create_table: 'CreateTable' },
};

/** boto3 resource sub-objects whose `create()` method is a client operation. */
export const boto3ResourceObjects: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  s3: { Bucket: 'CreateBucket' },
};
