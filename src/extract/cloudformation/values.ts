import { isMap, isScalar, isSeq } from 'yaml';
import { intrinsicOf, type Intrinsic } from './intrinsics.js';
import { scalarText, valueOf } from './parse.js';
import type { ResolveScope } from './scope.js';

/**
 * Static evaluation of the intrinsic functions that can appear in tag keys and values. A value
 * is a string when the template fixes it, `null` when only the deployment knows it, and
 * `NO_VALUE` when it is `AWS::NoValue` (the property is left out).
 */

/** `Ref: AWS::NoValue`: the enclosing property or list item is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type NoValue = typeof NO_VALUE;

/** A resolved scalar: known text, unknown (`null`), or removed. */
export type ResolvedText = string | null | NoValue;

/** A resolved list: known items (each possibly unknown), or `null` when the list is unknown. */
export type ResolvedList = readonly (string | null)[] | null;

/**
 * Text longer than this is not followed further: AWS tag keys and values are at most 128 and
 * 256 characters, and aliases can make a joined text grow exponentially.
 */
const MAX_RESOLVED_TEXT = 4096;

/** Guards against self-referencing mappings or aliases. */
const MAX_PICK_STEPS = 32;

/** A node once `pick` has followed it, with the intrinsic it calls if any. */
interface Settled {
  readonly node: unknown;
  readonly intrinsic: Intrinsic | undefined;
}

/**
 * Follows what decides which node a value is: aliases, `Fn::If` (by the condition's assumed
 * truth in `scope`), `Fn::FindInMap` with known keys, and `Ref: AWS::NoValue`. Anything else is
 * returned as is, including an `Fn::If` on a condition the scope does not assume.
 */
export function pick(node: unknown, scope: ResolveScope): unknown {
  const settled = settle(node, scope);
  return settled === NO_VALUE ? NO_VALUE : settled.node;
}

function settle(node: unknown, scope: ResolveScope): Settled | NoValue {
  let current = scope.template.deref(node);
  for (let step = 0; step < MAX_PICK_STEPS; step++) {
    const intrinsic = intrinsicOf(current);
    if (!intrinsic) return { node: current, intrinsic };
    let next: unknown;
    if (intrinsic.name === 'Fn::If') next = pickBranch(intrinsic.argument, scope);
    else if (intrinsic.name === 'Fn::FindInMap') next = findInMap(intrinsic.argument, scope);
    else if (intrinsic.name === 'Ref' && scalarText(intrinsic.argument) === 'AWS::NoValue') {
      return NO_VALUE;
    }
    if (next === undefined) return { node: current, intrinsic };
    current = scope.template.deref(next);
  }
  return { node: current, intrinsic: undefined };
}

/**
 * The branch of `Fn::If [Condition, whenTrue, whenFalse]` the scope assumes. A condition the
 * scope has no truth value for is assumed true and recorded in `scope.discovered`, when the
 * scope is discovering which conditions the tags depend on.
 */
function pickBranch(argument: unknown, scope: ResolveScope): unknown {
  const branches = scope.template.deref(argument);
  if (!isSeq(branches) || branches.items.length !== 3) return undefined;
  const condition = scalarText(scope.template.deref(branches.items[0]));
  if (condition === undefined) return undefined;
  let truth = scope.conditions.get(condition);
  if (truth === undefined) {
    if (!scope.discovered) return undefined;
    scope.discovered.add(condition);
    truth = true;
  }
  return branches.items[truth ? 1 : 2];
}

/** `Fn::FindInMap [Map, Top, Second, {DefaultValue}]` with keys the template fixes. */
function findInMap(argument: unknown, scope: ResolveScope): unknown {
  if (!isSeq(argument) || argument.items.length < 3) return undefined;
  const [mapName, topKey, secondKey, options] = argument.items;
  const keys = [mapName, topKey, secondKey].map((key) => resolveText(key, scope));
  let found: unknown = scope.mappings;
  for (const key of keys) {
    found = typeof key === 'string' ? scope.template.deref(valueOf(found, key)) : undefined;
  }
  if (found !== undefined) return found;
  if (keys.every((key) => typeof key === 'string')) {
    return scope.template.deref(valueOf(scope.template.deref(options), 'DefaultValue'));
  }
  return undefined;
}

/** The text of a tag key or value, as far as the template fixes it. */
export function resolveText(node: unknown, scope: ResolveScope): ResolvedText {
  if (--scope.budget.remaining < 0) return null;
  const settled = settle(node, scope);
  if (settled === NO_VALUE) return NO_VALUE;
  const intrinsic = settled.intrinsic;
  if (!intrinsic) return scalarText(settled.node) ?? null;
  const argument = scope.template.deref(intrinsic.argument);
  switch (intrinsic.name) {
    case 'Ref':
      return resolveRef(scalarText(argument), scope);
    case 'Fn::Sub':
      return resolveSub(argument, scope);
    case 'Fn::Join':
      return resolveJoin(argument, scope);
    case 'Fn::Select':
      return resolveSelect(argument, scope);
    case 'Fn::Base64': {
      const text = resolveText(argument, scope);
      return typeof text === 'string' ? Buffer.from(text, 'utf8').toString('base64') : null;
    }
    default:
      return null;
  }
}

