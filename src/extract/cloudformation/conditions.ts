/**
 * Tag variants. Conditions are not evaluated, even where parameters have defaults: a stack can
 * be deployed with either truth value, so every combination of the conditions that an `Fn::If`
 * in the tags depends on is read on its own and judged.
 */

/** One combination of condition truth values, with the words that name it. */
export interface ConditionAssignment {
  readonly conditions: ReadonlyMap<string, boolean>;
  readonly label: string;
}

/**
 * More conditions than this in one resource's tags would mean more than 32 variants; past it
 * the tags are reported as unresolved instead of read.
 */
export const MAX_TAG_CONDITIONS = 5;

/** Every combination of truth values for `names`, true first, in the order given. */
export function conditionAssignments(names: readonly string[]): ConditionAssignment[] {
  let combinations: [string, boolean][][] = [[]];
  for (const name of names) {
    combinations = combinations.flatMap((combination) => [
      [...combination, [name, true] as [string, boolean]],
      [...combination, [name, false] as [string, boolean]],
    ]);
  }
  return combinations.map((combination) => ({
    conditions: new Map(combination),
    label: combination.map(([name, truth]) => `${name} is ${String(truth)}`).join(' and '),
  }));
}
