import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { PolicyError } from '../errors.js';
import { loadPolicyText } from '../load.js';
import { parsePolicySource, type PolicySource } from '../source.js';
import { jsonSyntaxError } from './json-syntax.js';
import { convertAwsPolicy, importedPolicyYaml, type ImportedPolicy } from './convert.js';
import { mergeAwsTagPolicies } from './merge.js';

export { convertAwsPolicy, importedPolicyYaml, type ImportedPolicy } from './convert.js';
export { mergeAwsTagPolicies, type EffectiveAwsPolicy, type EffectiveAwsTag } from './merge.js';

/** The result of `policy import-aws-org`: the policy YAML and the notes it carries. */
export interface AwsImport extends ImportedPolicy {
  readonly yaml: string;
}

/**
 * Reads AWS Organizations tag policies (JSON), merges them as levels (root first, then OUs,
 * then the account) and converts the effective policy to openclaw-tags policy YAML, checked
 * by loading it. Throws `PolicyError` with `FILE:LINE:COLUMN` for unreadable or malformed
 * input.
 */
export async function importAwsOrgPolicies(
  files: readonly string[],
  cwd: string,
): Promise<AwsImport> {
  const sources: PolicySource[] = [];
  for (const file of files) sources.push(await readAwsPolicy(resolve(cwd, file), cwd));
  const imported = convertAwsPolicy(mergeAwsTagPolicies(sources));
  const yaml = importedPolicyYaml(
    imported,
    sources.map((source) => source.file),
  );
  loadPolicyText(yaml, '<imported policy>');
  return { ...imported, yaml };
}

async function readAwsPolicy(absolute: string, cwd: string): Promise<PolicySource> {
  const fromCwd = relative(cwd, absolute);
  const shown = fromCwd.startsWith('..') || isAbsolute(fromCwd) ? absolute : fromCwd;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new PolicyError(
      shown,
      { line: 0, column: 0 },
      `cannot read the AWS tag policy (${code}); give the path of a JSON file`,
      { cause: error },
    );
  }
  const syntax = jsonSyntaxError(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (syntax) {
    throw new PolicyError(
      shown,
      positionOf(text, syntax.offset + (text.charCodeAt(0) === 0xfeff ? 1 : 0)),
      `not valid JSON: ${syntax.reason}; an AWS tag policy is a JSON document`,
    );
  }
  // JSON is YAML, and the YAML reader keeps line and column for every node.
  return parsePolicySource(text, shown);
}

/** 1-based line and column of a 0-based offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
