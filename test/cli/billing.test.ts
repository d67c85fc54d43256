import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectGolden } from '../golden.js';
import { runCliCaptured } from './run.js';

const repo = join(import.meta.dirname, '..', '..');

/** 2026-12-01T06:00:00Z: the snapshot time of every ingest here. */
const EPOCH = { SOURCE_DATE_EPOCH: '1796104800' };
const SOON = '2026-12-01T12:00:00Z';

const TERRAFORM = `
resource "aws_sagemaker_endpoint" "food" {
  name                 = "food-recognition"
  endpoint_config_name = "food-recognition-config"
  tags = {
    Project     = "nutrition-ai"
    Environment = "prod"
    CostCenter  = "CC-4120"
    Owner       = "ml-platform@nutrition.example"
    model       = "food-recognition"
  }
}

resource "aws_sagemaker_endpoint" "coach" {
  name                 = "coach"
  endpoint_config_name = "coach-config"
  tags = {
    Project     = "nutrition-ai"
    Environment = "prod"
    CostCenter  = "CC-4120"
    Owner       = "ml-platform@nutrition.example"
    Model       = "coach-v2"
  }
}
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openclaw-billing-cli-'));
  await mkdir(join(dir, 'billing'));
  await mkdir(join(dir, 'infra'));
  for (const name of ['focus-2026-11.csv', 'cur-2026-11.csv']) {
    await copyFile(
      join(repo, 'examples/ai-nutrition-app/billing', name),
      join(dir, 'billing', name),
    );
  }
  await copyFile(join(repo, 'examples/policies/nutrition-ai.yaml'), join(dir, 'policy.yaml'));
  await writeFile(join(dir, 'infra', 'main.tf'), TERRAFORM);
  await writeFile(
    join(dir, 'billing', 'broken.csv'),
    [
      'BilledCost,BillingCurrency,ChargePeriodStart,ServiceName,Tags',
      '10,USD,2026-11-01,Amazon S3,"{""Project"":""nutrition-ai""}"',
      'ten,USD,2026-11-02,Amazon S3,',
      '5,USD,someday,Amazon S3,',
      '7,EUR,2026-11-02,Amazon S3,',
      '',
    ].join('\n'),
  );
  await writeFile(join(dir, 'billing', 'unknown.csv'), 'a,b,c\n1,2,3\n');
  await writeFile(
    join(dir, 'env-first.yaml'),
    'version: 1\ntags:\n  Environment:\n    required: true\n  Project:\n    required: true\n',
  );
  await writeFile(
    join(dir, 'bad-policy.yaml'),
    'version: 1\ntags:\n  Project:\n    required: maybe\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ingest(file: string, out: string) {
  const argv = ['ingest', `billing/${file}`, '--out', out, '--policy', 'policy.yaml'];
  return runCliCaptured(argv, dir, EPOCH);
}

describe('openclaw-tags ingest and report on the AI nutrition app example', () => {
  test('ingest writes the FOCUS snapshot and says what it read (golden files)', async () => {
    const run = await ingest('focus-2026-11.csv', 'focus.json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expectGolden('billing-ingest.golden.txt', run.stdout);
    expectGolden('billing-snapshot.golden.json', await readFile(join(dir, 'focus.json'), 'utf8'));
  });

  test.each([
    ['FOCUS', 'focus-2026-11.csv'],
    ['legacy CUR', 'cur-2026-11.csv'],
  ])('report gives the story to the cent from the %s file (golden file)', async (_name, file) => {
    const out = `${file}.snapshot.json`;
    expect((await ingest(file, out)).code).toBe(0);
    const run = await runCliCaptured(
      ['report', out, '--group-by', 'Environment,Model', '--now', SOON],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| prod | food-recognition | $7,000.00 | 46.7% |');
    expect(run.stdout).toContain('| prod | workout-recommendation | $4,000.00 | 26.7% |');
    expect(run.stdout).toContain('| prod | energy-prediction | $2,500.00 | 16.7% |');
    expect(run.stdout).toContain('| staging | all-models | $1,500.00 | 10.0% |');
    expect(run.stdout).toContain('| **Total** | | **$15,000.00** | 100.0% |');
    expectGolden('billing-report.golden.md', run.stdout);
  });

  test('report --format json carries exact amounts and subtotals (golden file)', async () => {
    expect((await ingest('cur-2026-11.csv', 'cur.json')).code).toBe(0);
    const run = await runCliCaptured(
      ['report', 'cur.json', '--format', 'json', '--group-by', 'environment,MODEL', '--now', SOON],
      dir,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      groups: { rows: { values: Record<string, string>; amount: string; subtotal: boolean }[] }[];
    };
    expect(report.groups[0]?.rows.map((row) => [row.values, row.amount, row.subtotal])).toEqual([
      [{ Environment: 'prod', Model: 'food-recognition' }, '7000', false],
      [{ Environment: 'prod', Model: 'workout-recommendation' }, '4000', false],
      [{ Environment: 'prod', Model: 'energy-prediction' }, '2500', false],
      [{ Environment: 'prod' }, '13500', true],
      [{ Environment: 'staging', Model: 'all-models' }, '1500', false],
      [{ Environment: 'staging' }, '1500', true],
    ]);
    expectGolden('billing-report.golden.json', run.stdout);
  });

  test('report with --snapshot and paths shows the tag values the code carries (golden)', async () => {
    expect((await ingest('focus-2026-11.csv', 'touched.json')).code).toBe(0);
    const run = await runCliCaptured(
      [
        'report',
        '--snapshot',
        'touched.json',
        'infra',
        '--policy',
        'policy.yaml',
        '--group-by',
        'Model',
        '--now',
        '2026-12-04T12:00:00Z',
        '--output',
        'out/report.md',
      ],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const markdown = await readFile(join(dir, 'out', 'report.md'), 'utf8');
    expect(markdown).toContain('The billing snapshot is 78 hours old');
    expect(markdown).toContain('| Model | food-recognition | $7,000.00 | no data |  | 46.7% |');
    expect(markdown).toContain('| Model | coach-v2 | no spend in the snapshot | | | |');
    expectGolden('billing-report-touched.golden.md', markdown);
  });
});

describe('openclaw-tags report default group-by key', () => {
  test.each([
    ['the snapshot policy first key without --policy', [], 'Spend by Project'],
    ['the first key of --policy', ['--policy', 'env-first.yaml'], 'Spend by Environment'],
    [
      'the first key of --policy, with paths',
      ['infra', '--policy', 'env-first.yaml'],
      'Spend by Environment',
    ],
  ])('is %s', async (_name, extra, heading) => {
    expect((await ingest('focus-2026-11.csv', 'default-group.json')).code).toBe(0);
    const run = await runCliCaptured(
      ['report', 'default-group.json', ...extra, '--now', SOON],
      dir,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(heading);
  });
});

describe('openclaw-tags ingest and report --help', () => {
  test.each(['ingest', 'report'])('%s --help is pinned (golden file)', async (command) => {
    const run = await runCliCaptured([command, '--help'], dir);
    expect(run.code).toBe(0);
    expectGolden(`billing-${command}-help.golden.txt`, run.stdout);
  });
});

describe('openclaw-tags ingest of AI cost exports', () => {
  test('attributes OpenAI and Anthropic spend through the policy billing.projects', async () => {
    const openai = {
      object: 'page',
      data: [
        {
          object: 'bucket',
          start_time: 1793491200,
          end_time: 1793577600,
          results: [
            {
              object: 'organization.costs.result',
              amount: { value: 12.34, currency: 'usd' },
              project_id: 'proj_food',
            },
            {
              object: 'organization.costs.result',
              amount: { value: 0.66, currency: 'usd' },
              project_id: 'proj_other',
            },
          ],
        },
      ],
      has_more: false,
    };
    const anthropic = {
      data: [
        {
          starting_at: '2026-11-02T00:00:00Z',
          ending_at: '2026-11-03T00:00:00Z',
          results: [{ currency: 'USD', amount: '250.5', workspace_id: 'wrkspc_coach' }],
        },
      ],
      has_more: false,
    };
    await writeFile(join(dir, 'billing', 'openai.json'), JSON.stringify(openai));
    await writeFile(join(dir, 'billing', 'anthropic.json'), JSON.stringify(anthropic));
    await writeFile(
      join(dir, 'ai-policy.yaml'),
      [
        'version: 1',
        'tags:',
        '  Project: { required: true }',
        'billing:',
        '  projects:',
        '    proj_food: { Project: food-recognition }',
        '    wrkspc_coach: { Project: coach }',
        '',
      ].join('\n'),
    );

    const ingested = await runCliCaptured(
      [
        'ingest',
        'billing/openai.json',
        'billing/anthropic.json',
        '--out',
        'ai.json',
        '--policy',
        'ai-policy.yaml',
      ],
      dir,
      EPOCH,
    );
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toContain('billing/openai.json: openai, 2 rows');
    expect(ingested.stdout).toContain('billing/anthropic.json: anthropic, 1 rows');

    const run = await runCliCaptured(['report', 'ai.json', '--now', SOON], dir);
    expect(run.code).toBe(0);
    // Anthropic amounts are in cents: "250.5" is $2.505.
    expect(run.stdout).toContain('| food-recognition | $12.34 | 79.6% |');
    expect(run.stdout).toContain('| coach | $2.51 | 16.2% |');
    expect(run.stdout).toContain('| _(untagged)_ | $0.66 | 4.3% |');
    expect(run.stdout).toContain('| **Total** | **$15.51** | 100.0% |');
  });
});

describe('openclaw-tags ingest and report on bad input', () => {
  test('bad rows are counted and named by file and line; the rest is ingested', async () => {
    const run = await ingest('broken.csv', 'broken.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'billing/broken.csv: focus, 2 rows, 2 bad, 2026-11-01 to 2026-11-02',
    );
    expect(run.stdout).toContain('period 2026-11-01 to 2026-11-02: €7.00, $10.00');
    expect(run.stderr).toBe(
      [
        'openclaw-tags: 2 bad rows, not counted (1 BilledCost is not a number; ' +
          '1 ChargePeriodStart is not a date)',
        'openclaw-tags:   billing/broken.csv:3: BilledCost is not a number: "ten"',
        'openclaw-tags:   billing/broken.csv:4: ChargePeriodStart is not a date: "someday"',
        '',
      ].join('\n'),
    );
  });

  test.each([
    {
      name: 'an export of no known format',
      argv: ['ingest', 'billing/unknown.csv', '--out', 'x.json'],
      message: /billing\/unknown\.csv:1: unknown billing format: expected FOCUS/,
    },
    {
      name: 'a missing export',
      argv: ['ingest', 'billing/none.csv', '--out', 'x.json'],
      message: /billing\/none\.csv:0: cannot read file: no such file/,
    },
    {
      name: 'a format that does not fit the file',
      argv: ['ingest', 'billing/cur-2026-11.csv', '--out', 'x.json', '--format', 'azure'],
      message: /cur-2026-11\.csv:1: Azure export has no/,
    },
    {
      name: 'ingest without --out',
      argv: ['ingest', 'billing/cur-2026-11.csv'],
      message: /required option '--out <file>' not specified/,
    },
    {
      name: 'an unknown --format',
      argv: ['ingest', 'billing/cur-2026-11.csv', '--out', 'x.json', '--format', 'xls'],
      message: /argument 'xls' is invalid/,
    },
    {
      name: 'report without a snapshot',
      argv: ['report'],
      message: /report needs a snapshot/,
    },
    {
      name: 'report on a file that is not a snapshot',
      argv: ['report', 'billing/cur-2026-11.csv'],
      message: /cur-2026-11\.csv: is not JSON/,
    },
    {
      name: 'report by a key the snapshot lacks',
      argv: ['report', 'focus.json', '--group-by', 'Team'],
      message: /group-by key `Team` is not in the snapshot/,
    },
    {
      name: 'report with a --policy that does not exist, without paths',
      argv: ['report', 'focus.json', '--policy', 'none.yaml'],
      message: /none\.yaml: cannot read the policy file/,
    },
    {
      name: 'report with an invalid --policy, without paths',
      argv: ['report', 'focus.json', '--policy', 'bad-policy.yaml'],
      message: /bad-policy\.yaml:4:15: /,
    },
    {
      name: 'report with a --now that is no time',
      argv: ['report', 'focus.json', '--now', 'yesterday'],
      message: /--now must be an ISO 8601 time/,
    },
  ])('$name exits 2 with a message', async ({ argv, message }) => {
    await ingest('focus-2026-11.csv', 'focus.json');
    const run = await runCliCaptured(argv, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
