import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { costSection, touchedTagValues } from '../../src/action/cost.js';
import { expandBillingFiles } from '../../src/action/ingest.js';
import { recordingLog } from '../../src/github/log.js';
import type { Resource } from '../../src/model.js';

function resource(
  tags: Record<string, string | null>,
  variants: Record<string, string | null>[] = [],
): Resource {
  return {
    address: 'aws_s3_bucket.x',
    type: 'aws_s3_bucket',
    provider: 'aws',
    format: 'terraform',
    file: 'main.tf',
    line: 1,
    tags,
    tagTarget: 'tags',
    ...(variants.length === 0
      ? {}
      : {
          variants: variants.map((variant, index) => ({ condition: `c${index}`, tags: variant })),
        }),
  };
}

const folder = mkdtempSync(join(tmpdir(), 'openclaw-tags-cost-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('touchedTagValues', () => {
  test.each([
    {
      name: 'values of policy keys, in the policy spelling, sorted and without repeats',
      resources: [
        resource({ cost_center: 'cc-2', Environment: 'prod' }),
        resource({ CostCenter: 'cc-1', Environment: 'prod', Team: 'ml' }),
      ],
      touched: { CostCenter: ['cc-1', 'cc-2'], Environment: ['prod'] },
    },
    {
      name: 'the values of every condition-dependent variant count',
      resources: [resource({}, [{ Environment: 'prod' }, { Environment: 'staging' }])],
      touched: { Environment: ['prod', 'staging'] },
    },
    {
      name: 'values not known statically and empty values are left out',
      resources: [resource({ CostCenter: null, Environment: '  ' })],
      touched: {},
    },
  ])('$name', ({ resources, touched }) => {
    expect(touchedTagValues(['CostCenter', 'Environment'], resources)).toEqual(touched);
  });
});

describe('costSection', () => {
  const base = {
    groupBy: [],
    resources: [],
    repository: 'octo/infra',
    client: undefined,
    now: new Date('2030-03-01T00:00:00Z'),
  };

  test('no snapshot configured: no section, nothing said', async () => {
    const log = recordingLog();
    expect(await costSection({ ...base, snapshot: undefined, log })).toBeUndefined();
    expect(log.lines).toEqual([]);
  });

  test('an unreadable snapshot file: no section, a warning naming the file', async () => {
    const log = recordingLog();
    const path = join(folder, 'missing.json');
    const section = await costSection({ ...base, snapshot: { kind: 'file', path }, log });
    expect(section).toBeUndefined();
    expect(log.lines).toEqual([
      {
        level: 'warning',
        message: `Left the cost section out: ${path}: cannot read snapshot: no such file`,
      },
    ]);
  });

  test('a branch snapshot without the API: no section, a warning saying what is missing', async () => {
    const log = recordingLog();
    const snapshot = { kind: 'branch', branch: 'data', path: 'snapshot.json' } as const;
    expect(await costSection({ ...base, snapshot, log })).toBeUndefined();
    expect(log.lines[0]?.message).toMatch(/needs the GitHub API/);
  });
});

describe('expandBillingFiles', () => {
  test('files stay as given; folders give their files in name order, hidden ones left out', async () => {
    mkdirSync(join(folder, 'exports', 'b'), { recursive: true });
    for (const file of ['exports/b/2.csv', 'exports/a.csv', 'exports/.hidden', 'one.csv']) {
      writeFileSync(join(folder, file), 'x');
    }
    expect(await expandBillingFiles(['one.csv', 'exports'], folder)).toEqual([
      'one.csv',
      'exports/a.csv',
      'exports/b/2.csv',
    ]);
  });

  test('a missing entry names itself and the input', async () => {
    await expect(expandBillingFiles(['nope.csv'], folder)).rejects.toThrow(
      'nope.csv:0: no such file or folder (input "billing-files")',
    );
  });
});
