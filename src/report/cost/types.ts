import type {
  DriftGroup,
  KeyCoverage,
  Money,
  RowProblem,
  ShareOfSpend,
  UnitCost,
} from '../../billing/snapshot/types.js';

/**
 * The cost report: what the snapshot says about the spend a pull request touches, ready for
 * the Markdown and JSON renderers. Amounts are exact decimal strings with their currency.
 */
export interface CostReport {
  readonly version: 1;
  readonly snapshotGeneratedAt: string;
  /** The `now` the report was built for. */
  readonly now: string;
  /** Hours between the snapshot and `now`, rounded down. */
  readonly ageHours: number;
  /** Set when the snapshot is older than `STALE_AFTER_HOURS`. */
  readonly stale: boolean;
  readonly period: { readonly start: string; readonly end: string } | null;
  /** The 30-day windows compared, ending on the last day with data. */
  readonly windows: ComparisonWindows | null;
  readonly currencies: readonly string[];
  readonly totals: readonly Money[];
  readonly groupBy: readonly string[];
  /** One table per currency: rows with subtotals, then the total. */
  readonly groups: readonly GroupTable[];
  readonly touched: readonly TouchedValue[];
  readonly untagged: readonly ShareOfSpend[];
  readonly coverage: readonly KeyCoverage[];
  /** Daily total per currency over the last window, for the chart. */
  readonly daily: readonly DailySeries[];
  readonly unitCosts: readonly UnitCost[];
  readonly drift: readonly DriftGroup[];
  readonly badRows: { readonly count: number; readonly samples: readonly RowProblem[] };
  readonly warnings: readonly string[];
}

export interface ComparisonWindows {
  readonly last: { readonly start: string; readonly end: string };
  readonly previous: { readonly start: string; readonly end: string };
  /** False when the snapshot's data starts after the previous window: nothing to compare. */
  readonly previousHasData: boolean;
}

export interface GroupTable {
  readonly currency: string;
  readonly rows: readonly GroupRow[];
  readonly total: string;
}

/** A leaf (one value per key), or a subtotal (the first `depth` keys) when `subtotal`. */
export interface GroupRow {
  /** Key -> value; null where the spend lacks the key. Subtotals hold only their keys. */
  readonly values: Readonly<Record<string, string | null>>;
  readonly amount: string;
  /** Of the currency's total, four decimals. */
  readonly share: number;
  readonly subtotal: boolean;
}

/** A tag value the pull request's resources carry, with its recent spend. */
export interface TouchedValue {
  readonly key: string;
  readonly value: string;
  readonly currency: string;
  readonly last30: string;
  readonly previous30: string;
  /** `last30 - previous30`. */
  readonly change: string;
  /** Change relative to `previous30`, four decimals; null when that is zero. */
  readonly changeRatio: number | null;
  /** Of the currency's spend in the last window, four decimals. */
  readonly share: number;
  /** False when the snapshot has no spend for the value at all. */
  readonly found: boolean;
}

export interface DailySeries {
  readonly currency: string;
  readonly days: readonly { readonly day: string; readonly amount: string }[];
}

/** A report request the snapshot cannot answer (an unknown group-by key). */
export class CostReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CostReportError';
  }
}

/** A snapshot older than this many hours gets a warning. */
export const STALE_AFTER_HOURS = 48;

/** Days in each compared window. */
export const WINDOW_DAYS = 30;
