import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { POLICY } from './scenario.js';

const HEADER = [
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ServiceName',
  'ResourceId',
  'Tags',
];

/** One daily charge of the export. */
interface Charge {
  readonly cost: string;
  readonly service: string;
  readonly resource: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Charges of one day: production (cc-100) costs 10 a day in January and 12 in February,
 * staging (cc-200) 3 a day, and an untagged resource 1 a day; all in USD.
 */
function chargesOn(day: string): Charge[] {
  const february = day.startsWith('2030-02');
  return [
    {
      cost: february ? '12.00' : '10.00',
      service: 'Amazon EC2',
      resource: 'i-web',
      tags: { CostCenter: 'cc-100', Environment: 'prod' },
    },
    {
      cost: '3.00',
      service: 'Amazon S3',
      resource: 'staging-bucket',
      tags: { CostCenter: 'cc-200', Environment: 'staging' },
    },
    { cost: '1.00', service: 'Amazon S3', resource: 'orphan-bucket', tags: {} },
  ];
}

/** A FOCUS export with a row per charge and day from `first` to `last` (UTC, inclusive). */
export function focusExport(first: string, last: string): string {
  const rows = [HEADER.join(',')];
  for (let day = first; day <= last; day = nextDay(day)) {
    for (const charge of chargesOn(day)) {
      const tags = `"${JSON.stringify(charge.tags).replace(/"/g, '""')}"`;
      rows.push(
        [
          charge.cost,
          charge.cost,
          'USD',
          `${day}T00:00:00Z`,
          `${nextDay(day)}T00:00:00Z`,
          charge.service,
          charge.resource,
          tags,
        ].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

function nextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** A folder as the nightly ingest job sees it: the policy, and exports fetched by the CLI. */
export class IngestWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), 'openclaw-tags-ingest-'));

  constructor(files: Readonly<Record<string, string>>) {
    this.write({ '.github/tag-policy.yaml': POLICY, ...files });
  }

  write(files: Readonly<Record<string, string>>): void {
    for (const [path, text] of Object.entries(files)) {
      const absolute = join(this.root, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** `SOURCE_DATE_EPOCH` for 2030-03-01: the snapshot's date, after every charge. */
export const SNAPSHOT_EPOCH = String(Date.UTC(2030, 2, 1) / 1000);
