import { afterEach, describe, expect, test, vi } from 'vitest';
import { CostAccumulator } from '../../src/billing/aggregate/accumulator.js';
import { ingestFiles } from '../../src/billing/index.js';
import { NOW, fixture, testPolicy } from './helpers.js';

// focus-dictionary.parquet and focus-dictionary.csv hold the same 240 FOCUS charges (written
// by scripts/make-parquet-fixture.mjs). In the Parquet file the descriptive columns are
// dictionary-encoded, so its row group is aggregated column-wise; the CSV file is read row by
// row. Expected sums were computed from the Parquet file by DuckDB.
const PARQUET = fixture('focus-dictionary.parquet');
const CSV = fixture('focus-dictionary.csv');

async function ingest(file: string, measure: 'billed' | 'effective' = 'billed') {
  return ingestFiles([file], { format: 'auto', policy: testPolicy, now: NOW, measure });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('FOCUS Parquet with dictionary-encoded columns', () => {
  test('adds good rows column-wise: no good row goes through the row-by-row add', async () => {
    const add = vi.spyOn(CostAccumulator.prototype, 'add');
    const addBad = vi.spyOn(CostAccumulator.prototype, 'addBad');
    const snapshot = await ingest(PARQUET);
    expect(snapshot.sources[0]).toMatchObject({ format: 'focus', rows: 223, badRows: 17 });
    expect(add).not.toHaveBeenCalled();
    expect(addBad).toHaveBeenCalledTimes(17);

    // The reference: the row-by-row path adds every good row itself.
    add.mockClear();
    await ingest(CSV);
    expect(add).toHaveBeenCalledTimes(223);
  });

  test('totals per currency and per day are exact; a null currency is kept apart', async () => {
    const snapshot = await ingest(PARQUET);
    // DuckDB: EUR 336.74 (74 rows), USD 656.8000000192 (144 rows), no currency 11.0400000006
    // (5 rows); negative credits included.
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '336.74' },
      { currency: 'USD', amount: '656.8000000192' },
      { currency: 'XXX', amount: '11.0400000006' },
    ]);
    expect(snapshot.daily.filter((entry) => entry.currency === 'USD')).toEqual([
      { day: '2026-11-01', currency: 'USD', amount: '267.1800000077' },
      { day: '2026-11-02', currency: 'USD', amount: '232.7400000068' },
      { day: '2026-11-03', currency: 'USD', amount: '156.8800000047' },
    ]);
    expect(snapshot.sources[0]).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-03' });
  });

  test('bad rows are counted by reason and named by row number, in row order', async () => {
    const snapshot = await ingest(PARQUET);
    // Row 1 has a null cost, a null timestamp and an invalid currency: counted once, as a date.
    expect(snapshot.badRows.count).toBe(17);
    expect(snapshot.badRows.byReason).toEqual({
      'BilledCost is not a number': 6,
      'BillingCurrency is not a currency code': 5,
      'ChargePeriodStart is not a date': 6,
    });
    expect(snapshot.badRows.samples.slice(0, 3)).toEqual([
      { file: PARQUET, line: 1, reason: 'ChargePeriodStart is not a date: (empty)' },
      { file: PARQUET, line: 38, reason: 'BilledCost is not a number: (empty)' },
      { file: PARQUET, line: 42, reason: 'BillingCurrency is not a currency code: "US$"' },
    ]);
    expect(snapshot.badRows.samples.map((sample) => sample.line)).toEqual([
      1, 38, 42, 48, 75, 83, 95, 112, 124, 142, 149, 165, 186, 189, 206, 223, 236,
    ]);
  });

  test('spend per tag value is exact; null tag values and empty maps carry no tag', async () => {
    const snapshot = await ingest(PARQUET);
    // DuckDB: SUM(BilledCost) of good rows by Tags[key], currency (XXX: no currency).
    expect(
      snapshot.byTag.map((entry) => [entry.key, entry.value, entry.currency, entry.amount]),
    ).toEqual([
      ['CostCenter', 'cc-9', 'EUR', '14.01'],
      ['CostCenter', 'cc-9', 'USD', '32.9100000007'],
      ['Environment', 'dev', 'EUR', '132.94'],
      ['Environment', 'dev', 'USD', '237.3200000072'],
      ['Environment', 'dev', 'XXX', '10.0200000003'],
      ['Environment', 'prod', 'EUR', '162.4'],
      ['Environment', 'prod', 'USD', '337.1200000095'],
      ['Environment', 'prod', 'XXX', '1.0200000003'],
      ['Project', 'p0', 'EUR', '295.34'],
      ['Project', 'p0', 'XXX', '-1'],
      ['Project', 'p1', 'USD', '297.5000000055'],
      ['Project', 'p1', 'XXX', '5.8500000002'],
      ['Project', 'p2', 'USD', '276.9400000112'],
      ['Project', 'p2', 'XXX', '6.1900000004'],
    ]);
  });

  test.each(['billed', 'effective'] as const)(
    'gives the same %s aggregates as the same rows read row by row from CSV',
    async (measure) => {
      const fromParquet = await ingest(PARQUET, measure);
      const fromCsv = await ingest(CSV, measure);
      const comparable = (snapshot: typeof fromParquet) => ({
        ...snapshot,
        sources: snapshot.sources.map((source) => ({ ...source, file: '' })),
        // Parquet names a row by its number, CSV by its line (one header line).
        badRows: {
          ...snapshot.badRows,
          samples: snapshot.badRows.samples.map((sample) => ({
            ...sample,
            file: '',
            line: sample.file === CSV ? sample.line - 1 : sample.line,
          })),
        },
      });
      expect(comparable(fromParquet)).toEqual(comparable(fromCsv));
    },
  );
});
