import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { assetPath } from '../assets.js';
import { readSourceText, UnreadableFileError } from '../sources/read.js';
import { compilePolicy } from './compile.js';
import { PolicyError } from './errors.js';
import { policyLayers, repositoryRoot, type PolicyLayer } from './extends.js';
import { mergeLayers } from './merge.js';
import type { RawPolicy } from './raw.js';
import { parsePolicySource, type PolicySource } from './source.js';
import type { Policy } from './types.js';
import { validatePolicy } from './validate.js';

export { PolicyError } from './errors.js';

/** `Policy.file` of the embedded default policy. */
export const DEFAULT_POLICY_FILE = '<default>';

/** A loaded policy together with the merged YAML data it was compiled from. */
export interface EffectivePolicy {
  readonly policy: Policy;
  /** The policy after `extends` is merged, as plain data (without `extends`). */
  readonly raw: RawPolicy;
  /** Files merged, bases first, as messages show them. */
  readonly files: readonly string[];
}

/**
 * Loads the policy at `path` (relative to `cwd`), or the embedded `policies/default.yaml` when
 * `path` is undefined. Follows `extends` (bases inside the Git work tree holding `cwd`, else
 * inside `cwd`). Throws `PolicyError` naming `FILE:LINE:COLUMN` for an unreadable file, bad
 * YAML, a schema violation, a bad `extends` or an inconsistent policy. `Policy.file` is the
 * absolute path.
 */
export async function loadPolicy(path: string | undefined, cwd: string): Promise<Policy> {
  return (await loadEffectivePolicy(path, cwd)).policy;
}

/** Like `loadPolicy`, and also returns the merged policy data, for `policy show`. */
export async function loadEffectivePolicy(
  path: string | undefined,
  cwd: string,
): Promise<EffectivePolicy> {
  if (path === undefined) {
    const text = await readFile(assetPath('default.yaml', 'policies/default.yaml'), 'utf8');
    const source = parsePolicySource(text, DEFAULT_POLICY_FILE);
    const raw = validatePolicy(source);
    const policy = compilePolicy(raw, source, DEFAULT_POLICY_FILE);
    return { policy, raw: withoutExtends(raw), files: [DEFAULT_POLICY_FILE] };
  }

  const absolute = resolve(cwd, path);
  const layers = await policyLayers(absolute, repositoryRoot(cwd), (file) => readLayer(file, cwd));
  const only = layers.length === 1 ? layers[0] : undefined;
  const merged = only
    ? { raw: withoutExtends(only.raw), source: only.source }
    : mergeLayers(layers);
  const compiled = compilePolicy(merged.raw, merged.source, absolute);
  const policy = only ? compiled : { ...compiled, sources: layers.map((layer) => layer.absolute) };
  return { policy, raw: merged.raw, files: layers.map((layer) => layer.shown) };
}

/**
 * Parses, validates and compiles policy YAML held in memory. `file` names the policy in error
 * messages and becomes `Policy.file`. A policy in memory has no folder, so `extends` is an
 * error here. Throws `PolicyError` like `loadPolicy`.
 */
export function loadPolicyText(text: string, file: string): Policy {
  const source = parsePolicySource(text, file);
  const raw = validatePolicy(source);
  if (raw.extends !== undefined) {
    throw source.error(
      ['extends'],
      'extends is followed only for a policy file on disk; load the policy with --policy FILE',
      'key',
    );
  }
  return compilePolicy(raw, source, file);
}

async function readLayer(absolute: string, cwd: string): Promise<PolicyLayer> {
  const shown = displayPath(absolute, cwd);
  let text: string;
  try {
    // The reader every scanned file goes through: size cap, regular files only, UTF-8.
    text = await readSourceText(absolute, shown);
  } catch (error) {
    const reason = notFound(error)
      ? 'no such file'
      : error instanceof UnreadableFileError
        ? error.message
        : String(error);
    throw new PolicyError(
      shown,
      { line: 0, column: 0 },
      `cannot read the policy file (${reason}); give the path of a readable YAML file`,
      { cause: error },
    );
  }
  const source: PolicySource = parsePolicySource(text, shown);
  return { absolute, shown, source, raw: validatePolicy(source) };
}

function notFound(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error && 'code' in cause && cause.code === 'ENOENT';
}

/** The policy data without `extends` and `$schema`, which say nothing about the checks. */
function withoutExtends(raw: RawPolicy): RawPolicy {
  const rest: Record<string, unknown> = { ...raw };
  delete rest['extends'];
  delete rest['$schema'];
  return rest as unknown as RawPolicy;
}

/** The path as users see it in messages: relative when inside the working directory. */
function displayPath(absolute: string, cwd: string): string {
  const fromCwd = relative(cwd, absolute);
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : absolute;
}
