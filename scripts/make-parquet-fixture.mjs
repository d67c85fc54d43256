// Writes test/billing/fixtures/focus-dictionary.parquet and focus-dictionary.csv: the same
// 240 FOCUS charges, the Parquet file with dictionary-encoded columns (DuckDB's default for
// columns of few distinct values) so that ingest takes the column-wise path, the CSV file as
// the row-by-row reference. Rows include bad and empty values: null cost, null timestamp, null
// and invalid currency, null and empty resource ids, null and empty tag maps, null tag values,
// negative credits, two currencies.
//
// Run by hand after changing the rows: node scripts/make-parquet-fixture.mjs
// The test suite never runs it; it reads the committed files.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'billing', 'fixtures');
const parquetPath = join(fixtures, 'focus-dictionary.parquet');
const csvPath = join(fixtures, 'focus-dictionary.csv');

const rows = `SELECT
  i,
  CASE WHEN i % 37 = 0 THEN NULL
       WHEN i % 10 = 9 THEN CAST(-((i % 7) + 1) * 0.25 AS DECIMAL(18, 10))
       ELSE CAST(((i * 7919) % 1000) / 100.0 + 0.0000000001 * (i % 3) AS DECIMAL(18, 10)) END
    AS BilledCost,
  CAST(i / 100.0 AS DECIMAL(18, 10)) AS EffectiveCost,
  CASE WHEN i % 41 = 0 THEN 'US$' WHEN i % 43 = 0 THEN NULL WHEN i % 3 = 0 THEN 'EUR' ELSE 'USD' END
    AS BillingCurrency,
  CASE WHEN i % 10 = 9 THEN 'Credit' ELSE 'Usage' END AS ChargeCategory,
  CASE WHEN i % 47 = 0 THEN NULL ELSE TIMESTAMP '2026-11-01' + INTERVAL ((i % 8) * 9) HOUR END
    AS ChargePeriodStart,
  CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 13) * 0.5 END AS ConsumedQuantity,
  CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN 'Hours' ELSE 'Requests' END AS ConsumedUnit,
  CASE WHEN i % 11 = 0 THEN NULL ELSE 'svc-' || (i % 4) END AS ServiceName,
  'ExampleCloud' AS ProviderName,
  CASE WHEN i % 17 = 0 THEN NULL WHEN i % 19 = 0 THEN '' ELSE 'res-' || (i % 30) END AS ResourceId,
  CASE WHEN i % 23 = 0 THEN NULL
       WHEN i % 29 = 0 THEN MAP {}::MAP(VARCHAR, VARCHAR)
       WHEN i % 31 = 0 THEN MAP {'Project': NULL::VARCHAR, 'CostCenter': 'cc-9'}
       ELSE MAP {'Project': 'p' || (i % 3),
                 'Environment': CASE WHEN i % 2 = 0 THEN 'prod' ELSE 'dev' END} END AS Tags
  FROM range(240) t(i)`;

const connection = await (await DuckDBInstance.create(':memory:')).connect();
await rm(parquetPath, { force: true });
await rm(csvPath, { force: true });
await connection.run(
  `COPY (SELECT * EXCLUDE (i) FROM (${rows}) ORDER BY i) TO '${parquetPath}' (FORMAT parquet)`,
);
// The CSV form: Tags as a JSON object, nulls as empty fields.
await connection.run(
  `COPY (SELECT * EXCLUDE (i, Tags), CAST(to_json(Tags) AS VARCHAR) AS Tags FROM (${rows}) ORDER BY i)
   TO '${csvPath}' (FORMAT csv, HEADER)`,
);
console.log(`wrote ${parquetPath}\nwrote ${csvPath}`);
