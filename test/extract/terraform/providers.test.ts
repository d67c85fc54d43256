import { describe, expect, test } from 'vitest';
import { extractInline, only, summary } from './helpers.js';

interface Case {
  readonly name: string;
  readonly hcl: string;
  readonly address: string;
  readonly expected: Record<string, unknown>;
}

const PROVIDERS = `provider "aws" {
  default_tags {
    tags = { Owner = "platform", Env = "prod" }
  }
}

provider "aws" {
  alias = "east"
  default_tags {
    tags = { "Region": "east" }
  }
}
`;

const cases: readonly Case[] = [
  {
    name: 'default tags apply under the resource tags, which win',
    hcl: `${PROVIDERS}
resource "aws_instance" "i" {
  tags = { Env = "dev" }
}
`,
    address: 'aws_instance.i',
    expected: { line: 14, tagsLine: 15, tags: { Owner: 'platform', Env: 'dev' } },
  },
  {
    name: 'an aliased provider brings its own default tags',
    hcl: `${PROVIDERS}
resource "aws_instance" "i" {
  provider = aws.east
}
`,
    address: 'aws_instance.i',
    expected: { line: 14, tagsLine: undefined, tags: { Region: 'east' } },
  },
  {
    name: 'provider = aws (no alias) is the default provider',
    hcl: `${PROVIDERS}
resource "aws_iam_user" "u" {
  provider = aws
}
`,
    address: 'aws_iam_user.u',
    expected: { line: 14, tagsLine: undefined, tags: { Owner: 'platform', Env: 'prod' } },
  },
  {
    name: 'a type that does not inherit default tags gets none (Auto Scaling groups)',
    hcl: `${PROVIDERS}
resource "aws_autoscaling_group" "g" {
  max_size = 1
}
`,
    address: 'aws_autoscaling_group.g',
    expected: { line: 14, tagsLine: undefined, tags: {} },
  },
  {
    name: 'an alias with no provider block in scope adds nothing',
    hcl: `resource "aws_instance" "i" {
  provider = aws.foo
}
`,
    address: 'aws_instance.i',
    expected: { line: 1, tagsLine: undefined, tags: {} },
  },
  {
    name: 'default tags that cannot be known make the resources using them unresolved',
    hcl: `variable "defaults" {}
provider "aws" {
  default_tags {
    tags = var.defaults
  }
}
resource "aws_instance" "i" {}
`,
    address: 'aws_instance.i',
    expected: {
      line: 7,
      tagsLine: undefined,
      tags: {},
      unresolved: 'default tags of provider aws: variable defaults has no default',
    },
  },
  {
    name: 'google default_labels apply to google resources',
    hcl: `provider "google" {
  default_labels = { team = "ml" }
}
resource "google_storage_bucket" "b" {
  labels = { app = "x" }
}
`,
    address: 'google_storage_bucket.b',
    expected: { line: 4, tagsLine: 5, tags: { team: 'ml', app: 'x' } },
  },
  {
    name: 'override_provider replaces the default tags for one resource',
    hcl: `${PROVIDERS}
resource "aws_s3_object" "o" {
  override_provider {
    default_tags {
      tags = {}
    }
  }
  tags = { Name = "o" }
}
`,
    address: 'aws_s3_object.o',
    expected: { line: 14, tagsLine: 20, tags: { Name: 'o' } },
  },
];

describe('terraform extractor: provider default tags', () => {
  test.each(cases)('$name', async ({ hcl, address, expected }) => {
    const extraction = await extractInline({ 'main.tf': hcl });
    expect(summary(only(extraction, address))).toEqual({ address, ...expected });
  });

  test('default tags origins point at the provider block', async () => {
    const extraction = await extractInline({
      'providers.tf': PROVIDERS,
      'main.tf': 'resource "aws_instance" "i" {}\n',
    });
    expect(only(extraction, 'aws_instance.i').origins).toEqual({
      Owner: { line: 3, file: 'providers.tf', source: 'provider aws default tags' },
      Env: { line: 3, file: 'providers.tf', source: 'provider aws default tags' },
    });
  });
});

describe('terraform extractor: count and for_each', () => {
  test.each([
    {
      name: 'for_each over a known map with per-instance tags gives one resource per key',
      hcl: `locals {
  buckets = { logs = "ops", data = "ml" }
}
resource "aws_s3_bucket" "b" {
  for_each = local.buckets
  tags     = { Team = each.value, Name = each.key }
}
`,
      expected: [
        {
          address: 'aws_s3_bucket.b["data"]',
          line: 4,
          tagsLine: 6,
          tags: { Team: 'ml', Name: 'data' },
        },
        {
          address: 'aws_s3_bucket.b["logs"]',
          line: 4,
          tagsLine: 6,
          tags: { Team: 'ops', Name: 'logs' },
        },
      ],
    },
    {
      name: 'for_each over a set of strings keys instances by the strings',
      hcl: `resource "aws_sqs_queue" "q" {
  for_each = toset(["a", "b"])
  tags     = { Name = each.value }
}
`,
      expected: [
        { address: 'aws_sqs_queue.q["a"]', line: 1, tagsLine: 3, tags: { Name: 'a' } },
        { address: 'aws_sqs_queue.q["b"]', line: 1, tagsLine: 3, tags: { Name: 'b' } },
      ],
    },
    {
      name: 'count with per-instance tags gives indexed instances',
      hcl: `resource "aws_instance" "i" {
  count = 2
  tags  = { Name = "web-\${count.index}" }
}
`,
      expected: [
        { address: 'aws_instance.i[0]', line: 1, tagsLine: 3, tags: { Name: 'web-0' } },
        { address: 'aws_instance.i[1]', line: 1, tagsLine: 3, tags: { Name: 'web-1' } },
      ],
    },
    {
      name: 'instances with the same tags are judged once, as the block',
      hcl: `resource "aws_instance" "i" {
  count = 3
  tags  = { Team = "a" }
}
`,
      expected: [{ address: 'aws_instance.i', line: 1, tagsLine: 3, tags: { Team: 'a' } }],
    },
    {
      name: 'each.value.tags from a known map of objects',
      hcl: `locals {
  subnets = { a = { tags = { zone = "a" } }, b = { tags = { zone = "b" } } }
}
resource "aws_subnet" "s" {
  for_each = local.subnets
  tags     = each.value.tags
}
`,
      expected: [
        { address: 'aws_subnet.s["a"]', line: 4, tagsLine: 6, tags: { zone: 'a' } },
        { address: 'aws_subnet.s["b"]', line: 4, tagsLine: 6, tags: { zone: 'b' } },
      ],
    },
    {
      name: 'an unknown for_each judges the block once, naming the collection',
      hcl: `resource "aws_subnet" "s" {
  for_each = var.subnets
  tags     = each.value.tags
}
`,
      expected: [
        {
          address: 'aws_subnet.s',
          line: 1,
          tagsLine: 3,
          tags: {},
          unresolved:
            'tags = each.value.tags: for_each = var.subnets: variable subnets is not declared',
        },
      ],
    },
  ])('$name', async ({ hcl, expected }) => {
    const extraction = await extractInline({ 'main.tf': hcl });
    expect(extraction.resources.map(summary)).toEqual(expected);
  });
});
