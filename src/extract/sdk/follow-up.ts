import type { Node } from 'web-tree-sitter';
import { lookupPath } from './arguments.js';
import type { CreateCall, TaggingCall } from './calls.js';
import { assignmentAtSign, assignmentParts, equalsSigns } from './bindings.js';
import type { Assignment, FileFacts } from './facts.js';
import { compact, stringLiteral, typeOf } from './syntax.js';

/** Wrappers between a create call and the assignment that keeps its result. */
const RESULT_WRAPPERS = new Set([
  'subscript',
  'subscript_expression',
  'attribute',
  'member_expression',
  'await',
  'await_expression',
  'parenthesized_expression',
  'as_expression',
  'non_null_expression',
]);

/** Nodes whose text is a reference key; strings are compared by their literal value. */
const REFERENCE_TYPES: ReadonlySet<string> = new Set([
  'identifier',
  'attribute',
  'member_expression',
  'shorthand_property_identifier',
]);

/** Named nodes with no named nodes inside, so that a walk need not ask for their children. */
const LEAF_TYPES: ReadonlySet<string> = new Set([
  'identifier',
  'shorthand_property_identifier',
  'property_identifier',
  'type_identifier',
  'string_start',
  'string_content',
  'string_end',
  'string_fragment',
  'escape_sequence',
  'integer',
  'float',
  'number',
  'true',
  'false',
  'none',
  'null',
  'undefined',
  'this',
  'comment',
]);

/**
 * The tagging calls that tag what `create` created. A tagging call counts when it is of the
 * same service, in the same function, after the create call, and its target (`Resources`,
 * `ResourceArn`, `Bucket`...) mentions either a name that holds the create call's result, or
 * a name derived from one by later assignments (`vpc_id = resp["Vpc"]["VpcId"]`), or the same
 * expression the create call named its resource with (`Bucket=bucket_name`).
 */
export function taggingCallsFor(
  create: CreateCall,
  taggings: readonly TaggingCall[],
  facts: FileFacts,
): TaggingCall[] {
  const candidates = taggings.filter(
    (tagging) =>
      tagging.operation.service === create.operation.service &&
      tagging.site.scope === create.site.scope &&
      tagging.site.node.startIndex > create.site.node.endIndex,
  );
  if (candidates.length === 0) return [];
  const lastTagging = candidates.reduce((last, tagging) =>
    tagging.site.node.startIndex > last.site.node.startIndex ? tagging : last,
  );
  const identity = identityOf(create, lastTagging.site.node, facts);
  return candidates.filter((tagging) => {
    const target = lookupPath(tagging.args.keywords, [tagging.operation.target]);
    return (
      'found' in target && referencesIn(facts, target.found.node).some((ref) => identity.has(ref))
    );
  });
}

function identityOf(create: CreateCall, until: Node, facts: FileFacts): Set<string> {
  const identity = new Set<string>();
  for (const name of resultNames(create.site.node)) identity.add(name);
  const named = create.operation.identity
    ? lookupPath(create.args.keywords, [create.operation.identity])
    : undefined;
  const identityNode = named && 'found' in named ? named.found.node : create.identity?.node;
  if (identityNode) {
    const literal = stringLiteral(identityNode);
    identity.add(literal === null ? compact(identityNode.text) : `"${literal}"`);
  }
  for (const assignment of laterAssignments(create, until, facts)) {
    if (!assignment.source) continue;
    const refs = referencesIn(facts, assignment.source);
    if (refs.some((ref) => identity.has(ref))) identity.add(assignment.target);
  }
  return identity;
}

/** Names the create call's result is assigned to: `resp = ...`, `const { Instances } = ...`. */
function resultNames(call: Node): string[] {
  let current = call;
  for (let parent = current.parent; parent; parent = current.parent) {
    if (RESULT_WRAPPERS.has(typeOf(parent))) {
      current = parent;
    } else if (isSendArgument(parent)) {
      current = parent.parent as Node;
    } else {
      break;
    }
  }
  const holder = current.parent;
  const fields = holder ? RESULT_HOLDERS[typeOf(holder)] : undefined;
  if (!holder || !fields) return [];
  const [targetField, valueField] = fields;
  const target = holder.childForFieldName(targetField);
  if (!target || holder.childForFieldName(valueField)?.id !== current.id) return [];
  return references(target);
}

/**
 * What keeps a create call's result under a name, with the fields of the name and of the
 * value: assignments, and defaults of parameters and destructuring (`def f(resp=create())`,
 * `{ resp = create() } = options`). A keyword argument's name binds nothing.
 */
