import { RE2JS, RE2JSException } from 're2js';
import { checkHierarchy } from './hierarchy.js';
import { compileExemptions } from './exemptions.js';
import { derivedForm, normalizeKey } from './forms.js';
import { FAMILY_NAMES, keyProblem, providerFamily } from './provider-keys.js';
import type { RawPolicy, RawScopeFields, RawTagRule } from './raw.js';
import type { PolicySource } from './source.js';
import type {
  AiAttribution,
  Policy,
  ResourceScope,
  Scope,
  TagRule,
  ValuesByParent,
} from './types.js';

/** Providers whose key form is derived when the policy gives none. */
const DERIVED_FORM_PROVIDERS = ['google', 'kubernetes'] as const;

/**
 * Turns a schema-valid policy into the compiled `Policy`: defaults filled in, patterns compiled
 * with RE2, provider forms derived, and the keys checked against each other (near-duplicate
 * keys, `requires` and `values_by` naming unknown keys or values, cycles). Throws
 * `PolicyError` at the offending node. `file` becomes `Policy.file`.
 */
export function compilePolicy(raw: RawPolicy, source: PolicySource, file: string): Policy {
  const scope = compileScope(raw, 'cost-bearing');
  const entries = Object.entries(raw.tags ?? {});
  rejectBadKeyNames(
    entries.map(([key]) => key),
    source,
  );

  const tags = entries.map(([key, rule]) => compileTagRule(key, rule, scope.resources, source));
  checkHierarchy(tags, raw.tags ?? {}, source);
  return {
    version: 1,
    file,
    scope,
    requireAny: raw.require_any ?? false,
    target: raw.target ?? 'labels',
    requireOnMetadata: raw.require_on_metadata ?? false,
    tags,
    ...(raw.billing === undefined ? {} : { billing: { projects: raw.billing.projects ?? {} } }),
    ...(raw.attribution === undefined ? {} : { attribution: compileAttribution(raw, source) }),
    ...(raw.exemptions === undefined
      ? {}
      : { exemptions: compileExemptions(raw.exemptions, source) }),
  };
}

/** The `attribution:` section with its defaults: error severity, no family required. */
function compileAttribution(raw: RawPolicy, source: PolicySource): AiAttribution {
  const section = raw.attribution ?? {};
  return {
    severity: section.severity ?? 'error',
    families: {
      openai: section.openai ?? [],
      anthropic: section.anthropic ?? [],
      bedrock: section.bedrock ?? [],
    },
    line: source.position(['attribution'], 'key').line,
  };
}

function compileScope(fields: RawScopeFields, inherited: ResourceScope): Scope {
  return {
    resources: fields.resources ?? inherited,
    excludeTypes: fields.exclude_types ?? [],
    providers: fields.providers ?? [],
    paths: fields.paths ?? [],
    excludePaths: fields.exclude_paths ?? [],
  };
}

/** Empty keys, and keys that are near misses of each other, which no resource could satisfy. */
function rejectBadKeyNames(keys: readonly string[], source: PolicySource): void {
  const seen = new Map<string, string>();
  for (const key of keys) {
    if (key.trim() === '') {
      throw source.error(
        ['tags', key],
        'a tag key is empty; write the key as the bill shows it',
        'key',
      );
    }
    const earlier = seen.get(normalizeKey(key));
    if (earlier !== undefined) {
      throw source.error(
        ['tags', key],
        `tags.${key} differs from tags.${earlier} only in case or separators; ` +
          'keep one canonical spelling and use forms for provider spellings',
        'key',
      );
    }
    seen.set(normalizeKey(key), key);
  }
}

function compileTagRule(
  key: string,
  raw: RawTagRule,
  inheritedResources: ResourceScope,
  source: PolicySource,
): TagRule {
  const pattern = raw.pattern === undefined ? undefined : compilePattern(key, raw.pattern, source);
  if (pattern && raw.values) rejectValuesOutsidePattern(key, raw.values, pattern, source);
  if (raw.default !== undefined) checkDefault(key, raw.default, raw.values, pattern, source);
  return {
    key,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    required: raw.required ?? false,
    severity: raw.severity ?? 'error',
    ...(raw.values === undefined ? {} : { values: raw.values }),
    ...(pattern === undefined ? {} : { pattern }),
    ...(raw.default === undefined ? {} : { default: raw.default }),
    requires: raw.requires ?? [],
    ...valuesByParent(raw),
    forms: compileForms(key, raw.forms ?? {}, source),
    scope: compileScope(raw, inheritedResources),
    line: source.position(['tags', key], 'key').line,
  };
}

function valuesByParent(raw: RawTagRule): { valuesByParent?: ValuesByParent } {
  const [entry] = Object.entries(raw.values_by ?? {});
  if (!entry) return {};
  const [parent, allowed] = entry;
  return { valuesByParent: { parent, allowed } };
}

function compilePattern(
  key: string,
  pattern: string,
  source: PolicySource,
): { readonly source: string; readonly regex: RE2JS } {
  try {
    return { source: pattern, regex: RE2JS.compile(pattern) };
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    throw source.error(
      ['tags', key, 'pattern'],
      `tags.${key}.pattern is not a valid RE2 regular expression (${error.message}); ` +
        'RE2 syntax is allowed: no lookaround and no backreferences',
    );
  }
}

function rejectValuesOutsidePattern(
  key: string,
  values: readonly string[],
  pattern: { readonly source: string; readonly regex: RE2JS },
  source: PolicySource,
): void {
  const index = values.findIndex((value) => !pattern.regex.test(value));
  if (index < 0) return;
  throw source.error(
    ['tags', key, 'values', index],
    `tags.${key}.values lists ${JSON.stringify(values[index])}, which does not match ` +
      `tags.${key}.pattern ${pattern.source}; list only values the pattern allows`,
  );
}

/** A default must be a value the key allows, or every fix that writes it would be a finding. */
function checkDefault(
  key: string,
  value: string,
  values: readonly string[] | undefined,
  pattern: { readonly source: string; readonly regex: RE2JS } | undefined,
  source: PolicySource,
): void {
  const path = ['tags', key, 'default'];
  if (values && !values.includes(value)) {
    throw source.error(
      path,
      `tags.${key}.default is ${JSON.stringify(value)}, which is not one of tags.${key}.values; ` +
        `allowed: ${values.join(', ')}`,
    );
  }
  if (pattern && !pattern.regex.test(value)) {
    throw source.error(
      path,
      `tags.${key}.default is ${JSON.stringify(value)}, which does not match ` +
        `tags.${key}.pattern ${pattern.source}; give a value the pattern allows`,
    );
  }
}

/** Explicit forms, checked against the provider's key syntax, plus the derived ones. */
function compileForms(
  key: string,
  forms: Readonly<Record<string, string>>,
  source: PolicySource,
): Readonly<Record<string, string>> {
  for (const [provider, form] of Object.entries(forms)) {
    const family = providerFamily(provider);
    const problem = family === undefined ? undefined : keyProblem(family, form);
    if (family !== undefined && problem !== undefined) {
      throw source.error(
        ['tags', key, 'forms', provider],
        `tags.${key}.forms.${provider} is ${JSON.stringify(form)}, which ${FAMILY_NAMES[family]} ` +
          `does not accept: ${problem}`,
      );
    }
  }
  const derived: Record<string, string> = {};
  for (const provider of DERIVED_FORM_PROVIDERS) derived[provider] = derivedForm(key, provider);
  return { ...derived, ...forms };
}
