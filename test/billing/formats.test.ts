import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BillingInputError, ingestFiles, type Snapshot } from '../../src/billing/index.js';
import { fixture, NOW, testPolicy } from './helpers.js';

async function ingest(name: string, extra: Partial<Parameters<typeof ingestFiles>[1]> = {}) {
  return ingestFiles([fixture(name)], { format: 'auto', policy: testPolicy, now: NOW, ...extra });
}

function total(snapshot: Snapshot, currency: string): string | undefined {
  return snapshot.totals.find((entry) => entry.currency === currency)?.amount;
}

function tagAmount(snapshot: Snapshot, key: string, value: string, currency = 'USD') {
  return snapshot.byTag.find(
    (entry) => entry.key === key && entry.value === value && entry.currency === currency,
  )?.amount;
}

describe('FOCUS CSV', () => {
  test.each([
    ['plain', 'focus-basic.csv'],
    ['gzip', 'focus-basic.csv.gz'],
  ])(
    'reads the %s file: currencies apart, credits negative, sub-cent exact',
    async (_name, file) => {
      const snapshot = await ingest(file);
      expect(snapshot.sources[0]?.format).toBe('focus');
      expect(snapshot.totals).toEqual([
        { currency: 'EUR', amount: '8' },
        { currency: 'USD', amount: '16.0000008' },
      ]);
      expect(snapshot.rows).toBe(6);
      expect(snapshot.period).toEqual({ start: '2026-11-01', end: '2026-11-04' });
    },
  );

  test('counts bad rows with file and line; unreadable tags stay untagged', async () => {
    const snapshot = await ingest('focus-basic.csv');
    expect(snapshot.badRows.count).toBe(3);
    expect(snapshot.badRows.byReason).toEqual({
      'BilledCost is not a number': 1,
      'ChargePeriodStart is not a date': 1,
      'wrong number of fields': 1,
    });
    expect(snapshot.badRows.samples.map((sample) => sample.line)).toEqual([7, 8, 9]);
    expect(snapshot.badRows.samples[0]?.file).toBe(fixture('focus-basic.csv'));
    expect(snapshot.badRows.samples[2]?.reason).toBe(
      'wrong number of fields: 10 fields, header has 11',
    );
    expect(snapshot.tagProblems.samples).toEqual([
      { file: fixture('focus-basic.csv'), line: 10, reason: 'tags are not readable JSON' },
    ]);
  });

  test('maps keys to the policy, keeps x_ columns out, reports drift', async () => {
    const snapshot = await ingest('focus-basic.csv');
    expect(tagAmount(snapshot, 'CostCenter', 'cc-1')).toBe('8.75');
    expect(snapshot.byTag.some((entry) => entry.key.startsWith('x_'))).toBe(false);
    expect(snapshot.drift.values).toContainEqual({
      key: 'Project',
      spellings: [
        { spelling: 'FoodRec', spend: [{ currency: 'USD', amount: '2.25' }] },
        {
          spelling: 'foodrec',
          spend: [
            { currency: 'EUR', amount: '8' },
            { currency: 'USD', amount: '8.75' },
          ],
        },
      ],
    });
    expect(snapshot.drift.keys).toContainEqual({
      spellings: [
        { spelling: 'Project', spend: [{ currency: 'USD', amount: '11' }] },
        { spelling: 'project', spend: [{ currency: 'EUR', amount: '8' }] },
      ],
    });
  });

  test('computes spend-weighted coverage and untagged spend per currency', async () => {
    const snapshot = await ingest('focus-basic.csv');
    expect(
      snapshot.coverage.find((entry) => entry.key === 'Environment' && entry.currency === 'USD'),
    ).toEqual({
      key: 'Environment',
      currency: 'USD',
      tagged: '11',
      untagged: '5.0000008',
      share: 0.6875,
    });
    expect(snapshot.untagged).toEqual([
      { currency: 'EUR', amount: '0', share: 0 },
      { currency: 'USD', amount: '5.0000008', share: 0.3125 },
    ]);
  });

  test('uses EffectiveCost when the effective measure is asked for', async () => {
    const snapshot = await ingest('focus-basic.csv', { measure: 'effective' });
    // The row whose BilledCost is unreadable has a valid EffectiveCost, so it counts here.
    expect(total(snapshot, 'USD')).toBe('16.5000008');
    expect(snapshot.measure).toBe('effective');
  });

  test('derives cost per consumed unit', async () => {
    const snapshot = await ingest('focus-basic.csv');
    expect(snapshot.unitCosts).toContainEqual({
      service: 'Amazon SageMaker',
      unit: 'Hours',
      currency: 'USD',
      amount: '10.5',
      quantity: '5',
      perUnit: '2.1',
    });
  });
});

