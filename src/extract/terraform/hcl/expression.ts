import type { Expr, ObjectItem } from './ast.js';
import { HclSyntaxError, type TemplatePart, type Token } from './tokens.js';

/** Binary operators and their precedence (higher binds tighter), as HCL defines them. */
const PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['||', 1],
  ['&&', 2],
  ['==', 3],
  ['!=', 3],
  ['<', 4],
  ['>', 4],
  ['<=', 4],
  ['>=', 4],
  ['+', 5],
  ['-', 5],
  ['*', 6],
  ['/', 6],
  ['%', 6],
]);

type Fields<E> = E extends unknown ? Omit<E, 'line' | 'start' | 'end'> : never;

/**
 * A recursive-descent parser of HCL expressions over a token array. `body.ts` extends it with
 * attributes and blocks; `parseTemplateParts` uses it for interpolations.
 */
export class ExpressionParser {
  protected index = 0;

  constructor(protected readonly tokens: readonly Token[]) {}

  /** Parses one expression starting at the current token. */
  expression(): Expr {
    const condition = this.binary(1);
    if (!this.isPunct('?')) return condition;
    this.index++;
    const then = this.expression();
    this.expectPunct(':');
    const otherwise = this.expression();
    return this.node(condition, { kind: 'conditional', condition, then, otherwise });
  }

  /** Whether every token was consumed. */
  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  protected peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  protected isPunct(text: string, offset = 0): boolean {
    const token = this.tokens[this.index + offset];
    return token !== undefined && token.kind === 'punct' && token.text === text;
  }

  protected expectPunct(text: string): Token {
    const token = this.peek();
    if (!token || token.kind !== 'punct' || token.text !== text) this.fail(`expected "${text}"`);
    this.index++;
    return token;
  }

  protected expectIdent(): string {
    const token = this.peek();
    if (!token || token.kind !== 'ident') return this.fail('expected a name');
    this.index++;
    return token.text;
  }

  protected fail(message: string): never {
    const token = this.peek() ?? this.tokens[this.tokens.length - 1];
    throw new HclSyntaxError(message, token?.line ?? 1);
  }

  /** Builds a node that spans from `first` to the last consumed token. */
  protected node(first: Token | Expr, fields: Fields<Expr>): Expr {
    const last = this.tokens[this.index - 1];
    // The fields object is always a fresh literal: completing it in place spares a copy.
    const node = fields as { line?: number; start?: number; end?: number };
    node.line = first.line;
    node.start = first.start;
    node.end = last?.end ?? first.end;
    return node as Expr;
  }

