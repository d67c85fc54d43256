import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts.js';
import { interpretCall } from './objects.js';
import { resolveAttribute, resolveName } from './names.js';
import { excerpt, unknown, type Located, type StaticValue } from './static-value.js';
import {
  compact,
  keyTextAt,
  knownMemberChain,
  namedChildrenOf,
  objectOf,
  plainKey,
  propertyOf,
  splitPair,
  stringLiteral,
  subscriptOf,
  typeOf,
  unwrap,
} from './syntax.js';

/** Where an expression is evaluated: its file, scope and position, and the depth so far. */
export interface EvalContext {
  readonly facts: FileFacts;
  readonly scope: number;
  /** Bindings of the same scope at or after this offset are not yet in effect. */
  readonly index: number;
  readonly depth: number;
}

/** Deeper chains of assignments than this are reported as unknown rather than followed. */
const MAX_DEPTH = 12;

/**
 * Expressions one file may have evaluated. Real code stays far below (the bench's files, with
 * three call sites each, use a few dozen); past it, values are reported as unknown.
 */
const MAX_STEPS_PER_FILE = 20_000;

const SCALARS = new Set(['integer', 'float', 'number', 'true', 'false']);
const NONES = new Set(['none', 'null', 'undefined']);

/** Evaluates an expression as far as literals and bindings in the same file allow. */
export function evaluate(node: Node, context: EvalContext): StaticValue {
  if (context.depth > MAX_DEPTH) return unknown(`\`${excerpt(node)}\`, too many steps away`);
  if (++context.facts.evaluationSteps > MAX_STEPS_PER_FILE) {
    return unknown(`\`${excerpt(node)}\`, not followed: this file needs too many steps to read`);
  }
  const expression = unwrap(node);
  const type = typeOf(expression);
  if (SCALARS.has(type)) return { kind: 'text', value: expression.text };
  if (NONES.has(type)) return { kind: 'none' };
  switch (type) {
    case 'string':
    case 'concatenated_string':
    case 'template_string': {
      const value = stringLiteral(expression);
      return value === null
        ? unknown(`\`${excerpt(expression)}\`, built at run time`)
        : { kind: 'text', value };
    }
    case 'list':
    case 'tuple':
    case 'array':
      return evaluateList(expression, context);
    case 'dictionary':
    case 'object':
      return evaluateMap(expression, context);
    case 'identifier':
    case 'shorthand_property_identifier':
      return resolveName(expression.text, context);
    case 'attribute':
    case 'member_expression':
      return evaluateMember(expression, context);
    case 'subscript':
    case 'subscript_expression':
      return evaluateSubscript(expression, context);
    case 'call':
    case 'call_expression':
    case 'new_expression':
      return interpretCall(expression, context);
    case 'binary_operator':
    case 'binary_expression':
      return evaluateSum(expression, context);
    default:
      return unknown(`\`${excerpt(expression)}\``);
  }
}

/** The same context, one step deeper, positioned at `node`. */
export function deeper(context: EvalContext, scope: number, index: number): EvalContext {
  return { facts: context.facts, scope, index, depth: context.depth + 1 };
}

function evaluateList(node: Node, context: EvalContext): StaticValue {
  const items: Located[] = [];
  let open: string | undefined;
  for (const element of namedChildrenOf(node)) {
    if (typeOf(element) === 'list_splat' || typeOf(element) === 'spread_element') {
      const inner = element.namedChildren[0];
      const spread = inner ? evaluate(inner, context) : unknown('an empty spread');
      if (spread.kind === 'list') {
        items.push(...spread.items);
        open ??= spread.open;
      } else {
        open ??= `\`${excerpt(element)}\``;
      }
    } else if (typeOf(element) !== 'comment') {
      items.push(lazy(element, context));
    }
  }
  return open === undefined ? { kind: 'list', items } : { kind: 'list', items, open };
}

function evaluateMap(node: Node, context: EvalContext): StaticValue {
  const entries = new Map<string, Located>();
  let open: string | undefined;
  for (const member of namedChildrenOf(node)) {
    if (typeOf(member) === 'pair') {
      const { facts } = context;
      const names = facts.grammar !== 'python';
      const quickKey = facts.wellFormed
        ? keyTextAt(facts.text, member.startIndex, ':', names)
        : undefined;
      if (quickKey !== undefined) {
        entries.set(plainKey(quickKey), lazyField(member, 'value', context));
        continue;
      }
      const split = facts.wellFormed ? splitPair(member, facts.text, ':', names) : undefined;
      const keyNode = split ? split.key : member.childForFieldName('key');
      const valueNode = split ? split.value : member.childForFieldName('value');
      const keyText = split?.keyText ?? null;
      const key = keyText !== null ? plainKey(keyText) : keyNode ? propertyKey(keyNode) : null;
      if (key === null || !valueNode) {
        open ??= `the computed key \`${keyNode ? excerpt(keyNode) : '?'}\``;
        continue;
      }
      entries.set(key, lazy(valueNode, context));
    } else if (typeOf(member) === 'shorthand_property_identifier') {
      entries.set(member.text, lazy(member, context));
    } else if (typeOf(member) === 'dictionary_splat' || typeOf(member) === 'spread_element') {
      const inner = member.namedChildren[0];
      const spread = inner ? evaluate(inner, context) : unknown('an empty spread');
      if (spread.kind === 'map') {
        for (const [key, value] of spread.entries) entries.set(key, value);
        open ??= spread.open;
      } else {
        open ??= `\`${excerpt(member)}\``;
      }
    }
  }
  return open === undefined ? { kind: 'map', entries } : { kind: 'map', entries, open };
}

