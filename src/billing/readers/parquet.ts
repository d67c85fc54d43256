import { asyncBufferFromFile, parquetMetadataAsync, parquetScan, parquetSchema } from 'hyparquet';
import type { FileMetaData, ParquetParsers } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { CostAccumulator } from '../aggregate/accumulator.js';
import { BillingInputError } from '../errors.js';
import type { RowContext } from '../formats/cells.js';
import { planColumns, readRowGroupColumns } from './parquet-columns.js';
import { chooseTabularFormat, FORMAT_HINT } from '../formats/index.js';
import { ColumnIndex, LayoutError, type LayoutOptions } from '../formats/layout.js';
import type { FormatOption } from '../record.js';

/**
 * Reads one Parquet export (FOCUS, CUR 2.0) one row group at a time, only the columns the
 * format uses, column by column, so memory holds one row group's used columns. Columns of the
 * usual shapes go through the column reader of `parquet-columns.ts` (exact decimals, one tag
 * object per distinct map); a file with any other shape is read by hyparquet's general reader,
 * where a DECIMAL arrives as a double (exact up to 15 significant digits). Bad rows are named
 * by their 1-based row number in the `line` field.
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
      let rowStart = 0;
      for (let group = 0; group < metadata.row_groups.length; group++) {
        const data = await readRowGroupColumns(buffer, metadata, group, plans);
        const rows = Number(metadata.row_groups[group]?.num_rows ?? 0);
        for (let row = 0; row < rows; row++) {
          for (let slot = 0; slot < used.length; slot++) {
            cells[used[slot]?.index ?? 0] = data[slot]?.[row];
          }
          const outcome = layout.map(cells);
          if (outcome.kind === 'cost') accumulator.add(outcome, tally, rowStart + row + 1);
          else accumulator.addBad(outcome, tally, rowStart + row + 1);
        }
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
