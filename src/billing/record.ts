import type { ChargeDay } from './dates.js';
import type { ScaledAmount } from './money.js';
import type { TagSet } from './tags/normalize.js';

/** The billing export formats this package reads. */
export type BillingFormat =
  'focus' | 'aws-cur' | 'aws-cur2' | 'azure' | 'gcp' | 'openai' | 'anthropic';

/** What `--format` accepts: a format, or `auto` to detect it from the header or first record. */
export type FormatOption = 'auto' | BillingFormat;

/** Every `FormatOption`, `auto` first: the choices the CLI and the action offer. */
export const FORMAT_OPTIONS: readonly FormatOption[] = [
  'auto',
  'focus',
  'aws-cur',
  'aws-cur2',
  'azure',
  'gcp',
  'openai',
  'anthropic',
];

/** Which cost a format's row contributes: what was invoiced, or amortized effective cost. */
export type CostMeasure = 'billed' | 'effective';

/** One charge, normalized: every format's row becomes this before aggregation. */
export interface CostRecord {
  readonly kind: 'cost';
  readonly day: ChargeDay;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  /** Signed: credits and refunds are negative. */
  readonly cost: ScaledAmount;
  readonly service: string;
  readonly resourceId: string;
  /** Usage quantity in `unit`, when the export has one. */
  readonly quantity: number | null;
  readonly unit: string;
  readonly tags: TagSet;
  /** Set when the row's tags could not be read; its cost is kept, untagged. */
  readonly tagProblem?: string | undefined;
}

/** A row that cannot be counted, with the reason the user sees. */
export interface BadRow {
  readonly kind: 'bad';
  /** What is wrong, the same text for every row with this problem (it is counted by it). */
  readonly reason: string;
  /** The offending value, for the samples. */
  readonly detail?: string;
}

/** What a format makes of one row. */
export type RowOutcome = CostRecord | BadRow;

/** A bad row with the reason and, when there is one, the offending value. */
export function badRow(reason: string, detail?: string): BadRow {
  return detail === undefined ? { kind: 'bad', reason } : { kind: 'bad', reason, detail };
}

/** Upper-case ISO currency code, or null when `text` is not one. */
export function currencyCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** ISO 4217 "no currency": amounts of a file that states none are kept apart under it. */
export const UNKNOWN_CURRENCY = 'XXX';
