import { describe, expect, test } from 'vitest';
import { resourcesOf, summary, type Summary } from './helpers.js';

interface Row {
  readonly name: string;
  readonly source: string;
  readonly expected: readonly Summary[];
}

const rows: Row[] = [
  {
    name: 'new RunInstancesCommand({...}) reads the instance TagSpecifications',
    source: `import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
await ec2.send(
  new RunInstancesCommand({
    ImageId: 'ami-1',
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'CostCenter', Value: 'cc' }] }],
  }),
);
`,
    expected: [
      {
        address: 'infra.ts:5:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc' },
      },
    ],
  },
  {
    name: 'a CreateTagsCommand on the launched instance in the same function counts',
    source: `import { EC2Client, RunInstancesCommand, CreateTagsCommand } from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
export async function launch(ami: string) {
  const data = await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1 }));
  const id = data.Instances?.[0]?.InstanceId;
  await ec2.send(new CreateTagsCommand({ Resources: [id!], Tags: [{ Key: 'CostCenter', Value: 'late' }] }));
}
`,
    expected: [
      {
        address: 'infra.ts:5:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'late' },
      },
    ],
  },
  {
    name: 'new CreateEndpointCommand with a request object built in the same scope',
    source: `import { SageMakerClient, CreateEndpointCommand } from '@aws-sdk/client-sagemaker';

const client = new SageMakerClient({ region: 'eu-west-1' });
const input = {
  EndpointName: 'nutri',
  EndpointConfigName: 'nutri-v2',
  Tags: [{ Key: 'CostCenter', Value: 'serve' }],
};
await client.send(new CreateEndpointCommand(input));
`,
    expected: [
      {
        address: 'infra.ts:9:sagemaker.create_endpoint',
        type: 'aws:sagemaker:create_endpoint',
        tags: { CostCenter: 'serve' },
      },
    ],
  },
  {
    name: 'CreateFunctionCommand reads Tags as a map; a CommonJS require works the same',
    source: `const { LambdaClient, CreateFunctionCommand } = require('@aws-sdk/client-lambda');

new LambdaClient({}).send(new CreateFunctionCommand({ FunctionName: 'f', Tags: { CostCenter: 'fn' } }));
`,
    expected: [
      {
        address: 'infra.js:3:lambda.create_function',
        type: 'aws:lambda:create_function',
        tags: { CostCenter: 'fn' },
      },
    ],
  },
  {
    name: 'S3 CreateBucketCommand, then PutBucketTaggingCommand on the same bucket',
    source: `import { S3Client, CreateBucketCommand, PutBucketTaggingCommand } from '@aws-sdk/client-s3';

export async function make(s3: S3Client, name: string) {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await s3.send(
    new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [{ Key: 'CostCenter', Value: 'b' }] } }),
  );
}
`,
    expected: [
      {
        address: 'infra.ts:4:s3.create_bucket',
        type: 'aws:s3:create_bucket',
        tags: { CostCenter: 'b' },
      },
    ],
  },
  {
    name: 'RDS CreateDBInstanceCommand without Tags',
    source: `import { RDSClient, CreateDBInstanceCommand } from '@aws-sdk/client-rds';

await new RDSClient({}).send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'db', DBInstanceClass: 'db.t4g.micro' }));
`,
    expected: [
      {
        address: 'infra.ts:3:rds.create_db_instance',
        type: 'aws:rds:create_db_instance',
        tags: {},
      },
    ],
  },
  {
    name: 'a spread of a request from elsewhere leaves the tags unresolved',
    source: `import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { base } from './settings';

new CreateTrainingJobCommand({ ...base, TrainingJobName: 'job' });
`,
    expected: [
      {
        address: 'infra.ts:4:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
        unresolved: 'tags come from `...base`',
      },
    ],
  },
  {
    name: 'a request that is a parameter leaves the tags unresolved',
    source: `import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';

export function command(request: object) {
  return new CreateTrainingJobCommand(request);
}
`,
    expected: [
      {
        address: 'infra.ts:4:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
        unresolved: 'tags come from the parameter `request` of `command`',
      },
    ],
  },
  {
    name: 'tags destructured with a default are unresolved, named as destructured',
    source: `import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';

export function command(options: { tags?: object[] }) {
  const { tags = [] } = options;
  return new CreateTrainingJobCommand({ TrainingJobName: 'job', Tags: tags });
}
`,
    expected: [
      {
        address: 'infra.ts:5:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
        unresolved: 'tags come from `tags`, destructured from `options`',
      },
    ],
  },
  {
    name: 'names derived through a typed declaration and a commented assignment still count',
    source: `import { EC2Client, RunInstancesCommand, CreateTagsCommand } from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
export async function launch(ami: string) {
  const data = await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1 }));
  const ids: Array<string>= [data.Instances?.[0]?.InstanceId ?? ''];
  let target;
  target/* the new instance */= ids;
  await ec2.send(new CreateTagsCommand({ Resources: target, Tags: [{ Key: 'CostCenter', Value: 'cc' }] }));
}
`,
    expected: [
      {
        address: 'infra.ts:5:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc' },
      },
    ],
  },
  {
    name: 'a result kept as a destructuring default is followed to the tagging command',
    source: `import { EC2Client, RunInstancesCommand, CreateTagsCommand } from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
export async function launch(options: { resp?: unknown }) {
  const { resp = await ec2.send(new RunInstancesCommand({ ImageId: 'a' })) } = options;
  await ec2.send(new CreateTagsCommand({ Resources: [resp.Instances[0].InstanceId], Tags: [{ Key: 'CostCenter', Value: 'cc' }] }));
}
`,
    expected: [
      {
        address: 'infra.ts:5:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc' },
      },
    ],
  },
  {
    name: 'a command imported under the name Command',
    source: `import { RunInstancesCommand as Command } from '@aws-sdk/client-ec2';

new Command({ ImageId: 'ami-1' });
`,
    expected: [
      { address: 'infra.ts:3:ec2.run_instances', type: 'aws:ec2:run_instances', tags: {} },
    ],
  },
  {
    name: 'a Command class that is not from an AWS SDK package is ignored',
    source: `import { RunInstancesCommand } from './local-commands';

new RunInstancesCommand({ ImageId: 'x' });
`,
    expected: [],
  },
];

describe('AWS SDK for JavaScript v3 commands', () => {
  test.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const file = row.source.includes('require(') ? 'infra.js' : 'infra.ts';
    const resources = await resourcesOf(file, row.source);
    expect(resources.map(summary)).toEqual(row.expected);
  });
});
