import { describe, expect, test } from 'vitest';
import { extractInline, only, summary } from './helpers.js';

interface Case {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly address: string;
  readonly expected: Record<string, unknown>;
}

const cases: readonly Case[] = [
  {
    name: 'a literal tag map, in a file that begins with a blank line',
    files: {
      'main.tf': `
resource "aws_instance" "web" {
  instance_type = "t3.micro"
  tags = {
    Name       = "web"
    CostCenter = "cc-1"
  }
}
`,
    },
    address: 'aws_instance.web',
    expected: { line: 2, tagsLine: 4, tags: { Name: 'web', CostCenter: 'cc-1' } },
  },
  {
    name: 'CRLF line ends, comments of every kind, and a string holding braces',
    files: {
      'main.tf':
        '# a comment {\r\n// another }\r\n/* block\r\n { comment */\r\n' +
        'resource "aws_s3_bucket" "logs" {\r\n  bucket = "x-{y}-z"\r\n\r\n' +
        '  tags = { Team = "ops" } # trailing {\r\n}\r\n',
    },
    address: 'aws_s3_bucket.logs',
    expected: { line: 5, tagsLine: 8, tags: { Team: 'ops' } },
  },
  {
    name: 'a resource without tags has an empty map and no tags line',
    files: { 'main.tf': 'resource "aws_instance" "bare" {\n  ami = "x"\n}\n' },
    address: 'aws_instance.bare',
    expected: { line: 1, tagsLine: undefined, tags: {} },
  },
  {
    name: 'quoted keys with colons, `:` separators, numbers and booleans are stringified',
    files: {
      'main.tf': `resource "aws_sagemaker_model" "m" {
  tags = {
    "sagemaker:project-name" : "p",
    "count": 3,
    "Terraform": true
  }
}
`,
    },
    address: 'aws_sagemaker_model.m',
    expected: {
      line: 1,
      tagsLine: 2,
      tags: { 'sagemaker:project-name': 'p', count: '3', Terraform: 'true' },
    },
  },
  {
    name: 'a heredoc before the resource does not shift its lines',
    files: {
      'main.tf': `locals {
  policy = <<EOT
{ "Statement": [ { "Effect": "Allow" } ]
EOT
  indented = <<-EOT
    }}} \${var.x}
    EOT
}

resource "aws_iam_role" "r" {
  tags = { Owner = "me" }
}
`,
    },
    address: 'aws_iam_role.r',
    expected: { line: 10, tagsLine: 11, tags: { Owner: 'me' } },
  },
  {
    name: 'tags from a local built with merge() over a variable default',
    files: {
      'main.tf': `variable "base" {
  default = { Environment = "prod", Team = "a" }
}

locals {
  tags = merge(var.base, { Team = "b" })
}

resource "aws_vpc" "v" {
  tags = merge(local.tags, { Name = "vpc-\${var.base["Environment"]}" })
}
`,
    },
    address: 'aws_vpc.v',
    expected: {
      line: 9,
      tagsLine: 10,
      tags: { Environment: 'prod', Team: 'b', Name: 'vpc-prod' },
    },
  },
  {
    name: 'a variable without default makes the whole map unresolved, naming it',
    files: {
      'main.tf':
        'variable "tags" {\n  type = map(string)\n}\n\n' +
        'resource "aws_s3_bucket" "b" {\n  tags = var.tags\n}\n',
    },
    address: 'aws_s3_bucket.b',
    expected: {
      line: 5,
      tagsLine: 6,
      tags: {},
      unresolved: 'tags = var.tags: variable tags has no default',
    },
  },
  {
    name: 'known keys with unknown values count as present, with null values',
    files: {
      'main.tf': `variable "owner" {}
resource "aws_s3_bucket" "b" {
  tags = {
    Owner   = var.owner
    Project = "p-\${var.owner}"
  }
}
`,
    },
    address: 'aws_s3_bucket.b',
    expected: { line: 2, tagsLine: 3, tags: { Owner: null, Project: null } },
  },
  {
    name: 'merge() with an unknown map keeps the keys that are known',
    files: {
      'main.tf': `resource "aws_ecs_cluster" "c" {
  tags = merge(var.undeclared, { CostCenter = "cc" })
}
`,
    },
    address: 'aws_ecs_cluster.c',
    expected: { line: 1, tagsLine: 2, tags: { CostCenter: 'cc' } },
  },
  {
    name: 'lookup, tomap, try and coalesce are evaluated',
    files: {
      'main.tf': `locals {
  envs = { prod = { Tier = "gold" } }
}
resource "aws_db_instance" "d" {
  tags = merge(
    lookup(local.envs, "prod", {}),
    tomap({ Owner = coalesce("", "dba") }),
    try(local.envs.staging, { Fallback = "yes" }),
  )
}
`,
    },
    address: 'aws_db_instance.d',
    expected: {
      line: 4,
      tagsLine: 5,
      tags: { Tier: 'gold', Owner: 'dba', Fallback: 'yes' },
    },
  },
  {
    name: 'a known condition picks its branch',
    files: {
      'main.tf': `variable "prod" { default = true }
resource "aws_instance" "i" {
  tags = var.prod ? { Env = "prod" } : { Env = "dev" }
}
`,
    },
    address: 'aws_instance.i',
    expected: { line: 2, tagsLine: 3, tags: { Env: 'prod' } },
  },
  {
    name: 'an unknown condition keeps every key of both maps; differing values become null',
    files: {
      'main.tf': `variable "prod" {}
resource "aws_instance" "i" {
  tags = var.prod ? { Env = "prod", Team = "a" } : { Env = "dev", Team = "a", Debug = "on" }
}
`,
    },
    address: 'aws_instance.i',
    expected: {
      line: 2,
      tagsLine: 3,
      tags: { Env: null, Team: 'a', Debug: null },
      variants: [
        { condition: 'var.prod is true', tags: { Env: 'prod', Team: 'a' } },
        { condition: 'var.prod is false', tags: { Env: 'dev', Team: 'a', Debug: 'on' } },
      ],
    },
  },
  {
    name: 'a for expression over a known map',
    files: {
      'main.tf': `locals {
  raw = { team = "a", cost = "b", skip = "c" }
}
resource "aws_eip" "e" {
  tags = { for k, v in local.raw : upper(k) => v if k != "skip" }
}
`,
    },
    address: 'aws_eip.e',
    expected: { line: 4, tagsLine: 5, tags: { COST: 'b', TEAM: 'a' } },
  },
  {
    name: 'an unknown function names itself in the reason',
    files: {
      'main.tf': `resource "aws_instance" "i" {
  tags = jsondecode(file("tags.json"))
}
`,
    },
    address: 'aws_instance.i',
    expected: {
      line: 1,
      tagsLine: 2,
      tags: {},
      unresolved: 'tags = jsondecode(file("tags.json")): function jsondecode() is not evaluated',
    },
  },
  {
    name: 'an interpolated key that is not known is skipped, the rest kept',
    files: {
      'main.tf': `resource "aws_subnet" "s" {
  tags = {
    "kubernetes.io/cluster/\${var.cluster}" = "owned"
    Name = "s"
  }
}
`,
    },
    address: 'aws_subnet.s',
    expected: { line: 1, tagsLine: 2, tags: { Name: 's' } },
  },
  {
    name: 'tags = null and tags = {} both mean no tags',
    files: { 'main.tf': 'resource "aws_instance" "n" {\n  tags = null\n}\n' },
    address: 'aws_instance.n',
    expected: { line: 1, tagsLine: 2, tags: {} },
  },
  {
    name: 'google resources read labels, not the network tags list',
    files: {
      'main.tf': `resource "google_compute_instance" "vm" {
  tags   = ["ssh", "http"]
  labels = { team = "ml" }
}
`,
    },
    address: 'google_compute_instance.vm',
    expected: { line: 1, tagsLine: 3, tags: { team: 'ml' } },
  },
  {
    name: 'GKE clusters read resource_labels, as the catalog says',
    files: {
      'main.tf': `resource "google_container_cluster" "gke" {
  resource_labels = { cost-center = "x" }
}
`,
    },
    address: 'google_container_cluster.gke',
    expected: { line: 1, tagsLine: 2, tags: { 'cost-center': 'x' } },
  },
  {
    name: 'a node pool reads labels nested in node_config',
    files: {
      'main.tf': `resource "google_container_node_pool" "pool" {
  node_config {
    machine_type    = "n1"
    resource_labels = { team = "ml" }
  }
}
`,
    },
    address: 'google_container_node_pool.pool',
    expected: { line: 1, tagsLine: 4, tags: { team: 'ml' } },
  },
  {
    name: 'an untaggable type is still emitted, with no tags',
    files: {
      'main.tf': 'resource "aws_iam_role_policy_attachment" "a" {\n  role = "r"\n}\n',
    },
    address: 'aws_iam_role_policy_attachment.a',
    expected: { line: 1, tagsLine: undefined, tags: {} },
  },
  {
    name: 'a provider the catalog does not know is read from tags',
    files: { 'main.tf': 'resource "azapi_resource" "w" {\n  tags = { team = "x" }\n}\n' },
    address: 'azapi_resource.w',
    expected: { line: 1, tagsLine: 2, tags: { team: 'x' } },
  },
  {
    name: 'a .tf.json resource, with lines from the JSON',
    files: {
      'main.tf.json': `{
  "variable": { "env": { "default": "prod" } },
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "bucket": "x",
        "tags": { "Env": "\${var.env}", "Team": "data" }
      }
    }
  }
}
`,
    },
    address: 'aws_s3_bucket.b',
    expected: { line: 5, tagsLine: 7, tags: { Env: 'prod', Team: 'data' } },
  },
];

