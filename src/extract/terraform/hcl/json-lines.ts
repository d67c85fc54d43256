import { HclSyntaxError } from './tokens.js';

/** A JSON value with the 1-based line where it starts and its character range. */
export type JsonNode = { readonly line: number; readonly start: number; readonly end: number } & (
  | { readonly kind: 'object'; readonly entries: readonly JsonEntry[] }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
);

/** One `"key": value` member of a JSON object, with the line of its key. */
export interface JsonEntry {
  readonly key: string;
  readonly line: number;
  readonly value: JsonNode;
}

/**
 * Parses JSON text keeping the line of every value and key, which `JSON.parse` drops. Throws
 * `HclSyntaxError` naming the line of the first character that is not JSON.
 */
export function parseJsonWithLines(text: string): JsonNode {
  const reader = new JsonReader(text);
  const node = reader.value();
  reader.end();
  return node;
}

/** Objects and arrays nested deeper than this are refused as a syntax error. */
const MAX_JSON_DEPTH = 256;

class JsonReader {
  private pos = 0;
  private line = 1;
  private depth = 0;

  constructor(private readonly text: string) {}

  value(): JsonNode {
    this.skipBlank();
    const start = this.pos;
    const line = this.line;
    const char = this.text[this.pos];
    if (char === '{' || char === '[') return this.container(char, line, start);
    if (char === '"') return { kind: 'string', value: this.string(), line, start, end: this.pos };
    for (const [word, node] of WORDS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { ...node, line, start, end: this.pos };
      }
    }
    const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 64),
    );
    if (!number) return this.fail('expected a JSON value');
    this.pos += number[0].length;
    return { kind: 'number', value: Number(number[0]), line, start, end: this.pos };
  }

  private container(char: '{' | '[', line: number, start: number): JsonNode {
    // Recursion per level: a limit far above any real file keeps the stack from running out.
    if (++this.depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    const node: JsonNode =
      char === '{'
        ? { kind: 'object', entries: this.entries(), line, start, end: this.pos }
        : { kind: 'array', items: this.items(), line, start, end: this.pos };
    this.depth--;
    return node;
  }

  end(): void {
    this.skipBlank();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
  }

  private entries(): JsonEntry[] {
    this.pos++;
    const entries: JsonEntry[] = [];
    this.skipBlank();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return entries;
    }
    for (;;) {
      this.skipBlank();
      const line = this.line;
      if (this.text[this.pos] !== '"') this.fail('expected a quoted object key');
      const key = this.string();
      this.skipBlank();
      if (this.text[this.pos] !== ':') this.fail('expected ":" after an object key');
      this.pos++;
      entries.push({ key, line, value: this.value() });
      if (this.separator('}')) return entries;
    }
  }

  private items(): JsonNode[] {
    this.pos++;
    const items: JsonNode[] = [];
    this.skipBlank();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      if (this.separator(']')) return items;
    }
  }

  /** Consumes `,` (returns false) or the closing character (returns true). */
  private separator(close: string): boolean {
    this.skipBlank();
    const char = this.text[this.pos];
    this.pos++;
    if (char === close) return true;
    if (char !== ',') this.fail(`expected "," or "${close}"`);
    return false;
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined || char === '\n') this.fail('unterminated string');
      this.pos++;
      if (char === '\\') this.pos++;
      else if (char === '"') break;
    }
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail('invalid escape in string');
    }
  }

  private skipBlank(): void {
    for (;;) {
      const char = this.text[this.pos];
      if (char === '\n') this.line++;
      else if (char !== ' ' && char !== '\t' && char !== '\r') return;
      this.pos++;
    }
  }

  private fail(message: string): never {
    throw new HclSyntaxError(message, this.line);
  }
}

const WORDS: readonly (readonly [string, JsonNode])[] = [
  ['true', { kind: 'boolean', value: true, line: 0, start: 0, end: 0 }],
  ['false', { kind: 'boolean', value: false, line: 0, start: 0, end: 0 }],
  ['null', { kind: 'null', line: 0, start: 0, end: 0 }],
];
