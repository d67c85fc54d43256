import type { Readable } from 'node:stream';
import type { CostAccumulator, FileTally } from '../aggregate/accumulator.js';
import { BillingInputError } from '../errors.js';
import { detectAiCostDocument, readAnthropicCosts, readOpenAiCosts } from '../formats/ai-costs.js';
import type { RowContext } from '../formats/cells.js';
import { GCP_FIELDS, gcpFormat } from '../formats/gcp.js';
import { ColumnIndex, type LayoutOptions, type TabularLayout } from '../formats/layout.js';
import type { BillingFormat, FormatOption, RowOutcome } from '../record.js';

/** A whole JSON document (not JSON lines) larger than this is refused: it is read in one go. */
export const MAX_JSON_DOCUMENT_CHARS = 256 * 1024 * 1024;

type JsonFormat = Extract<BillingFormat, 'gcp' | 'openai' | 'anthropic'>;

/**
 * Reads a JSON billing file: JSON lines (one GCP export row, or one cost API page, per line;
 * streamed line by line), or one JSON document (a cost API page, an array of pages, or an
 * array of GCP rows; held in memory whole, as API pages are small).
 */
export async function readJson(
  text: Readable,
  file: string,
  option: FormatOption,
  context: RowContext,
  accumulator: CostAccumulator,
  layoutOptions: LayoutOptions,
): Promise<void> {
  const tally = accumulator.startFile(file, option);
  const reader = new JsonValueReader(file, option, context, accumulator, tally, layoutOptions);
  let pending = '';
  let line = 0;
  let wholeDocument: string[] | null = null;
  let wholeLength = 0;
  let documentLine = 1;
  try {
    for await (const chunk of text) {
      if (wholeDocument !== null) {
        wholeLength += String(chunk).length;
        if (wholeLength > MAX_JSON_DOCUMENT_CHARS) throw tooLarge(file);
        wholeDocument.push(String(chunk));
        continue;
      }
      const lines = (pending + String(chunk)).split('\n');
      pending = lines.pop() ?? '';
      for (const [offset, entry] of lines.entries()) {
        line++;
        if (reader.acceptLine(entry, line)) continue;
        documentLine = line;
        wholeDocument = [lines.slice(offset).join('\n'), '\n', pending];
        wholeLength = wholeDocument.join('').length;
        pending = '';
        break;
      }
    }
  } finally {
    text.destroy();
  }
  if (wholeDocument === null) {
    if (pending.trim().length > 0 && !reader.acceptLine(pending, line + 1)) {
      reader.document(pending, line + 1);
    }
  } else {
    reader.document(wholeDocument.join(''), documentLine);
  }
  if (tally.rows + tally.badRows === 0 && reader.seenValues === 0) {
    throw new BillingInputError(file, 1, 'file holds no JSON value');
  }
}

class JsonValueReader {
  seenValues = 0;
  private format: JsonFormat | null = null;
  private gcpLayout: TabularLayout | null = null;

  constructor(
    private readonly file: string,
    private readonly option: FormatOption,
    private readonly context: RowContext,
    private readonly accumulator: CostAccumulator,
    private readonly tally: FileTally,
    private readonly layoutOptions: LayoutOptions,
  ) {}

  /** Takes one line as a JSON value; false when the line is not one (a pretty-printed file). */
  acceptLine(text: string, line: number): boolean {
    const trimmed = text.trim();
    if (trimmed.length === 0) return true;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      if (this.seenValues === 0) return false;
      this.record(line, { kind: 'bad', reason: 'line is not valid JSON' });
      return true;
    }
    this.value(value, line);
    return true;
  }

  /** Takes the rest of the file as one JSON document that starts at `line`. */
  document(text: string, line: number): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new BillingInputError(this.file, line, `not valid JSON: ${String(cause)}`, { cause });
    }
    if (Array.isArray(value) && this.detect(value) === 'gcp') {
      for (const row of value) this.value(row, line);
      return;
    }
    this.value(value, line);
  }

  private value(value: unknown, line: number): void {
    this.seenValues++;
    const format = this.format ?? this.detect(value);
    this.format = format;
    this.tally.format = format;
    const emit = (outcome: RowOutcome): void => this.record(line, outcome);
    if (format === 'openai') readOpenAiCosts(value, this.context, emit);
    else if (format === 'anthropic') readAnthropicCosts(value, this.context, emit);
    else emit(this.gcpRow(value));
  }

  private detect(value: unknown): JsonFormat {
    if (this.option === 'openai' || this.option === 'anthropic' || this.option === 'gcp') {
      return this.option;
    }
    const document = detectAiCostDocument(value);
    if (document !== null) return document;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'object' && first !== null && 'cost' in first) return 'gcp';
    throw new BillingInputError(
      this.file,
      1,
      'unknown JSON billing format: expected GCP billing export rows (`cost`, `currency`, ' +
        '`usage_start_time`), an OpenAI costs page (`object: "page"`) or an Anthropic cost ' +
        'report (`data` buckets with `starting_at`)',
    );
  }

  private gcpRow(value: unknown): RowOutcome {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { kind: 'bad', reason: 'row is not a JSON object' };
    }
    this.gcpLayout ??= gcpFormat.layout(
      new ColumnIndex(GCP_FIELDS),
      this.context,
      this.layoutOptions,
    );
    return this.gcpLayout.map(GCP_FIELDS.map((field) => fieldAt(value, field)));
  }

  private record(line: number, outcome: RowOutcome): void {
    if (outcome.kind === 'cost') this.accumulator.add(outcome, this.tally, line);
    else this.accumulator.addBad(outcome, this.tally, line);
  }
}

/** The value at a dotted path (`service.description`) of a parsed row. */
function fieldAt(row: object, path: string): unknown {
  let current: unknown = row;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function tooLarge(file: string): BillingInputError {
  return new BillingInputError(
    file,
    1,
    `JSON document is over ${MAX_JSON_DOCUMENT_CHARS} characters; write it as JSON lines ` +
      '(one row or page per line) so it can be streamed',
  );
}
