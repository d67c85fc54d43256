import { asyncBufferFromFile, parquetMetadataAsync, parquetScan, parquetSchema } from 'hyparquet';
import type { FileMetaData, ParquetParsers } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { CostAccumulator } from '../aggregate/accumulator.js';
import { BillingInputError } from '../errors.js';
import type { FileTally, UsageCell, ResourceCell } from '../aggregate/accumulator.js';
import type { ChargeDay } from '../dates.js';
import {
  cellAmount,
  cellQuantity,
  cellString,
  ScaledCell,
  type RowContext,
} from '../formats/cells.js';
import { planColumns, readRowGroup, type GroupColumn } from './parquet-columns.js';
import { chooseTabularFormat, FORMAT_HINT } from '../formats/index.js';
import { ColumnIndex, LayoutError, type LayoutOptions } from '../formats/layout.js';
import { UNKNOWN_CURRENCY, type FormatOption } from '../record.js';
import type { TagSet } from '../tags/normalize.js';

/**
 * Reads one Parquet export (FOCUS, CUR 2.0) one row group at a time, only the columns the
 * format uses, column by column, so memory holds one row group's used columns. Columns of the
 * usual shapes go through the column reader of `parquet-columns.ts` (exact decimals, one tag
 * object per distinct map); a file with any other shape is read by hyparquet's general reader,
 * where a DECIMAL arrives as a double (exact up to 15 significant digits). FOCUS row groups of
 * dictionary-encoded columns are aggregated column-wise (`aggregateFocusGroup`), with the same
 * result as mapping each row. Bad rows are named by their 1-based row number in the `line` field.
 */
export async function readParquet(
  path: string,
  file: string,
  option: FormatOption,
  context: RowContext,
  accumulator: CostAccumulator,
  layoutOptions: LayoutOptions,
): Promise<void> {
  const buffer = await asyncBufferFromFile(path);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (cause) {
    throw new BillingInputError(file, 0, `not a readable Parquet file: ${message(cause)}`, {
      cause,
    });
  }

  const names = parquetSchema(metadata).children.map((child) => child.element.name);
  const columns = new ColumnIndex(names);
  const format = chooseTabularFormat(columns, option);
  if (format === null) {
    throw new BillingInputError(file, 0, `unknown billing format in Parquet: ${FORMAT_HINT}`);
  }
  let layout;
  try {
    layout = format.layout(columns, context, layoutOptions);
  } catch (cause) {
    if (cause instanceof LayoutError) throw new BillingInputError(file, 0, cause.message);
    throw cause;
  }
  const tally = accumulator.startFile(file, layout.format);
  tally.notes.push(...layout.notes);

  const used = layout.used.map((index) => ({ index, name: names[index] ?? '' }));
  const plans = planColumns(
    parquetSchema(metadata),
    used.map((column) => column.name),
    compressors,
  );
  try {
    if (plans !== null) {
      const cells: unknown[] = new Array(names.length).fill(undefined);
      const mapRow = (data: readonly GroupColumn[], row: number, line: number): void => {
        for (let slot = 0; slot < used.length; slot++) {
          cells[used[slot]?.index ?? 0] = data[slot]?.cells[row];
        }
        const outcome = layout.map(cells);
        if (outcome.kind === 'cost') accumulator.add(outcome, tally, line);
        else accumulator.addBad(outcome, tally, line);
      };
      const focusSlots =
        layout.format === 'focus' ? focusColumnSlots(columns, layoutOptions, layout.used) : null;
      let rowStart = 0;
      for (let group = 0; group < metadata.row_groups.length; group++) {
        const data = await readRowGroup(buffer, metadata, group, plans);
        const rows = Number(metadata.row_groups[group]?.num_rows ?? 0);
        const done =
          focusSlots !== null &&
          aggregateFocusGroup(
            data,
            rows,
            rowStart,
            focusSlots,
            context,
            accumulator,
            tally,
            mapRow,
          );
        if (!done) for (let row = 0; row < rows; row++) mapRow(data, row, rowStart + row + 1);
        rowStart += rows;
      }
      return;
    }
    const scan = await parquetScan({
      file: buffer,
      metadata,
      columns: used.map((column) => column.name),
      compressors,
      parsers: DAY_PARSERS,
    });
    const cells: unknown[] = new Array(names.length).fill(undefined);
    for (const range of scan.ranges) {
      const data = [];
      for (const column of used) {
        data.push(await scan.readColumn({ column: column.name, ...range }));
      }
      for (let row = 0; row < range.rowEnd - range.rowStart; row++) {
        for (let slot = 0; slot < used.length; slot++) {
          cells[used[slot]?.index ?? 0] = data[slot]?.[row];
        }
        const outcome = layout.map(cells);
        const line = range.rowStart + row + 1;
        if (outcome.kind === 'cost') accumulator.add(outcome, tally, line);
        else accumulator.addBad(outcome, tally, line);
      }
    }
  } catch (cause) {
    if (cause instanceof BillingInputError) throw cause;
    throw new BillingInputError(file, 0, `Parquet data is unreadable: ${message(cause)}`, {
      cause,
    });
  }
}

