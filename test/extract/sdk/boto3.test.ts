import { describe, expect, test } from 'vitest';
import { extractInline, resourcesOf, summary, type Summary } from './helpers.js';

interface Row {
  readonly name: string;
  readonly source: string;
  readonly expected: readonly Summary[];
}

const ec2 = 'import boto3\n\nec2 = boto3.client("ec2")\n';

const rows: Row[] = [
  {
    name: 'run_instances takes the tags of the instance specification only',
    source: `${ec2}
ec2.run_instances(
    ImageId="ami-1",
    TagSpecifications=[
        {"ResourceType": "volume", "Tags": [{"Key": "Disk", "Value": "x"}]},
        {"ResourceType": "instance", "Tags": [{"Key": "CostCenter", "Value": "cc-1"}]},
    ],
)
`,
    expected: [
      {
        address: 'launch.py:5:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc-1' },
      },
    ],
  },
  {
    name: 'run_instances without TagSpecifications has no tags',
    source: `${ec2}ec2.run_instances(ImageId="ami-1", MinCount=1, MaxCount=1)\n`,
    expected: [
      { address: 'launch.py:4:ec2.run_instances', type: 'aws:ec2:run_instances', tags: {} },
    ],
  },
  {
    name: 'a tag list built earlier in the same function, then appended to, is resolved',
    source: `${ec2}
def launch(ami):
    tags = [{"Key": "CostCenter", "Value": "cc-1"}]
    tags.append({"Key": "Owner", "Value": "ml"})
    ec2.run_instances(ImageId=ami, TagSpecifications=[{"ResourceType": "instance", "Tags": tags}])
`,
    expected: [
      {
        address: 'launch.py:8:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc-1', Owner: 'ml' },
      },
    ],
  },
  {
    name: 'a shared tag list plus a literal one (list concatenation) is resolved',
    source: `${ec2}
TEAM = [{"Key": "CostCenter", "Value": "cc-1"}]
ec2.run_instances(
    ImageId="ami-1",
    TagSpecifications=[{"ResourceType": "instance", "Tags": TEAM + [{"Key": "Model", "Value": "m"}]}],
)
`,
    expected: [
      {
        address: 'launch.py:6:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc-1', Model: 'm' },
      },
    ],
  },
  {
    name: 'a tag value from a parameter is present with an unknown value',
    source: `${ec2}
def launch(ami, team):
    ec2.run_instances(
        ImageId=ami,
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Team", "Value": team}]}],
    )
`,
    expected: [
      {
        address: 'launch.py:6:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { Team: null },
      },
    ],
  },
  {
    name: 'create_tags on the created instance later in the same function adds its tags',
    source: `${ec2}
def launch(ami):
    response = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1)
    instance_id = response["Instances"][0]["InstanceId"]
    ec2.create_tags(Resources=[instance_id], Tags=[{"Key": "CostCenter", "Value": "cc-2"}])
`,
    expected: [
      {
        address: 'launch.py:6:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc-2' },
      },
    ],
  },
  {
    name: 'a name derived from the result in two steps still names the instance',
    source: `${ec2}
def launch(ami):
    response = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1)
    instance = response["Instances"][0]
    instance_id = instance["InstanceId"]
    ec2.create_tags(Resources=[instance_id], Tags=[{"Key": "CostCenter", "Value": "cc-2"}])
`,
    expected: [
      {
        address: 'launch.py:6:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc-2' },
      },
    ],
  },
  {
    name: 'a name set in a nested function or passed as a keyword does not name the instance',
    source: `${ec2}
def launch(ami):
    response = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1)
    def later():
        instance_id = response["Instances"][0]["InstanceId"]
    log(instance=response, same=instance_id == response)
    ec2.create_tags(Resources=[instance_id, instance], Tags=[{"Key": "CostCenter", "Value": "cc"}])
`,
    expected: [
      { address: 'launch.py:6:ec2.run_instances', type: 'aws:ec2:run_instances', tags: {} },
    ],
  },
  {
    name: 'a result kept as a parameter default is followed to the tagging call',
    source: `${ec2}
def launch(resp=ec2.run_instances(ImageId="a", MinCount=1, MaxCount=1)):
    ec2.create_tags(Resources=[resp["Instances"][0]["InstanceId"]], Tags=[{"Key": "CostCenter", "Value": "cc"}])
`,
    expected: [
      {
        address: 'launch.py:5:ec2.run_instances',
        type: 'aws:ec2:run_instances',
        tags: { CostCenter: 'cc' },
      },
    ],
  },
  {
    name: 'a result passed as a keyword argument is not kept under the keyword',
    source: `${ec2}
def launch():
    log(resp=ec2.run_instances(ImageId="a", MinCount=1, MaxCount=1))
    ec2.create_tags(Resources=[resp], Tags=[{"Key": "CostCenter", "Value": "cc"}])
`,
    expected: [
      { address: 'launch.py:6:ec2.run_instances', type: 'aws:ec2:run_instances', tags: {} },
    ],
  },
  {
    name: 'create_tags on some other resource does not count',
    source: `${ec2}
def launch(ami, other_id):
    ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1)
    ec2.create_tags(Resources=[other_id], Tags=[{"Key": "CostCenter", "Value": "cc-2"}])
`,
    expected: [
      { address: 'launch.py:6:ec2.run_instances', type: 'aws:ec2:run_instances', tags: {} },
    ],
  },
  {
    name: 'create_tags in another function does not count',
    source: `${ec2}
def launch(ami):
    return ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1)

def tag(response):
    ec2.create_tags(Resources=[response], Tags=[{"Key": "CostCenter", "Value": "cc-2"}])
`,
    expected: [
      { address: 'launch.py:6:ec2.run_instances', type: 'aws:ec2:run_instances', tags: {} },
    ],
  },
  {
    name: 'SageMaker create_training_job reads Tags as a Key/Value list',
    source: `import boto3

sm = boto3.client("sagemaker")
sm.create_training_job(
    TrainingJobName="train-1",
    Tags=[{"Key": "CostCenter", "Value": "cc-3"}, {"Key": "Model", "Value": "nutri-v2"}],
)
`,
    expected: [
      {
        address: 'launch.py:4:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 'cc-3', Model: 'nutri-v2' },
      },
    ],
  },
  {
    name: 'SageMaker create_endpoint, then add_tags on its ARN, in the same function',
    source: `import boto3

def deploy(name):
    sm = boto3.client("sagemaker")
    endpoint = sm.create_endpoint(EndpointName=name, EndpointConfigName=name)
    sm.add_tags(ResourceArn=endpoint["EndpointArn"], Tags=[{"Key": "CostCenter", "Value": "cc"}])
`,
    expected: [
      {
        address: 'launch.py:5:sagemaker.create_endpoint',
        type: 'aws:sagemaker:create_endpoint',
        tags: { CostCenter: 'cc' },
      },
    ],
  },
  {
    name: 'SageMaker create_notebook_instance without Tags',
    source: `import boto3

boto3.client("sagemaker").create_notebook_instance(NotebookInstanceName="nb", InstanceType="ml.t3.medium")
`,
    expected: [
      {
        address: 'launch.py:3:sagemaker.create_notebook_instance',
        type: 'aws:sagemaker:create_notebook_instance',
        tags: {},
      },
    ],
  },
  {
    name: 'Lambda create_function reads Tags as a map',
    source: `import boto3

lam = boto3.client("lambda")
lam.create_function(FunctionName="f", Runtime="python3.12", Tags={"CostCenter": "cc-4"})
`,
    expected: [
      {
        address: 'launch.py:4:lambda.create_function',
        type: 'aws:lambda:create_function',
        tags: { CostCenter: 'cc-4' },
      },
    ],
  },
  {
    name: 'RDS create_db_instance on a client whose construction is not visible, by its name',
    source: `import boto3

def create(rds_client, name):
    rds_client.create_db_instance(DBInstanceIdentifier=name, Tags=[{"Key": "CostCenter", "Value": "db"}])
`,
    expected: [
      {
        address: 'launch.py:4:rds.create_db_instance',
        type: 'aws:rds:create_db_instance',
        tags: { CostCenter: 'db' },
      },
    ],
  },
  {
    name: 'RDS create_db_snapshot is a billed snapshot with its own Tags',
    source: `import boto3

boto3.client("rds").create_db_snapshot(DBSnapshotIdentifier="s", DBInstanceIdentifier="db")
`,
    expected: [
      {
        address: 'launch.py:3:rds.create_db_snapshot',
        type: 'aws:rds:create_db_snapshot',
        tags: {},
      },
    ],
  },
  {
    name: 'S3 create_bucket takes no tags; a later put_bucket_tagging on the same bucket counts',
    source: `import boto3

def make(bucket_name):
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=bucket_name)
    s3.put_bucket_tagging(
        Bucket=bucket_name,
        Tagging={"TagSet": [{"Key": "CostCenter", "Value": "cc-5"}]},
    )
`,
    expected: [
      {
        address: 'launch.py:5:s3.create_bucket',
        type: 'aws:s3:create_bucket',
        tags: { CostCenter: 'cc-5' },
      },
    ],
  },
  {
    name: 'S3 put_bucket_tagging on another bucket does not count',
    source: `import boto3

s3 = boto3.client("s3")
s3.create_bucket(Bucket="data")
s3.put_bucket_tagging(Bucket="logs", Tagging={"TagSet": [{"Key": "CostCenter", "Value": "x"}]})
`,
    expected: [{ address: 'launch.py:4:s3.create_bucket', type: 'aws:s3:create_bucket', tags: {} }],
  },
  {
    name: 'a boto3 resource object: s3.Bucket(name).create()',
    source: `import boto3

s3 = boto3.resource("s3")
s3.Bucket("data").create()
`,
    expected: [{ address: 'launch.py:4:s3.create_bucket', type: 'aws:s3:create_bucket', tags: {} }],
  },
  {
    name: 'a client kept on self in __init__ and used in a method',
    source: `import boto3

class Launcher:
    def __init__(self):
        self.sm = boto3.client("sagemaker")

    def train(self, name):
        self.sm.create_training_job(TrainingJobName=name, Tags=[{"Key": "CostCenter", "Value": "c"}])
`,
    expected: [
      {
        address: 'launch.py:8:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 'c' },
      },
    ],
  },
  {
    name: 'a method of the same name on something that is not an AWS client is ignored',
    source: `import boto3

class Fake:
    def run_instances(self, **kw):
        return kw

Fake().run_instances(ImageId="x")
`,
    expected: [],
  },
];

