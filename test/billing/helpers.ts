import { join } from 'node:path';
import { loadPolicyText } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';

/** The policy the billing tests run under: the keys of the AI nutrition app's story. */
export const testPolicy: Policy = loadPolicyText(
  [
    'version: 1',
    'resources: cost-bearing',
    'tags:',
    '  Project: { required: true }',
    '  Environment: { required: true, values: [prod, staging] }',
    '  CostCenter: { required: true }',
    '  Model: {}',
    '',
  ].join('\n'),
  'test-policy.yaml',
);

/** Path of a fixture file. */
export function fixture(name: string): string {
  return join(import.meta.dirname, 'fixtures', name);
}

/** The fixed ingest time of the tests. */
export const NOW = new Date('2026-12-01T06:00:00Z');
