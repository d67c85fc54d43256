/**
 * Hand-made cost decisions that take precedence over the catalog tables. The tables take cost
 * from Infracost, which prices few AI/ML services: SageMaker, Bedrock, Vertex AI and most Azure
 * ML types are `unknown` there. An `unknown` type that can be tagged already counts as
 * cost-bearing, so the entries below matter where the answer differs from that default:
 *
 * - `billed` entries pin the types that make up AI/ML spend (and a few others that Infracost
 *   calls free although their tags reach the bill), whatever the table says;
 * - `free` entries name taggable types known to create no spend of their own: configuration,
 *   definitions and metadata whose work is billed on another resource.
 *
 * Keys are exact type names: Terraform (`aws_sagemaker_endpoint`) and CloudFormation
 * (`AWS::SageMaker::Endpoint`) names cannot collide. A test checks that every key is a type the
 * catalog knows, so a typo here fails the build instead of silently doing nothing.
 */

/** One hand-made cost decision and the reason for it, shown in docs/catalog.md. */
export interface CostOverride {
  readonly costBearing: boolean;
  readonly reason: string;
}

type Entry = readonly [type: string, override: CostOverride];

function billed(reason: string, types: readonly string[]): Entry[] {
  return types.map((type) => [type, { costBearing: true, reason }]);
}

function free(reason: string, types: readonly string[]): Entry[] {
  return types.map((type) => [type, { costBearing: false, reason }]);
}