const unknownRows: Row[] = [
  {
    name: '**kwargs into the request: tags may be inside, so unresolved',
    source: `import boto3

def train(name, **kwargs):
    boto3.client("sagemaker").create_training_job(TrainingJobName=name, **kwargs)
`,
    expected: [
      {
        address: 'launch.py:4:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
        unresolved: 'tags come from `**kwargs`',
      },
    ],
  },
  {
    name: '**kwargs after literal Tags: the literal tags are kept and the rest is unknown',
    source: `import boto3

def train(name, **kwargs):
    boto3.client("sagemaker").create_training_job(
        TrainingJobName=name, Tags=[{"Key": "CostCenter", "Value": "c"}], **kwargs
    )
`,
    expected: [
      {
        address: 'launch.py:4:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 'c' },
      },
    ],
  },
  {
    name: 'Tags from a parameter are unresolved, with the parameter named',
    source: `import boto3

def train(name, tags):
    boto3.client("sagemaker").create_training_job(TrainingJobName=name, Tags=tags)
`,
    expected: [
      {
        address: 'launch.py:4:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
        unresolved: 'tags come from the parameter `tags` of `train`',
      },
    ],
  },
  {
    name: 'Tags from an imported constant are unresolved',
    source: `import boto3
from settings import TAGS

boto3.client("lambda").create_function(FunctionName="f", Tags=TAGS)
`,
    expected: [
      {
        address: 'launch.py:4:lambda.create_function',
        type: 'aws:lambda:create_function',
        tags: {},
        unresolved: 'tags come from `TAGS`, imported from `settings`',
      },
    ],
  },
  {
    name: 'a tag list extended from elsewhere is unresolved at the line of the change',
    source: `import boto3
from settings import EXTRA

tags = [{"Key": "CostCenter", "Value": "c"}]
tags.extend(EXTRA)
boto3.client("sagemaker").create_training_job(TrainingJobName="t", Tags=tags)
`,
    expected: [
      {
        address: 'launch.py:6:sagemaker.create_training_job',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 'c' },
        unresolved: 'tags come from a change to `tags` at line 5',
      },
    ],
  },
];

describe('boto3 clients', () => {
  test.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const resources = await resourcesOf('launch.py', row.source);
    expect(resources.map(summary)).toEqual(row.expected);
  });
});

describe('boto3 requests whose tags cannot be known', () => {
  test.each(unknownRows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const resources = await resourcesOf('launch.py', row.source);
    expect(resources.map(summary)).toEqual(row.expected);
  });
});

test('a tag whose value is None is judged as empty: it sets no value', async () => {
  const text = [
    'import boto3',
    'sm = boto3.client("sagemaker")',
    'sm.create_endpoint(EndpointName="e", EndpointConfigName="c",',
    '                   Tags=[{"Key": "Owner", "Value": None}, {"Key": "Team", "Value": "ml"}])',
    '',
  ].join('\n');
  const [resource] = (await extractInline({ 'serve.py': text })).resources;
  expect(resource?.tags).toEqual({ Owner: '', Team: 'ml' });
  expect(resource?.unresolved).toBeUndefined();
});
