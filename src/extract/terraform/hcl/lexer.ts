import { HclSyntaxError, type Punctuation, type TemplatePart, type Token } from './tokens.js';

const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const DOLLAR = 36;
const PERCENT = 37;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const TILDE = 126;

const TWO_CHAR = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>']);
const ONE_CHAR = new Set('{}[]()=<>+-*/%!?:.,');

/**
 * Splits HCL native syntax into tokens, dropping comments and newlines. Quoted strings and
 * heredocs become `template` tokens whose interpolations are lexed recursively, so braces
 * inside strings never confuse block nesting. Throws `HclSyntaxError` on text it cannot split
 * (an unterminated string, heredoc or comment).
 */
export function lexHcl(text: string): Token[] {
  return new Lexer(text, 0, text.length, 1, 0).tokens(false);
}

/** Lexes `text[start, end)`, which begins on `line`: one attribute's expression. */
export function lexRange(text: string, start: number, end: number, line: number): Token[] {
  return new Lexer(text, start, end, line, 0).tokens(false);
}

/**
 * Lexes the content of a Terraform JSON string as a template: `${...}` interpolations and
 * `%{...}` directives, no escapes (JSON already decoded them). `line` is where the string is.
 */
export function lexTemplateText(text: string, line: number): TemplatePart[] {
  return new Lexer(text, 0, text.length, line, 0).template('end');
}

class Lexer {
  constructor(
    private readonly text: string,
    private pos: number,
    private readonly limit: number,
    private line: number,
    /** Added to local offsets so that tokens of a heredoc body point into the whole file. */
    private readonly base: number,
  ) {}

