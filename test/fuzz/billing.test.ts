import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { BillingInputError, ingestFiles, type Snapshot } from '../../src/billing/index.js';
import { fuzzParameters, fuzzPolicy, mutatedText } from './harness.js';

const FOCUS_HEADER = [
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargePeriodStart',
  'ServiceName',
  'ResourceId',
  'Tags',
];

/** Cells as exports write them, and as broken exports do. */
const amount = fc.oneof(
  fc.constantFrom('10.5', '-3', '0', '1e3', '0.0000001', '', 'NULL', 'abc', '1,5', '--1', 'NaN'),
  fc.double({ noNaN: true }).map(String),
  fc.string({ maxLength: 6 }),
);
const currency = fc.oneof(
  fc.constantFrom('USD', 'EUR', 'JPY', '', 'usd', 'XXX'),
  fc.string({ maxLength: 4 }),
);
const day = fc.oneof(
  fc.constantFrom('2026-11-01T00:00:00Z', '2026-11-02 13:00:00', '2026-02-30', '', 'yesterday'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.string({ maxLength: 10 }),
);
const tags = fc.oneof(
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })
    .map((map) => JSON.stringify(map)),
  fc.constantFrom('{}', '', '{"Project":', 'null', '[1,2]', '{"Environment":"prod"}'),
  fc.string({ maxLength: 12 }),
);
const row = fc.tuple(
  amount,
  amount,
  currency,
  fc.constantFrom('Usage', 'Credit', 'Tax', ''),
  day,
  fc.string({ maxLength: 8 }),
  fc.string({ maxLength: 8 }),
  tags,
);

/** A CSV cell quoted the way RFC 4180 writers quote it. */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csv(rows: readonly (readonly string[])[]): string {
  return [FOCUS_HEADER, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n';
}

/** Ingests files written under fresh names; returns the snapshot or the input error. */
async function ingestWritten(contents: readonly (string | Uint8Array)[], names: readonly string[]) {
  const root = await mkdtemp(join(tmpdir(), 'openclaw-fuzz-billing-'));
  try {
    for (const [index, content] of contents.entries()) {
      await writeFile(join(root, names[index] ?? `file-${index}.csv`), content);
    }
    return await ingestFiles(names, {
      format: 'auto',
      policy: fuzzPolicy,
      cwd: root,
      now: new Date(0),
    });
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(BillingInputError);
    return error as BillingInputError;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function expectExactTotals(snapshot: Snapshot): void {
  for (const total of snapshot.totals) {
    expect(total.amount).toMatch(/^-?[0-9]+(\.[0-9]+)?$/);
    expect(total.currency).not.toBe('');
  }
  expect(new Set(snapshot.totals.map((total) => total.currency)).size).toBe(snapshot.totals.length);
}

describe('billing ingest under random and mutated exports', () => {
  test('every row of a well-quoted FOCUS file is counted or counted as bad', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
        const result = await ingestWritten([csv(rows)], ['focus.csv']);
        expect(result).not.toBeInstanceOf(BillingInputError);
        const snapshot = result as Snapshot;
        expect(snapshot.rows + snapshot.badRows.count).toBe(rows.length);
        expectExactTotals(snapshot);
      }),
      fuzzParameters(60),
    );
  });

  test('a row whose cost is not a number is a counted bad row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 10 }),
        fc.constantFrom('abc', '1.2.3', 'ten', '$5'),
        async (rows, cost) => {
          const bad = [cost, cost, 'USD', 'Usage', '2026-11-01T00:00:00Z', 'S3', 'r', '{}'];
          const snapshot = (await ingestWritten([csv([...rows, bad])], ['focus.csv'])) as Snapshot;
          expect(snapshot.badRows.count).toBeGreaterThanOrEqual(1);
          expect(snapshot.badRows.samples.length).toBeGreaterThanOrEqual(1);
        },
      ),
      fuzzParameters(30),
    );
  });

  test('mutated CSV text is read or refused with a BillingInputError', async () => {
    const seed = csv([
      ['10.5', '10', 'USD', 'Usage', '2026-11-01T00:00:00Z', 'S3', 'b', '{"Project":"a"}'],
      ['-2', '-2', 'EUR', 'Credit', '2026-11-02T00:00:00Z', 'EC2', 'i', '{}'],
    ]);
    const tokens = [',', '"', '""', '\n', '\r\n', '\uFEFF', 'NULL', '{', '}', '\u0000'];
    await fc.assert(
      fc.asyncProperty(mutatedText(seed, tokens), async (text) => {
        const result = await ingestWritten([text], ['focus.csv']);
        if (!(result instanceof BillingInputError)) expectExactTotals(result);
      }),
      fuzzParameters(60),
    );
  });

  test('a gzip export cut anywhere is read or refused with a BillingInputError', async () => {
    const rows = Array.from({ length: 200 }, (_, index) => [
      `${index}.25`,
      '1',
      'USD',
      'Usage',
      '2026-11-01T00:00:00Z',
      'S3',
      `r${index}`,
      '{}',
    ]);
    const packed = gzipSync(csv(rows));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: packed.length - 1 }), async (length) => {
        const result = await ingestWritten([packed.subarray(0, length)], ['focus.csv.gz']);
        expect(result).toBeInstanceOf(BillingInputError);
      }),
      fuzzParameters(30),
    );
  });

  test('mutated JSON and JSON-lines exports are read or refused', async () => {
    const openai = JSON.stringify({
      object: 'page',
      data: [
        {
          object: 'bucket',
          start_time: 1793491200,
          end_time: 1793577600,
          results: [
            {
              object: 'organization.costs.result',
              amount: { value: 0.5, currency: 'usd' },
              project_id: 'p',
            },
          ],
        },
      ],
    });
    const gcp = [
      {
        service: { description: 'BigQuery' },
        usage_start_time: '2026-11-01T00:00:00Z',
        cost: '1.5',
        currency: 'USD',
        labels: [{ key: 'env', value: 'prod' }],
        credits: [],
      },
      {
        service: { description: 'GCS' },
        usage_start_time: '2026-11-02T00:00:00Z',
        cost: 2,
        currency: 'EUR',
        labels: [],
        credits: [{ amount: -1 }],
      },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const tokens = ['{', '}', '[', ']', '"', ':', ',', 'null', '1e400', '-', '\n'];
    await fc.assert(
      fc.asyncProperty(
        mutatedText(openai, tokens),
        mutatedText(gcp, tokens),
        async (page, lines) => {
          for (const [text, name] of [
            [page, 'costs.json'],
            [lines, 'gcp.jsonl'],
          ] as const) {
            const result = await ingestWritten([text], [name]);
            if (!(result instanceof BillingInputError)) expectExactTotals(result);
          }
        },
      ),
      fuzzParameters(40),
    );
  });
});
