/**
 * The syntax tree of an HCL file (native `.tf` or JSON `.tf.json`), with the 1-based line and
 * source range of every node. Only what tag resolution needs is kept: no types, no comments.
 */

/** Where a node is: its first line and its character range in the file's text. */
export interface Position {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** One `key = value` (or `key: value`) item of an object constructor. */
export interface ObjectItem {
  readonly key: Expr;
  readonly value: Expr;
  readonly line: number;
}

/** An HCL expression. A bare identifier used as an object key is already a string literal. */
export type Expr = Position &
  (
    | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
    | { readonly kind: 'template'; readonly parts: readonly (string | Expr)[] }
    /** A `%{ ... }` template directive, whose value the evaluator never knows. */
    | { readonly kind: 'directive'; readonly source: string }
    /** An expression the tag reader could not parse (the HCL parser accepted the file). */
    | { readonly kind: 'invalid'; readonly message: string }
    /** The root of a traversal: `var`, `local`, `each`, `count`, `aws_instance`... */
    | { readonly kind: 'scope'; readonly name: string }
    | { readonly kind: 'attr'; readonly target: Expr; readonly name: string }
    | { readonly kind: 'index'; readonly target: Expr; readonly key: Expr }
    | { readonly kind: 'splat'; readonly target: Expr }
    | {
        readonly kind: 'call';
        readonly name: string;
        readonly args: readonly Expr[];
        /** The last argument was written with `...`. */
        readonly expand: boolean;
      }
    | { readonly kind: 'object'; readonly items: readonly ObjectItem[] }
    | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
    | {
        readonly kind: 'conditional';
        readonly condition: Expr;
        readonly then: Expr;
        readonly otherwise: Expr;
      }
    | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
    | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
    | {
        readonly kind: 'for';
        readonly keyVar?: string;
        readonly valueVar: string;
        readonly collection: Expr;
        /** Set for object results (`{ for k, v in m : k => v }`). */
        readonly key?: Expr;
        readonly value: Expr;
        readonly condition?: Expr;
        readonly grouped: boolean;
      }
  );

/** `name = expression` inside a body. */
export interface Attribute {
  readonly name: string;
  readonly line: number;
  readonly expr: Expr;
}

/** `type "label" ... { body }`. */
export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  readonly body: Body;
}

/** The content of a file or a block: attributes by name, and blocks in source order. */
export interface Body {
  readonly attributes: ReadonlyMap<string, Attribute>;
  readonly blocks: readonly Block[];
}

/** The blocks of `body` whose type is `type`, in source order. */
export function blocksOf(body: Body, type: string): Block[] {
  return body.blocks.filter((block) => block.type === type);
}

/** The string value of a literal or a template without interpolations, else `undefined`. */
export function literalString(expr: Expr): string | undefined {
  if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
  if (expr.kind === 'template' && expr.parts.every((part) => typeof part === 'string')) {
    return expr.parts.join('');
  }
  return undefined;
}

/** The dotted name of a plain traversal (`aws.east`, `var.tags`), else `undefined`. */
export function traversalName(expr: Expr): string | undefined {
  if (expr.kind === 'scope') return expr.name;
  if (expr.kind === 'attr') {
    const target = traversalName(expr.target);
    return target === undefined ? undefined : `${target}.${expr.name}`;
  }
  if (expr.kind === 'template' && expr.parts.length === 1 && typeof expr.parts[0] !== 'string') {
    return expr.parts[0] ? traversalName(expr.parts[0]) : undefined;
  }
  return undefined;
}
