import type { Expr } from '../hcl/ast.js';

/**
 * Truth values assumed for conditions that are not known statically, so a tag attribute such
 * as `var.prod ? "prod" : "Prod"` can be read once per truth value and each reading judged.
 * A condition is named by its text (`var.prod`, `local.env == "prod"`); the same text is the
 * same condition wherever it is written.
 */
export interface Assumptions {
  /** The truth value taken for each named condition; a condition not listed is combined. */
  readonly truths: ReadonlyMap<string, boolean>;
  /** Every unknown condition met while reading, assumed or not. */
  readonly seen: Set<string>;
}

/** No condition assumed: a reading that only collects the unknown conditions it meets. */
export function discovery(): Assumptions {
  return { truths: new Map(), seen: new Set() };
}

/**
 * More unknown conditions than this in one tag attribute would mean more than 8 readings; past
 * it the branches are combined (differing values become unknown), as with one condition not
 * named.
 */
export const MAX_TAG_CONDITIONS = 3;

/** Every combination of truth values for `names`, true first, with the words that name it. */
export function truthAssignments(
  names: readonly string[],
): { truths: ReadonlyMap<string, boolean>; label: string }[] {
  let combinations: [string, boolean][][] = [[]];
  for (const name of names) {
    combinations = combinations.flatMap((combination) => [
      [...combination, [name, true]],
      [...combination, [name, false]],
    ]);
  }
  return combinations.map((combination) => ({
    truths: new Map(combination),
    label: combination.map(([name, truth]) => `${name} is ${String(truth)}`).join(' and '),
  }));
}

/**
 * The text that names a condition: references, literals, comparisons, `!`, `&&`, `||` and
 * function calls over them, written in Terraform's syntax. `undefined` for anything else
 * (a `for` expression, a nested conditional), which is then not assumed.
 */
export function conditionName(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'scope':
      return expr.name;
    case 'attr': {
      const target = conditionName(expr.target);
      return target === undefined ? undefined : `${target}.${expr.name}`;
    }
    case 'index': {
      const target = conditionName(expr.target);
      const key = conditionName(expr.key);
      return target === undefined || key === undefined ? undefined : `${target}[${key}]`;
    }
    case 'literal':
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'template': {
      const [only] = expr.parts;
      if (expr.parts.length !== 1 || only === undefined) return undefined;
      return typeof only === 'string' ? JSON.stringify(only) : conditionName(only);
    }
    case 'binary': {
      const left = conditionName(expr.left);
      const right = conditionName(expr.right);
      return left === undefined || right === undefined ? undefined : `${left} ${expr.op} ${right}`;
    }
    case 'unary': {
      const operand = conditionName(expr.operand);
      if (operand === undefined) return undefined;
      return expr.operand.kind === 'binary' ? `${expr.op}(${operand})` : `${expr.op}${operand}`;
    }
    case 'call': {
      const args = expr.args.map(conditionName);
      if (args.some((arg) => arg === undefined)) return undefined;
      return `${expr.name}(${args.join(', ')}${expr.expand ? '...' : ''})`;
    }
    default:
      return undefined;
  }
}
