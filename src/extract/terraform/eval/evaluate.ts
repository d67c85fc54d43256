import type { Expr, ObjectItem } from '../hcl/ast.js';
import { conditionName, type Assumptions } from './assumptions.js';
import { callFunction } from './functions.js';
import { combineBranches } from './branches.js';
import { evaluateFor } from './for-expression.js';
import {
  asText,
  failure,
  mapValue,
  listValue,
  NULL,
  str,
  unknown,
  valuesEqual,
  type Entry,
  type Value,
} from './value.js';

/** The variables and locals of the module an expression is evaluated in. */
export interface ModuleValues {
  /** `var.NAME`: the caller's argument, else the default, else unknown with the reason. */
  variable(name: string): Value;
  /**
   * `local.NAME`, evaluated once; evaluated again when `assume` gives a truth value to an
   * unknown condition the local depends on. The local's unknown conditions join `assume.seen`.
   */
  local(name: string, assume?: Assumptions): Value;
}

/** Everything an expression can refer to, and how to label the map keys it writes. */
export interface Env {
  readonly module: ModuleValues;
  /** File of the expression, relative to the working directory: origins point into it. */
  readonly file: string;
  /** What keys written by this expression are called in messages: `resource`, `local.tags`. */
  readonly label: string;
  /** `each`, `count`, `for` variables and `dynamic` iterators in scope. */
  readonly bindings: ReadonlyMap<string, Value>;
  /** Truth values assumed for unknown conditions, when a tag attribute is read per variant. */
  readonly assume?: Assumptions;
}

/** Roots of references whose value exists only once Terraform runs. */
const RUNTIME_ROOTS: Readonly<Record<string, string>> = {
  path: 'is a path known when Terraform runs',
  terraform: 'is known when Terraform runs',
  self: 'is known only after apply',
};

/**
 * Evaluates an expression as far as it is known without running Terraform. Never throws:
 * what cannot be known becomes an `unknown` value whose reason names the cause.
 */
export function evaluate(expr: Expr, env: Env): Value {
  switch (expr.kind) {
    case 'literal':
      return literal(expr.value);
    case 'template':
      return template(expr.parts, env);
    case 'directive':
      return unknown(`template directive ${expr.source} is not evaluated`);
    case 'invalid':
      return unknown(`the expression could not be read (${expr.message})`);
    case 'scope':
      return scope(expr.name, env);
    case 'attr':
      return attribute(expr.target, expr.name, env);
    case 'index':
      return index(evaluate(expr.target, env), evaluate(expr.key, env));
    case 'splat':
      return unknown('splat expressions ([*]) are not evaluated');
    case 'call':
      return callFunction(expr.name, expandArgs(expr.args, expr.expand, env));
    case 'object':
      return object(expr.items, env);
    case 'tuple':
      return listValue(expr.items.map((item) => evaluate(item, env)));
    case 'conditional':
      return conditional(expr, env);
    case 'binary':
      return binary(expr.op, evaluate(expr.left, env), evaluate(expr.right, env));
    case 'unary':
      return unary(expr.op, evaluate(expr.operand, env));
    case 'for':
      return evaluateFor(expr, env, evaluate);
  }
}

function literal(value: string | number | boolean | null): Value {
  if (value === null) return NULL;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return { kind: 'number', value };
  return { kind: 'bool', value };
}

function template(parts: readonly (string | Expr)[], env: Env): Value {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && typeof only !== 'string') {
    return evaluate(only, env);
  }
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = evaluate(part, env);
    if (value.kind === 'unknown') return value;
    const piece = asText(value);
    if (piece === undefined) return failure(`cannot put ${value.kind} into a string`);
    text += piece;
  }
  return str(text);
}

function scope(name: string, env: Env): Value {
  const bound = env.bindings.get(name);
  if (bound) return bound;
  if (name === 'each') return unknown('each is only known inside a resource with for_each');
  if (name === 'count') return unknown('count is only known inside a resource with count');
  return unknown(`${name} is not a value known before apply`);
}

function attribute(target: Expr, name: string, env: Env): Value {
  if (target.kind === 'scope' && !env.bindings.has(target.name)) {
    const root = target.name;
    if (root === 'var') return env.module.variable(name);
    if (root === 'local') return env.module.local(name, env.assume);
    if (root === 'data') return unknown(`data.${name} is read only when Terraform plans`);
    if (root === 'module') return unknown(`module.${name} outputs are not evaluated`);
    const runtime = RUNTIME_ROOTS[root];
    if (runtime) return unknown(`${root}.${name} ${runtime}`);
    if (root !== 'each' && root !== 'count') {
      return unknown(`${root}.${name} is known only after apply`);
    }
  }
  const value = evaluate(target, env);
  if (value.kind === 'unknown') return value;
  if (value.kind === 'map') return entryValue(value.entries.get(name), value.partial, name);
  return failure(`cannot read attribute ${name} of ${value.kind}`);
}