/** Slots (positions in `layout.used`) of the FOCUS columns, -1 for one the file lacks. */
interface FocusSlots {
  readonly day: number;
  readonly cost: number;
  readonly currency: number;
  readonly service: number;
  readonly provider: number;
  readonly resourceId: number;
  readonly quantity: number;
  readonly unit: number;
  readonly tags: number;
}

/**
 * Where the FOCUS layout's columns sit among the used ones, found by the same names the
 * layout looks up (`formats/focus.ts`); null if one is not among the used columns.
 */
function focusColumnSlots(
  columns: ColumnIndex,
  options: LayoutOptions,
  used: readonly number[],
): FocusSlots | null {
  const slot = (...names: string[]): number => {
    const index = columns.find(...names);
    return index < 0 ? -1 : used.indexOf(index);
  };
  const slots: FocusSlots = {
    day: slot('ChargePeriodStart'),
    cost: slot(options.measure === 'effective' ? 'EffectiveCost' : 'BilledCost'),
    currency: slot('BillingCurrency'),
    service: slot('ServiceName'),
    provider: slot('ProviderName'),
    resourceId: slot('ResourceId'),
    quantity: slot('ConsumedQuantity'),
    unit: slot('ConsumedUnit'),
    tags: slot('Tags'),
  };
  if (slots.day < 0 || slots.cost < 0) return null;
  return slots;
}

/** Per distinct value of a column: what it means, computed once per row group. */
function perDistinct<T>(column: GroupColumn | undefined, read: (cell: unknown) => T) {
  const values = column?.distinct.map(read) ?? [];
  return { values, missing: read(null) };
}

/**
 * Aggregates a FOCUS row group column by column: descriptive columns are read once per
 * distinct (dictionary) value, and each row only finds its usage and resource cells by an
 * integer key made of its value ids and adds its cost and quantity to them, in row order, so
 * sums and first-seen resource details are those of the row-by-row path. Rows that are not
 * plainly good (bad day, cost or currency; unreadable tags) go through `mapRow`, in their
 * place. Returns false, having done nothing, when a descriptive column is not dictionary-
 * encoded in this group; the caller then maps every row.
 */
