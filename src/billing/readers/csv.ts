import type { Readable } from 'node:stream';
import type { CostAccumulator } from '../aggregate/accumulator.js';
import { CsvTokenizer, UnterminatedQuoteError } from '../csv/tokenizer.js';
import { BillingInputError } from '../errors.js';
import type { RowContext } from '../formats/cells.js';
import { chooseTabularFormat, FORMAT_HINT } from '../formats/index.js';
import {
  ColumnIndex,
  LayoutError,
  type LayoutOptions,
  type TabularLayout,
} from '../formats/layout.js';
import type { FormatOption } from '../record.js';

/**
 * Streams one CSV export (plain or gzip) into the accumulator. The first record is the header
 * and decides the format; a row with a different number of fields is a bad row, named by its
 * line.
 */
export async function readCsv(
  text: Readable,
  file: string,
  option: FormatOption,
  context: RowContext,
  accumulator: CostAccumulator,
  layoutOptions: LayoutOptions,
): Promise<void> {
  const tally = accumulator.startFile(file, option);
  let layout: TabularLayout | undefined;
  let width = 0;

  const tokenizer = new CsvTokenizer((fields, line) => {
    if (layout === undefined) {
      layout = headerLayout(fields, file, line, option, context, layoutOptions);
      width = fields.length;
      const used = new Set(layout.used);
      tokenizer.readOnly(fields.map((_field, index) => used.has(index)));
      tally.format = layout.format;
      tally.notes.push(...layout.notes);
      return;
    }
    if (fields.length !== width) {
      const detail = `${fields.length} fields, header has ${width}`;
      accumulator.addBad({ kind: 'bad', reason: 'wrong number of fields', detail }, tally, line);
      return;
    }
    const outcome = layout.map(fields);
    if (outcome.kind === 'cost') accumulator.add(outcome, tally, line);
    else accumulator.addBad(outcome, tally, line);
  });

  try {
    for await (const chunk of text) tokenizer.push(chunk as string);
    tokenizer.end();
  } catch (cause) {
    throw asInputError(cause, file);
  } finally {
    text.destroy();
  }
  if (layout === undefined) throw new BillingInputError(file, 1, 'file is empty: no header row');
}

function headerLayout(
  fields: string[],
  file: string,
  line: number,
  option: FormatOption,
  context: RowContext,
  layoutOptions: LayoutOptions,
): TabularLayout {
  const columns = new ColumnIndex(fields);
  const format = chooseTabularFormat(columns, option);
  if (format === null) {
    const asked =
      option === 'auto' ? 'unknown billing format' : `\`${option}\` is not a CSV format`;
    throw new BillingInputError(file, line, `${asked}: ${FORMAT_HINT}`);
  }
  try {
    return format.layout(columns, context, layoutOptions);
  } catch (cause) {
    if (cause instanceof LayoutError) throw new BillingInputError(file, line, cause.message);
    throw cause;
  }
}

function asInputError(cause: unknown, file: string): unknown {
  if (cause instanceof BillingInputError) return cause;
  if (cause instanceof UnterminatedQuoteError) {
    return new BillingInputError(file, cause.line, cause.message, { cause });
  }
  if (cause instanceof Error && 'code' in cause && String(cause.code).startsWith('Z_')) {
    return new BillingInputError(file, 0, `gzip data is corrupt: ${cause.message}`, { cause });
  }
  if (cause instanceof Error && 'code' in cause) {
    return new BillingInputError(file, 0, `cannot read file: ${cause.message}`, { cause });
  }
  return cause;
}
