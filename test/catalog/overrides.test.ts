import { describe, expect, test } from 'vitest';
import { cloudFormationTypes } from '../../src/catalog/cloudformation.js';
import { describeType } from '../../src/catalog/index.js';
import { costOverrideEntryCount, costOverrides } from '../../src/catalog/overrides.js';
import { terraformTypes } from '../../src/catalog/terraform.js';
import type { SourceFormat } from '../../src/model.js';

const knownTypes = new Set([...terraformTypes(), ...cloudFormationTypes()]);

function formatOf(type: string): SourceFormat {
  return type.includes('::') ? 'cloudformation' : 'terraform';
}

describe('cost overrides', () => {
  test('every override names a type the catalog lists', () => {
    const strays = [...costOverrides.keys()].filter((type) => !knownTypes.has(type));
    expect(strays).toEqual([]);
  });

  test('no type is listed twice', () => {
    expect(costOverrides.size).toBe(costOverrideEntryCount);
  });

  test.each([...costOverrides.entries()])('%s follows its override', (type, override) => {
    const facts = describeType(formatOf(type), '', type);
    expect(facts.known).toBe(true);
    expect(facts.costBearing).toBe(override.costBearing);
    expect(override.reason.length).toBeGreaterThan(10);
  });

  test.each<[string, boolean]>([
    ['aws_sagemaker_endpoint', true],
    ['aws_sagemaker_training_job', true],
    ['aws_sagemaker_notebook_instance', true],
    ['aws_sagemaker_domain', true],
    ['AWS::SageMaker::ProcessingJob', true],
    ['aws_bedrock_inference_profile', true],
    ['aws_bedrockagent_agent', true],
    ['aws_bedrockagent_knowledge_base', true],
    ['google_vertex_ai_index', true],
    ['google_workbench_instance', true],
    ['azurerm_machine_learning_workspace', true],
    ['azurerm_machine_learning_compute_instance', true],
    ['azurerm_cognitive_account', true],
    ['aws_kendra_index', true],
    ['aws_opensearchserverless_collection', true],
    ['aws_sagemaker_endpoint_configuration', false],
    ['AWS::SageMaker::EndpointConfig', false],
    ['azurerm_machine_learning_datastore_blobstorage', false],
  ])('AI/ML type %s is classified (cost-bearing %s)', (type, expected) => {
    expect(costOverrides.get(type)?.costBearing).toBe(expected);
  });
});
