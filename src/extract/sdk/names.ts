import type { Node } from 'web-tree-sitter';
import type { Assignment, Scope } from './facts.js';
import { excerpt, unknown, type Located, type StaticValue } from './static-value.js';
import { deeper, evaluate, lazy, type EvalContext } from './values.js';
import { typeOf } from './syntax.js';

/** Names every JS file can use without importing them. */
const JS_GLOBALS = new Set(['process']);

/**
 * The value of a name where it is used: the last assignment before the use in the same
 * function, else the enclosing functions' and the module's, with later `d["k"] = v` /
 * `append()` changes in the same scope applied; imports become module references.
 */
export function resolveName(name: string, context: EvalContext): StaticValue {
  const { facts } = context;
  const assignments = facts.assignmentsOf(name);
  for (let scopeId: number | undefined = context.scope; scopeId !== undefined;) {
    const scope = facts.scope(scopeId);
    if (!scope) break;
    const useIndex = scopeId === context.scope ? context.index : Number.POSITIVE_INFINITY;
    const binding = lastBefore(assignments, scopeId, useIndex);
    if (binding) return valueOfBinding(binding, name, useIndex, context);
    if (scope.hasParam(name)) return parameterValue(scope, name, context);
    scopeId = scope.parent;
  }
  const imported = facts.imports().get(name);
  if (imported) {
    return {
      kind: 'module',
      module: imported.module,
      path: imported.name === null ? [] : [imported.name],
    };
  }
  if (facts.grammar !== 'python' && JS_GLOBALS.has(name)) {
    return { kind: 'module', module: name, path: [] };
  }
  return unknown(`\`${name}\`, which is not defined in this file`);
}

/**
 * The value of `self.x` / `this.x`: the first assignment anywhere in the file that evaluates
 * to something known, since methods may run in any order.
 */
export function resolveAttribute(target: string, context: EvalContext): StaticValue {
  const assignments = context.facts.assignmentsOf(target);
  let first: StaticValue | undefined;
  for (const binding of assignments) {
    const value = valueOfBinding(binding, target, Number.POSITIVE_INFINITY, context);
    if (value.kind !== 'unknown') return value;
    first ??= value;
  }
  return first ?? unknown(`\`${target}\`, which is never assigned in this file`);
}

function lastBefore(
  assignments: readonly Assignment[],
  scope: number,
  index: number,
): Assignment | undefined {
  let found: Assignment | undefined;
  for (const assignment of assignments) {
    if (assignment.scope === scope && assignment.index < index) found = assignment;
  }
  return found;
}

function valueOfBinding(
  binding: Assignment,
  name: string,
  useIndex: number,
  context: EvalContext,
): StaticValue {
  if (!binding.value) {
    const source = binding.source ? ` from \`${excerpt(binding.source)}\`` : '';
    return unknown(`\`${name}\`, destructured${source}`);
  }
  const { bindingValues } = context.facts;
  let value = bindingValues.get(binding);
  if (!value) {
    value = evaluate(binding.value, deeper(context, binding.scope, binding.index));
    // A value reached near the depth limit may be cut short; keep only complete ones.
    if (context.depth <= 1) bindingValues.set(binding, value);
  }
  return applyMutations(value, name, binding, useIndex, context);
}

/** Applies `d["k"] = v`, `tags.append(x)`, `d.update(...)` made after the binding. */
function applyMutations(
  value: StaticValue,
  name: string,
  binding: Assignment,
  useIndex: number,
  context: EvalContext,
): StaticValue {
  if (value.kind !== 'map' && value.kind !== 'list') return value;
  const mutations = context.facts
    .mutationsOf(name)
    .filter(
      (mutation) =>
        mutation.scope === binding.scope &&
        mutation.index > binding.index &&
        mutation.index < useIndex,
    );
  if (mutations.length === 0) return value;
  const entries = value.kind === 'map' ? new Map(value.entries) : new Map<string, Located>();
  const items = value.kind === 'list' ? [...value.items] : [];
  let open = value.open;
  for (const mutation of mutations) {
    const inner = deeper(context, mutation.scope, mutation.index);
    if (mutation.kind === 'set' && mutation.key !== undefined && mutation.value) {
      entries.set(mutation.key, lazy(mutation.value, inner));
    } else if (mutation.kind === 'append' && mutation.value) {
      items.push(lazy(mutation.value, inner));
    } else {
      open ??= `a change to \`${name}\` at line ${mutation.line}`;
    }
  }
  if (value.kind === 'map')
    return open === undefined ? { kind: 'map', entries } : { kind: 'map', entries, open };
  return open === undefined ? { kind: 'list', items } : { kind: 'list', items, open };
}

const CONSTRUCTORS = new Set(['__init__', 'constructor']);

/**
 * A parameter's value. For a constructor parameter, the argument the same file passes where
 * it constructs the class (`Wrapper(s3.Bucket(name))`, `cls(client)`); otherwise unknown.
 */
function parameterValue(scope: Scope, name: string, context: EvalContext): StaticValue {
  const reason = unknown(
    `the parameter \`${name}\` of \`${scope.name || 'an anonymous function'}\``,
  );
  if (!CONSTRUCTORS.has(scope.name) || !scope.className) return reason;
  const receiverOffset = scope.params[0] === 'self' ? 1 : 0;
  const position = scope.params.indexOf(name) - receiverOffset;
  for (const call of context.facts.callsNamed(new Set([scope.className, 'cls']))) {
    const viaCls =
      call.callee === 'cls' && context.facts.scope(call.scope)?.className === scope.className;
    if (call.callee !== scope.className && !viaCls) continue;
    const argument = argumentAt(call.node, position, name);
    if (!argument) continue;
    const value = evaluate(argument, deeper(context, call.scope, call.node.startIndex));
    if (value.kind === 'object') return value;
  }
  return reason;
}

function argumentAt(call: Node, position: number, name: string): Node | null {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const keyword = args.find(
    (arg) =>
      arg !== null &&
      typeOf(arg) === 'keyword_argument' &&
      arg.childForFieldName('name')?.text === name,
  );
  if (keyword) return keyword.childForFieldName('value');
  const positional = args.filter((arg) => arg && typeOf(arg) !== 'keyword_argument');
  return positional[position] ?? null;
}