  /** Lexes tokens until the end, or until the `}` that closes an interpolation. */
  tokens(untilClosingBrace: boolean): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.limit) {
        if (untilClosingBrace) this.fail('unterminated template interpolation');
        return out;
      }
      const code = this.text.charCodeAt(this.pos);
      if (untilClosingBrace && code === CLOSE_BRACE && depth === 0) {
        this.pos++;
        return out;
      }
      if (
        untilClosingBrace &&
        code === TILDE &&
        this.text.charCodeAt(this.pos + 1) === CLOSE_BRACE
      ) {
        this.pos++;
        continue;
      }
      const token = this.token(code);
      if (token.kind === 'punct') {
        if (token.text === '{') depth++;
        else if (token.text === '}') depth--;
      }
      out.push(token);
    }
  }

  private token(code: number): Token {
    const start = this.pos + this.base;
    const line = this.line;
    if (isIdentStart(code)) {
      return { kind: 'ident', text: this.identifier(), line, start, end: this.at() };
    }
    if (code >= 48 && code <= 57) {
      return { kind: 'number', value: this.number(), line, start, end: this.at() };
    }
    if (code === QUOTE) {
      this.pos++;
      const parts = this.template('quote');
      return { kind: 'template', parts, line, start, end: this.at() };
    }
    if (this.text.startsWith('<<', this.pos) && this.heredocAhead()) {
      const parts = this.heredoc();
      return { kind: 'template', parts, line, start, end: this.at() };
    }
    const punct = this.punctuation();
    return { kind: 'punct', text: punct, line, start, end: this.at() };
  }

  private at(): number {
    return this.pos + this.base;
  }

  private skipBlank(): void {
    while (this.pos < this.limit) {
      const code = this.text.charCodeAt(this.pos);
      if (code === NEWLINE) {
        this.line++;
        this.pos++;
      } else if (code === 32 || code === 9 || code === 13) {
        this.pos++;
      } else if (code === 35 || (code === 47 && this.text.charCodeAt(this.pos + 1) === 47)) {
        while (this.pos < this.limit && this.text.charCodeAt(this.pos) !== NEWLINE) this.pos++;
      } else if (code === 47 && this.text.charCodeAt(this.pos + 1) === 42) {
        this.blockComment();
      } else {
        return;
      }
    }
  }

  private blockComment(): void {
    const close = this.text.indexOf('*/', this.pos + 2);
    if (close < 0 || close >= this.limit) this.fail('unterminated /* comment');
    this.countLines(this.pos, close);
    this.pos = close + 2;
  }

  private identifier(): string {
    const start = this.pos;
    for (;;) {
      while (this.pos < this.limit && isIdentPart(this.text.charCodeAt(this.pos))) this.pos++;
      // Provider-defined functions are spelled `provider::aws::arn_parse`: one name.
      const joined =
        this.text.startsWith('::', this.pos) && isIdentStart(this.text.charCodeAt(this.pos + 2));
      if (!joined) return this.text.slice(start, this.pos);
      this.pos += 2;
    }
  }

  private number(): number {
    const start = this.pos;
    while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
    if (this.text.charCodeAt(this.pos) === 46 && isDigit(this.text.charCodeAt(this.pos + 1))) {
      this.pos++;
      while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
    }
    const exponent = this.text.charCodeAt(this.pos);
    if (exponent === 101 || exponent === 69) {
      const sign = this.text.charCodeAt(this.pos + 1);
      const digitAt = sign === 43 || sign === 45 ? this.pos + 2 : this.pos + 1;
      if (isDigit(this.text.charCodeAt(digitAt))) {
        this.pos = digitAt;
        while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
      }
    }
    return Number(this.text.slice(start, this.pos));
  }

  private punctuation(): Punctuation {
    const first = this.text[this.pos] ?? '';
    const second = this.text[this.pos + 1] ?? '';
    if (first === '.' && second === '.' && this.text[this.pos + 2] === '.') {
      this.pos += 3;
      return '...';
    }
    const pair = first + second;
    if (TWO_CHAR.has(pair)) {
      this.pos += 2;
      return pair as Punctuation;
    }
    if (ONE_CHAR.has(first)) {
      this.pos++;
      return first as Punctuation;
    }
    return this.fail(`unexpected character ${JSON.stringify(first)}`);
  }

  /**
   * Reads template text up to its terminator: a closing quote (with escapes), or the end of
   * the lexer's range (heredoc bodies and JSON strings).
   */
  template(terminator: 'quote' | 'end'): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let text = '';
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= this.limit) {
        if (terminator === 'quote') this.fail('unterminated string');
        text += this.text.slice(runStart, this.pos);
        break;
      }
      const code = this.text.charCodeAt(this.pos);
      if (terminator === 'quote' && code === QUOTE) {
        text += this.text.slice(runStart, this.pos);
        this.pos++;
        break;
      }
      if (code === NEWLINE) {
        if (terminator === 'quote') this.fail('unterminated string');
        this.line++;
        this.pos++;
        continue;
      }
      const special =
        (terminator === 'quote' && code === BACKSLASH) || code === DOLLAR || code === PERCENT;
      if (!special) {
        this.pos++;
        continue;
      }
      text = this.special(code, terminator, parts, text + this.text.slice(runStart, this.pos));
      runStart = this.pos;
    }
    if (text || parts.length === 0) parts.push({ kind: 'text', text });
    return parts;
  }

  /** Handles an escape, `$${` / `%%{`, or an interpolation or directive; returns the text. */
  private special(code: number, terminator: string, parts: TemplatePart[], text: string): string {
    const next = this.text.charCodeAt(this.pos + 1);
    if (terminator === 'quote' && code === BACKSLASH) return text + this.escape();
    if (next === code) {
      // `$${` and `%%{` are literal `${` and `%{`.
      const escaped = this.text.charCodeAt(this.pos + 2) === OPEN_BRACE;
      this.pos += escaped ? 3 : 2;
      return text + (escaped ? String.fromCharCode(code) + '{' : String.fromCharCode(code, code));
    }
    if (next !== OPEN_BRACE) {
      this.pos++;
      return text + String.fromCharCode(code);
    }
    if (text) parts.push({ kind: 'text', text });
    const start = this.pos;
    this.pos += 2;
    if (code === DOLLAR) {
      if (this.text.charCodeAt(this.pos) === TILDE) this.pos++;
      parts.push({ kind: 'interpolation', tokens: this.tokens(true) });
    } else {
      this.tokens(true);
      parts.push({ kind: 'directive', source: this.text.slice(start, this.pos) });
    }
    return '';
  }

  private escape(): string {
    const code = this.text[this.pos + 1];
    this.pos += 2;
    switch (code) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const width = code === 'u' ? 4 : 8;
        const hex = this.text.slice(this.pos, this.pos + width);
        this.pos += width;
        const point = Number.parseInt(hex, 16);
        return Number.isNaN(point) ? '' : String.fromCodePoint(point);
      }
      default:
        return this.fail(`invalid escape sequence \\${code ?? ''}`);
    }
  }

  private heredocAhead(): boolean {
    const match = /^<<-?[A-Za-z_][A-Za-z0-9_-]*[ \t]*\r?\n/.exec(
      this.text.slice(this.pos, this.pos + 200),
    );
    return match !== null;
  }

  /** Reads `<<EOT` / `<<-EOT` up to its closing marker line; `-` strips common indentation. */
  private heredoc(): TemplatePart[] {
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(
      this.text.slice(this.pos, this.pos + 200),
    );
    if (!header) return this.fail('malformed heredoc');
    const indented = header[1] === '-';
    const marker = header[2] ?? '';
    const headerLine = this.line;
    this.pos += header[0].length;
    this.line++;
    const bodyStart = this.pos;
    let lineStart = bodyStart;
    for (;;) {
      if (lineStart >= this.limit)
        this.fail(`heredoc ${marker} from line ${headerLine} has no end`);
      const newline = this.text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 || newline > this.limit ? this.limit : newline;
      if (this.text.slice(lineStart, lineEnd).trim() === marker) {
        const body = this.text.slice(bodyStart, lineStart);
        const parts = this.heredocBody(indented ? dedent(body) : body, bodyStart);
        this.line += countNewlines(body);
        this.pos = lineEnd;
        return parts;
      }
      lineStart = lineEnd + 1;
    }
  }

  private heredocBody(body: string, bodyStart: number): TemplatePart[] {
    return new Lexer(body, 0, body.length, this.line, bodyStart + this.base).template('end');
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

function isIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code > 127;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || isDigit(code) || code === 45;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** Removes the indentation common to every non-blank line, as `<<-` heredocs do. */
function dedent(body: string): string {
  const lines = body.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, /^[ \t]*/.exec(line)?.[0].length ?? 0);
  }
  if (!Number.isFinite(indent) || indent === 0) return body;
  return lines
    .map((line) => line.slice(Math.min(indent, /^[ \t]*/.exec(line)?.[0].length ?? 0)))
    .join('\n');
}
