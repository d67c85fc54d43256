import { describe, expect, test } from 'vitest';
import { isPlanText, terraformPlanExtractor } from '../../../src/extract/terraform-plan/index.js';
import type { ClaimedFile, ExtractContext } from '../../../src/extract/types.js';
import type { Extraction, Resource } from '../../../src/model.js';
import { loadPolicyText } from '../../../src/policy/load.js';
import { readSourceText } from '../../../src/sources/read.js';
import { VIRTUAL_ROOT } from './helpers.js';

const context: ExtractContext = {
  cwd: VIRTUAL_ROOT,
  policy: loadPolicyText('version: 1\ntags: {}\n', 'policy.yaml'),
  stackTags: {},
  readText: readSourceText,
};

async function extractPlan(text: string, file = 'plan.json'): Promise<Extraction> {
  const claimed: ClaimedFile = { absPath: `${VIRTUAL_ROOT}/${file}`, file, kind: 'json', text };
  return terraformPlanExtractor.extract([claimed], context);
}

/** A plan document, pretty-printed as `terraform show -json` output often is. */
function plan(body: Record<string, unknown>): string {
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', ...body }, null, 2);
}

function planned(resources: unknown[], childModules: unknown[] = []): Record<string, unknown> {
  return { planned_values: { root_module: { resources, child_modules: childModules } } };
}

function bucket(address: string, values: Record<string, unknown>): Record<string, unknown> {
  const name = address.split('.').at(-1);
  return { address, mode: 'managed', type: 'aws_s3_bucket', name, values };
}

/** The fields a row states exactly, from one resource. */
function summary(resource: Resource): Record<string, unknown> {
  return {
    address: resource.address,
    line: resource.line,
    tags: resource.tags,
    ...(resource.unresolved === undefined ? {} : { unresolved: resource.unresolved }),
    ...(resource.attributes === undefined ? {} : { attributes: resource.attributes }),
  };
}

interface Row {
  readonly name: string;
  readonly text: string;
  readonly expected: readonly Record<string, unknown>[];
}

const rows: Row[] = [
  {
    name: 'tags_all is what the bill sees: provider default tags included',
    text: plan(
      planned([
        bucket('aws_s3_bucket.logs', {
          tags: { Team: 'a' },
          tags_all: { Team: 'a', CostCenter: 'cc' },
        }),
      ]),
    ),
    expected: [{ address: 'aws_s3_bucket.logs', line: 8, tags: { Team: 'a', CostCenter: 'cc' } }],
  },
  {
    name: 'an empty tags_all falls back to tags',
    text: plan(planned([bucket('aws_s3_bucket.logs', { tags: { Team: 'a' }, tags_all: {} })])),
    expected: [{ address: 'aws_s3_bucket.logs', line: 8, tags: { Team: 'a' } }],
  },
  {
    name: 'null values are dropped; numbers and booleans become text; objects are unknown',
    text: plan(
      planned([
        bucket('aws_s3_bucket.logs', {
          tags: { Gone: null, Size: 3, On: true, Odd: { a: 1 } },
        }),
      ]),
    ),
    expected: [
      { address: 'aws_s3_bucket.logs', line: 8, tags: { Size: '3', On: 'true', Odd: null } },
    ],
  },
  {
    name: 'child modules are walked at every level, each resource at its own address line',
    text: plan(
      planned(
        [],
        [
          {
            address: 'module.a',
            resources: [bucket('module.a.aws_s3_bucket.b', { tags: { Team: 'a' } })],
            child_modules: [
              {
                address: 'module.a.module.b',
                resources: [bucket('module.a.module.b.aws_s3_bucket.c', { tags: { Team: 'b' } })],
              },
            ],
          },
        ],
      ),
    ),
    expected: [
      { address: 'module.a.aws_s3_bucket.b', line: 12, tags: { Team: 'a' } },
      { address: 'module.a.module.b.aws_s3_bucket.c', line: 28, tags: { Team: 'b' } },
    ],
  },
  {
    name: 'a resource the plan deletes is left out; one it replaces is kept',
    text: plan({
      ...planned([
        bucket('aws_s3_bucket.kept', { tags: { Team: 'a' } }),
        bucket('aws_s3_bucket.gone', { tags: {} }),
      ]),
      resource_changes: [
        { address: 'aws_s3_bucket.kept', change: { actions: ['delete', 'create'] } },
        { address: 'aws_s3_bucket.gone', change: { actions: ['delete'] } },
      ],
    }),
    expected: [{ address: 'aws_s3_bucket.kept', line: 8, tags: { Team: 'a' } }],
  },
  {
    name: 'data sources are not resources',
    text: plan(
      planned([
        { address: 'data.aws_s3_bucket.x', mode: 'data', type: 'aws_s3_bucket', values: {} },
        bucket('aws_s3_bucket.y', {}),
      ]),
    ),
    expected: [{ address: 'aws_s3_bucket.y', line: 14, tags: {} }],
  },
  {
    name: 'tags known only after apply are unresolved, with the reason',
    text: plan({
      ...planned([bucket('aws_s3_bucket.logs', { tags: null })]),
      resource_changes: [
        {
          address: 'aws_s3_bucket.logs',
          change: { actions: ['create'], after_unknown: { tags_all: true } },
        },
      ],
    }),
    expected: [
      {
        address: 'aws_s3_bucket.logs',
        line: 8,
        tags: {},
        unresolved: 'tags_all is known only after apply (the plan marks it unknown)',
      },
    ],
  },
  {
    name: 'known tags beside an unknown tags_all are judged as they are',
    text: plan({
      ...planned([bucket('aws_s3_bucket.logs', { tags: { Team: 'a' } })]),
      resource_changes: [
        {
          address: 'aws_s3_bucket.logs',
          change: { actions: ['create'], after_unknown: { tags_all: true } },
        },
      ],
    }),
    expected: [{ address: 'aws_s3_bucket.logs', line: 8, tags: { Team: 'a' } }],
  },
  {
    name: 'google reads effective_labels before labels',
    text: plan(
      planned([
        {
          address: 'google_storage_bucket.b',
          mode: 'managed',
          type: 'google_storage_bucket',
          values: { labels: { team: 'a' }, effective_labels: { team: 'a', env: 'prod' } },
        },
      ]),
    ),
    expected: [{ address: 'google_storage_bucket.b', line: 8, tags: { team: 'a', env: 'prod' } }],
  },
  {
    name: 'Auto Scaling group tag blocks, with propagate_at_launch = false recorded',
    text: plan(
      planned([
        {
          address: 'aws_autoscaling_group.g',
          mode: 'managed',
          type: 'aws_autoscaling_group',
          values: {
            tag: [
              { key: 'Team', value: 'a', propagate_at_launch: true },
              { key: 'Name', value: 'g', propagate_at_launch: false },
            ],
          },
        },
      ]),
    ),
    expected: [
      {
        address: 'aws_autoscaling_group.g',
        line: 8,
        tags: { Team: 'a', Name: 'g' },
        attributes: { notPropagatedAtLaunch: 'Name' },
      },
    ],
  },
  {
    name: 'a state document (values instead of planned_values) is read the same way',
    text: plan({
      values: { root_module: { resources: [bucket('aws_s3_bucket.s', { tags: { Team: 'a' } })] } },
    }),
    expected: [{ address: 'aws_s3_bucket.s', line: 8, tags: { Team: 'a' } }],
  },
  {
    name: 'an address written before planned_values (in resource_changes) does not move the line',
    text: plan({
      resource_changes: [{ address: 'aws_s3_bucket.logs', change: { actions: ['create'] } }],
      ...planned([bucket('aws_s3_bucket.logs', { tags: { Team: 'a' } })]),
    }),
    expected: [{ address: 'aws_s3_bucket.logs', line: 18, tags: { Team: 'a' } }],
  },
];

