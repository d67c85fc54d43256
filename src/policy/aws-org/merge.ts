import type { PathSegment, PolicySource } from '../source.js';

/** The inheritance operators of AWS Organizations management policies. */
export const OPERATORS = ['@@assign', '@@append', '@@remove'] as const;
export type Operator = (typeof OPERATORS)[number];

const CHILD_CONTROL = '@@operators_allowed_for_child_policies';
const FIELDS = ['tag_key', 'tag_value', 'enforced_for', 'report_required_tag_for'] as const;
type Field = (typeof FIELDS)[number];

/** One tag of the effective AWS tag policy, after every level is merged. */
export interface EffectiveAwsTag {
  /** The policy's own (lowercase) name for the tag. */
  readonly name: string;
  /** `tag_key`: the capitalization the key must have; undefined when no level assigns it. */
  readonly key?: string;
  /** `tag_value`: allowed values (may end with `*`); undefined when any value is allowed. */
  readonly values?: readonly string[];
  /** `enforced_for`: `service:resourceType` entries where AWS blocks non-compliant tagging. */
  readonly enforcedFor?: readonly string[];
  /** `report_required_tag_for`: where AWS reports the tag as required. */
  readonly requiredFor?: readonly string[];
}

/** The effective policy and what the merge could not honour, in the user's terms. */
export interface EffectiveAwsPolicy {
  readonly tags: readonly EffectiveAwsTag[];
  readonly notes: readonly string[];
}

interface TagState {
  name: string;
  values: Partial<Record<Field, string[]>>;
  /** Operators children may still use, per field; undefined means all. */
  allowed: Partial<Record<Field, ReadonlySet<Operator>>>;
}

/**
 * Merges AWS Organizations tag policies the way AWS computes an effective policy, levels in
 * the order given (root, then each OU down the tree, then the account). Per tag (matched by
 * its lowercase policy name) and per field, `@@assign` replaces what was inherited,
 * `@@append` adds values, `@@remove` takes values away. `@@operators_allowed_for_child_policies`
 * (on `tags`, a tag or a field) limits the operators later levels may use there: `@@none`
 * forbids all, `@@all` allows all, a list allows those; a later level using a forbidden
 * operator is ignored for that field and noted. Throws `PolicyError` for a document that is not
 * a tag policy.
 */
export function mergeAwsTagPolicies(levels: readonly PolicySource[]): EffectiveAwsPolicy {
  const states = new Map<string, TagState>();
  const notes: string[] = [];
  let tagsAllowed: ReadonlySet<Operator> | undefined;

  for (const source of levels) {
    const tags = tagsOf(source);
    const levelControl = controlOf(source, ['tags'], tags[CHILD_CONTROL]);
    for (const [name, node] of Object.entries(tags)) {
      if (name === CHILD_CONTROL) continue;
      const path = ['tags', name];
      if (!isRecord(node)) throw source.error(path, `tags.${name} must be an object`);
      const id = name.toLowerCase();
      const state = states.get(id) ?? { name, values: {}, allowed: {} };
      states.set(id, state);
      const tagControl = controlOf(source, path, node[CHILD_CONTROL]);
      for (const [field, spec] of Object.entries(node)) {
        if (field === CHILD_CONTROL) continue;
        if (!isField(field)) {
          notes.push(`${source.file}: tags.${name}.${field} is not a tag policy field; ignored`);
          continue;
        }
        const fieldPath = [...path, field];
        if (!isRecord(spec))
          throw source.error(fieldPath, `tags.${name}.${field} must be an object`);
        const allowed = intersect(tagsAllowed, state.allowed[field]);
        applyField(source, fieldPath, state, field, spec, allowed, notes);
        const control = controlOf(source, fieldPath, spec[CHILD_CONTROL]);
        state.allowed[field] = intersect(
          allowed,
          intersect(levelControl, intersect(tagControl, control)),
        );
      }
      for (const field of FIELDS) {
        if (node[field] === undefined) {
          state.allowed[field] = intersect(
            state.allowed[field],
            intersect(levelControl, tagControl),
          );
        }
      }
    }
    tagsAllowed = intersect(tagsAllowed, levelControl);
  }

  const result: EffectiveAwsTag[] = [];
  for (const state of states.values()) {
    const { tag_key: key, tag_value: values, enforced_for: enforced } = state.values;
    const required = state.values.report_required_tag_for;
    result.push({
      name: state.name,
      ...(key?.[0] === undefined ? {} : { key: key[0] }),
      ...(values === undefined ? {} : { values }),
      ...(enforced === undefined || enforced.length === 0 ? {} : { enforcedFor: enforced }),
      ...(required === undefined || required.length === 0 ? {} : { requiredFor: required }),
    });
  }
  return { tags: result, notes };
}

