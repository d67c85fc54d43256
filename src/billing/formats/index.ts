import type { FormatOption } from '../record.js';
import { awsCur2Format } from './aws-cur2.js';
import { awsCurFormat } from './aws-cur.js';
import { azureFormat } from './azure.js';
import { focusFormat } from './focus.js';
import { gcpFormat } from './gcp.js';
import type { ColumnIndex, TabularFormat } from './layout.js';

/** The row formats, in detection order: FOCUS first, as providers' FOCUS exports add columns. */
export const TABULAR_FORMATS: readonly TabularFormat[] = [
  focusFormat,
  awsCurFormat,
  awsCur2Format,
  azureFormat,
  gcpFormat,
];

/**
 * The row format for these columns: the one asked for, or under `auto` the first whose columns
 * match. Null when none does, or when a document format (OpenAI, Anthropic) was asked for.
 */
export function chooseTabularFormat(
  columns: ColumnIndex,
  option: FormatOption,
): TabularFormat | null {
  if (option !== 'auto') return TABULAR_FORMATS.find((entry) => entry.format === option) ?? null;
  return TABULAR_FORMATS.find((entry) => entry.detect(columns)) ?? null;
}

/** Says which columns each format is recognized by, for the unknown-format message. */
export const FORMAT_HINT =
  'expected FOCUS (`BilledCost`, `ChargePeriodStart`), AWS CUR (`lineItem/UnblendedCost`), ' +
  'AWS CUR 2.0 (`line_item_unblended_cost`), Azure cost details (`CostInBillingCurrency` or ' +
  '`Cost`, `MeterCategory`, `Date`) or GCP billing export (`cost`, `currency`, ' +
  '`usage_start_time`) columns';