describe('terraform plan extractor', () => {
  test.each(rows)('$name', async ({ text, expected }) => {
    const extraction = await extractPlan(text);
    expect(extraction.errors).toEqual([]);
    expect(extraction.resources.map(summary)).toEqual(expected);
    // Each line is where the resource's own "address" member is written.
    const lines = text.split('\n');
    for (const resource of extraction.resources) {
      expect(lines[resource.line - 1]).toContain(`"address": "${resource.address}"`);
    }
  });

  test('resources carry the plan format, file, provider and tag target', async () => {
    const extraction = await extractPlan(plan(planned([bucket('aws_s3_bucket.logs', {})])));
    expect(extraction.resources[0]).toMatchObject({
      type: 'aws_s3_bucket',
      provider: 'aws',
      format: 'terraform-plan',
      file: 'plan.json',
      tagTarget: 'tags',
    });
  });

  test.each([
    {
      name: 'JSON that does not parse is an error at the line of the first bad character',
      text: '{\n  "format_version": "1.2",\n  "planned_values": {,}\n}\n',
      line: 3,
      message: /^not valid JSON: /,
    },
    {
      name: 'a plan that is not an object is an error at line 1',
      text: '["planned_values"]',
      line: 1,
      message: /^a Terraform plan must be a JSON object$/,
    },
  ])('$name', async ({ text, line, message }) => {
    const extraction = await extractPlan(text);
    expect(extraction.resources).toEqual([]);
    expect(extraction.errors).toEqual([
      { file: 'plan.json', line, message: expect.stringMatching(message) as string },
    ]);
  });

  test.each([
    { name: 'a plan', text: plan(planned([])), file: 'plan.json', claimed: true },
    {
      name: 'a state',
      text: '{"format_version":"1.0","terraform_version":"1.9.5"}',
      file: 's.json',
      claimed: true,
    },
    {
      name: 'other JSON',
      text: '{"name": "app", "version": "1.0.0"}',
      file: 'package.json',
      claimed: false,
    },
    {
      name: 'Terraform JSON configuration',
      text: plan(planned([])),
      file: 'main.tf.json',
      claimed: false,
    },
  ])('claims $name: $claimed', ({ text, file, claimed }) => {
    expect(
      isPlanText(text) &&
        terraformPlanExtractor.claim({ absPath: `/x/${file}`, file, kind: 'json' }, text),
    ).toBe(claimed);
  });
});