function applyField(
  source: PolicySource,
  path: readonly PathSegment[],
  state: TagState,
  field: Field,
  spec: Record<string, unknown>,
  allowed: ReadonlySet<Operator> | undefined,
  notes: string[],
): void {
  const where = `${source.file}: tags.${String(path[1])}.${field}`;
  for (const operator of OPERATORS) {
    const operand = spec[operator];
    if (operand === undefined) continue;
    if (allowed && !allowed.has(operator)) {
      notes.push(
        `${where} uses ${operator}, which a parent level forbids here ` +
          `(${CHILD_CONTROL}); AWS ignores it, and so does this import`,
      );
      continue;
    }
    const list = stringsOf(source, [...path, operator], operand, field === 'tag_key');
    if (field === 'tag_key' && operator !== '@@assign') {
      throw source.error(
        [...path, operator],
        `tags.${String(path[1])}.tag_key accepts only @@assign: a key has one spelling`,
      );
    }
    const current = state.values[field];
    if (operator === '@@assign') state.values[field] = list;
    if (operator === '@@append') state.values[field] = unique([...(current ?? []), ...list]);
    if (operator === '@@remove') {
      state.values[field] = (current ?? []).filter((value) => !list.includes(value));
    }
  }
  for (const key of Object.keys(spec)) {
    if (!key.startsWith('@@')) {
      notes.push(`${where}.${key} is not an operator of tag policies; ignored`);
    } else if (key !== CHILD_CONTROL && !(OPERATORS as readonly string[]).includes(key)) {
      notes.push(`${where} uses ${key}, which tag policies do not have; ignored`);
    }
  }
}

function tagsOf(source: PolicySource): Record<string, unknown> {
  const document = source.value;
  if (!isRecord(document) || !isRecord(document['tags'])) {
    throw source.error(
      [],
      'not an AWS Organizations tag policy: it needs a top-level "tags" object',
    );
  }
  return document['tags'];
}

/** The operators a `@@operators_allowed_for_child_policies` value allows. */
function controlOf(
  source: PolicySource,
  path: readonly PathSegment[],
  value: unknown,
): ReadonlySet<Operator> | undefined {
  if (value === undefined) return undefined;
  const list = stringsOf(source, [...path, CHILD_CONTROL], value, false);
  if (list.includes('@@all')) return undefined;
  if (list.includes('@@none')) return new Set();
  const unknown = list.find((entry) => !(OPERATORS as readonly string[]).includes(entry));
  if (unknown !== undefined) {
    throw source.error(
      [...path, CHILD_CONTROL],
      `${CHILD_CONTROL} lists ${unknown}; allowed: @@all, @@none, ${OPERATORS.join(', ')}`,
    );
  }
  return new Set(list as Operator[]);
}

function stringsOf(
  source: PolicySource,
  path: readonly PathSegment[],
  value: unknown,
  single: boolean,
): string[] {
  if (typeof value === 'string') return [value];
  if (!single && Array.isArray(value) && value.every((entry) => typeof entry === 'string')) {
    return value as string[];
  }
  const shape = single ? 'a string' : 'a string or a list of strings';
  throw source.error(path, `${path.join('.')} must be ${shape}`);
}

function intersect(
  a: ReadonlySet<Operator> | undefined,
  b: ReadonlySet<Operator> | undefined,
): ReadonlySet<Operator> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return new Set([...a].filter((operator) => b.has(operator)));
}

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
