import type { ScaledAmount } from '../money.js';
import { badRow, type RowOutcome } from '../record.js';
import type { TagPair, TagSet } from '../tags/normalize.js';
import { cellAmount, cellQuantity, cellString, cellText, type RowContext } from './cells.js';

/** Where each field of a cost row sits in a tabular row; -1 for a column the file lacks. */
export interface RowColumns {
  readonly day: { readonly index: number; readonly name: string };
  readonly cost: { readonly index: number; readonly name: string };
  /** `fallback` is the currency assumed when the file has no currency column. */
  readonly currency: { readonly index: number; readonly name: string; readonly fallback?: string };
  readonly service: readonly number[];
  readonly resourceId: number;
  readonly quantity: number;
  readonly unit: number;
}

/** How a format finds a row's tags; returns null when the tags cannot be read. */
export type TagReader = (cells: readonly unknown[]) => TagSet | null;

/**
 * Builds the row outcome shared by the tabular formats: checks day, amount and currency, reads
 * the descriptive columns, and keeps the cost untagged when only the tags are unreadable.
 */
export function readCostRow(
  cells: readonly unknown[],
  columns: RowColumns,
  context: RowContext,
  readTags: TagReader,
  adjust?: (cost: ScaledAmount) => ScaledAmount | null,
): RowOutcome {
  const dayCell = cells[columns.day.index];
  const day = context.day(dayCell);
  if (day === null) return badRow(`${columns.day.name} is not a date`, describe(dayCell));

  const costCell = cells[columns.cost.index];
  let cost = cellAmount(costCell);
  if (cost === null) return badRow(`${columns.cost.name} is not a number`, describe(costCell));
  if (adjust) {
    cost = adjust(cost);
    if (cost === null) return badRow('credits are not a list of amounts');
  }

  const currencyCell = columns.currency.index >= 0 ? cells[columns.currency.index] : undefined;
  const currency =
    currencyCell === undefined || cellString(currencyCell) === ''
      ? (columns.currency.fallback ?? null)
      : context.currency(currencyCell);
  if (currency === null) {
    return badRow(`${columns.currency.name} is not a currency code`, describe(currencyCell));
  }

  const tags = readTags(cells);
  return {
    kind: 'cost',
    day,
    currency,
    cost,
    service: firstText(cells, columns.service),
    resourceId: columns.resourceId >= 0 ? cellString(cells[columns.resourceId]) : '',
    quantity: columns.quantity >= 0 ? cellQuantity(cells[columns.quantity]) : null,
    unit: columns.unit >= 0 ? cellString(cells[columns.unit]) : '',
    tags: tags ?? context.normalizer.intern([]),
    tagProblem: tags === null ? 'tags are not readable JSON' : undefined,
  };
}

function firstText(cells: readonly unknown[], indexes: readonly number[]): string {
  for (const index of indexes) {
    const text = cellString(cells[index]);
    if (text.length > 0) return text;
  }
  return '';
}

/** A cell quoted for a message, shortened. */
export function describe(cell: unknown): string {
  if (cell === undefined) return '(missing)';
  const text = cellText(cell);
  if (text.length === 0) return '(empty)';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

/** Tags from a JSON-ish column plus per-column tags and mapped project tags. */
export function tagsFromColumn(
  context: RowContext,
  index: number,
  extra?: (cells: readonly unknown[]) => TagPair[],
  rewrite?: (key: string) => string,
): TagReader {
  return (cells) => {
    const more = extra ? extra(cells) : [];
    if (index < 0) return context.normalizer.intern(more);
    return context.tags(cells[index], more, rewrite);
  };
}

/** A column that holds one tag's value (legacy CUR `resourceTags/user:Team`). */
export interface TagColumn {
  readonly index: number;
  readonly spelling: string;
}

/**
 * Tags spread over one column per key. Rows repeat the same few combinations, so the tag set
 * is looked up by the joined values before any pair is built.
 */
export function tagsFromColumns(context: RowContext, tagColumns: readonly TagColumn[]): TagReader {
  const cache = new Map<string, TagSet>();
  return (cells) => {
    let key = '';
    for (const column of tagColumns) key += `${cellText(cells[column.index])}\u0001`;
    const cached = cache.get(key);
    if (cached) return cached;
    const pairs: TagPair[] = tagColumns.map((column) => [
      column.spelling,
      cellString(cells[column.index]),
    ]);
    const set = context.normalizer.intern(pairs);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, set);
    return set;
  };
}
