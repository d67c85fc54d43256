import { keyProblem, providerFamily } from './provider-keys.js';
import type { TagRule } from './types.js';

/**
 * A key reduced to what a near miss shares with it: lowercase, without `-`, `_`, `.`, `:` or
 * spaces. `CostCenter`, `cost_center` and `Cost-Center` all become `costcenter`.
 */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.:\s]/g, '');
}

/**
 * The form a provider accepts when the policy names none: GCP labels in lowercase snake_case,
 * Kubernetes labels as written when that is a valid label key (else lowercase kebab-case),
 * every other provider as written.
 */
export function derivedForm(key: string, provider: string): string {
  switch (providerFamily(provider)) {
    case 'google':
      return keyWords(key).join('_') || key;
    case 'kubernetes':
      return keyProblem('kubernetes', key) === undefined ? key : keyWords(key).join('-') || key;
    default:
      return key;
  }
}

/** How `provider` spells the policy key: its explicit form, else the derived one. */
export function providerForm(rule: Pick<TagRule, 'key' | 'forms'>, provider: string): string {
  const family = providerFamily(provider);
  const explicit = rule.forms[provider] ?? (family === undefined ? undefined : rule.forms[family]);
  return explicit ?? derivedForm(rule.key, provider);
}

/** The lowercase words of a key: `ModelVersion` -> model, version; `HTTPPort` -> http, port. */
function keyWords(key: string): string[] {
  const words = key.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lo}+|\p{N}+/gu) ?? [];
  return words.map((word) => word.toLowerCase());
}
