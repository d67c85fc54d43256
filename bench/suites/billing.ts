/**
 * Billing ingest against DuckDB. Generates (once, cached under bench/.work/) a legacy CUR
 * CSV.gz of BENCH_BILLING_ROWS rows (default 5,000,000; `--billing-rows N` also works) and the
 * same charges as FOCUS Parquet (written by DuckDB: MAP tags, DECIMAL cost, TIMESTAMP start).
 * Each measurement runs in a child process so its peak RSS is its own: the product's
 * `ingestFiles`, and DuckDB running the same aggregation (sums by day, currency, tag values,
 * service and unit, plus per-resource sums). Ratios are wall-clock product / DuckDB.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import type { BenchResult } from '../run.js';

const workDir = fileURLToPath(new URL('../.work/', import.meta.url));
const thisFile = fileURLToPath(import.meta.url);
const run = promisify(execFile);

const TAG_COLUMNS = ['Project', 'Environment', 'Model', 'CostCenter'];
const CUR_HEADER = [
  'identity/LineItemId',
  'identity/TimeInterval',
  'bill/InvoiceId',
  'bill/BillingEntity',
  'bill/BillType',
  'bill/PayerAccountId',
  'bill/BillingPeriodStartDate',
  'bill/BillingPeriodEndDate',
  'lineItem/UsageAccountId',
  'lineItem/LineItemType',
  'lineItem/UsageStartDate',
  'lineItem/UsageEndDate',
  'lineItem/ProductCode',
  'lineItem/UsageType',
  'lineItem/Operation',
  'lineItem/AvailabilityZone',
  'lineItem/ResourceId',
  'lineItem/UsageAmount',
  'lineItem/CurrencyCode',
  'lineItem/UnblendedRate',
  'lineItem/UnblendedCost',
  'lineItem/LineItemDescription',
  'product/ProductName',
  'product/region',
  'pricing/unit',
  ...TAG_COLUMNS.map((key) => `resourceTags/user:${key}`),
];

interface Measurement {
  readonly ms: number;
  /** User plus system CPU time of the whole process (every thread), in milliseconds. */
  readonly cpuMs: number;
  readonly peakMB: number;
  readonly check: string;
}

