import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BillingInputError,
  ingestFiles,
  SnapshotError,
  writeSnapshotAtomically,
  type Snapshot,
} from '../../src/billing/index.js';
import { runCliCaptured } from '../cli/run.js';
import { fuzzPolicy } from '../fuzz/harness.js';

const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ServiceName,ResourceId,Tags';

function focusRow(cost: string, currency: string, day: string, tags = '{}'): string {
  return `${cost},${cost},${currency},Usage,${day}T00:00:00Z,S3,r-${cost},"${tags.replaceAll('"', '""')}"`;
}

function focus(...rows: string[]): string {
  return `${[HEADER, ...rows].join('\n')}\n`;
}

const MANY_ROWS = focus(
  ...Array.from({ length: 500 }, (_, index) => focusRow(`${index}.5`, 'USD', '2026-11-01')),
);

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openclaw-ingest-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ingest(files: Record<string, string | Uint8Array>): Promise<Snapshot> {
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return ingestFiles(Object.keys(files), {
    format: 'auto',
    policy: fuzzPolicy,
    cwd: dir,
    now: new Date(0),
  });
}

async function ingestError(files: Record<string, string | Uint8Array>): Promise<string> {
  const failure: unknown = await ingest(files).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(BillingInputError);
  return (failure as BillingInputError).message;
}

function total(snapshot: Snapshot, currency: string): string | undefined {
  return snapshot.totals.find((entry) => entry.currency === currency)?.amount;
}

describe('billing ingest failure matrix', () => {
  test('a gzip CSV cut short is an input error naming the file', async () => {
    const packed = gzipSync(MANY_ROWS);
    expect(await ingestError({ 'cut.csv.gz': packed.subarray(0, packed.length / 2) })).toMatch(
      /^cut\.csv\.gz:0: gzip data is corrupt: unexpected end of file/,
    );
  });

  test('a gzip file holding only its magic bytes is an input error, not a crash', async () => {
    expect(await ingestError({ 'magic.csv.gz': Buffer.from([0x1f, 0x8b]) })).toMatch(
      /^magic\.csv\.gz:0: gzip data is corrupt/,
    );
  });

  test('gzip JSON lines cut short is an input error, not a crash', async () => {
    const lines = Array.from({ length: 300 }, (_, index) =>
      JSON.stringify({
        service: { description: 'GCS' },
        usage_start_time: '2026-11-01T00:00:00Z',
        cost: index,
        currency: 'USD',
        labels: [],
      }),
    ).join('\n');
    const packed = gzipSync(lines);
    expect(await ingestError({ 'gcp.jsonl.gz': packed.subarray(0, packed.length - 20) })).toMatch(
      /^gcp\.jsonl\.gz:0: gzip data is corrupt/,
    );
  });

  test('a FOCUS file without its cost column is refused, naming the column', async () => {
    await writeFile(
      join(dir, 'nocost.csv'),
      'EffectiveCost,BillingCurrency,ChargePeriodStart\n1,USD,2026-11-01\n',
    );
    const failure: unknown = await ingestFiles(['nocost.csv'], {
      format: 'focus',
      policy: fuzzPolicy,
      cwd: dir,
    }).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/nocost\.csv:1: FOCUS export has no `BilledCost` column/);
  });

  test('a FOCUS file without a Tags column is read, with a note that all of it is untagged', async () => {
    const snapshot = await ingest({
      'notags.csv': 'BilledCost,BillingCurrency,ChargePeriodStart\n4,USD,2026-11-01\n',
    });
    expect(total(snapshot, 'USD')).toBe('4');
    expect(snapshot.sources[0]?.notes).toEqual(['no `Tags` column: every row is untagged']);
    expect(snapshot.untagged).toEqual([expect.objectContaining({ currency: 'USD', amount: '4' })]);
  });

  test('a file of no known format lists the columns each format needs', async () => {
    expect(await ingestError({ 'odd.csv': 'a,b,c\n1,2,3\n' })).toMatch(
      /^odd\.csv:1: unknown billing format: expected FOCUS/,
    );
  });

  test('a mixed-currency file keeps one total per currency, never a sum across them', async () => {
    const snapshot = await ingest({
      'mixed.csv': focus(
        focusRow('10', 'USD', '2026-11-01'),
        focusRow('5', 'EUR', '2026-11-01'),
        focusRow('2.5', 'USD', '2026-11-02'),
        focusRow('100', 'JPY', '2026-11-02'),
      ),
    });
    expect(snapshot.totals).toEqual([
      { currency: 'EUR', amount: '5' },
      { currency: 'JPY', amount: '100' },
      { currency: 'USD', amount: '12.5' },
    ]);
  });

  test('negative amounts (credits, refunds) subtract exactly', async () => {
    const snapshot = await ingest({
      'credits.csv': focus(
        focusRow('10.10', 'USD', '2026-11-01'),
        focusRow('-0.1', 'USD', '2026-11-01'),
        focusRow('-20', 'USD', '2026-11-02'),
      ),
    });
    expect(total(snapshot, 'USD')).toBe('-10');
    expect(snapshot.badRows.count).toBe(0);
  });

  test('overlapping exports with duplicate lines are summed once each and warned about', async () => {
    const shared = focusRow('7', 'USD', '2026-11-03');
    const snapshot = await ingest({
      'october.csv': focus(focusRow('1', 'USD', '2026-11-01'), shared),
      'november.csv': focus(shared, focusRow('2', 'USD', '2026-11-04')),
    });
    expect(total(snapshot, 'USD')).toBe('17');
    expect(snapshot.warnings).toEqual([
      expect.stringMatching(
        /october\.csv and november\.csv both have focus charges on 1 day.*counted twice/,
      ),
    ]);
  });

  test('the same export given twice is read once', async () => {
    await writeFile(join(dir, 'a.csv'), focus(focusRow('3', 'USD', '2026-11-01')));
    const snapshot = await ingestFiles(['a.csv', './a.csv'], {
      format: 'auto',
      policy: fuzzPolicy,
      cwd: dir,
    });
    expect(total(snapshot, 'USD')).toBe('3');
    expect(snapshot.sources).toHaveLength(1);
  });

  test('an ingest that fails on its second file leaves the old snapshot untouched', async () => {
    await writeFile(join(dir, 'good.csv'), focus(focusRow('3', 'USD', '2026-11-01')));
    const packed = gzipSync(MANY_ROWS);
    await writeFile(join(dir, 'cut.csv.gz'), packed.subarray(0, 100));
    await writeFile(join(dir, 'snapshot.json'), 'previous snapshot\n');
    const run = await runCliCaptured(
      ['ingest', 'good.csv', 'cut.csv.gz', '--out', 'snapshot.json'],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cut\.csv\.gz:0: gzip data is corrupt/);
    expect(await readFile(join(dir, 'snapshot.json'), 'utf8')).toBe('previous snapshot\n');
    expect((await readdir(dir)).sort()).toEqual(['cut.csv.gz', 'good.csv', 'snapshot.json']);
  });

  test('a snapshot write that fails leaves neither a half file nor a temporary one', async () => {
    const snapshot = await ingest({ 'a.csv': focus(focusRow('3', 'USD', '2026-11-01')) });
    // A folder where the snapshot should go: the final rename cannot replace it.
    await mkdir(join(dir, 'taken.json'));
    await expect(writeSnapshotAtomically(join(dir, 'taken.json'), snapshot)).rejects.toBeInstanceOf(
      SnapshotError,
    );
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'taken.json']);
    expect(await readdir(join(dir, 'taken.json'))).toEqual([]);
  });
});
