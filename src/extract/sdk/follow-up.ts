import type { Node } from 'web-tree-sitter';
import { lookupPath } from './arguments.js';
import type { CreateCall, TaggingCall } from './calls.js';
import type { Assignment, FileFacts } from './facts.js';
import { compact, descendantsOfTypes, stringLiteral, typeOf } from './syntax.js';

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

const ASSIGNMENT_TYPES = ['assignment', 'variable_declarator', 'assignment_expression'];

const REFERENCE_TYPES = [
  'identifier',
  'attribute',
  'member_expression',
  'shorthand_property_identifier',
  'string',
];

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
    return 'found' in target && references(target.found.node).some((ref) => identity.has(ref));
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
  // A destructuring or a name listed twice yields several assignments of one source.
  const sourceRefs = new Map<number, string[]>();
  for (const assignment of laterAssignments(create, until, facts)) {
    if (!assignment.source) continue;
    let refs = sourceRefs.get(assignment.source.id);
    if (!refs) {
      refs = references(assignment.source);
      sourceRefs.set(assignment.source.id, refs);
    }
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
  if (!holder) return [];
  const left = holder.childForFieldName('left') ?? holder.childForFieldName('name');
  const right = holder.childForFieldName('right') ?? holder.childForFieldName('value');
  if (!left || right?.id !== current.id) return [];
  return references(left);
}

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
  const found: Assignment[] = [];
  const scope = facts.scope(create.site.scope);
  if (!scope) return found;
  const holders = descendantsOfTypes(
    scope.node,
    ASSIGNMENT_TYPES,
    create.site.node.endPosition,
    until.startPosition,
  );
  for (const holder of holders) {
    if (holder.startIndex <= start) continue;
    const left = holder.childForFieldName('left') ?? holder.childForFieldName('name');
    const source = holder.childForFieldName('right') ?? holder.childForFieldName('value');
    if (!left || facts.scopeOf(holder) !== create.site.scope) continue;
    for (const target of references(left)) {
      found.push({ scope: scope.id, target, value: null, source, index: holder.startIndex });
    }
  }
  return found;
}

/** Every name, `a.b` chain and string literal an expression mentions, as compared keys. */
function references(node: Node): string[] {
  const type = typeOf(node);
  if (type === 'identifier' || type === 'shorthand_property_identifier') {
    // A name has no children: it is its own only reference, without a search of the tree.
    const name = compact(node.text);
    return [name, name];
  }
  const refs = [compact(node.text)];
  for (const part of descendantsOfTypes(node, REFERENCE_TYPES)) {
    const literal = typeOf(part) === 'string' ? stringLiteral(part) : null;
    refs.push(literal === null ? compact(part.text) : `"${literal}"`);
  }
  return refs;
}
