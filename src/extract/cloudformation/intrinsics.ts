import { isMap, isScalar, Pair, Scalar, YAMLMap, type Node, type Tags } from 'yaml';

/**
 * CloudFormation's short-form intrinsic functions (`!Ref`, `!Sub`, ...) as YAML tags, each
 * turned into the long form (`{"Fn::Sub": ...}`) while the template is parsed, so the rest of
 * the extractor reads one shape whatever the author wrote.
 */

/** Short-form tag name to the long-form key it stands for. */
export const SHORT_FORM_INTRINSICS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!Contains': 'Fn::Contains',
  '!EachMemberEquals': 'Fn::EachMemberEquals',
  '!EachMemberIn': 'Fn::EachMemberIn',
  '!RefAll': 'Fn::RefAll',
  '!ValueOf': 'Fn::ValueOf',
  '!ValueOfAll': 'Fn::ValueOfAll',
  '!Implies': 'Fn::Implies',
  '!GetParam': 'Fn::GetParam',
};

const LONG_FORM_NAMES = new Set(Object.values(SHORT_FORM_INTRINSICS));

/**
 * A long-form intrinsic found in the template: its name and its argument, a YAML node, or for
 * the scalar short forms the plain text (`!Ref Env` gives `"Env"`; `!GetAtt a.b` gives
 * `["a", "b"]`).
 */
export interface Intrinsic {
  readonly name: string;
  readonly argument: unknown;
}

/** `!GetAtt a.b.c` names resource `a` and attribute `b.c`; the sequence form is unchanged. */
function shortFormArgument(name: string, text: string): string | string[] {
  if (name !== 'Fn::GetAtt') return text;
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** The long form of a sequence or mapping written with a short-form tag. */
function longFormCollection(name: string, collection: unknown): YAMLMap {
  const map = new YAMLMap();
  const range = (collection as Node).range;
  const key = new Scalar(name);
  if (range) key.range = range;
  map.items.push(new Pair(key, collection));
  return map;
}

/**
 * The YAML custom tags for every short-form intrinsic, in scalar, sequence and mapping form.
 * A scalar becomes a plain long-form object (`{ Ref: "Name" }`) held by its `Scalar` node, so
 * its position is kept; a collection becomes a one-entry long-form map over the collection.
 */
export const cloudFormationTags: Tags = Object.entries(SHORT_FORM_INTRINSICS).flatMap(
  ([tag, name]) => [
    { tag, resolve: (text: string) => ({ [name]: shortFormArgument(name, text) }) },
    { tag, collection: 'seq' as const, resolve: (seq: unknown) => longFormCollection(name, seq) },
    { tag, collection: 'map' as const, resolve: (map: unknown) => longFormCollection(name, map) },
  ],
);

/**
 * The intrinsic function `node` calls, whether written long (`{"Fn::Sub": ...}`) or short
 * (`!Sub ...`); `undefined` when the node is plain data.
 */
export function intrinsicOf(node: unknown): Intrinsic | undefined {
  if (isMap(node)) {
    if (node.items.length !== 1) return undefined;
    const pair = node.items[0];
    if (!pair || !isScalar(pair.key) || typeof pair.key.value !== 'string') return undefined;
    if (!LONG_FORM_NAMES.has(pair.key.value)) return undefined;
    return { name: pair.key.value, argument: pair.value };
  }
  if (isScalar(node) && node.value !== null && typeof node.value === 'object') {
    const longForm = node.value as Record<string, unknown>;
    for (const name in longForm) {
      return LONG_FORM_NAMES.has(name) ? { name, argument: longForm[name] } : undefined;
    }
  }
  return undefined;
}