/** `Ref` to a loop variable or a parameter; pseudo parameters and resources are unknown. */
function resolveRef(name: string | undefined, scope: ResolveScope): ResolvedText {
  if (name === undefined) return null;
  if (name === 'AWS::NoValue') return NO_VALUE;
  const bound = scope.bindings.get(name);
  if (bound !== undefined) return bound;
  return scope.parameters.get(name)?.value ?? null;
}

/** `Fn::Sub` in string form or `[string, {Var: value}]` form. */
function resolveSub(argument: unknown, scope: ResolveScope): string | null {
  let pattern: string | undefined;
  let variables: unknown;
  if (isSeq(argument)) {
    pattern = scalarText(scope.template.deref(argument.items[0]));
    variables = scope.template.deref(argument.items[1]);
  } else {
    pattern = scalarText(argument);
  }
  if (pattern === undefined) return null;

  let unknown = false;
  const result = pattern.replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
    if (name.startsWith('!')) return '${' + name.slice(1) + '}';
    const variable = isMap(variables) ? valueOf(variables, name.trim()) : undefined;
    const value =
      variable !== undefined
        ? resolveText(variable, scope)
        : resolveRef(name.includes('.') ? undefined : name.trim(), scope);
    if (typeof value !== 'string') unknown = true;
    return typeof value === 'string' ? value : '';
  });
  return unknown ? null : boundedText(result);
}

function resolveJoin(argument: unknown, scope: ResolveScope): string | null {
  if (!isSeq(argument) || argument.items.length !== 2) return null;
  const delimiter = resolveText(argument.items[0], scope);
  const items = resolveList(argument.items[1], scope);
  if (typeof delimiter !== 'string' || !items || items.some((item) => item === null)) return null;
  return boundedText(items.join(delimiter));
}

function boundedText(text: string): string | null {
  return text.length > MAX_RESOLVED_TEXT ? null : text;
}

function resolveSelect(argument: unknown, scope: ResolveScope): string | null {
  if (!isSeq(argument) || argument.items.length !== 2) return null;
  const index = resolveText(argument.items[0], scope);
  const items = resolveList(argument.items[1], scope);
  if (typeof index !== 'string' || !/^\d+$/.test(index) || !items) return null;
  return items[Number(index)] ?? null;
}

/**
 * A list as far as the template fixes it: a YAML sequence, a list parameter with a default,
 * `Fn::Split` of known text, or a mapping entry holding a list. Removed items are dropped.
 */
export function resolveList(node: unknown, scope: ResolveScope): ResolvedList {
  const settled = settle(node, scope);
  if (settled === NO_VALUE) return [];
  const picked = settled.node;
  if (isSeq(picked)) {
    const items: (string | null)[] = [];
    for (const item of picked.items) {
      const text = resolveText(item, scope);
      if (text !== NO_VALUE) items.push(text);
    }
    return items;
  }

  const intrinsic = settled.intrinsic;
  if (intrinsic?.name === 'Ref') {
    const parameter = scope.parameters.get(scalarText(intrinsic.argument) ?? '');
    if (!parameter?.list || parameter.value === null) return null;
    return parameter.value.split(',').map((item) => item.trim());
  }
  if (intrinsic?.name === 'Fn::Split') {
    const argument = scope.template.deref(intrinsic.argument);
    if (!isSeq(argument) || argument.items.length !== 2) return null;
    const delimiter = resolveText(argument.items[0], scope);
    const text = resolveText(argument.items[1], scope);
    if (typeof delimiter !== 'string' || typeof text !== 'string' || delimiter === '') return null;
    return text.split(delimiter);
  }
  return null;
}

/** A short, user-facing rendering of an expression for messages: `Ref TagsParameter`. */
export function describeExpression(node: unknown): string {
  const intrinsic = intrinsicOf(node);
  if (!intrinsic) {
    if (isScalar(node)) return JSON.stringify(scalarText(node) ?? '');
    return isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'an empty value';
  }
  const argument = scalarText(intrinsic.argument);
  if (argument !== undefined) return `${intrinsic.name} ${argument}`;
  if (isSeq(intrinsic.argument)) {
    const parts = intrinsic.argument.items.map((item) => scalarText(item) ?? '...');
    return `${intrinsic.name} [${parts.join(', ')}]`;
  }
  return intrinsic.name;
}
