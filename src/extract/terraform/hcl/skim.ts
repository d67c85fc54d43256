import { HclSyntaxError } from './tokens.js';

const NEWLINE = 10;

/** Where a skimmed expression ends, and the line the scan stopped on. */
export interface Skimmed {
  readonly end: number;
  readonly line: number;
}

/**
 * Finds the end of the attribute expression that starts at `pos` without building tokens:
 * the first newline outside brackets, strings, heredocs and comments, or a `}` that closes
 * the enclosing block. Parsing every expression of a file costs more than the HCL parse
 * budget allows, and only tag-related ones are ever read, so the rest are skimmed.
 */
export function skimExpression(text: string, pos: number, line: number): Skimmed {
  const skimmer = new Skimmer(text, pos, line);
  skimmer.expression();
  return { end: skimmer.pos, line: skimmer.line };
}

class Skimmer {
  constructor(
    private readonly text: string,
    public pos: number,
    public line: number,
  ) {}

  /** Stops at a newline or unmatched closer at depth 0 (not consumed). */
  expression(): void {
    let depth = 0;
    for (;;) {
      if (this.pos >= this.text.length) return;
      const char = this.text[this.pos];
      if (char === '\n') {
        if (depth === 0) return;
        this.line++;
        this.pos++;
      } else if (char === '(' || char === '[' || char === '{') {
        depth++;
        this.pos++;
      } else if (char === ')' || char === ']' || char === '}') {
        if (depth === 0) return;
        depth--;
        this.pos++;
      } else if (!this.skipSpecial(char)) {
        this.pos++;
      }
    }
  }

  /** Skips a comment, string or heredoc at `pos`; false when there is none. */
  private skipSpecial(char: string | undefined): boolean {
    const next = this.text[this.pos + 1];
    if (char === '#' || (char === '/' && next === '/')) {
      const newline = this.text.indexOf('\n', this.pos);
      this.pos = newline < 0 ? this.text.length : newline;
      return true;
    }
    if (char === '/' && next === '*') {
      const close = this.text.indexOf('*/', this.pos + 2);
      if (close < 0) this.fail('unterminated /* comment');
      this.countLines(this.pos, close);
      this.pos = close + 2;
      return true;
    }
    if (char === '"') {
      this.quoted();
      return true;
    }
    if (char === '<' && next === '<') return this.heredoc();
    return false;
  }

  private quoted(): void {
    this.pos++;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined || char === '\n') this.fail('unterminated string');
      if (char === '"') {
        this.pos++;
        return;
      }
      if (char === '\\') {
        this.pos += 2;
      } else if ((char === '$' || char === '%') && this.text[this.pos + 1] === char) {
        this.pos += 2;
      } else if ((char === '$' || char === '%') && this.text[this.pos + 1] === '{') {
        this.pos += 2;
        this.interpolation();
      } else {
        this.pos++;
      }
    }
  }

  /** Skips to the `}` closing a `${` or `%{`, past nested braces and strings. */
  private interpolation(): void {
    let depth = 0;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined) this.fail('unterminated template interpolation');
      if (char === '}' && depth === 0) {
        this.pos++;
        return;
      }
      if (char === '{') depth++;
      else if (char === '}') depth--;
      if (char === '\n') this.line++;
      if (!this.skipSpecial(char)) this.pos++;
    }
  }

  private heredoc(): boolean {
    const header = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(
      this.text.slice(this.pos, this.pos + 200),
    );
    if (!header) return false;
    const marker = header[1] ?? '';
    this.pos += header[0].length;
    this.line++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail(`heredoc ${marker} has no end`);
      const newline = this.text.indexOf('\n', this.pos);
      const lineEnd = newline < 0 ? this.text.length : newline;
      const isEnd = this.text.slice(this.pos, lineEnd).trim() === marker;
      if (isEnd) {
        this.pos = lineEnd;
        return true;
      }
      this.pos = lineEnd + 1;
      this.line++;
    }
  }

  private countLines(from: number, to: number): void {
    for (let index = from; index < to; index++) {
      if (this.text.charCodeAt(index) === NEWLINE) this.line++;
    }
  }

  private fail(message: string): never {
    throw new HclSyntaxError(message, this.line);
  }
}
