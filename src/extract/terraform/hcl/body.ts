import type { Attribute, Block, Body, Expr } from './ast.js';
import { ExpressionParser } from './expression.js';
import { lexHcl, lexRange } from './lexer.js';
import { skimExpression } from './skim.js';
import { HclSyntaxError } from './tokens.js';

/**
 * Parses a whole `.tf` file into a `Body` with the line of every block and attribute.
 * Attribute expressions are parsed when first read (most never are: only tag-related ones
 * matter). Throws `HclSyntaxError` with a 1-based line on text that is not HCL.
 */
export function parseHcl(text: string): Body {
  return new BodyScanner(text).body(false);
}

/** Parses one HCL expression written on its own, as in tests and messages. */
export function parseExpression(text: string): Expr {
  const parser = new ExpressionParser(lexHcl(text));
  const expr = parser.expression();
  if (!parser.done) throw new HclSyntaxError('extra text after the expression', 1);
  return expr;
}

class BodyScanner {
  private pos = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** Reads attributes and blocks until the end, or until the `}` closing the current block. */
  body(nested: boolean): Body {
    const attributes = new Map<string, Attribute>();
    const blocks: Block[] = [];
    for (;;) {
      this.skipBlank();
      const char = this.text[this.pos];
      if (char === undefined) {
        if (nested) this.fail('a block is not closed with "}"');
        return { attributes, blocks };
      }
      if (char === '}' && nested) {
        this.pos++;
        return { attributes, blocks };
      }
      const line = this.line;
      const name = this.identifier();
      this.skipBlank();
      if (this.text[this.pos] === '=' && this.text[this.pos + 1] !== '=') {
        this.pos++;
        if (attributes.has(name)) this.fail(`attribute "${name}" is set twice`);
        attributes.set(name, this.attribute(name, line));
      } else {
        const labels = this.labels();
        blocks.push({ type: name, labels, line, body: this.body(true) });
      }
    }
  }

  private attribute(name: string, line: number): Attribute {
    this.skipSpaces();
    const start = this.pos;
    const exprLine = this.line;
    const skimmed = skimExpression(this.text, this.pos, this.line);
    this.pos = skimmed.end;
    this.line = skimmed.line;
    return new LazyAttribute(name, line, this.text, start, skimmed.end, exprLine);
  }

  private labels(): string[] {
    const labels: string[] = [];
    for (;;) {
      this.skipBlank();
      const char = this.text[this.pos];
      if (char === '{') {
        this.pos++;
        return labels;
      }
      if (char === '"') labels.push(this.quotedLabel());
      else if (char !== undefined && isIdentStart(char)) labels.push(this.identifier());
      else this.fail('expected a block label or "{"');
    }
  }

  private quotedLabel(): string {
    const close = /^"((?:[^"\\\n]|\\.)*)"/.exec(this.text.slice(this.pos, this.pos + 1000));
    if (!close) return this.fail('unterminated block label');
    this.pos += close[0].length;
    try {
      return JSON.parse(close[0]) as string;
    } catch {
      return close[1] ?? '';
    }
  }

  private identifier(): string {
    const start = this.pos;
    if (!isIdentStart(this.text[this.pos] ?? '')) this.fail('expected an attribute or block name');
    while (this.pos < this.text.length && isIdentPart(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private skipSpaces(): void {
    for (;;) {
      const char = this.text[this.pos];
      if (char !== ' ' && char !== '\t' && char !== '\r') return;
      this.pos++;
    }
  }

  private skipBlank(): void {
    for (;;) {
      const char = this.text[this.pos];
      const next = this.text[this.pos + 1];
      if (char === '\n') {
        this.line++;
        this.pos++;
      } else if (char === ' ' || char === '\t' || char === '\r') {
        this.pos++;
      } else if (char === '#' || (char === '/' && next === '/')) {
        const newline = this.text.indexOf('\n', this.pos);
        this.pos = newline < 0 ? this.text.length : newline;
      } else if (char === '/' && next === '*') {
        const close = this.text.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail('unterminated /* comment');
        for (let index = this.pos; index < close; index++)
          if (this.text[index] === '\n') this.line++;
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  private fail(message: string): never {
    throw new HclSyntaxError(message, this.line);
  }
}

/**
 * An attribute whose expression is lexed and parsed on first read. A class rather than an
 * object with a getter: a large configuration holds hundreds of thousands of these.
 */
class LazyAttribute implements Attribute {
  private parsed: Expr | undefined;

  constructor(
    readonly name: string,
    readonly line: number,
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly exprLine: number,
  ) {}

  get expr(): Expr {
    this.parsed ??= parseRange(this.text, this.start, this.end, this.exprLine);
    return this.parsed;
  }
}

function parseRange(text: string, start: number, end: number, line: number): Expr {
  try {
    const parser = new ExpressionParser(lexRange(text, start, end, line));
    const expr = parser.expression();
    if (!parser.done) throw new HclSyntaxError('extra text after the expression', line);
    return expr;
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    return { kind: 'invalid', message: error.message, line, start, end };
  }
}

function isIdentStart(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code > 127;
}

function isIdentPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45 ||
    code > 127
  );
}
