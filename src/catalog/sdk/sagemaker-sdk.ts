import type { SageMakerClass, SageMakerRole } from './types.js';

const classes = (role: SageMakerRole, names: readonly string[]): SageMakerClass[] =>
  names.map((name) => ({ name, role }));

/**
 * Classes of the SageMaker Python SDK, by what using them creates. An estimator, processor,
 * tuner or transformer takes `tags=` when it is constructed and creates a job later
 * (`fit()`, `run()`, `transform()`); a model takes its tags in `deploy(tags=...)`.
 */
export const sageMakerClasses: readonly SageMakerClass[] = [
  ...classes('estimator', [
    'Estimator',
    'Framework',
    'PyTorch',
    'TensorFlow',
    'HuggingFace',
    'SKLearn',
    'XGBoost',
    'MXNet',
    'Chainer',
    'RLEstimator',
    'AlgorithmEstimator',
    'JumpStartEstimator',
    'KMeans',
    'PCA',
    'LinearLearner',
    'FactorizationMachines',
    'NTM',
    'LDA',
    'RandomCutForest',
    'KNN',
    'IPInsights',
    'Object2Vec',
  ]),
  ...classes('processor', [
    'Processor',
    'ScriptProcessor',
    'FrameworkProcessor',
    'SKLearnProcessor',
    'PySparkProcessor',
    'SparkJarProcessor',
    'PyTorchProcessor',
    'TensorFlowProcessor',
    'HuggingFaceProcessor',
    'XGBoostProcessor',
    'MXNetProcessor',
  ]),
  ...classes('tuner', ['HyperparameterTuner']),
  ...classes('transformer', ['Transformer']),
  ...classes('model', [
    'Model',
    'FrameworkModel',
    'PyTorchModel',
    'TensorFlowModel',
    'HuggingFaceModel',
    'SKLearnModel',
    'XGBoostModel',
    'MXNetModel',
    'ChainerModel',
    'JumpStartModel',
    'ModelPackage',
  ]),
];

/** The API operation behind each role, which gives the emitted resource its type. */
export const sageMakerOperationByRole: Readonly<Record<SageMakerRole, string>> = {
  estimator: 'CreateTrainingJob',
  processor: 'CreateProcessingJob',
  tuner: 'CreateHyperParameterTuningJob',
  transformer: 'CreateTransformJob',
  model: 'CreateEndpoint',
};

/** Methods of SageMaker SDK objects that return another SDK object with a `deploy()`. */
export const sageMakerModelFactories: readonly string[] = ['attach', 'create_model', 'register'];
