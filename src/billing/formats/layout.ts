import type { BillingFormat, CostMeasure, RowOutcome } from '../record.js';
import type { RowContext } from './cells.js';

/**
 * A tabular format (CSV or Parquet): recognized from its column names, then each row is read
 * by position. Both readers hand rows as arrays in header order.
 */
export interface TabularFormat {
  readonly format: BillingFormat;
  /** Whether these column names are this format's. */
  detect(columns: ColumnIndex): boolean;
  /** The row reader for a file with these columns; throws `LayoutError` when one is missing. */
  layout(columns: ColumnIndex, context: RowContext, options: LayoutOptions): TabularLayout;
}

export interface LayoutOptions {
  readonly measure: CostMeasure;
}

/** Reads rows of one file. */
export interface TabularLayout {
  readonly format: BillingFormat;
  /** Columns to read; a reader may skip decoding the others. */
  readonly used: readonly number[];
  readonly map: (cells: readonly unknown[]) => RowOutcome;
  /** Facts the user should know about this file (an assumed currency, a missing column). */
  readonly notes: readonly string[];
}

/** A header that lacks a column the format needs. */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** Column name -> position, looked up case-insensitively, trimmed. */
export class ColumnIndex {
  private readonly byName = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, index);
    });
  }

  /** Position of the first of `names` present, or -1. */
  find(...names: string[]): number {
    for (const name of names) {
      const index = this.byName.get(name.toLowerCase());
      if (index !== undefined) return index;
    }
    return -1;
  }

  has(...names: string[]): boolean {
    return this.find(...names) !== -1;
  }

  /** Position of the first of `names`, or a `LayoutError` naming what was expected. */
  require(format: string, ...names: string[]): number {
    const index = this.find(...names);
    if (index === -1) {
      const wanted = names.map((name) => `\`${name}\``).join(' or ');
      throw new LayoutError(`${format} export has no ${wanted} column`);
    }
    return index;
  }

  /** Positions and names of columns whose name starts with `prefix` (case-insensitive). */
  withPrefix(prefix: string): { readonly index: number; readonly name: string }[] {
    const lower = prefix.toLowerCase();
    return this.names
      .map((name, index) => ({ index, name }))
      .filter(({ name }) => name.toLowerCase().startsWith(lower));
  }
}

/** Positions of `indexes` that exist (not -1), for `TabularLayout.used`. */
export function usedColumns(...indexes: number[]): number[] {
  return [...new Set(indexes.filter((index) => index >= 0))];
}