/** `a + b` of two lists (Python `TAGS + [...]`) or two strings; anything else is unknown. */
function evaluateSum(node: Node, context: EvalContext): StaticValue {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const operator = node.childForFieldName('operator')?.text;
  if (!left || !right || operator !== '+') return unknown(`\`${excerpt(node)}\``);
  const a = evaluate(left, context);
  const b = evaluate(right, context);
  if (a.kind === 'list' && b.kind === 'list') {
    const open = a.open ?? b.open;
    const items = [...a.items, ...b.items];
    return open === undefined ? { kind: 'list', items } : { kind: 'list', items, open };
  }
  if (a.kind === 'text' && b.kind === 'text') return { kind: 'text', value: a.value + b.value };
  if (a.kind === 'unknown') return a;
  return b.kind === 'unknown' ? b : unknown(`\`${excerpt(node)}\``);
}

/** A literal key of a dict or object literal: `"k"`, `k`, `1`; `null` when computed. */
function propertyKey(node: Node): string | null {
  if (
    typeOf(node) === 'property_identifier' ||
    typeOf(node) === 'number' ||
    typeOf(node) === 'integer'
  ) {
    return node.text;
  }
  return stringLiteral(node);
}

/** The names a method's receiver goes by. */
const RECEIVERS = new Set(['self', 'this', 'cls']);

function evaluateMember(node: Node, context: EvalContext): StaticValue {
  const { object, property } = memberParts(node);
  if (property === undefined || !object) return unknown(`\`${excerpt(node)}\``);
  // `self.x` / `this.x`, one name deep: a member chain's text is never a receiver's name.
  if (RECEIVERS.has(object.text)) {
    return resolveAttribute(compact(node.text), context);
  }
  const value = evaluate(object, context);
  return memberOf(value, property, node);
}

/**
 * The object (unwrapped) and the property name of `a.b`: from the chain already split when a
 * callee was (no new questions to the parser), else from the node's two fields.
 */
function memberParts(node: Node): { object: Node | undefined; property: string | undefined } {
  const known = knownMemberChain(node);
  if (known) {
    const { base, segments, nodes } = known;
    return {
      object: nodes.length > 1 ? nodes[nodes.length - 2] : base,
      property: segments.at(-1),
    };
  }
  const object = objectOf(node);
  return { object: object ? unwrap(object) : undefined, property: propertyOf(node)?.text };
}

function memberOf(value: StaticValue, name: string, node: Node): StaticValue {
  if (value.kind === 'module') {
    if (value.module === 'process' && value.path[0] === 'env') {
      return unknown(`the environment variable \`${name}\``);
    }
    return { kind: 'module', module: value.module, path: [...value.path, name] };
  }
  if (value.kind === 'map') {
    return value.entries.get(name)?.value ?? unknown(`\`${excerpt(node)}\``);
  }
  if (value.kind === 'unknown') return unknown(`\`${excerpt(node)}\``);
  return unknown(`\`${excerpt(node)}\``);
}

function evaluateSubscript(node: Node, context: EvalContext): StaticValue {
  const object = objectOf(node);
  const index = subscriptOf(node);
  if (!object || !index) return unknown(`\`${excerpt(node)}\``);
  const value = evaluate(object, context);
  const key = stringLiteral(index);
  if (value.kind === 'module' && value.path.at(-1) === 'environ') {
    return unknown(
      `the environment variable ${key === null ? `\`${excerpt(index)}\`` : `\`${key}\``}`,
    );
  }
  if (value.kind === 'map' && key !== null) {
    return value.entries.get(key)?.value ?? unknown(`\`${excerpt(node)}\``);
  }
  return unknown(`\`${excerpt(node)}\``);
}

/**
 * A value that is evaluated only when read: requests carry many arguments (prompts, message
 * lists) that no tag or attribution rule ever looks at. A class rather than an object literal
 * with a getter, which would allocate a new getter closure for every value.
 */
class LazyValue implements Located {
  private evaluated: StaticValue | undefined;

  constructor(
    readonly node: Node,
    private readonly context: EvalContext,
  ) {}

  get value(): StaticValue {
    this.evaluated ??= evaluate(this.node, this.context);
    return this.evaluated;
  }
}

/** `node`'s value, evaluated in `context` when first read. */
export function lazy(node: Node, context: EvalContext): Located {
  return new LazyValue(node, context);
}

/**
 * A field of a pair or keyword argument (its `value`), fetched from the parser only when read,
 * like its value: most entries of a request are never looked at.
 */
class LazyField implements Located {
  private child: Node | undefined;
  private evaluated: StaticValue | undefined;

  constructor(
    private readonly holder: Node,
    private readonly field: string,
    private readonly context: EvalContext,
  ) {}

  get node(): Node {
    // Callers use this only on well-formed trees, whose grammar always gives the field; the
    // holder stands in only so that the type needs no null.
    this.child ??= this.holder.childForFieldName(this.field) ?? this.holder;
    return this.child;
  }

  get value(): StaticValue {
    this.evaluated ??= evaluate(this.node, this.context);
    return this.evaluated;
  }
}

/** The `field` child of `holder` and its value, both fetched when first read. */
export function lazyField(holder: Node, field: string, context: EvalContext): Located {
  return new LazyField(holder, field, context);
}
