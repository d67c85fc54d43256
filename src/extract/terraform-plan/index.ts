import type { Extraction, InputError, Resource } from '../../model.js';
import type { ClaimedFile, Extractor } from '../types.js';
import { addressLines, lineOfOffset } from './address-lines.js';
import { planResources } from './plan.js';

/**
 * Terraform plan and state JSON (`terraform show -json`): one resource per managed resource
 * of the plan, addressed as the plan addresses it, with the tags the plan says it will have.
 */
export const terraformPlanExtractor: Extractor = {
  name: 'terraform-plan',
  claim(file, text) {
    if (file.kind !== 'json' || file.file.endsWith('.tf.json')) return false;
    return isPlanText(text);
  },
  async extract(files) {
    const resources: Resource[] = [];
    const errors: InputError[] = [];
    for (const file of files) {
      const read = readPlan(file);
      if (read.kind === 'error') errors.push(read.error);
      else resources.push(...read.resources);
    }
    return { resources, errors, notices: [] } satisfies Extraction;
  },
};

/** Whether JSON text is a Terraform plan or state document, by its top-level members. */
export function isPlanText(text: string): boolean {
  if (text.includes('"planned_values"')) return true;
  return text.includes('"format_version"') && text.includes('"terraform_version"');
}

function readPlan(
  file: ClaimedFile,
): { kind: 'error'; error: InputError } | { kind: 'read'; resources: Resource[] } {
  let document: unknown;
  try {
    document = JSON.parse(file.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const line = offset === undefined ? 1 : lineOfOffset(file.text, Number(offset));
    return {
      kind: 'error',
      error: { file: file.file, line, message: `not valid JSON: ${message}` },
    };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    const error = { file: file.file, line: 1, message: 'a Terraform plan must be a JSON object' };
    return { kind: 'error', error };
  }
  const site = { file: file.file, lines: addressLines(file.text) };
  return { kind: 'read', resources: planResources(document as Record<string, unknown>, site) };
}
