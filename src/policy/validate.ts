import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { assetPath } from '../assets.js';
import type { RawPolicy } from './raw.js';
import { describeSchemaError, pointerSegments } from './schema-messages.js';
import type { PolicySource } from './source.js';

interface CompiledSchema {
  readonly schema: unknown;
  readonly validate: ValidateFunction<RawPolicy>;
}

let compiled: CompiledSchema | undefined;

/** Reads and compiles `policies/schema.json` once per process. */
function policySchema(): CompiledSchema {
  if (compiled) return compiled;
  const file = assetPath('schema.json', 'policies/schema.json');
  const schema: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  if (schema === null || typeof schema !== 'object') {
    throw new Error(`openclaw-tags has a broken bundled schema at ${file}`);
  }
  compiled = { schema, validate: ajv.compile<RawPolicy>(schema) };
  return compiled;
}

/**
 * Checks the parsed policy against `policies/schema.json`. Returns it typed when it conforms;
 * otherwise throws a `PolicyError` for the violation that comes first in the file.
 */
export function validatePolicy(source: PolicySource): RawPolicy {
  const { schema, validate } = policySchema();
  const data = source.value;
  if (validate(data)) return data;

  const candidates = withoutBranchNoise(validate.errors ?? []).map((error) => {
    const problem = describeSchemaError(error, data, schema);
    return { problem, position: source.position(problem.path, problem.part) };
  });
  candidates.sort(
    (a, b) => a.position.line - b.position.line || a.position.column - b.position.column,
  );
  const first = candidates[0];
  if (!first) throw source.error([], 'the policy does not match its schema');
  throw source.error(first.problem.path, first.problem.reason, first.problem.part);
}

/**
 * An `anyOf` failure comes with one error per branch. When some branch errors go deeper than
 * the `anyOf` (a list with one bad item), the user chose that branch: keep the deeper ones.
 * Otherwise keep only the `anyOf` error, which can list every accepted form.
 */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors
    .filter((error) => error.keyword === 'anyOf')
    .map((error) => error.instancePath);
  let kept = [...errors];
  for (const path of anyOfPaths) {
    const deeper = kept.filter((error) => isBelow(error.instancePath, path));
    kept = kept.filter((error) => {
      if (error.instancePath !== path) return true;
      return deeper.length === 0 && error.keyword === 'anyOf';
    });
  }
  return kept;
}

function isBelow(path: string, ancestor: string): boolean {
  return (
    path.startsWith(`${ancestor}/`) &&
    pointerSegments(path).length > pointerSegments(ancestor).length
  );
}
