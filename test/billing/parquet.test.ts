import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BillingInputError, ingestFiles } from '../../src/billing/index.js';
import { fixture, NOW, testPolicy } from './helpers.js';

let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'billing-parquet-'));
  parquetWriteFile({
    filename: join(directory, 'focus.parquet'),
    rowGroupSize: 2,
    columnData: [
      { name: 'BilledCost', data: [10.5, -1.25, 0.0000008, 3, 4], type: 'DOUBLE' },
      {
        name: 'ChargePeriodStart',
        data: [
          new Date('2026-11-01T00:00:00Z'),
          new Date('2026-11-01T23:59:59Z'),
          new Date('2026-11-02T00:00:00Z'),
          new Date('2026-11-03T00:00:00Z'),
          new Date('2026-11-03T00:00:00Z'),
        ],
        type: 'TIMESTAMP',
      },
      { name: 'BillingCurrency', data: ['USD', 'USD', 'USD', 'EUR', 'usd!'], type: 'STRING' },
      { name: 'ServiceName', data: ['SageMaker', 'SageMaker', 'SQS', 'S3', 'S3'], type: 'STRING' },
      { name: 'ResourceId', data: ['ep-1', 'ep-1', null, 'b-1', 'b-1'], type: 'STRING' },
      { name: 'ConsumedQuantity', data: [24, null, 2, null, null], type: 'DOUBLE' },
      { name: 'ConsumedUnit', data: ['Hours', null, 'Requests', null, null], type: 'STRING' },
      {
        name: 'Tags',
        data: [
          '{"Environment":"prod","cost-center":"cc-1"}',
          '{"Environment":"prod"}',
          null,
          '{}',
          null,
        ],
        type: 'STRING',
      },
      { name: 'x_Discount', data: [1, 2, 3, 4, 5], type: 'DOUBLE' },
    ],
  });
  parquetWriteFile({
    filename: join(directory, 'cur2.parquet'),
    columnData: [
      {
        name: 'line_item_usage_start_date',
        data: [new Date('2026-11-05T00:00:00Z'), new Date('2026-11-05T01:00:00Z')],
        type: 'TIMESTAMP',
      },
      { name: 'line_item_unblended_cost', data: ['7.0000000001', '-2'], type: 'STRING' },
      { name: 'line_item_currency_code', data: ['USD', 'USD'], type: 'STRING' },
      {
        name: 'resource_tags',
        data: [{ user_cost_center: 'cc-7' }, { 'user:Environment': 'staging' }],
        type: 'JSON',
      },
    ],
  });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('Parquet', () => {
  test('reads FOCUS Parquet by row group; a bad currency is counted', async () => {
    const snapshot = await ingestFiles([join(directory, 'focus.parquet')], {
      format: 'auto',
      policy: testPolicy,
      now: NOW,
    });
    expect(snapshot.sources[0]).toMatchObject({ format: 'focus', rows: 4, badRows: 1 });
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '3' },
      { currency: 'USD', amount: '9.2500008' },
    ]);
    expect(snapshot.daily.filter((entry) => entry.currency === 'USD')).toEqual([
      { day: '2026-11-01', currency: 'USD', amount: '9.25' },
      { day: '2026-11-02', currency: 'USD', amount: '0.0000008' },
    ]);
    expect(snapshot.badRows.samples).toEqual([
      {
        file: join(directory, 'focus.parquet'),
        line: 5,
        reason: 'BillingCurrency is not a currency code: "usd!"',
      },
    ]);
    expect(snapshot.byTag.find((entry) => entry.key === 'CostCenter')?.amount).toBe('10.5');
  });

  test('reads CUR 2.0 Parquet whose resource_tags is a JSON map', async () => {
    const snapshot = await ingestFiles([join(directory, 'cur2.parquet')], {
      format: 'auto',
      policy: testPolicy,
      now: NOW,
    });
    expect(snapshot.sources[0]?.format).toBe('aws-cur2');
    expect(snapshot.totals).toEqual([{ currency: 'USD', amount: '5.0000000001' }]);
    expect(snapshot.byTag.map((entry) => [entry.key, entry.value, entry.amount])).toEqual([
      ['CostCenter', 'cc-7', '7.0000000001'],
      ['Environment', 'staging', '-2'],
    ]);
  });

  test('reads CUR 2.0 Parquet whose resource_tags is a MAP column', async () => {
    const snapshot = await ingestFiles([fixture('cur2-map.parquet')], {
      format: 'auto',
      policy: testPolicy,
      now: NOW,
    });
    expect(snapshot.sources[0]).toMatchObject({ format: 'aws-cur2', rows: 3, badRows: 0 });
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '3' },
      { currency: 'USD', amount: '10' },
    ]);
    expect(snapshot.byTag.map((entry) => [entry.key, entry.value, entry.amount])).toEqual([
      ['CostCenter', 'cc-7', '10'],
      ['Environment', 'prod', '10'],
      ['aws_created_by', 'alice', '10'],
    ]);
    expect(snapshot.untagged).toEqual([
      { currency: 'EUR', amount: '3', share: 1 },
      { currency: 'USD', amount: '0', share: 0 },
    ]);
  });

  test('reads FOCUS Parquet with a MAP Tags column and DECIMAL costs, exactly', async () => {
    const file = fixture('focus-map-decimal.parquet');
    const snapshot = await ingestFiles([file], { format: 'auto', policy: testPolicy, now: NOW });
    expect(snapshot.sources[0]).toMatchObject({ format: 'focus', rows: 6, badRows: 2 });
    // 123456.7890123456 - 100 + 0.0000000001 + 7.5 + 2: past a double's 15 digits, still exact.
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '5' },
      { currency: 'USD', amount: '123366.2890123457' },
    ]);
    expect(snapshot.badRows.samples).toEqual([
      { file, line: 6, reason: 'ChargePeriodStart is not a date: (empty)' },
      { file, line: 7, reason: 'BilledCost is not a number: (empty)' },
    ]);
    expect(snapshot.byTag.map((entry) => [entry.key, entry.value, entry.amount])).toEqual([
      ['CostCenter', 'cc-1', '123364.2890123456'],
      ['Environment', 'prod', '123364.2890123456'],
      ['Model', 'Food', '7.5'],
      ['Model', 'food', '123356.7890123456'],
      ['Team', 'x', '2'],
    ]);
    expect(snapshot.untagged).toEqual([
      { currency: 'EUR', amount: '5', share: 1 },
      { currency: 'USD', amount: '0.0000000001', share: 0 },
    ]);
    expect(
      snapshot.drift.keys.map((group) => group.spellings.map((entry) => entry.spelling)),
    ).toEqual([
      ['CostCenter', 'cost_center'],
      ['Environment', 'environment'],
    ]);
    expect(snapshot.drift.values).toEqual([
      {
        key: 'Model',
        spellings: [
          { spelling: 'Food', spend: [{ currency: 'USD', amount: '7.5' }] },
          { spelling: 'food', spend: [{ currency: 'USD', amount: '123356.7890123456' }] },
        ],
      },
    ]);
    // A DECIMAL(3,1) quantity is read as a number of units.
    expect(snapshot.unitCosts.find((unit) => unit.unit === 'GB-Mo')?.quantity).toBe('1.5');
  });

  test('rounds a DECIMAL with more than ten decimals half to even (EffectiveCost)', async () => {
    const snapshot = await ingestFiles([fixture('focus-map-decimal.parquet')], {
      format: 'auto',
      policy: testPolicy,
      now: NOW,
      measure: 'effective',
    });
    // 123456.789012345678 keeps ten decimals: 123456.7890123457.
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '5' },
      { currency: 'USD', amount: '123366.2890123458' },
    ]);
  });

  test('refuses a truncated Parquet file with a BillingInputError', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const bytes = await readFile(join(directory, 'focus.parquet'));
    await writeFile(join(directory, 'broken.parquet'), bytes.subarray(0, 40));
    await expect(
      ingestFiles([join(directory, 'broken.parquet')], { format: 'auto', policy: testPolicy }),
    ).rejects.toBeInstanceOf(BillingInputError);
  });
});
