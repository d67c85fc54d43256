import { describe, expect, test } from 'vitest';
import { resourcesOf, summary, type Summary } from './helpers.js';

interface Row {
  readonly name: string;
  readonly source: string;
  readonly expected: readonly Summary[];
}

const rows: Row[] = [
  {
    name: 'an Estimator with tags= is a training job with those tags',
    source: `from sagemaker.estimator import Estimator

est = Estimator(
    image_uri="img",
    role="arn:aws:iam::1:role/r",
    instance_type="ml.g5.xlarge",
    tags=[{"Key": "CostCenter", "Value": "cc-ml"}, {"Key": "Model", "Value": "nutri"}],
)
est.fit({"train": "s3://b/train"})
`,
    expected: [
      {
        address: 'train.py:3:sagemaker.Estimator',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 'cc-ml', Model: 'nutri' },
      },
    ],
  },
  {
    name: 'a framework estimator through the module (sagemaker.pytorch.PyTorch) without tags',
    source: `import sagemaker.pytorch

est = sagemaker.pytorch.PyTorch(entry_point="train.py", instance_type="ml.p3.2xlarge")
`,
    expected: [
      {
        address: 'train.py:3:sagemaker.PyTorch',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
      },
    ],
  },
  {
    name: 'a processor is a processing job',
    source: `from sagemaker.sklearn.processing import SKLearnProcessor

SKLearnProcessor(framework_version="1.2-1", instance_type="ml.m5.xlarge", tags=[{"Key": "CostCenter", "Value": "p"}])
`,
    expected: [
      {
        address: 'train.py:3:sagemaker.SKLearnProcessor',
        type: 'aws:sagemaker:create_processing_job',
        tags: { CostCenter: 'p' },
      },
    ],
  },
  {
    name: 'tags as a plain dict are accepted, as the SDK allows',
    source: `from sagemaker.estimator import Estimator

Estimator(image_uri="i", tags={"CostCenter": "cc"})
`,
    expected: [
      {
        address: 'train.py:3:sagemaker.Estimator',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 'cc' },
      },
    ],
  },
  {
    name: 'a model deploy(tags=) is an endpoint with those tags',
    source: `from sagemaker.model import Model

model = Model(image_uri="img", model_data="s3://b/m.tar.gz", role="r")
model.deploy(
    initial_instance_count=1,
    instance_type="ml.g5.xlarge",
    tags=[{"Key": "CostCenter", "Value": "serve"}],
)
`,
    expected: [
      {
        address: 'train.py:4:sagemaker.Model.deploy',
        type: 'aws:sagemaker:create_endpoint',
        tags: { CostCenter: 'serve' },
      },
    ],
  },
  {
    name: 'an estimator deploy() without tags is an endpoint without tags',
    source: `from sagemaker.huggingface import HuggingFace

est = HuggingFace(entry_point="t.py", tags=[{"Key": "CostCenter", "Value": "t"}])
est.fit()
predictor = est.deploy(initial_instance_count=1, instance_type="ml.g5.2xlarge")
`,
    expected: [
      {
        address: 'train.py:3:sagemaker.HuggingFace',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 't' },
      },
      {
        address: 'train.py:5:sagemaker.HuggingFace.deploy',
        type: 'aws:sagemaker:create_endpoint',
        tags: {},
      },
    ],
  },
  {
    name: 'deploy() on an estimator handed in, in a file that uses SageMaker',
    source: `import sagemaker

def serve(estimator):
    return estimator.deploy(1, "ml.m5.xlarge", tags=[{"Key": "CostCenter", "Value": "x"}])
`,
    expected: [
      {
        address: 'train.py:4:sagemaker.deploy',
        type: 'aws:sagemaker:create_endpoint',
        tags: { CostCenter: 'x' },
      },
    ],
  },
  {
    name: 'an Estimator class of some other library is not SageMaker',
    source: `from sklearn.base import Estimator
import sagemaker

Estimator(tags=[])
`,
    expected: [],
  },
  {
    name: 'tags=**-splatted from a dict built elsewhere are unresolved',
    source: `from sagemaker.estimator import Estimator
from config import ESTIMATOR_ARGS

Estimator(image_uri="i", **ESTIMATOR_ARGS)
`,
    expected: [
      {
        address: 'train.py:4:sagemaker.Estimator',
        type: 'aws:sagemaker:create_training_job',
        tags: {},
        unresolved: 'tags come from `**ESTIMATOR_ARGS`',
      },
    ],
  },
  {
    name: 'a dict of settings built in the same scope and splatted is resolved',
    source: `from sagemaker.estimator import Estimator

settings = dict(image_uri="i", tags=[{"Key": "CostCenter", "Value": "s"}])
Estimator(**settings)
`,
    expected: [
      {
        address: 'train.py:4:sagemaker.Estimator',
        type: 'aws:sagemaker:create_training_job',
        tags: { CostCenter: 's' },
      },
    ],
  },
];

describe('SageMaker Python SDK', () => {
  test.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const resources = await resourcesOf('train.py', row.source);
    expect(resources.map(summary)).toEqual(row.expected);
  });
});