/** Rows to generate: `--billing-rows N`, else BENCH_BILLING_ROWS, else five million. */
function rowCount(): number {
  const flag = process.argv.indexOf('--billing-rows');
  const text = flag >= 0 ? process.argv[flag + 1] : process.env.BENCH_BILLING_ROWS;
  const rows = Number(text ?? 5_000_000);
  if (!Number.isSafeInteger(rows) || rows <= 0) throw new Error(`bad row count: ${text}`);
  return rows;
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function curLine(index: number, next: () => number): string {
  const day = 1 + Math.floor(next() * 30);
  const hour = Math.floor(next() * 24);
  const stamp = `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
  const resource = Math.floor(next() * 5000);
  const service =
    resource % 3 === 0 ? 'Amazon SageMaker' : resource % 3 === 1 ? 'Amazon EC2' : 'Amazon S3';
  const unit = resource % 3 === 2 ? 'GB-Mo' : 'Hrs';
  const cost = (next() * 3).toFixed(10);
  const tagged = resource % 10 !== 0;
  const tags = tagged
    ? [
        `proj-${resource % 4}`,
        ['prod', 'staging', 'dev'][resource % 3],
        `model-${resource % 6}`,
        `cc-${resource % 5}`,
      ]
    : ['', '', '', ''];
  const description =
    index % 10 === 0
      ? '"$0.10 per hour, On Demand ""ml.m5"" instance"'
      : '$0.10 per On Demand instance hour';
  const type = index % 97 === 0 ? 'Credit' : 'Usage';
  return [
    `li-${index}`,
    '2026-11-01T00:00:00Z/2026-12-01T00:00:00Z',
    'INV-1',
    'AWS',
    'Anniversary',
    '111122223333',
    '2026-11-01T00:00:00Z',
    '2026-12-01T00:00:00Z',
    '444455556666',
    type,
    stamp,
    stamp,
    'AmazonSageMaker',
    'USE1-Host:ml.m5.xlarge',
    'RunInstance',
    'us-east-1a',
    `arn:aws:sagemaker:us-east-1:444455556666:endpoint/ep-${resource}`,
    '1',
    'USD',
    '0.1',
    type === 'Credit' ? `-${cost}` : cost,
    description,
    service,
    'us-east-1',
    unit,
    ...tags,
  ].join(',');
}

async function writeCur(path: string, rows: number): Promise<void> {
  const gzip = createGzip();
  const done = new Promise<void>((resolve, reject) => {
    gzip
      .pipe(createWriteStream(`${path}.part`))
      .on('finish', () => resolve())
      .on('error', reject);
  });
  const next = random(42);
  let buffer = `${CUR_HEADER.join(',')}\n`;
  for (let index = 0; index < rows; index++) {
    buffer += `${curLine(index, next)}\n`;
    if (buffer.length > 1 << 20) {
      if (!gzip.write(buffer)) await new Promise((resolve) => gzip.once('drain', resolve));
      buffer = '';
    }
  }
  gzip.end(buffer);
  await done;
  await rename(`${path}.part`, path);
}

const tagSelect = TAG_COLUMNS.map((key) => `"resourceTags/user:${key}"`).join(', ');

/** The FOCUS Parquet twin of the CUR file, written by DuckDB. */
async function writeFocus(curPath: string, path: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const tags = TAG_COLUMNS.map((key) => `'${key}': "resourceTags/user:${key}"`).join(', ');
  await connection.run(`COPY (
    SELECT CAST("lineItem/UnblendedCost" AS DECIMAL(18,10)) AS BilledCost,
      CAST("lineItem/UnblendedCost" AS DECIMAL(18,10)) AS EffectiveCost,
      "lineItem/CurrencyCode" AS BillingCurrency,
      CAST("lineItem/UsageStartDate" AS TIMESTAMP) AS ChargePeriodStart,
      CAST("lineItem/UsageAmount" AS DOUBLE) AS ConsumedQuantity, "pricing/unit" AS ConsumedUnit,
      "product/ProductName" AS ServiceName, "lineItem/ResourceId" AS ResourceId,
      "lineItem/LineItemDescription" AS ChargeDescription, 'AWS' AS ProviderName,
      CASE WHEN "resourceTags/user:Project" IS NULL THEN MAP {}::MAP(VARCHAR, VARCHAR)
        ELSE MAP {${tags}} END AS Tags
    FROM read_csv('${curPath}', header = true, all_varchar = true)
  ) TO '${path}.part' (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
  connection.closeSync();
  await rename(`${path}.part`, path);
}

/** The aggregation DuckDB runs: the same sums the snapshot is built from. */
function duckQuery(kind: 'cur' | 'focus', path: string): string {
  if (kind === 'cur') {
    return `SELECT CAST(CAST("lineItem/UsageStartDate" AS TIMESTAMP) AS DATE) AS day,
        "lineItem/CurrencyCode" AS currency, ${tagSelect}, "product/ProductName" AS service,
        "pricing/unit" AS unit, "lineItem/ResourceId" AS resource,
        SUM(CAST("lineItem/UnblendedCost" AS DECIMAL(38,10))) AS cost,
        SUM(CAST("lineItem/UsageAmount" AS DOUBLE)) AS quantity, COUNT(*) AS rows
      FROM read_csv('${path}', header = true, all_varchar = true)
      GROUP BY GROUPING SETS ((day, currency, ${tagSelect}, service, unit), (currency, resource))`;
  }
  const tags = TAG_COLUMNS.map((key) => `Tags['${key}'] AS "${key}"`).join(', ');
  const keys = TAG_COLUMNS.map((key) => `"${key}"`).join(', ');
  return `SELECT CAST(ChargePeriodStart AS DATE) AS day, BillingCurrency AS currency, ${tags},
      ServiceName AS service, ConsumedUnit AS unit, ResourceId AS resource,
      SUM(CAST(BilledCost AS DECIMAL(38,10))) AS cost, SUM(ConsumedQuantity) AS quantity,
      COUNT(*) AS rows
    FROM read_parquet('${path}')
    GROUP BY GROUPING SETS ((day, currency, ${keys}, service, unit), (currency, resource))`;
}

/** Child side: runs one measurement and prints it as JSON. */
async function child(mode: string, kind: 'cur' | 'focus', path: string): Promise<void> {
  let check = '';
  const startUsage = process.resourceUsage();
  const startCpuMs = (startUsage.userCPUTime + startUsage.systemCPUTime) / 1000;
  const started = performance.now();
  if (mode === 'duckdb') {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const reader = await connection.runAndReadAll(
      `SELECT SUM(cost) FILTER (WHERE resource IS NULL) FROM (${duckQuery(kind, path)})`,
    );
    check = String(reader.getRows()[0]?.[0]);
  } else {
    const { ingestFiles } = await import('../../src/billing/index.js');
    const { loadPolicyText } = await import('../../src/policy/load.js');
    const policy = loadPolicyText(
      `version: 1\ntags:\n${TAG_COLUMNS.map((key) => `  ${key}: { required: true }`).join('\n')}\n`,
      'bench-policy.yaml',
    );
    const snapshot = await ingestFiles([path], { format: 'auto', policy });
    check = snapshot.totals.map((total) => `${total.amount} ${total.currency}`).join(', ');
  }
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000 - startCpuMs;
  const peakMB = usage.maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, cpuMs, peakMB, check } satisfies Measurement));
}

