import { describe, expect, test } from 'vitest';
import {
  keyProblem,
  type ProviderFamily,
  providerFamily,
  valueProblem,
} from '../../src/policy/provider-keys.js';

const GCP_KEY =
  'keys must start with a lowercase letter and contain only lowercase letters, digits, _ and -';
const K8S_NAME =
  'the name part must start and end with a letter or digit and contain only letters, ' +
  'digits, -, _ and .';
const K8S_PREFIX =
  'the prefix before / must be a DNS subdomain (lowercase letters, digits, - and ., at most ' +
  '253 characters)';

describe('keyProblem', () => {
  test.each<[string, ProviderFamily, string, string | undefined]>([
    ['AWS accepts spaces and colons', 'aws', 'Cost Center:2', undefined],
    ['AWS reserves aws: in any case', 'aws', 'AWS:foo', 'the aws: prefix is reserved for AWS'],
    ['AWS accepts 128 characters', 'aws', 'k'.repeat(128), undefined],
    [
      'AWS refuses 129',
      'aws',
      'k'.repeat(129),
      'keys may have at most 128 characters; this one has 129',
    ],
    ['GCP accepts snake_case', 'google', 'cost_center-2', undefined],
    ['GCP accepts international lowercase', 'google', 'équipe', undefined],
    ['GCP refuses capitals', 'google', 'Team', GCP_KEY],
    ['GCP refuses a leading digit', 'google', '2team', GCP_KEY],
    [
      'GCP refuses 64 characters',
      'google',
      'k'.repeat(64),
      'keys may have at most 63 characters; this one has 64',
    ],
    ['Azure refuses a question mark', 'azure', 'team?', 'keys may not contain < > % & \\ ? or /'],
    ['Azure accepts 512 characters', 'azure', 'k'.repeat(512), undefined],
    ['Kubernetes accepts a prefixed name', 'kubernetes', 'app.kubernetes.io/name', undefined],
    ['Kubernetes accepts capitals in the name', 'kubernetes', 'CostCenter', undefined],
    ['Kubernetes refuses a trailing dot', 'kubernetes', 'team.', K8S_NAME],
    ['Kubernetes refuses an uppercase prefix', 'kubernetes', 'Corp.org/team', K8S_PREFIX],
    [
      'Kubernetes refuses an empty name',
      'kubernetes',
      'corp.org/',
      'the name part must have 1 to 63 characters; this one has 0',
    ],
    [
      'Kubernetes refuses a 64-character name',
      'kubernetes',
      'k'.repeat(64),
      'the name part must have 1 to 63 characters; this one has 64',
    ],
  ])('%s', (_name, family, key, problem) => {
    expect(keyProblem(family, key)).toBe(problem);
  });
});

describe('valueProblem', () => {
  test.each<[string, ProviderFamily, string, 'labels' | 'annotations', string | undefined]>([
    ['AWS accepts 256 characters', 'aws', 'v'.repeat(256), 'labels', undefined],
    [
      'Azure refuses 257',
      'azure',
      'v'.repeat(257),
      'labels',
      'values may have at most 256 characters; this one has 257',
    ],
    ['GCP accepts an empty value', 'google', '', 'labels', undefined],
    [
      'GCP refuses capitals',
      'google',
      'Prod',
      'labels',
      'values may contain only lowercase letters, digits, _ and -',
    ],
    ['Kubernetes accepts an empty label value', 'kubernetes', '', 'labels', undefined],
    [
      'Kubernetes leaves the syntax of label values to the API server',
      'kubernetes',
      'John Doe',
      'labels',
      undefined,
    ],
    [
      'Kubernetes refuses a 64-character label value',
      'kubernetes',
      'v'.repeat(64),
      'labels',
      'label values may have at most 63 characters; this one has 64',
    ],
    [
      'Kubernetes annotation values are free text',
      'kubernetes',
      'a b / c',
      'annotations',
      undefined,
    ],
  ])('%s', (_name, family, value, target, problem) => {
    expect(valueProblem(family, value, target)).toBe(problem);
  });
});

describe('providerFamily', () => {
  test.each([
    ['aws', 'aws'],
    ['awscc', 'aws'],
    ['google-beta', 'google'],
    ['azurerm', 'azure'],
    ['kubernetes', 'kubernetes'],
    ['openai', undefined],
  ])('%s belongs to %s', (provider, family) => {
    expect(providerFamily(provider)).toBe(family);
  });
});
