import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { assetPath } from '../assets.js';
import { compilePolicy } from './compile.js';
import { PolicyError } from './errors.js';
import { parsePolicySource } from './source.js';
import type { Policy } from './types.js';
import { validatePolicy } from './validate.js';

export { PolicyError } from './errors.js';

/** `Policy.file` of the embedded default policy. */
export const DEFAULT_POLICY_FILE = '<default>';

/**
 * Loads the policy at `path` (relative to `cwd`), or the embedded `policies/default.yaml` when
 * `path` is undefined. Throws `PolicyError` naming `FILE:LINE:COLUMN` for an unreadable file, bad
 * YAML, a schema violation or an inconsistent policy. `Policy.file` is the absolute path.
 */
export async function loadPolicy(path: string | undefined, cwd: string): Promise<Policy> {
  if (path === undefined) {
    const text = await readFile(assetPath('default.yaml', 'policies/default.yaml'), 'utf8');
    return buildPolicy(text, DEFAULT_POLICY_FILE, DEFAULT_POLICY_FILE);
  }

  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new PolicyError(
      shown,
      { line: 0, column: 0 },
      `cannot read the policy file (${code}); give the path of a readable YAML file`,
      { cause: error },
    );
  }
  return buildPolicy(text, shown, absolute);
}

/**
 * Parses, validates and compiles policy YAML held in memory. `file` names the policy in error
 * messages and becomes `Policy.file`. Throws `PolicyError` like `loadPolicy`.
 */
export function loadPolicyText(text: string, file: string): Policy {
  return buildPolicy(text, file, file);
}

function buildPolicy(text: string, shownFile: string, policyFile: string): Policy {
  const source = parsePolicySource(text, shownFile);
  const raw = validatePolicy(source);
  return compilePolicy(raw, source, policyFile);
}

/** The path as users see it in messages: relative when inside the working directory. */
function displayPath(absolute: string, cwd: string): string {
  const fromCwd = relative(cwd, absolute);
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : absolute;
}