async function measure(mode: 'product' | 'duckdb', kind: 'cur' | 'focus', path: string) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', thisFile, '--billing-child', mode, kind, path],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as Measurement;
}

function result(
  name: string,
  target: number,
  product: Measurement,
  floor: Measurement,
): BenchResult {
  return {
    name,
    ratio: Number((product.ms / floor.ms).toFixed(2)),
    floorMs: Math.round(floor.ms),
    productMs: Math.round(product.ms),
    peakMB: Math.round(product.peakMB),
    target,
    note:
      `peak RSS ${Math.round(product.peakMB)} MiB (target <= 300; DuckDB ` +
      `${Math.round(floor.peakMB)} MiB); CPU ${Math.round(product.cpuMs)} ms vs DuckDB ` +
      `${Math.round(floor.cpuMs)} ms (${(product.cpuMs / floor.cpuMs).toFixed(2)}x); ` +
      `totals ${product.check} vs DuckDB ${floor.check}`,
  };
}

/** The suite: CUR CSV.gz (target 1.5x DuckDB) and FOCUS Parquet (target 3x DuckDB). */
export default async function runBilling(): Promise<BenchResult[]> {
  const rows = rowCount();
  await mkdir(workDir, { recursive: true });
  const curPath = join(workDir, `billing-cur-${rows}.csv.gz`);
  const focusPath = join(workDir, `billing-focus-${rows}.parquet`);
  if (!existsSync(curPath)) await writeCur(curPath, rows);
  if (!existsSync(focusPath)) await writeFocus(curPath, focusPath);

  const results: BenchResult[] = [];
  for (const [kind, path, target] of [
    ['cur', curPath, 1.5],
    ['focus', focusPath, 3],
  ] as const) {
    const floor = await measure('duckdb', kind, path);
    const product = await measure('product', kind, path);
    const label = kind === 'cur' ? 'CUR CSV.gz' : 'FOCUS Parquet';
    results.push(
      result(`${label} ingest, ${rows.toLocaleString('en-US')} rows`, target, product, floor),
    );
  }
  return results;
}

const childFlag = process.argv.indexOf('--billing-child');
if (childFlag >= 0) {
  const [mode = '', kind = 'cur', path = ''] = process.argv.slice(childFlag + 1);
  await child(mode, kind as 'cur' | 'focus', path);
}
