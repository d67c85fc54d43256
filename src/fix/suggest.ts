import type { Finding, JudgedResource, Replacement } from '../model.js';
import type { Policy, TagRule } from '../policy/types.js';
import { allowedValues, lookupKey } from '../rules/keys.js';
import { tagViews } from '../rules/views.js';
import { insertKey } from './insert.js';
import { editableFile, hclKey, onlyTokenAt } from './text-edits.js';

/** The lines of a file (relative path), split on `\n`, or undefined when unreadable. */
export type LinesOf = (file: string) => readonly string[] | undefined;

/** What one tag map offers a fix: its keys and values and the provider spelling keys. */
interface FixView {
  readonly tags: Readonly<Record<string, string | null>>;
  readonly provider: string;
}

/** A certain edit, and the fix text that says what it does. */
export interface Suggestion {
  readonly replacement: Replacement;
  /** Replaces the finding's `fix` when the edit is more precise (a default value). */
  readonly fix?: string;
}

/**
 * The text edit that fixes `finding` with certainty, or undefined. Only HCL and YAML files are
 * edited, only resources judged by one tag map (no condition variants), and only where the
 * edit is certain:
 * - `wrong-case-key`: the near miss renamed to the spelling the provider expects, when it is
 *   the only near miss and the exact key is absent;
 * - `invalid-value`: a value that differs only by case from exactly one allowed value;
 * - `missing-tag`: the key added to the resource's own written tag map when the policy fixes
 *   its value (one allowed value, or the key's `default`).
 */
export function suggestReplacement(
  finding: Finding,
  resource: JudgedResource,
  policy: Policy,
  linesOf: LinesOf,
): Suggestion | undefined {
  const views = tagViews(policy, resource);
  const view = views[0];
  if (views.length !== 1 || !view || view.condition !== null) return undefined;
  const only = (replacement: Replacement | undefined): Suggestion | undefined =>
    replacement && { replacement };
  switch (finding.rule) {
    case 'wrong-case-key':
      return only(renameKey(finding, resource, policy, view, linesOf));
    case 'invalid-value':
      return only(fixValueCase(finding, resource, policy, view, linesOf));
    case 'missing-tag': {
      const added = addKey(finding, resource, policy, view, linesOf);
      if (!added) return undefined;
      const { value, ...replacement } = added;
      const noun = resource.tagTarget === 'labels' ? 'label' : 'tag';
      return { replacement, fix: `add ${noun} ${added.key} = ${JSON.stringify(value)}` };
    }
    default:
      return undefined;
  }
}

function renameKey(
  finding: Finding,
  resource: JudgedResource,
  policy: Policy,
  view: FixView,
  linesOf: LinesOf,
): Replacement | undefined {
  const written = finding.key;
  if (written === null) return undefined;
  const rule = policy.tags.find((candidate) => {
    const found = lookupKey(view.tags, candidate, view.provider);
    return found.nearMisses.includes(written);
  });
  if (!rule) return undefined;
  const found = lookupKey(view.tags, rule, view.provider);
  if (found.exact || found.nearMisses.length !== 1) return undefined;
  const replacement = replaceOnOriginLine(resource, written, linesOf, (kind, quoted) =>
    kind === 'hcl' && !quoted ? hclKey(found.form) : found.form,
  );
  return replacement && keepEqualsColumn(replacement, linesOf);
}

/**
 * For an HCL key renamed in `key   = value`, also rewrites the spaces before `=` so that `=`
 * stays in its column, as `terraform fmt` aligns a run of attributes: fewer spaces after a
 * longer key, more after a shorter one. One space is kept at least; other edits are returned
 * as they are.
 */
