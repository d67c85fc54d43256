import { describe, expect, test } from 'vitest';
import { cloudFormationTypeFacts, cloudFormationTypes } from '../../src/catalog/cloudformation.js';
import { kubernetesKindNames } from '../../src/catalog/kubernetes.js';
import { terraformTypeFacts, terraformTypes } from '../../src/catalog/terraform.js';

// Row counts of the catalog the data was generated from (docs/catalog.md); a mismatch means the
// generated modules and their parser disagree about the row layout.
describe('generated catalog tables', () => {
  test.each([
    ['aws_', 1703],
    ['google_', 1466],
    ['azurerm_', 1156],
  ])('Terraform rows starting with %s', (prefix, count) => {
    expect(terraformTypes().filter((type) => type.startsWith(prefix))).toHaveLength(count);
  });

  test('CloudFormation rows', () => {
    expect(cloudFormationTypes()).toHaveLength(1632);
  });

  test('Kubernetes rows', () => {
    expect(kubernetesKindNames()).toHaveLength(33);
  });

  test.each([
    ['aws_instance', { tagAttribute: 'tags', defaultTags: true, cost: 'yes' }],
    ['aws_vpc', { tagAttribute: 'tags', defaultTags: true, cost: 'no' }],
    ['aws_sagemaker_endpoint', { tagAttribute: 'tags', defaultTags: true, cost: 'unknown' }],
    ['aws_cloudwatch_log_group', { tagAttribute: 'tags', defaultTags: true, cost: 'yes' }],
    ['google_cloud_run_service', { tagAttribute: 'metadata.labels', defaultTags: true }],
    ['azurerm_netapp_volume_group_sap_hana', { tagAttribute: 'volume.tags', defaultTags: false }],
    ['azurerm_cosmosdb_account', { tagAttribute: 'tags', cost: 'yes' }],
  ])('Terraform row %s', (type, expected) => {
    expect(terraformTypeFacts(type)).toMatchObject(expected);
  });

  test.each([
    ['AMZN::SDC::Deployment', { tagProperty: undefined, cost: 'unknown' }],
    ['AWS::ACMPCA::CertificateAuthority', { tagProperty: { property: 'Tags' }, cost: 'yes' }],
    ['AWS::Backup::BackupVault', { tagProperty: { property: 'BackupVaultTags', form: 'map' } }],
  ])('CloudFormation row %s', (type, expected) => {
    expect(cloudFormationTypeFacts(type)).toMatchObject(expected);
  });
});