/** The same three charges under the columns of each FOCUS version (1.1 and 1.2 add columns). */
const FOCUS_VERSIONS = {
  '1.0': ['ChargeCategory', 'ChargeFrequency', 'PricingCategory'],
  '1.1': ['ChargeCategory', 'ServiceSubcategory', 'CapacityReservationId', 'SkuMeter'],
  '1.2': ['ChargeCategory', 'ServiceSubcategory', 'InvoiceId', 'PricingCurrency', 'x_Region'],
} as const;

function focusVersionCsv(extra: readonly string[]): string {
  const header = ['BilledCost', 'EffectiveCost', 'BillingCurrency', 'ChargePeriodStart'];
  const rows = [
    ['12.5', '10', 'USD', '2026-11-01T00:00:00Z', '{"env":"prod","Cost Center":"cc-1"}'],
    ['-2.5', '-2.5', 'USD', '2026-11-02T00:00:00Z', '{"env":"prod"}'],
    ['100', '100', 'JPY', '2026-11-02T00:00:00Z', ''],
  ];
  const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
  return [
    [...header, ...extra, 'Tags'].join(','),
    ...rows.map((row) =>
      [...row.slice(0, 4), ...extra.map(() => 'x'), row[4] ?? ''].map(quote).join(','),
    ),
    '',
  ].join('\n');
}