function entryValue(entry: Entry | undefined, partial: string | undefined, key: string): Value {
  if (entry) return entry.value;
  if (partial) return unknown(partial);
  return failure(`key ${JSON.stringify(key)} does not exist`);
}

function index(target: Value, key: Value): Value {
  if (target.kind === 'unknown') return target;
  if (key.kind === 'unknown') return key;
  if (target.kind === 'map') {
    const text = asText(key);
    if (text === undefined) return failure('a map key must be a string');
    return entryValue(target.entries.get(text), target.partial, text);
  }
  if (target.kind === 'list' && key.kind === 'number') {
    const item = target.items[key.value];
    if (item) return item;
    return target.partial ? unknown(target.partial) : failure(`index ${key.value} is out of range`);
  }
  return failure(`cannot index ${target.kind}`);
}

function expandArgs(args: readonly Expr[], expand: boolean, env: Env): Value[] {
  const values = args.map((arg) => evaluate(arg, env));
  if (!expand) return values;
  const last = values.pop();
  if (last?.kind === 'list' && !last.partial) return [...values, ...last.items];
  return [...values, unknown(`expanded argument (...) is not a known list`)];
}

function object(items: readonly ObjectItem[], env: Env): Value {
  const entries = new Map<string, Entry>();
  const skipped: string[] = [];
  for (const item of items) {
    const key = evaluate(item.key, env);
    const text = asText(key);
    if (text === undefined) {
      skipped.push(key.kind === 'unknown' ? key.reason : `a ${key.kind} key`);
      continue;
    }
    const origin = { file: env.file, line: item.line, source: env.label };
    entries.set(text, { value: evaluate(item.value, env), origin });
  }
  const partial = skipped.length > 0 ? `a key is not known (${skipped[0]})` : undefined;
  return mapValue(entries, partial);
}

function conditional(expr: Extract<Expr, { kind: 'conditional' }>, env: Env): Value {
  const condition = evaluate(expr.condition, env);
  if (condition.kind === 'bool') return evaluate(condition.value ? expr.then : expr.otherwise, env);
  const assumed = condition.kind === 'unknown' ? assumedTruth(expr.condition, env) : undefined;
  if (assumed !== undefined) return evaluate(assumed ? expr.then : expr.otherwise, env);
  const reason = condition.kind === 'unknown' ? condition.reason : 'condition is not a boolean';
  return combineBranches(evaluate(expr.then, env), evaluate(expr.otherwise, env), reason);
}

/** The truth value assumed for an unknown condition; records the condition as met. */
function assumedTruth(condition: Expr, env: Env): boolean | undefined {
  if (env.assume === undefined) return undefined;
  const name = conditionName(condition);
  if (name === undefined) return undefined;
  env.assume.seen.add(name);
  return env.assume.truths.get(name);
}

function binary(op: string, left: Value, right: Value): Value {
  if (op === '&&' || op === '||') return logical(op, left, right);
  if (left.kind === 'unknown') return left;
  if (right.kind === 'unknown') return right;
  if (op === '==' || op === '!=') {
    const equal = valuesEqual(left, right);
    if (equal === undefined) return unknown('compared values are not wholly known');
    return { kind: 'bool', value: op === '==' ? equal : !equal };
  }
  if (left.kind !== 'number' || right.kind !== 'number') {
    return failure(`operator ${op} needs numbers`);
  }
  return arithmetic(op, left.value, right.value);
}

function logical(op: '&&' | '||', left: Value, right: Value): Value {
  const short = op === '||';
  if (left.kind === 'bool' && left.value === short) return left;
  if (right.kind === 'bool' && right.value === short) return right;
  if (left.kind === 'bool' && right.kind === 'bool') return { kind: 'bool', value: !short };
  return left.kind === 'unknown'
    ? left
    : right.kind === 'unknown'
      ? right
      : failure(`${op} needs booleans`);
}

function arithmetic(op: string, a: number, b: number): Value {
  const results: Readonly<Record<string, number | boolean>> = {
    '+': a + b,
    '-': a - b,
    '*': a * b,
    '/': a / b,
    '%': a % b,
    '<': a < b,
    '>': a > b,
    '<=': a <= b,
    '>=': a >= b,
  };
  const result = results[op];
  if (result === undefined) return failure(`unknown operator ${op}`);
  return typeof result === 'boolean'
    ? { kind: 'bool', value: result }
    : { kind: 'number', value: result };
}

function unary(op: '!' | '-', operand: Value): Value {
  if (operand.kind === 'unknown') return operand;
  if (op === '!' && operand.kind === 'bool') return { kind: 'bool', value: !operand.value };
  if (op === '-' && operand.kind === 'number') return { kind: 'number', value: -operand.value };
  return failure(`operator ${op} does not apply to ${operand.kind}`);
}