  /** Precedence climbing: operators binding at least as tight as `minimum`. */
  private binary(minimum: number): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token?.kind === 'punct' ? PRECEDENCE.get(token.text) : undefined;
      if (!token || precedence === undefined || precedence < minimum) return left;
      this.index++;
      const right = this.binary(precedence + 1);
      left = this.node(left, { kind: 'binary', op: (token as { text: string }).text, left, right });
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token?.kind === 'punct' && (token.text === '!' || token.text === '-')) {
      this.index++;
      const operand = this.unary();
      if (token.text === '-' && operand.kind === 'literal' && typeof operand.value === 'number') {
        return this.node(token, { kind: 'literal', value: -operand.value });
      }
      return this.node(token, { kind: 'unary', op: token.text, operand });
    }
    return this.postfix(this.primary());
  }

  private postfix(target: Expr): Expr {
    for (;;) {
      if (this.isPunct('.')) {
        this.index++;
        const token = this.peek();
        if (token?.kind === 'punct' && token.text === '*') {
          this.index++;
          target = this.node(target, { kind: 'splat', target });
        } else if (token?.kind === 'number') {
          this.index++;
          const key = this.node(token, { kind: 'literal', value: token.value });
          target = this.node(target, { kind: 'index', target, key });
        } else {
          target = this.node(target, { kind: 'attr', target, name: this.expectIdent() });
        }
      } else if (this.isPunct('[')) {
        this.index++;
        if (this.isPunct('*') && this.isPunct(']', 1)) {
          this.index += 2;
          target = this.node(target, { kind: 'splat', target });
          continue;
        }
        const key = this.expression();
        this.expectPunct(']');
        target = this.node(target, { kind: 'index', target, key });
      } else {
        return target;
      }
    }
  }

  private primary(): Expr {
    const token = this.peek();
    if (!token) return this.fail('expected an expression');
    if (token.kind === 'number') {
      this.index++;
      return this.node(token, { kind: 'literal', value: token.value });
    }
    if (token.kind === 'template') {
      this.index++;
      const parts = templateExprs(token.parts, token.line);
      return this.node(token, { kind: 'template', parts });
    }
    if (token.kind === 'ident') return this.name(token);
    if (token.text === '(') {
      this.index++;
      const inner = this.expression();
      this.expectPunct(')');
      return inner;
    }
    if (token.text === '[') return this.tuple(token);
    if (token.text === '{') return this.object(token);
    return this.fail(`unexpected "${token.text}"`);
  }

  private name(token: Token & { kind: 'ident' }): Expr {
    this.index++;
    if (token.text === 'true' || token.text === 'false') {
      return this.node(token, { kind: 'literal', value: token.text === 'true' });
    }
    if (token.text === 'null') return this.node(token, { kind: 'literal', value: null });
    if (!this.isPunct('(')) return this.node(token, { kind: 'scope', name: token.text });
    this.index++;
    const args: Expr[] = [];
    let expand = false;
    while (!this.isPunct(')')) {
      args.push(this.expression());
      if (this.isPunct('...')) {
        this.index++;
        expand = true;
      }
      if (this.isPunct(',')) this.index++;
      else if (!this.isPunct(')')) this.fail('expected "," or ")" in function call');
    }
    this.index++;
    return this.node(token, { kind: 'call', name: token.text, args, expand });
  }

  private tuple(open: Token): Expr {
    this.index++;
    if (this.isForAhead()) return this.forExpression(open, false);
    const items: Expr[] = [];
    while (!this.isPunct(']')) {
      items.push(this.expression());
      if (this.isPunct(',')) this.index++;
      else if (!this.isPunct(']')) this.fail('expected "," or "]" in list');
    }
    this.index++;
    return this.node(open, { kind: 'tuple', items });
  }

  private object(open: Token): Expr {
    this.index++;
    if (this.isForAhead()) return this.forExpression(open, true);
    const items: ObjectItem[] = [];
    while (!this.isPunct('}')) {
      const first = this.peek();
      const rawKey = this.expression();
      const key =
        rawKey.kind === 'scope'
          ? this.node(rawKey, { kind: 'literal', value: rawKey.name })
          : rawKey;
      if (this.isPunct('=') || this.isPunct(':')) this.index++;
      else this.fail('expected "=" or ":" after an object key');
      items.push({ key, value: this.expression(), line: first?.line ?? open.line });
      if (this.isPunct(',')) this.index++;
    }
    this.index++;
    return this.node(open, { kind: 'object', items });
  }

  private isForAhead(): boolean {
    const token = this.peek();
    const next = this.peek(1);
    return token?.kind === 'ident' && token.text === 'for' && next?.kind === 'ident';
  }

  private forExpression(open: Token, object: boolean): Expr {
    this.index++;
    const first = this.expectIdent();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.isPunct(',')) {
      this.index++;
      keyVar = first;
      valueVar = this.expectIdent();
    }
    if (this.expectIdent() !== 'in') this.fail('expected "in" in for expression');
    const collection = this.expression();
    this.expectPunct(':');
    let key: Expr | undefined;
    if (object) {
      key = this.expression();
      this.expectPunct('=>');
    }
    const value = this.expression();
    let grouped = false;
    if (this.isPunct('...')) {
      this.index++;
      grouped = true;
    }
    let condition: Expr | undefined;
    const maybeIf = this.peek();
    if (maybeIf?.kind === 'ident' && maybeIf.text === 'if') {
      this.index++;
      condition = this.expression();
    }
    this.expectPunct(object ? '}' : ']');
    const fields = { kind: 'for', keyVar, valueVar, collection, key, value, condition, grouped };
    return this.node(open, fields as Fields<Expr>);
  }
}

/** Turns lexed template parts into expression parts: text stays text, interpolations parse. */
export function templateExprs(parts: readonly TemplatePart[], line: number): (string | Expr)[] {
  return parts.map((part): string | Expr => {
    if (part.kind === 'text') return part.text;
    if (part.kind === 'directive') {
      return { kind: 'directive', source: part.source, line, start: 0, end: 0 };
    }
    const parser = new ExpressionParser(part.tokens);
    const expr = parser.expression();
    if (!parser.done) throw new HclSyntaxError('extra text after an interpolated expression', line);
    return expr;
  });
}
