import type { Expr } from './hcl/ast.js';
import { discovery, MAX_TAG_CONDITIONS, truthAssignments } from './eval/assumptions.js';
import { evaluate, type Env } from './eval/evaluate.js';
import { tagsFromValue, type TagOutcome } from './tags.js';

/** The tags of one reading of a tag attribute, under one truth value for each condition. */
export interface TagReading {
  /** `var.prod is false`, `var.prod is true and local.gpu is false`, ... */
  readonly condition: string;
  readonly outcome: TagOutcome;
}

/** A tag attribute read once with its unknown conditions combined, and once per truth value. */
export interface ConditionalTags {
  /** Both branches of every unknown condition combined: keys of either, values where agreed. */
  readonly combined: TagOutcome;
  /** One reading per combination of truth values; absent when the tags depend on none. */
  readonly readings?: readonly TagReading[];
}

/**
 * Reads a tag attribute whose value may depend on conditions not known before `terraform
 * plan` (`var.prod ? "prod" : "Prod"`, `var.gpu ? local.gpu_tags : local.tags`), so each
 * branch can be judged, as a CloudFormation `Fn::If` is. Conditions met in locals count too.
 * There are no readings when the tags depend on no such condition, on more than
 * `MAX_TAG_CONDITIONS`, or when a reading is itself not wholly known: the combined reading is
 * then all there is, and values that differ between branches are unknown.
 */
export function readConditionalTags(
  expr: Expr,
  env: Env,
  written: string | (() => string),
): ConditionalTags {
  const met = discovery();
  const combined = tagsFromValue(evaluate(expr, { ...env, assume: met }), written);
  const names = [...met.seen];
  if (names.length === 0 || names.length > MAX_TAG_CONDITIONS) return { combined };

  const readings: TagReading[] = [];
  for (const { truths, label } of truthAssignments(names)) {
    const assume = { truths, seen: new Set<string>() };
    const outcome = tagsFromValue(evaluate(expr, { ...env, assume }), written);
    if (outcome.unresolved !== undefined || outcome.incomplete !== undefined) return { combined };
    readings.push({ condition: label, outcome });
  }
  return { combined, readings };
}
