import { describe, expect, test } from 'vitest';
import type { Finding, JudgedResource } from '../../src/model.js';
import { hierarchy } from '../../src/rules/hierarchy.js';
import { bucket, finding, findingsOf } from './helpers.js';

const POLICY = `
version: 1
tags:
  Project: { values: [search, chat] }
  Model:
    severity: warning
    requires: [Project]
    values_by:
      Project: { search: [bert], chat: [llama, gpt] }
  ModelVersion: { requires: [Model] }
`;

interface Row {
  readonly name: string;
  readonly policy?: string;
  readonly resource: JudgedResource;
  readonly expected: readonly Finding[];
}

const rows: Row[] = [
  {
    name: 'a child without its parent is reported at the child, with the parent to add',
    resource: bucket({
      tagsLine: 3,
      tags: { Model: 'bert' },
      origins: { Model: { line: 4, source: 'resource' } },
    }),
    expected: [
      finding({
        rule: 'hierarchy',
        severity: 'warning',
        line: 4,
        key: 'Model',
        message:
          'aws_s3_bucket.logs has tag Model but no Project; the policy puts Model under ' +
          'Project, so add Project too',
        fix: 'add tag Project = "<one of: search, chat>"',
      }),
    ],
  },
  {
    name: 'a child written in another file (provider default tags) is reported in that file',
    resource: bucket({
      tagsLine: 3,
      tags: { Model: 'bert' },
      origins: { Model: { line: 7, file: 'providers.tf', source: 'provider aws default tags' } },
    }),
    expected: [
      finding({
        file: 'providers.tf',
        rule: 'hierarchy',
        severity: 'warning',
        line: 7,
        key: 'Model',
        message:
          'aws_s3_bucket.logs has tag Model but no Project; the policy puts Model under ' +
          'Project, so add Project too',
        fix: 'add tag Project = "<one of: search, chat>"',
      }),
    ],
  },
  {
    name: 'a child whose parent is present is fine',
    resource: bucket({ tagsLine: 3, tags: { Project: 'chat', Model: 'gpt' } }),
    expected: [],
  },
  {
    name: 'a parent with an unknown value or a near-miss spelling counts as present',
    resource: bucket({ tagsLine: 3, tags: { project: null, Model: null, ModelVersion: 'v1' } }),
    expected: [],
  },
  {
    name: 'a child value outside what the parent value allows gets the allowed list',
    resource: bucket({ tagsLine: 3, tags: { Project: 'search', Model: 'llama' } }),
    expected: [
      finding({
        rule: 'hierarchy',
        severity: 'warning',
        line: 3,
        key: 'Model',
        message:
          'aws_s3_bucket.logs tag Model = "llama" is not allowed under Project = "search"; ' +
          'allowed there: bert',
        fix: 'set tag Model = "bert"',
      }),
    ],
  },
  {
    name: 'a near-miss child value gets a did-you-mean',
    resource: bucket({ tagsLine: 3, tags: { Project: 'chat', Model: 'GPT' } }),
    expected: [
      finding({
        rule: 'hierarchy',
        severity: 'warning',
        line: 3,
        key: 'Model',
        message:
          'aws_s3_bucket.logs tag Model = "GPT" is not allowed under Project = "chat" ' +
          '(did you mean gpt?); allowed there: llama, gpt',
        fix: 'set tag Model = "gpt"',
      }),
    ],
  },
  {
    name: 'a parent value the policy does not list leaves the child unconstrained',
    resource: bucket({ tagsLine: 3, tags: { Project: 'ads', Model: 'anything' } }),
    expected: [],
  },
  {
    name: 'unknown child or parent values are not judged',
    resource: bucket({ tagsLine: 3, tags: { Project: null, Model: 'llama' } }),
    expected: [],
  },
  {
    name: 'a missing parent that is required is left to missing-tag',
    policy: 'version: 1\ntags:\n  Project: { required: true }\n  Model: { requires: [Project] }\n',
    resource: bucket({ tagsLine: 3, tags: { Model: 'bert' } }),
    expected: [],
  },
  {
    name: 'a missing parent is not reported when the tags are unresolved',
    resource: bucket({ tags: { Model: 'bert' }, unresolved: 'merge() with a module output' }),
    expected: [],
  },
  {
    name: 'each link of a chain is judged on its own',
    resource: bucket({ tagsLine: 3, tags: { ModelVersion: 'v1' } }),
    expected: [
      finding({
        rule: 'hierarchy',
        severity: 'error',
        line: 3,
        key: 'ModelVersion',
        message:
          'aws_s3_bucket.logs has tag ModelVersion but no Model; the policy puts ModelVersion ' +
          'under Model, so add Model too',
        fix: 'add tag Model = "<value>"',
      }),
    ],
  },
];

describe('hierarchy', () => {
  test.each(rows)('$name', ({ policy, resource, expected }) => {
    expect(findingsOf(hierarchy, policy ?? POLICY, resource)).toEqual(expected);
  });
});