describe('FOCUS versions', () => {
  test.each(Object.entries(FOCUS_VERSIONS))(
    'reads FOCUS %s columns the same way',
    async (_version, extra) => {
      const dir = await mkdtemp(join(tmpdir(), 'focus-version-'));
      try {
        await writeFile(join(dir, 'focus.csv'), focusVersionCsv(extra));
        const snapshot = await ingestFiles([join(dir, 'focus.csv')], {
          format: 'auto',
          policy: testPolicy,
          now: NOW,
        });
        expect(snapshot.sources[0]).toMatchObject({ format: 'focus', rows: 3, badRows: 0 });
        expect(snapshot.totals).toEqual([
          { currency: 'JPY', amount: '100' },
          { currency: 'USD', amount: '10' },
        ]);
        expect(tagAmount(snapshot, 'Environment', 'prod')).toBeUndefined();
        expect(tagAmount(snapshot, 'env', 'prod')).toBe('10');
        expect(tagAmount(snapshot, 'CostCenter', 'cc-1')).toBe('12.5');
        expect(snapshot.byTag.some((entry) => entry.key.startsWith('x_'))).toBe(false);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('AWS CUR', () => {
  test('reads legacy CUR with CRLF: credits negative, user: dropped', async () => {
    const snapshot = await ingest('cur-legacy-crlf.csv');
    expect(snapshot.sources[0]?.format).toBe('aws-cur');
    expect(total(snapshot, 'USD')).toBe('81.5000000001');
    expect(tagAmount(snapshot, 'Environment', 'prod')).toBe('74.5000000001');
    expect(tagAmount(snapshot, 'CostCenter', 'cc-1')).toBe('74.5000000001');
    expect(tagAmount(snapshot, 'aws:createdBy', 'alice')).toBe('100.0000000001');
    expect(snapshot.badRows.byReason).toEqual({ 'wrong number of fields': 1 });
    expect(snapshot.badRows.samples[0]?.line).toBe(6);
  });

  test('reads CUR 2.0 CSV with both user_ and user: tag keys', async () => {
    const snapshot = await ingest('cur2.csv');
    expect(snapshot.sources[0]?.format).toBe('aws-cur2');
    expect(tagAmount(snapshot, 'CostCenter', 'cc-9')).toBe('42.5');
    expect(tagAmount(snapshot, 'Environment', 'staging')).toBe('42.5');
    expect(snapshot.untagged[0]).toEqual({ currency: 'USD', amount: '1.25', share: 0.0286 });
  });
});

describe('Azure cost details', () => {
  test('reads BOM, brace-less tags, US dates; CostCenter column no tag', async () => {
    const snapshot = await ingest('azure-bom.csv');
    expect(snapshot.sources[0]?.format).toBe('azure');
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '32' },
      { currency: 'GBP', amount: '2' },
    ]);
    expect(tagAmount(snapshot, 'CostCenter', 'cc-2', 'EUR')).toBe('30.5');
    expect(snapshot.byTag.some((entry) => entry.value === 'acm9000')).toBe(false);
    expect(snapshot.daily.map((entry) => entry.day)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
  });
});

describe('GCP billing export', () => {
  const mapping = { 'proj-mapped': { Project: 'storage-team' } };

  test('reads JSON lines: credits, labels, project labels, mapping', async () => {
    const snapshot = await ingest('gcp.jsonl', { mapping });
    expect(snapshot.sources[0]?.format).toBe('gcp');
    expect(total(snapshot, 'USD')).toBe('13.1');
    expect(tagAmount(snapshot, 'CostCenter', 'cc-3')).toBe('10');
    expect(tagAmount(snapshot, 'Model', 'food-recognition')).toBe('10');
    expect(tagAmount(snapshot, 'Project', 'storage-team')).toBe('3.1');
    expect(snapshot.badRows.byReason).toEqual({
      'line is not valid JSON': 1,
      'usage_start_time is not a date': 1,
    });
    expect(snapshot.badRows.samples.map((sample) => sample.line)).toEqual([4, 5]);
  });

  test('reads CSV with JSON label and credit columns, JPY apart', async () => {
    const snapshot = await ingest('gcp.csv');
    expect(snapshot.totals).toEqual([
      { currency: 'JPY', amount: '5' },
      { currency: 'USD', amount: '8.5' },
    ]);
  });
});

describe('AI cost exports', () => {
  test('reads an OpenAI costs page through the policy billing map', async () => {
    const policy = {
      ...testPolicy,
      billing: { projects: { proj_abc: { Project: 'foodrec', Environment: 'prod' } } },
    };
    const snapshot = await ingestFiles([fixture('openai-costs.json')], {
      format: 'auto',
      policy,
      now: NOW,
    });
    expect(snapshot.sources[0]?.format).toBe('openai');
    expect(total(snapshot, 'USD')).toBe('1.16');
    expect(tagAmount(snapshot, 'Project', 'foodrec')).toBe('0.06');
    expect(snapshot.untagged[0]?.amount).toBe('1.1');
    expect(snapshot.badRows.byReason).toEqual({ '`amount.value` is not a number': 1 });
  });

  test('reads an Anthropic cost report whose amounts are in cents', async () => {
    const snapshot = await ingest('anthropic-costs.json', {
      mapping: { wrkspc_food: { Model: 'claude' } },
    });
    expect(snapshot.sources[0]?.format).toBe('anthropic');
    expect(total(snapshot, 'USD')).toBe('11.2345');
    expect(tagAmount(snapshot, 'Model', 'claude')).toBe('1.2345');
  });

  test('ignores a malformed billing section in the policy', async () => {
    const policy = {
      ...testPolicy,
      billing: { projects: ['not', 'a', 'map'] },
    } as unknown as typeof testPolicy;
    const snapshot = await ingestFiles([fixture('openai-costs.json')], {
      format: 'auto',
      policy,
      now: NOW,
    });
    expect(snapshot.untagged[0]?.amount).toBe('1.16');
  });
});

describe('several files and input errors', () => {
  test('sums files, reads a repeated path once, warns of overlap', async () => {
    const files = [fixture('focus-basic.csv'), fixture('focus-basic.csv'), fixture('cur2.csv')];
    const snapshot = await ingestFiles(files, { format: 'auto', policy: testPolicy, now: NOW });
    expect(snapshot.sources).toHaveLength(2);
    expect(total(snapshot, 'USD')).toBe('59.7500008');
    const gzipped = await ingestFiles([fixture('focus-basic.csv'), fixture('focus-basic.csv.gz')], {
      format: 'auto',
      policy: testPolicy,
      now: NOW,
    });
    expect(gzipped.warnings[0]).toMatch(/both have focus charges on 4 day\(s\).*counted twice/);
  });

  test.each([
    ['a missing file', 'nope.csv', 'auto', /nope\.csv:0: cannot read file: no such file/],
    [
      'an unknown header',
      'unknown.csv',
      'auto',
      /unknown\.csv:1: unknown billing format: expected FOCUS/,
    ],
    [
      'a format whose columns are absent',
      'cur2.csv',
      'focus',
      /cur2\.csv:1: FOCUS export has no `ChargePeriodStart` column/,
    ],
  ])('throws BillingInputError for %s', async (_name, file, format, message) => {
    const error = await ingestFiles([fixture(file)], {
      format: format as 'auto',
      policy: testPolicy,
      now: NOW,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingInputError);
    expect(String((error as Error).message)).toMatch(message);
  });
});
