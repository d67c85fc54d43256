import { stringify } from 'yaml';
import type { RawPolicy, RawTagRule } from '../raw.js';
import type { EffectiveAwsPolicy, EffectiveAwsTag } from './merge.js';

/** An openclaw-tags policy made from AWS tag policies, and what it could not carry over. */
export interface ImportedPolicy {
  readonly raw: RawPolicy;
  /** Everything of the AWS policy that the openclaw-tags policy does not express exactly. */
  readonly notes: readonly string[];
}

/**
 * Turns an effective AWS tag policy into an openclaw-tags policy:
 * - each tag becomes a key spelled as its `tag_key` (a different case is then a
 *   `wrong-case-key` finding, as AWS reports it non-compliant);
 * - `tag_value` becomes `values`; values with a `*` wildcard turn the list into an anchored
 *   `pattern` instead;
 * - keys stay optional (AWS tag policies judge a tag only when it is present), except where
 *   `report_required_tag_for` asks for them, which becomes `required: true`;
 * - a tag with `enforced_for` gets severity error (AWS blocks such tagging), others warning
 *   (AWS only reports them).
 * Resource-type specifics of `enforced_for` and `report_required_tag_for` have no equivalent
 * and are returned as notes.
 */
export function convertAwsPolicy(effective: EffectiveAwsPolicy): ImportedPolicy {
  const notes = [...effective.notes];
  const tags: Record<string, RawTagRule> = {};
  for (const tag of effective.tags) {
    const key = tag.key ?? tag.name;
    if (tag.key === undefined) {
      notes.push(`${tag.name}: no level assigns tag_key; the key is written as ${tag.name}`);
    }
    tags[key] = tagRule(key, tag, notes);
  }
  return { raw: { version: 1, resources: 'taggable', providers: ['aws'], tags }, notes };
}

function tagRule(key: string, tag: EffectiveAwsTag, notes: string[]): RawTagRule {
  const rule: Record<string, unknown> = {};
  if (tag.requiredFor) {
    rule['required'] = true;
    notes.push(
      `${key}: report_required_tag_for ${tag.requiredFor.join(', ')}: required here on every ` +
        'AWS resource the policy covers, not only those types; narrow it with resources',
    );
  }
  rule['severity'] = tag.enforcedFor ? 'error' : 'warning';
  if (tag.enforcedFor) {
    notes.push(
      `${key}: enforced_for ${tag.enforcedFor.join(', ')}: AWS blocks non-compliant tagging ` +
        'of these resource types only; here every finding about the key is an error',
    );
  }
  if (tag.values !== undefined) Object.assign(rule, valueRule(key, tag.values, notes));
  return rule as RawTagRule;
}

function valueRule(key: string, values: readonly string[], notes: string[]): RawTagRule {
  if (values.length === 0) {
    notes.push(`${key}: every value was removed (@@remove); no value is allowed, kept as ^$`);
    return { pattern: '^$' };
  }
  const wildcards = values.filter((value) => value.includes('*'));
  if (wildcards.length === 0) return { values };
  const pattern = `^(${values.map(wildcardToRegex).join('|')})$`;
  notes.push(
    `${key}: wildcard value${wildcards.length === 1 ? '' : 's'} ` +
      `${wildcards.map((value) => JSON.stringify(value)).join(', ')} written as the pattern ` +
      `${pattern} (values cannot hold wildcards, so fixes cannot suggest a value)`,
  );
  return { pattern };
}

function wildcardToRegex(value: string): string {
  return value
    .split('*')
    .map((part) => part.replace(/[\\^$.|?+()[\]{}]/g, '\\$&'))
    .join('.*');
}

/**
 * The imported policy as YAML: a header naming the AWS files merged (root first), the notes as
 * comments, then the policy.
 */
export function importedPolicyYaml(imported: ImportedPolicy, files: readonly string[]): string {
  const header = [
    '# Imported from AWS Organizations tag policies by openclaw-tags policy import-aws-org,',
    `# merged in this order (root first): ${files.join(' -> ')}.`,
    '# AWS tag policies judge a tag only where it is present; add required: true to the keys',
    '# every resource must carry.',
  ];
  const notes =
    imported.notes.length === 0
      ? ['# Everything in the AWS policies is expressed below.']
      : [
          '# Not expressed exactly in openclaw-tags:',
          ...imported.notes.map((note) => `# - ${note}`),
        ];
  const body = stringify(imported.raw, { lineWidth: 100 });
  return `${[...header, '#', ...notes].join('\n')}\n${body}`;
}
