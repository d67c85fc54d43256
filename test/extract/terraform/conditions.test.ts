import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { check } from '../../../src/engine/check.js';
import type { Finding, TagVariant } from '../../../src/model.js';
import { loadPolicyText } from '../../../src/policy/load.js';
import { extractInline, only } from './helpers.js';

/**
 * Conditionals whose condition is not known before `terraform plan`: each branch is read on
 * its own (a variant) and judged, as a CloudFormation `Fn::If` is.
 */

interface VariantRow {
  readonly name: string;
  readonly main: string;
  readonly address: string;
  readonly tags: Readonly<Record<string, string | null>>;
  /** `undefined` when the resource must carry no variants. */
  readonly variants: readonly TagVariant[] | undefined;
}

const FLAG = 'variable "flag" {\n  type = bool\n}\n';

const variantRows: readonly VariantRow[] = [
  {
    name: 'a conditional value inside a map',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = { Environment = var.flag ? "prod" : "Prod", Team = "ml" }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { Environment: null, Team: 'ml' },
    variants: [
      { condition: 'var.flag is true', tags: { Environment: 'prod', Team: 'ml' } },
      { condition: 'var.flag is false', tags: { Environment: 'Prod', Team: 'ml' } },
    ],
  },
  {
    name: 'a whole-map conditional: each branch has its own keys',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = var.flag ? { A = "1" } : { B = "2" }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { A: null, B: null },
    variants: [
      { condition: 'var.flag is true', tags: { A: '1' } },
      { condition: 'var.flag is false', tags: { B: '2' } },
    ],
  },
  {
    name: 'a conditional in a local is assumed through the local, with a negated comparison',
    main: `variable "env" {}
locals {
  team = !(var.env == "prod") ? { Team = "ML" } : { Team = "ml" }
}
resource "aws_s3_bucket" "b" {
  tags = merge(local.team, { Environment = "prod" })
}
`,
    address: 'aws_s3_bucket.b',
    tags: { Team: null, Environment: 'prod' },
    variants: [
      {
        condition: '!(var.env == "prod") is true',
        tags: { Team: 'ML', Environment: 'prod' },
      },
      {
        condition: '!(var.env == "prod") is false',
        tags: { Team: 'ml', Environment: 'prod' },
      },
    ],
  },
  {
    name: 'the same condition written twice is one condition: two variants, not four',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = { A = var.flag ? "x" : "y", B = var.flag ? "p" : "q" }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { A: null, B: null },
    variants: [
      { condition: 'var.flag is true', tags: { A: 'x', B: 'p' } },
      { condition: 'var.flag is false', tags: { A: 'y', B: 'q' } },
    ],
  },
  {
    name: 'branches that give the same tags make no variants',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = { A = var.flag ? "x" : "x" }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { A: 'x' },
    variants: undefined,
  },
  {
    name: 'a branch that is itself unknown: no variants, differing values stay unknown',
    main: `${FLAG}variable "extra" {}
resource "aws_s3_bucket" "b" {
  tags = var.flag ? var.extra : { A = "1" }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { A: null },
    variants: undefined,
  },
  {
    name: 'more than three conditions: no variants (at most eight readings per resource)',
    main: `variable "a" {}
variable "b" {}
variable "c" {}
variable "d" {}
resource "aws_s3_bucket" "b" {
  tags = {
    A = var.a ? "1" : "2"
    B = var.b ? "1" : "2"
    C = var.c ? "1" : "2"
    D = var.d ? "1" : "2"
  }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { A: null, B: null, C: null, D: null },
    variants: undefined,
  },
  {
    name: 'provider default tags are part of every variant',
    main: `${FLAG}provider "aws" {
  default_tags {
    tags = { Owner = "ops" }
  }
}
resource "aws_s3_bucket" "b" {
  tags = { Environment = var.flag ? "prod" : "dev" }
}
`,
    address: 'aws_s3_bucket.b',
    tags: { Owner: 'ops', Environment: null },
    variants: [
      { condition: 'var.flag is true', tags: { Owner: 'ops', Environment: 'prod' } },
      { condition: 'var.flag is false', tags: { Owner: 'ops', Environment: 'dev' } },
    ],
  },
];

describe('terraform extractor: unknown conditions give variants', () => {
  test.each(variantRows)('$name', async ({ main, address, tags, variants }) => {
    const extraction = await extractInline({ 'main.tf': main });
    const resource = only(extraction, address);

    expect(extraction.errors).toEqual([]);
    expect(resource.tags).toEqual(tags);
    expect(resource.variants).toEqual(variants);
  });
});

const POLICY = `version: 1
resources: taggable
tags:
  Environment: { required: true, values: [prod, staging] }
`;

const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function findingsFor(main: string): Promise<readonly Finding[]> {
  const root = await mkdtemp(join(tmpdir(), 'openclaw-tf-conditions-'));
  roots.push(root);
  await writeFile(join(root, 'main.tf'), main);
  const policy = loadPolicyText(POLICY, 'policy.yaml');
  const report = await check({ paths: ['.'], cwd: root, policy, failOn: 'error' });
  expect(report.errors).toEqual([]);
  return report.findings;
}

interface FindingRow {
  readonly name: string;
  readonly main: string;
  readonly expected: readonly Finding[];
}

const findingRows: readonly FindingRow[] = [
  {
    name: 'the invalid branch of a value is reported, naming the condition',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = { Environment = var.flag ? "prod" : "Prod" }
}
`,
    expected: [
      {
        rule: 'invalid-value',
        severity: 'error',
        resource: 'aws_s3_bucket.b',
        file: 'main.tf',
        line: 5,
        key: 'Environment',
        message:
          'aws_s3_bucket.b tag Environment = "Prod" is not an allowed value when var.flag is ' +
          'false (did you mean prod?); allowed: prod, staging',
        fix: 'set tag Environment = "prod"',
      },
    ],
  },
  {
    name: 'a whole-map branch without a required key is reported for that branch only',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = var.flag ? { Environment = "prod" } : { Owner = "me" }
}
`,
    expected: [
      {
        rule: 'missing-tag',
        severity: 'error',
        resource: 'aws_s3_bucket.b',
        file: 'main.tf',
        line: 5,
        key: 'Environment',
        message:
          'aws_s3_bucket.b has no tag Environment when var.flag is false; add it to the tags ' +
          'at main.tf:5',
        fix: 'add tag Environment = "<one of: prod, staging>"',
      },
    ],
  },
  {
    name: 'both branches valid: no finding',
    main: `${FLAG}resource "aws_s3_bucket" "b" {
  tags = { Environment = var.flag ? "prod" : "staging" }
}
`,
    expected: [],
  },
];

describe('check on Terraform: each branch of an unknown condition is judged', () => {
  test.each(findingRows)('$name', async ({ main, expected }) => {
    expect(await findingsFor(main)).toEqual(expected);
  });
});
