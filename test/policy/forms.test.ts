import { describe, expect, test } from 'vitest';
import { derivedForm, normalizeKey, providerForm } from '../../src/policy/forms.js';
import { editDistance, nearest } from '../../src/policy/nearest.js';

describe('normalizeKey', () => {
  test.each([
    ['CostCenter', 'costcenter'],
    ['cost_center', 'costcenter'],
    ['Cost-Center', 'costcenter'],
    ['cost.center', 'costcenter'],
    ['cost:center', 'costcenter'],
    ['Cost Center', 'costcenter'],
    ['app.kubernetes.io/name', 'appkubernetesio/name'],
  ])('%s normalizes to %s', (key, normalized) => {
    expect(normalizeKey(key)).toBe(normalized);
  });
});

describe('derivedForm', () => {
  test.each([
    ['GCP turns camel case into snake_case', 'CostCenter', 'google', 'cost_center'],
    ['GCP keeps runs of capitals together', 'HTTPPort', 'google', 'http_port'],
    [
      'GCP replaces other separators',
      'app.kubernetes.io/name',
      'google-beta',
      'app_kubernetes_io_name',
    ],
    ['GCP splits digits off', 'ModelVersion2', 'google', 'model_version_2'],
    ['Kubernetes keeps a valid label key', 'CostCenter', 'kubernetes', 'CostCenter'],
    ['Kubernetes keeps a prefixed key', 'corp.org/department', 'kubernetes', 'corp.org/department'],
    ['Kubernetes turns an invalid key into kebab-case', 'Cost Center', 'kubernetes', 'cost-center'],
    ['AWS keeps the key as written', 'Cost Center', 'aws', 'Cost Center'],
    ['an unknown provider keeps the key as written', 'CostCenter', 'openai', 'CostCenter'],
  ])('%s: %s on %s is %s', (_name, key, provider, form) => {
    expect(derivedForm(key, provider)).toBe(form);
  });

  test('an explicit form is used for its provider and for the provider family', () => {
    const rule = { key: 'CostCenter', forms: { google: 'cc', azurerm: 'cost-center' } };
    expect(providerForm(rule, 'google')).toBe('cc');
    expect(providerForm(rule, 'google-beta')).toBe('cc');
    expect(providerForm(rule, 'azurerm')).toBe('cost-center');
    expect(providerForm(rule, 'kubernetes')).toBe('CostCenter');
  });
});

describe('nearest', () => {
  test.each([
    ['a case-only difference wins', 'Prod', ['staging', 'prod'], 'prod'],
    ['a swap of two letters is one edit', 'tgas', ['version', 'tags'], 'tags'],
    ['one missing letter is close', 'requird', ['required', 'requires'], 'required'],
    ['a distant word gets no suggestion', 'qa', ['prod', 'staging'], undefined],
  ])('%s', (_name, word, candidates, expected) => {
    expect(nearest(word, candidates)).toBe(expected);
  });

  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
  ])('editDistance(%j, %j) is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