const RESULT_HOLDERS: Readonly<Record<string, readonly [string, string]>> = {
  assignment: ['left', 'right'],
  assignment_expression: ['left', 'right'],
  augmented_assignment: ['left', 'right'],
  augmented_assignment_expression: ['left', 'right'],
  variable_declarator: ['name', 'value'],
  default_parameter: ['name', 'value'],
  typed_default_parameter: ['name', 'value'],
  assignment_pattern: ['left', 'right'],
  object_assignment_pattern: ['left', 'right'],
  required_parameter: ['pattern', 'value'],
  optional_parameter: ['pattern', 'value'],
};

/** `client.send(new XCommand(...))`: the command's result is the send call's result. */
function isSendArgument(node: Node): boolean {
  if (typeOf(node) !== 'arguments') return false;
  const call = node.parent;
  const callee =
    call && typeOf(call) === 'call_expression' ? call.childForFieldName('function') : null;
  return (
    callee !== null &&
    typeOf(callee) === 'member_expression' &&
    callee.childForFieldName('property')?.text === 'send'
  );
}

/** Assignments between the create call and the last tagging call, in the create call's scope. */
function laterAssignments(create: CreateCall, until: Node, facts: FileFacts): Assignment[] {
  const start = create.site.node.endIndex;
  const { assignments } = memoryOf(facts);
  const found: Assignment[] = [];
  for (const sign of equalsSigns(facts.text, start, until.startIndex)) {
    let read = assignments.get(sign);
    if (read === undefined) {
      read = readAssignment(facts, sign);
      assignments.set(sign, read);
    }
    if (!read || read.index <= start || read.scope !== create.site.scope) continue;
    for (const target of read.targets) {
      found.push({
        scope: read.scope,
        target,
        value: null,
        source: read.source,
        index: read.index,
      });
    }
  }
  return found;
}

/** An assignment as the follow-up compares it: where, in which scope, and the names it sets. */
interface ReadAssignment {
  readonly index: number;
  readonly scope: number;
  readonly targets: readonly string[];
  readonly source: Node | null;
}

function readAssignment(facts: FileFacts, sign: number): ReadAssignment | null {
  const holder = assignmentAtSign(facts, sign);
  const { target, value } = (holder && assignmentParts(holder)) ?? {};
  if (!holder || !target) return null;
  return {
    index: holder.startIndex,
    scope: facts.scopeOf(holder),
    targets: referencesIn(facts, target),
    source: value ?? null,
  };
}

/**
 * What the follow-up has read of one file, kept with it: with many create and tagging calls in
 * one function, each create call looks at the assignments after it again, and reading them
 * anew each time would take time growing with the square of their number.
 */
export interface FollowUpMemory {
  /** The assignment of each `=` sign read so far; `null` where the sign belongs to none. */
  readonly assignments: Map<number, ReadAssignment | null>;
  /** `references` of each node read so far, by node id. */
  readonly references: Map<number, string[]>;
}

function memoryOf(facts: FileFacts): FollowUpMemory {
  facts.followUp ??= { assignments: new Map(), references: new Map() };
  return facts.followUp;
}

/** `references(node)`, read once per node of the file. */
function referencesIn(facts: FileFacts, node: Node): string[] {
  const { references: known } = memoryOf(facts);
  let refs = known.get(node.id);
  if (!refs) {
    refs = references(node);
    known.set(node.id, refs);
  }
  return refs;
}

/**
 * Every name, `a.b` chain and string literal an expression mentions, as compared keys: the
 * expression's own text first, then each such node in it (the expression included), read by
 * walking its named nodes, which for the short expressions compared here is far cheaper than
 * a search of the tree by type.
 */
function references(node: Node): string[] {
  const refs = [compact(node.text)];
  collectReferences(node, refs);
  return refs;
}

/** The walk of `references`, in document order, with a stack of its own: nesting is unbounded. */
function collectReferences(root: Node, refs: string[]): void {
  const pending: Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const type = typeOf(node);
    if (type === 'string') {
      const literal = stringLiteral(node);
      refs.push(literal === null ? compact(node.text) : `"${literal}"`);
      // Only a string with substitutions (`f"{name}"`) has names inside.
      if (literal !== null) continue;
    } else if (REFERENCE_TYPES.has(type)) {
      refs.push(compact(node.text));
    }
    if (LEAF_TYPES.has(type)) continue;
    const children = node.namedChildren;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) pending.push(child);
    }
  }
}
