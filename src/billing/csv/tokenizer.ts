/**
 * A streaming RFC 4180 tokenizer tuned for billing exports: millions of short unquoted lines
 * with now and then a quoted JSON field. Lines without a quote are split with `indexOf`; a
 * record with quotes goes through a small state machine and may span lines and chunks.
 * Blank lines are skipped; CR before LF is dropped; quotes inside an unquoted field are kept
 * as written (lenient, as exports are written by many tools).
 */

/** Receives each record with the 1-based line on which it starts. */
export type RecordSink = (fields: string[], line: number) => void;

/** A record longer than this is an unterminated quote, not data: memory stays bounded. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** Thrown when a quoted field never ends; carries the line where the record started. */
export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super('a quoted field never ends (unbalanced `"`)');
    this.name = 'UnterminatedQuoteError';
  }
}

/** Feed text chunks in order with `push`, then call `end`; records arrive at the sink. */
export class CsvTokenizer {
  private pending = '';
  private line = 1;
  private started = false;
  private wanted: readonly boolean[] | null = null;

  constructor(private readonly sink: RecordSink) {}

  /**
   * Fields whose position is false here come out as '' on unquoted lines, skipping the copy:
   * a CUR line has a hundred columns of which a dozen are read.
   */
  readOnly(wanted: readonly boolean[] | null): void {
    this.wanted = wanted;
  }

  push(chunk: string): void {
    let text = this.pending.length > 0 ? this.pending + chunk : chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const consumed = this.consume(text, false);
    this.pending = text.slice(consumed);
    if (this.pending.length > MAX_RECORD_CHARS) throw new UnterminatedQuoteError(this.line);
  }

  end(): void {
    const text = this.pending;
    this.pending = '';
    if (text.length > 0) this.consume(text, true);
  }

  /** Emits every complete record in `text`; returns how many characters were used. */
  private consume(text: string, final: boolean): number {
    let position = 0;
    let nextQuote = text.indexOf('"');
    while (position < text.length) {
      let newline = text.indexOf('\n', position);
      if (newline === -1) {
        if (!final) return position;
        newline = text.length;
      }
      if (nextQuote !== -1 && nextQuote < position) nextQuote = text.indexOf('"', position);

      if (nextQuote === -1 || nextQuote > newline) {
        this.emitPlain(text, position, newline);
        position = newline + 1;
        continue;
      }

      const end = this.emitQuoted(text, position, final);
      if (end === -1) return position;
      position = end;
      nextQuote = text.indexOf('"', position);
    }
    return text.length;
  }

  /** A line without quotes: split on commas. */
  private emitPlain(text: string, start: number, newline: number): void {
    const line = this.line;
    this.line++;
    let stop = newline;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop === start) return;

    const fields: string[] = [];
    const wanted = this.wanted;
    let fieldStart = start;
    for (;;) {
      const comma = text.indexOf(',', fieldStart);
      const end = comma === -1 || comma >= stop ? stop : comma;
      const skip = wanted !== null && wanted[fields.length] === false;
      fields.push(skip ? '' : text.slice(fieldStart, end));
      if (end === stop) break;
      fieldStart = comma + 1;
    }
    this.sink(fields, line);
  }

  /**
   * A record with at least one quote. Returns the index after its line end, or -1 when the
   * text ends inside the record and more input is needed.
   */
  private emitQuoted(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    let lines = 0;
    let index = start;
    for (;;) {
      let value = '';
      if (text.charCodeAt(index) === 34) {
        const quoted = readQuoted(text, index + 1, final);
        if (quoted === null) {
          if (final) throw new UnterminatedQuoteError(this.line);
          return -1;
        }
        value = quoted.value;
        lines += quoted.newlines;
        index = quoted.end;
      }
      let stop = index;
      while (stop < text.length) {
        const code = text.charCodeAt(stop);
        if (code === 44 || code === 10) break;
        stop++;
      }
      if (stop === text.length && !final) return -1;
      value += text.slice(index, stop);
      if (text.charCodeAt(stop) !== 44 && value.endsWith('\r')) value = value.slice(0, -1);
      fields.push(value);
      if (text.charCodeAt(stop) === 44) {
        index = stop + 1;
        continue;
      }
      const line = this.line;
      this.line += lines + 1;
      this.sink(fields, line);
      return stop + 1;
    }
  }
}

interface QuotedField {
  readonly value: string;
  /** Index just after the closing quote. */
  readonly end: number;
  readonly newlines: number;
}

/** Reads a quoted field body starting after its opening quote; null when it is not closed. */
function readQuoted(text: string, from: number, final: boolean): QuotedField | null {
  let value = '';
  let index = from;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1) return null;
    value += text.slice(index, quote);
    // Telling a closing quote from a doubled one needs the next character.
    if (quote + 1 >= text.length && !final) return null;
    if (text.charCodeAt(quote + 1) === 34) {
      value += '"';
      index = quote + 2;
      continue;
    }
    return { value, end: quote + 1, newlines: countNewlines(text, from, quote) };
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to;) {
    count++;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}