function keepEqualsColumn(replacement: Replacement, linesOf: LinesOf): Replacement {
  if (editableFile(replacement.file) !== 'hcl') return replacement;
  const line = linesOf(replacement.file)?.[replacement.line - 1];
  if (line === undefined) return replacement;
  const end = replacement.endColumn - 1;
  const after = /^("?)( +)=/.exec(line.slice(end));
  if (!after) return replacement;
  const [, quote = '', padding = ''] = after;
  const oldWidth = end - (replacement.column - 1) + quote.length;
  const newWidth = replacement.text.length + quote.length;
  const spaces = Math.max(1, padding.length + oldWidth - newWidth);
  return {
    ...replacement,
    endColumn: replacement.endColumn + quote.length + padding.length,
    text: `${replacement.text}${quote}${' '.repeat(spaces)}`,
  };
}

function fixValueCase(
  finding: Finding,
  resource: JudgedResource,
  policy: Policy,
  view: FixView,
  linesOf: LinesOf,
): Replacement | undefined {
  const rule = ruleOf(policy, finding.key);
  if (!rule?.values) return undefined;
  const found = lookupKey(view.tags, rule, view.provider);
  const value = found.value;
  if (found.presentKey === undefined || typeof value !== 'string') return undefined;
  const sameBut = rule.values.filter(
    (allowed) => allowed !== value && allowed.toLowerCase() === value.toLowerCase(),
  );
  const [allowed] = sameBut;
  if (sameBut.length !== 1 || allowed === undefined) return undefined;
  return replaceOnOriginLine(resource, value, linesOf, () => allowed, found.presentKey);
}

function addKey(
  finding: Finding,
  resource: JudgedResource,
  policy: Policy,
  view: FixView,
  linesOf: LinesOf,
): (Replacement & { readonly value: string; readonly key: string }) | undefined {
  const rule = ruleOf(policy, finding.key);
  if (!rule || resource.tagsLine === undefined) return undefined;
  const allowed = allowedValues(policy, rule, view.tags, view.provider);
  const value = allowed?.length === 1 ? allowed[0] : rule.default;
  if (value === undefined) return undefined;
  const kind = editableFile(resource.file);
  const lines = linesOf(resource.file);
  if (!kind || !lines) return undefined;
  const form = lookupKey(view.tags, rule, view.provider).form;
  const edit = insertKey(kind, lines, resource.tagsLine, form, value);
  return edit && { file: resource.file, ...edit, value, key: form };
}

function ruleOf(policy: Policy, key: string | null): TagRule | undefined {
  if (key === null) return undefined;
  return policy.tags.find((rule) => rule.key === key);
}

/**
 * Replaces the only whole-token occurrence of `token` on the line where `originKey` (default:
 * `token`) was written, in that line's file.
 */
function replaceOnOriginLine(
  resource: JudgedResource,
  token: string,
  linesOf: LinesOf,
  replacement: (kind: 'hcl' | 'yaml', quoted: boolean) => string,
  originKey: string = token,
): Replacement | undefined {
  const origin = resource.origins?.[originKey];
  if (!origin) return undefined;
  const file = origin.file ?? resource.file;
  const kind = editableFile(file);
  const lines = linesOf(file);
  if (!kind || !lines) return undefined;
  const lineNumber = tokenLine(kind, lines, origin.line, token);
  const line = lines[lineNumber - 1] ?? '';
  const at = onlyTokenAt(line, token);
  if (at === undefined) return undefined;
  const quoted = line[at - 1] === '"' || line[at - 1] === "'";
  return {
    file,
    line: lineNumber,
    column: at + 1,
    endLine: lineNumber,
    endColumn: at + 1 + token.length,
    text: replacement(kind, quoted),
  };
}

/**
 * The line that holds `token`: the origin line, or for a CloudFormation `Key:` / `Value:` pair
 * whose origin is the `Key:` line, the `Value:` line right below it.
 */
function tokenLine(
  kind: 'hcl' | 'yaml',
  lines: readonly string[],
  line: number,
  token: string,
): number {
  const below = lines[line] ?? '';
  const pair = kind === 'yaml' && /^\s*(- )?Key\s*:/.test(lines[line - 1] ?? '');
  const onOrigin = onlyTokenAt(lines[line - 1] ?? '', token) !== undefined;
  return !onOrigin && pair && /^\s*Value\s*:/.test(below) ? line + 1 : line;
}