function aggregateFocusGroup(
  data: readonly GroupColumn[],
  rows: number,
  rowStart: number,
  slots: FocusSlots,
  context: RowContext,
  accumulator: CostAccumulator,
  tally: FileTally,
  mapRow: (data: readonly GroupColumn[], row: number, line: number) => void,
): boolean {
  const descriptive = [
    slots.day,
    slots.currency,
    slots.service,
    slots.provider,
    slots.resourceId,
    slots.unit,
    slots.tags,
  ];
  const ids: (Int32Array | null)[] = [];
  let keySpace = 1;
  for (const slot of descriptive) {
    const column = slot >= 0 ? data[slot] : undefined;
    // Resource ids are often too many for a dictionary; they are looked up by text.
    if (column !== undefined && column.ids === null && slot !== slots.resourceId) return false;
    ids.push(column?.ids ?? null);
    keySpace *= (column?.distinct.length ?? 0) + 1;
  }
  if (keySpace > Number.MAX_SAFE_INTEGER) return false;
  const [dayIds, currencyIds, serviceIds, providerIds, resourceIds, unitIds, tagIds] = ids;
  const column = (slot: number): GroupColumn | undefined => (slot >= 0 ? data[slot] : undefined);

  const days = perDistinct(column(slots.day), (cell) => context.day(cell));
  // Timestamps of one day share a key: distinct days numbered, 0 for no day.
  const dayNumbers = new Map<ChargeDay | null, number>([[null, 0]]);
  const dayKeys = Int32Array.from(days.values, (day) => {
    let number = dayNumbers.get(day);
    if (number === undefined) {
      number = dayNumbers.size;
      dayNumbers.set(day, number);
    }
    return number;
  });
  const currencies = perDistinct(column(slots.currency), (cell) =>
    cell === undefined || slots.currency < 0 || cellString(cell) === ''
      ? UNKNOWN_CURRENCY
      : context.currency(cell),
  );
  const services = perDistinct(column(slots.service), cellString);
  const providers = perDistinct(column(slots.provider), cellString);
  const resources = perDistinct(column(slots.resourceId), cellString);
  const units = perDistinct(column(slots.unit), cellString);
  const tags = perDistinct(column(slots.tags), (cell): TagSet | null =>
    slots.tags < 0 ? context.normalizer.intern([]) : context.tags(cell),
  );
  const sizes = descriptive.map((slot) => (column(slot)?.distinct.length ?? 0) + 1);
  sizes[0] = dayNumbers.size;
  const costCells = column(slots.cost)?.cells ?? [];
  const quantityCells = column(slots.quantity)?.cells;

  const cellKeys = sizes.reduce((product, size, index) => (index === 4 ? product : product * size));
  // A dense table when the key space is small (the usual case), else a map.
  const usageCells: Map<number, UsageCell> | (UsageCell | undefined)[] =
    cellKeys <= DENSE_KEYS ? new Array<UsageCell | undefined>(cellKeys) : new Map();
  const resourceCells = new Map<number, ResourceCell>();
  const resourceCellsByName = new Map<string, ResourceCell>();
  const resourceTexts = resourceIds === null ? column(slots.resourceId)?.cells : undefined;
  let generation = accumulator.pruneGeneration;
  const pick = <T>(table: { values: T[]; missing: T }, id: number): T =>
    id < 0 ? table.missing : (table.values[id] as T);

  for (let row = 0; row < rows; row++) {
    const dayId = dayIds?.[row] ?? -1;
    const currencyId = currencyIds?.[row] ?? -1;
    const tagId = tagIds?.[row] ?? -1;
    const costCell = costCells[row];
    const day: ChargeDay | null = pick(days, dayId);
    const currency = pick(currencies, currencyId);
    const tagSet = pick(tags, tagId);
    const cost = costCell instanceof ScaledCell ? costCell.amount : cellAmount(costCell);
    if (day === null || currency === null || tagSet === null || cost === null) {
      mapRow(data, row, rowStart + row + 1);
      continue;
    }
    const serviceId = serviceIds?.[row] ?? -1;
    const providerId = providerIds?.[row] ?? -1;
    const unitId = unitIds?.[row] ?? -1;
    const quantity = quantityCells === undefined ? null : cellQuantity(quantityCells[row]);
    accumulator.countRow(tally, day);

    let key = dayId < 0 ? 0 : (dayKeys[dayId] ?? 0);
    key = key * (sizes[1] ?? 1) + currencyId + 1;
    key = key * (sizes[2] ?? 1) + serviceId + 1;
    key = key * (sizes[3] ?? 1) + providerId + 1;
    key = key * (sizes[5] ?? 1) + unitId + 1;
    key = key * (sizes[6] ?? 1) + tagId + 1;
    let cell = Array.isArray(usageCells) ? usageCells[key] : usageCells.get(key);
    if (cell === undefined) {
      const service = pick(services, serviceId);
      cell = accumulator.cellFor(
        tagSet,
        day,
        currency,
        service.length > 0 ? service : pick(providers, providerId),
        pick(units, unitId),
      );
      if (Array.isArray(usageCells)) usageCells[key] = cell;
      else usageCells.set(key, cell);
    }
    cell.cost.add(cost);
    if (quantity !== null) {
      cell.quantity += quantity;
      cell.hasQuantity = true;
    }

    let resource: ResourceCell | undefined;
    if (resourceTexts !== undefined) {
      // By text: one map per group, so only for rows of the group's one currency.
      const name = cellString(resourceTexts[row]);
      if (name.length === 0) continue;
      const cacheable = currencyIds === null || (sizes[1] === 2 && currencyId === 0);
      resource = cacheable ? resourceCellsByName.get(name) : undefined;
      if (resource === undefined) {
        resource = accumulator.resourceFor(name, currency, cell.service, tagSet);
        if (accumulator.pruneGeneration !== generation) {
          generation = accumulator.pruneGeneration;
          resourceCellsByName.clear();
        }
        if (cacheable) resourceCellsByName.set(name, resource);
      }
    } else {
      const resourceId = resourceIds?.[row] ?? -1;
      const resourceKey = (resourceId + 1) * (sizes[1] ?? 1) + currencyId + 1;
      resource = resourceCells.get(resourceKey);
      if (resource === undefined) {
        const name = pick(resources, resourceId);
        if (name.length === 0) continue;
        resource = accumulator.resourceFor(name, currency, cell.service, tagSet);
        if (accumulator.pruneGeneration !== generation) {
          generation = accumulator.pruneGeneration;
          resourceCells.clear();
        }
        resourceCells.set(resourceKey, resource);
      }
    }
    resource.cost.add(cost);
  }
  return true;
}

const DENSE_KEYS = 1 << 20;

const MS_PER_DAY = 86_400_000;
const dayTexts = new Map<number, string>();

/** A timestamp's UTC day as text, computed once per distinct day instead of a Date per row. */
function dayOfMillis(millis: number): string {
  const dayNumber = Math.floor(millis / MS_PER_DAY);
  let text = dayTexts.get(dayNumber);
  if (text === undefined) {
    text = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    dayTexts.set(dayNumber, text);
  }
  return text;
}

const DAY_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => dayOfMillis(Number(millis)),
  timestampFromMicroseconds: (micros: bigint) => dayOfMillis(Number(micros / 1000n)),
  timestampFromNanoseconds: (nanos: bigint) => dayOfMillis(Number(nanos / 1_000_000n)),
  dateFromDays: (days: number) => dayOfMillis(days * MS_PER_DAY),
};

function message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
