import { describe, expect, test } from 'vitest';
import { splitByBase } from '../../src/action/baseline.js';
import type { Finding } from '../../src/model.js';

function finding(resource: string, key: string | null, more: Partial<Finding> = {}): Finding {
  return {
    rule: 'missing-tag',
    severity: 'error',
    resource,
    file: 'main.tf',
    line: 1,
    key,
    message: `${resource} has no tag ${key}`,
    fix: null,
    ...more,
  };
}

describe('splitByBase', () => {
  test.each([
    {
      name: 'a finding the base had is existing, even on another line and file',
      head: [finding('aws_s3_bucket.a', 'Owner', { line: 40, file: 'storage.tf' })],
      base: [finding('aws_s3_bucket.a', 'Owner', { line: 3 })],
      added: [],
      existing: ['aws_s3_bucket.a Owner'],
    },
    {
      name: 'another key on the same resource is new',
      head: [finding('aws_s3_bucket.a', 'Owner'), finding('aws_s3_bucket.a', 'Project')],
      base: [finding('aws_s3_bucket.a', 'Owner')],
      added: ['aws_s3_bucket.a Project'],
      existing: ['aws_s3_bucket.a Owner'],
    },
    {
      name: 'another rule on the same resource and key is new',
      head: [finding('aws_s3_bucket.a', 'Env', { rule: 'invalid-value' })],
      base: [finding('aws_s3_bucket.a', 'Env')],
      added: ['aws_s3_bucket.a Env'],
      existing: [],
    },
    {
      name: 'a renamed resource is new',
      head: [finding('aws_s3_bucket.b', 'Owner')],
      base: [finding('aws_s3_bucket.a', 'Owner')],
      added: ['aws_s3_bucket.b Owner'],
      existing: [],
    },
    {
      name: 'matches are counted: one base finding covers one head finding',
      head: [finding('Deployment/default/web', null), finding('Deployment/default/web', null)],
      base: [finding('Deployment/default/web', null)],
      added: ['Deployment/default/web null'],
      existing: ['Deployment/default/web null'],
    },
    {
      name: 'no base findings: everything is new',
      head: [finding('r', 'k')],
      base: [],
      added: ['r k'],
      existing: [],
    },
  ])('$name', ({ head, base, added, existing }) => {
    const split = splitByBase(head, base);
    const names = (list: readonly Finding[]) => list.map((f) => `${f.resource} ${f.key}`);
    expect(names(split.added)).toEqual(added);
    expect(names(split.existing)).toEqual(existing);
  });
});
