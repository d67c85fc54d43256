import type { BillingFormat } from '../record.js';
import type { ScaledAmount } from '../money.js';
import type { RowContext } from './cells.js';
import { usedColumns, type ColumnIndex, type TabularLayout } from './layout.js';
import { readCostRow, type RowColumns, type TagReader } from './row.js';

/** The day, cost and currency columns of a format that names each with one column. */
export interface CostColumnNames {
  readonly day: string;
  readonly cost: string;
  readonly currency: string;
  /** The currency assumed when the file has no currency column; without one it is required. */
  readonly currencyFallback?: string;
}

/**
 * Finds the day, cost and currency columns, in that order; a missing required one throws the
 * `LayoutError` naming `source` (the export's name in messages, such as `AWS CUR`).
 */
export function costColumns(
  columns: ColumnIndex,
  source: string,
  names: CostColumnNames,
): Pick<RowColumns, 'day' | 'cost' | 'currency'> {
  const day = { index: columns.require(source, names.day), name: names.day };
  const cost = { index: columns.require(source, names.cost), name: names.cost };
  const currency =
    names.currencyFallback === undefined
      ? { index: columns.require(source, names.currency), name: names.currency }
      : {
          index: columns.find(names.currency),
          name: names.currency,
          fallback: names.currencyFallback,
        };
  return { day, cost, currency };
}

/** What a format adds to the shared cost-row reading. */
export interface CostRowExtras {
  /** Columns read besides those of `RowColumns` (tags, credits); -1 for an absent one. */
  readonly extraColumns: readonly number[];
  readonly notes: readonly string[];
  /** Changes a row's parsed cost (GCP credits); null when the row's cells make it unreadable. */
  readonly adjust?: (cost: ScaledAmount, cells: readonly unknown[]) => ScaledAmount | null;
}

/** The layout of a format whose rows are read by `readCostRow` with these columns and tags. */
export function costRowLayout(
  format: BillingFormat,
  row: RowColumns,
  context: RowContext,
  readTags: TagReader,
  extras: CostRowExtras,
): TabularLayout {
  const { adjust } = extras;
  return {
    format,
    used: usedColumns(
      row.day.index,
      row.cost.index,
      row.currency.index,
      ...row.service,
      row.resourceId,
      row.quantity,
      row.unit,
      ...extras.extraColumns,
    ),
    map: adjust
      ? (cells) => readCostRow(cells, row, context, readTags, (cost) => adjust(cost, cells))
      : (cells) => readCostRow(cells, row, context, readTags),
    notes: extras.notes,
  };
}
