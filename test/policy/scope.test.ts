import { describe, expect, test } from 'vitest';
import { resourceInScope, type ScopedResource } from '../../src/policy/scope.js';
import type { Scope } from '../../src/policy/types.js';

const any: Scope = {
  resources: 'taggable',
  excludeTypes: [],
  providers: [],
  paths: [],
  excludePaths: [],
};

const instance: ScopedResource = {
  type: 'aws_instance',
  provider: 'aws',
  file: 'infra/ml/main.tf',
  costBearing: true,
  taggable: true,
};

interface Row {
  readonly name: string;
  readonly scope: Partial<Scope>;
  readonly resource?: Partial<ScopedResource>;
  readonly inScope: boolean;
}

const rows: Row[] = [
  { name: 'taggable covers a taggable resource', scope: {}, inScope: true },
  {
    name: 'taggable leaves out a resource that cannot carry tags',
    scope: {},
    resource: { taggable: false },
    inScope: false,
  },
  {
    name: 'cost-bearing covers a resource that costs money',
    scope: { resources: 'cost-bearing' },
    inScope: true,
  },
  {
    name: 'cost-bearing leaves out a taggable resource that costs nothing',
    scope: { resources: 'cost-bearing' },
    resource: { type: 'aws_iam_role', costBearing: false },
    inScope: false,
  },
  {
    name: 'a list of types covers a listed type',
    scope: { resources: ['aws_s3_bucket', 'aws_instance'] },
    inScope: true,
  },
  {
    name: 'a list of types leaves out other types, even cost-bearing ones',
    scope: { resources: ['aws_s3_bucket'] },
    inScope: false,
  },
  {
    name: 'a type glob covers the family it names',
    scope: { resources: ['AWS::SageMaker::*'] },
    resource: { type: 'AWS::SageMaker::Endpoint' },
    inScope: true,
  },
  {
    name: 'a type without glob characters matches only exactly',
    scope: { resources: ['aws_instanc'] },
    inScope: false,
  },
  {
    name: 'exclude_types takes a type out',
    scope: { excludeTypes: ['aws_instance'] },
    inScope: false,
  },
  {
    name: 'exclude_types globs take a family out',
    scope: { excludeTypes: ['aws_*'] },
    inScope: false,
  },
  {
    name: 'providers restrict to the listed ones',
    scope: { providers: ['google'] },
    inScope: false,
  },
  { name: 'a listed provider is covered', scope: { providers: ['google', 'aws'] }, inScope: true },
  { name: 'paths cover files under a ** glob', scope: { paths: ['infra/**'] }, inScope: true },
  { name: 'paths leave out other folders', scope: { paths: ['web/**'] }, inScope: false },
  {
    name: 'a path glob without a slash matches the file name in any folder',
    scope: { paths: ['*.tf'] },
    inScope: true,
  },
  { name: 'a leading ./ in a glob is ignored', scope: { paths: ['./infra/**'] }, inScope: true },
  {
    name: 'exclude_paths wins over paths',
    scope: { paths: ['infra/**'], excludePaths: ['infra/ml/**'] },
    inScope: false,
  },
  {
    name: 'hidden folders are matched like any other',
    scope: { excludePaths: ['**/.generated/**'] },
    resource: { file: 'infra/.generated/main.tf' },
    inScope: false,
  },
];

describe('resourceInScope', () => {
  test.each(rows)('$name', ({ scope, resource, inScope }) => {
    expect(resourceInScope({ ...any, ...scope }, { ...instance, ...resource })).toBe(inScope);
  });
});