const entries: readonly Entry[] = [
  // SageMaker
  ...billed('SageMaker bills instance hours for hosting, notebooks, jobs and clusters', [
    'aws_sagemaker_endpoint',
    'aws_sagemaker_notebook_instance',
    'aws_sagemaker_training_job',
    'aws_sagemaker_hyper_parameter_tuning_job',
    'aws_sagemaker_monitoring_schedule',
    'AWS::SageMaker::Endpoint',
    'AWS::SageMaker::InferenceComponent',
    'AWS::SageMaker::InferenceExperiment',
    'AWS::SageMaker::NotebookInstance',
    'AWS::SageMaker::ProcessingJob',
    'AWS::SageMaker::Cluster',
    'AWS::SageMaker::MonitoringSchedule',
  ]),
  ...billed('SageMaker Studio bills app instances, space storage and the domain home volume', [
    'aws_sagemaker_app',
    'aws_sagemaker_space',
    'aws_sagemaker_domain',
    'AWS::SageMaker::App',
    'AWS::SageMaker::Space',
    'AWS::SageMaker::Domain',
  ]),
  ...billed('SageMaker bills managed MLflow servers, feature store use and labeling per item', [
    'aws_sagemaker_mlflow_tracking_server',
    'aws_sagemaker_mlflow_app',
    'aws_sagemaker_feature_group',
    'aws_sagemaker_labeling_job',
    'AWS::SageMaker::MlflowTrackingServer',
    'AWS::SageMaker::MlflowApp',
    'AWS::SageMaker::FeatureGroup',
    'AWS::SageMaker::PartnerApp',
  ]),
  ...free('SageMaker definitions and metadata: the endpoints and jobs that use them are billed', [
    'aws_sagemaker_model',
    'aws_sagemaker_endpoint_configuration',
    'aws_sagemaker_code_repository',
    'aws_sagemaker_image',
    'aws_sagemaker_app_image_config',
    'aws_sagemaker_studio_lifecycle_config',
    'aws_sagemaker_notebook_instance_lifecycle_configuration',
    'aws_sagemaker_model_package_group',
    'aws_sagemaker_model_card',
    'aws_sagemaker_human_task_ui',
    'aws_sagemaker_data_quality_job_definition',
    'aws_sagemaker_pipeline',
    'aws_sagemaker_project',
    'AWS::SageMaker::Model',
    'AWS::SageMaker::EndpointConfig',
    'AWS::SageMaker::CodeRepository',
    'AWS::SageMaker::Image',
    'AWS::SageMaker::AppImageConfig',
    'AWS::SageMaker::StudioLifecycleConfig',
    'AWS::SageMaker::ModelPackage',
    'AWS::SageMaker::ModelPackageGroup',
    'AWS::SageMaker::ModelCard',
    'AWS::SageMaker::DataQualityJobDefinition',
    'AWS::SageMaker::ModelBiasJobDefinition',
    'AWS::SageMaker::ModelExplainabilityJobDefinition',
    'AWS::SageMaker::ModelQualityJobDefinition',
    'AWS::SageMaker::Pipeline',
    'AWS::SageMaker::Project',
  ]),

  // Bedrock and Bedrock AgentCore
  ...billed('Bedrock bills provisioned throughput hourly and attributes invocations to profiles', [
    'aws_bedrock_provisioned_model_throughput',
    'aws_bedrock_inference_profile',
    'AWS::Bedrock::ApplicationInferenceProfile',
  ]),
  ...billed('Bedrock bills custom model storage, evaluations, agents, flows and guardrails', [
    'aws_bedrock_custom_model',
    'aws_bedrock_evaluation_job',
    'aws_bedrock_guardrail',
    'aws_bedrockagent_agent',
    'aws_bedrockagent_agent_alias',
    'aws_bedrockagent_flow',
    'aws_bedrockagent_knowledge_base',
    'AWS::Bedrock::Agent',
    'AWS::Bedrock::AgentAlias',
    'AWS::Bedrock::Flow',
    'AWS::Bedrock::Guardrail',
    'AWS::Bedrock::KnowledgeBase',
    'AWS::Bedrock::DataAutomationProject',
    'AWS::Bedrock::IntelligentPromptRouter',
  ]),
  ...billed('AgentCore bills runtime, browser, code interpreter, memory and gateway use', [
    'aws_bedrockagentcore_agent_runtime',
    'aws_bedrockagentcore_agent_runtime_endpoint',
    'aws_bedrockagentcore_browser',
    'aws_bedrockagentcore_code_interpreter',
    'aws_bedrockagentcore_memory',
    'aws_bedrockagentcore_gateway',
    'AWS::BedrockAgentCore::Runtime',
    'AWS::BedrockAgentCore::RuntimeEndpoint',
    'AWS::BedrockAgentCore::BrowserCustom',
    'AWS::BedrockAgentCore::CodeInterpreterCustom',
    'AWS::BedrockAgentCore::Memory',
    'AWS::BedrockAgentCore::Gateway',
  ]),

  // Search and language services used by AI applications
  ...billed('Kendra, OpenSearch Serverless and Comprehend bill capacity hours and models', [
    'aws_kendra_index',
    'aws_kendra_data_source',
    'aws_opensearchserverless_collection',
    'aws_comprehend_document_classifier',
    'aws_comprehend_entity_recognizer',
    'AWS::Kendra::Index',
    'AWS::Kendra::DataSource',
    'AWS::OpenSearchServerless::Collection',
    'AWS::Comprehend::DocumentClassifier',
    'AWS::Comprehend::Flywheel',
  ]),
  ...free('Kendra FAQs, thesauri and block lists are stored in an index that is billed', [
    'aws_kendra_faq',
    'aws_kendra_thesaurus',
    'aws_kendra_query_suggestions_block_list',
    'AWS::Kendra::Faq',
  ]),

  // Vertex AI and GCP accelerators
  ...billed('Vertex AI bills serving nodes, index nodes, online stores and managed runtimes', [
    'google_vertex_ai_endpoint',
    'google_vertex_ai_index',
    'google_vertex_ai_index_endpoint',
    'google_vertex_ai_deployment_resource_pool',
    'google_vertex_ai_featurestore',
    'google_vertex_ai_feature_online_store',
    'google_vertex_ai_persistent_resource',
    'google_vertex_ai_reasoning_engine',
    'google_vertex_ai_tensorboard',
  ]),
  ...billed('Notebook, Workbench and Colab runtimes and TPU VMs bill machine hours', [
    'google_workbench_instance',
    'google_notebooks_instance',
    'google_notebooks_runtime',
    'google_colab_runtime',
    'google_tpu_v2_vm',
    'google_tpu_node',
  ]),
  ...free('Vertex AI metadata: its storage and serving are billed on the parent store', [
    'google_vertex_ai_featurestore_entitytype_feature',
    'google_vertex_ai_feature_group_feature',
    'google_vertex_ai_tensorboard_experiment',
    'google_vertex_ai_tensorboard_run',
    'google_colab_runtime_template',
  ]),
  ...billed('GCP billing exports carry every project label on every row of the project', [
    'google_project',
  ]),

  // Azure Machine Learning, AI Foundry and Cognitive Services
  ...billed('Azure ML and AI Foundry report serverless compute and endpoint use on the workspace', [
    'azurerm_machine_learning_workspace',
    'azurerm_ai_foundry',
    'azurerm_ai_foundry_project',
  ]),
  ...billed('Azure ML compute and Cognitive Services accounts bill per node hour or per call', [
    'azurerm_machine_learning_compute_cluster',
    'azurerm_machine_learning_compute_instance',
    'azurerm_machine_learning_inference_cluster',
    'azurerm_cognitive_account',
  ]),
  ...free('Azure ML datastores and attached Spark pools point at resources billed elsewhere', [
    'azurerm_machine_learning_datastore_blobstorage',
    'azurerm_machine_learning_datastore_datalake_gen2',
    'azurerm_machine_learning_datastore_fileshare',
    'azurerm_machine_learning_synapse_spark',
  ]),
  ...free('Azure OpenAI content filters and block lists are configuration of a billed account', [
    'azurerm_cognitive_account_rai_policy',
    'azurerm_cognitive_account_rai_blocklist',
  ]),
  ...billed('Cost Management tag inheritance applies resource group tags to the usage inside', [
    'azurerm_resource_group',
  ]),
];

/** Hand-made cost decisions by exact type name; they win over the catalog tables. */
export const costOverrides: ReadonlyMap<string, CostOverride> = new Map(entries);

/** Number of entries written, so a test can tell a type listed twice from a distinct one. */
export const costOverrideEntryCount = entries.length;