describe('terraform extractor: one resource block', () => {
  test.each(cases)('$name', async ({ files, address, expected }) => {
    const extraction = await extractInline(files);
    expect(extraction.errors).toEqual([]);
    expect(summary(only(extraction, address))).toEqual({ address, ...expected });
  });
});

describe('terraform extractor: what is emitted', () => {
  test('data sources are not resources; every managed block is', async () => {
    const extraction = await extractInline({
      'main.tf':
        'data "aws_ami" "a" {}\nresource "aws_instance" "i" {}\nresource "null_resource" "n" {}\n',
    });
    expect(extraction.resources.map((resource) => resource.address)).toEqual([
      'aws_instance.i',
      'null_resource.n',
    ]);
  });

  test('provider, format, file and tag target are set', async () => {
    const extraction = await extractInline({
      'main.tf': 'resource "google_storage_bucket" "b" {\n  labels = { a = "b" }\n}\n',
    });
    expect(only(extraction, 'google_storage_bucket.b')).toMatchObject({
      type: 'google_storage_bucket',
      provider: 'google',
      format: 'terraform',
      file: 'main.tf',
      tagTarget: 'labels',
    });
  });

  test('origins point at the line of each key and say where it came from', async () => {
    const extraction = await extractInline({
      'main.tf': `locals {
  base = { Team = "a" }
}
resource "aws_instance" "i" {
  tags = merge(local.base, {
    Name = "i"
  })
}
`,
    });
    expect(only(extraction, 'aws_instance.i').origins).toEqual({
      Team: { line: 2, source: 'local.base' },
      Name: { line: 6, source: 'resource' },
    });
  });

  test('origins of keys written in another file name that file', async () => {
    const extraction = await extractInline({
      'locals.tf': 'locals {\n  base = {\n    Team = "a"\n  }\n}\n',
      'main.tf': 'resource "aws_instance" "i" {\n  tags = merge(local.base, { Name = "i" })\n}\n',
    });
    expect(only(extraction, 'aws_instance.i').origins).toEqual({
      Team: { line: 3, file: 'locals.tf', source: 'local.base' },
      Name: { line: 2, source: 'resource' },
    });
  });

  test('a partly known map records why it may have more keys', async () => {
    const extraction = await extractInline({
      'main.tf': 'resource "aws_instance" "i" {\n  tags = merge(var.x, { A = "b" })\n}\n',
    });
    expect(only(extraction, 'aws_instance.i').attributes).toEqual({
      tagsIncomplete: 'tags = merge(var.x, { A = "b" }): variable x is not declared',
    });
  });
});
