import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts.js';
import { objectOf, propertyOf, stringLiteral, subscriptOf, typeOf } from './syntax.js';
import { isNameChar, wordOccurrences } from './words.js';

/** `target = value`, where target is a name or a `self.x` / `this.x` chain. */
export interface Assignment {
  readonly scope: number;
  readonly target: string;
  /** The assigned value; `null` for a name bound by destructuring or a loop. */
  readonly value: Node | null;
  /** The whole right-hand side, also for destructuring, to follow derived names. */
  readonly source: Node | null;
  readonly index: number;
}

/** A change to a dict/object/list after it was built: `d["k"] = v`, `tags.append(x)`. */
export interface Mutation {
  readonly scope: number;
  readonly kind: 'set' | 'append' | 'opaque';
  readonly key?: string;
  readonly value?: Node;
  readonly index: number;
  readonly line: number;
}

const BINDERS = new Set(['assignment', 'variable_declarator', 'assignment_expression']);
const AUGMENTED = new Set(['augmented_assignment', 'augmented_assignment_expression']);
/** A pattern element with a default: `{ x = 1 }`, `[x = 1]`; its `left` is bound. */
const DEFAULTED = ['object_assignment_pattern', 'assignment_pattern'];
const PATTERNS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'object_pattern',
  'array_pattern',
  'pair_pattern',
  'rest_pattern',
  'shorthand_property_identifier_pattern',
  'list_splat_pattern',
  ...DEFAULTED,
]);
/** `a.b`, `a[b]`: whose `object` (Python subscript: `value`) a store or method call changes. */
const MEMBERS = new Set(['attribute', 'subscript', 'member_expression', 'subscript_expression']);
const LOOPS = new Set(['for_statement', 'for_in_statement']);
const APPENDERS = new Set(['append', 'push']);
const OPAQUE_MUTATORS = new Set(['update', 'extend', 'setdefault', 'insert', 'unshift', 'splice']);

const MUTATORS = new Set([...APPENDERS, ...OPAQUE_MUTATORS]);
/** What may follow a name that is bound: `=`, a type, the end of a pattern, a loop's `in`. */
const BINDING_FOLLOWERS = new Set([',', ')', ']', '}', ':', '[', '=']);

/**
 * A quick look at the text around an occurrence of a name: `use` when it can be neither a
 * binding nor a change of the name, `assigned` when an `=` follows it (`x = ...`), `maybe`
 * otherwise. Most occurrences are uses (`client.chat...`, `f(tags)`), which the syntax tree
 * would only confirm at a cost; `use` is certain, the others are checked on the tree.
 */
function readOccurrence(
  text: string,
  start: number,
  end: number,
  python: boolean,
): { readonly kind: 'use' | 'maybe' } | { readonly kind: 'assigned'; readonly sign: number } {
  const next = skipSpaces(text, end, python);
  const char = text[next];
  if (char === undefined) return USE;
  if (char === '=') {
    const after = text[next + 1];
    return after === '=' || after === '>' ? USE : { kind: 'assigned', sign: next };
  }
  // In Python a name before `}` ends a dict, a set or an f-string substitution: never a target.
  if (char === '}' && python) return USE;
  if (BINDING_FOLLOWERS.has(char)) return MAYBE;
  if ('+-*/%|&^@<>'.includes(char)) {
    const equals = text.indexOf('=', next);
    return equals >= 0 && equals <= next + 3 ? MAYBE : USE;
  }
  if (char === '.') {
    let nameEnd = skipSpaces(text, next + 1, python);
    const nameStart = nameEnd;
    while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd += 1;
    const afterName = skipSpaces(text, nameEnd, python);
    const assigned = text[afterName] === '=' && text[afterName + 1] !== '=';
    return assigned || MUTATORS.has(text.slice(nameStart, nameEnd)) ? MAYBE : USE;
  }
  if (text.startsWith('in', next) || text.startsWith('of', next)) return MAYBE;
  const before = text.slice(Math.max(0, start - 16), start).replace(/\s+/g, '');
  return before.endsWith('assign(') ? MAYBE : USE;
}

const USE = { kind: 'use' } as const;
const MAYBE = { kind: 'maybe' } as const;

/**
 * Past spaces, line breaks and what else may stand between a name and its `=` or `.`: a
 * Python line continuation, a JavaScript comment of up to `COMMENT_REACH` characters (a name
 * inside a long comment is looked at once per occurrence, so the search for its end is cut
 * short; such a name stops there, as a use).
 */
function skipSpaces(text: string, index: number, python: boolean): number {
  let at = index;
  for (;;) {
    while (at < text.length && ' \t\r\n'.includes(text[at] ?? '')) at += 1;
    if (python) {
      if (text[at] !== '\\' || (text[at + 1] !== '\n' && text[at + 1] !== '\r')) return at;
      at += 1;
      continue;
    }
    const end = text.startsWith('/*', at)
      ? closeWithin(text, at, '*/')
      : text.startsWith('//', at)
        ? closeWithin(text, at, '\n')
        : -1;
    if (end < 0) return at;
    at = end;
  }
}

const COMMENT_REACH = 256;

/** Where the comment at `start` ends, past `closer`, when within reach; else -1. */
function closeWithin(text: string, start: number, closer: string): number {
  const close = text.slice(start + 2, start + COMMENT_REACH).indexOf(closer);
  return close < 0 ? -1 : start + 2 + close + closer.length;
}

/** Finds where `target` is bound and changed, from its occurrences in the text. */
export function findBindings(
  facts: FileFacts,
  target: string,
): { assignments: Assignment[]; mutations: Mutation[] } {
  const assignments: Assignment[] = [];
  const mutations: Mutation[] = [];
  const python = facts.grammar === 'python';
  for (const [start, end] of wordOccurrences(facts.text, target)) {
    const occurrence = readOccurrence(facts.text, start, end, python);
    if (occurrence.kind === 'use' || facts.inImportStatement(start)) continue;
    if (occurrence.kind === 'assigned') {
      // `name = ...`: the smallest node around the name and the `=` is the statement or
      // declarator it starts; when it starts with the name, the name is its whole target.
      const holder = facts.root.descendantForIndex(start, occurrence.sign + 1);
      if (holder?.startIndex === start && !DEFAULTED.includes(typeOf(holder))) {
        const value = BINDERS.has(typeOf(holder)) ? rightOf(holder) : null;
        if (value && !isRequire(value)) {
          const scope = facts.scopeOf(holder);
          assignments.push({ scope, target, value, source: value, index: holder.startIndex });
        }
        continue;
      }
    }
    const node = facts.root.descendantForIndex(start, end);
    if (!node) continue;
    if (node.text !== target && typeOf(node) !== 'shorthand_property_identifier_pattern') continue;
    // Fetched once for both readings and the scope: each step up is a search from the root.
    const parent = node.parent;
    if (!parent) continue;
    const binding = bindingAt(node, parent);
    if (binding) {
      assignments.push({ ...binding, target, scope: facts.scopeOf(node) });
      continue;
    }
    const mutation = mutationAt(node, parent);
    if (mutation) mutations.push({ ...mutation, scope: facts.scopeOf(node) });
  }
  return { assignments, mutations };
}

/** The field holding the target of each kind of assignment; the value is in the other one. */
const TARGET_FIELD: Readonly<Record<string, string>> = {
  assignment: 'left',
  assignment_expression: 'left',
  augmented_assignment: 'left',
  augmented_assignment_expression: 'left',
  variable_declarator: 'name',
};
const VALUE_FIELD: Readonly<Record<string, string>> = {
  assignment: 'right',
  assignment_expression: 'right',
  augmented_assignment: 'right',
  augmented_assignment_expression: 'right',
  variable_declarator: 'value',
};

function leftOf(holder: Node): Node | null {
  const field = TARGET_FIELD[typeOf(holder)];
  return field ? holder.childForFieldName(field) : null;
}

function rightOf(holder: Node): Node | null {
  const field = VALUE_FIELD[typeOf(holder)];
  const right = field ? holder.childForFieldName(field) : null;
  // `a = b = value`: both names are bound to the innermost value.
  return right && typeOf(right) === 'assignment' ? right.childForFieldName('right') : right;
}

/**
 * The target and the value of an assignment (`x = v`, `const x = v`, `x += v`) as written;
 * `undefined` for any other node.
 */
export function assignmentParts(
  holder: Node,
): { readonly target: Node | null; readonly value: Node | null } | undefined {
  const type = typeOf(holder);
  const targetField = TARGET_FIELD[type];
  const valueField = VALUE_FIELD[type];
  if (!targetField || !valueField) return undefined;
  return {
    target: holder.childForFieldName(targetField),
    value: holder.childForFieldName(valueField),
  };
}

/** Offsets of the `=` signs in [from, to) that may be assignments: not part of `==` or `=>`. */
export function equalsSigns(text: string, from: number, to: number): number[] {
  const signs: number[] = [];
  for (
    let sign = text.indexOf('=', from);
    sign >= 0 && sign < to;
    sign = text.indexOf('=', sign + 1)
  ) {
    const next = text[sign + 1];
    if (next === '=' || next === '>') sign += 1;
    else if (sign > 0) signs.push(sign);
  }
  return signs;
}

/**
 * The assignment (`x = v`, `const x = v`, `a.b = v`) the `=` at `sign` belongs to, or `null`.
 * The smallest node around the sign and the character before it is that assignment, or else
 * an operator (`<=`, `+=`), a string, a comment, a keyword argument or a default, which its
 * type tells apart.
 */
export function assignmentAtSign(facts: FileFacts, sign: number): Node | null {
  const holder = facts.root.descendantForIndex(sign - 1, sign + 1);
  return holder && BINDERS.has(typeOf(holder)) ? holder : null;
}

function bindingAt(node: Node, parent: Node): Omit<Assignment, 'target' | 'scope'> | undefined {
  if (BINDERS.has(typeOf(parent)) && leftOf(parent)?.id === node.id) {
    const value = rightOf(parent);
    if (!value || isRequire(value)) return undefined;
    return { value, source: value, index: parent.startIndex };
  }
  if (LOOPS.has(typeOf(parent)) && parent.childForFieldName('left')?.id === node.id) {
    return { value: null, source: parent.childForFieldName('right'), index: parent.startIndex };
  }
  if (!PATTERNS.has(typeOf(node)) && !PATTERNS.has(typeOf(parent))) return undefined;
  // The default of `{ x = fallback }` is a use of `fallback`, not a binding.
  if (DEFAULTED.includes(typeOf(parent)) && parent.childForFieldName('left')?.id !== node.id) {
    return undefined;
  }
  let holder: Node | null = parent;
  while (holder && PATTERNS.has(typeOf(holder))) holder = holder.parent;
  if (!holder) return undefined;
  if (BINDERS.has(typeOf(holder)) && contains(leftOf(holder), node)) {
    return { value: null, source: rightOf(holder), index: holder.startIndex };
  }
  if (LOOPS.has(typeOf(holder)) && contains(holder.childForFieldName('left'), node)) {
    return { value: null, source: holder.childForFieldName('right'), index: holder.startIndex };
  }
  return undefined;
}

function contains(outer: Node | null, inner: Node): boolean {
  return outer !== null && outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

function isRequire(node: Node): boolean {
  return (
    typeOf(node) === 'call_expression' && node.childForFieldName('function')?.text === 'require'
  );
}

/** Where a statement that changes a binding starts. */
function at(statement: Node): { index: number; line: number } {
  return { index: statement.startIndex, line: statement.startPosition.row + 1 };
}

function mutationAt(node: Node, parent: Node): Omit<Mutation, 'scope'> | undefined {
  if (AUGMENTED.has(typeOf(parent)) && leftOf(parent)?.id === node.id) {
    return { kind: 'opaque', ...at(parent) };
  }
  // Only a member or subscript can be stored into or have a method called on it; other
  // parents with a `value` field (keyword arguments, pairs) are not looked at further.
  const object = MEMBERS.has(typeOf(parent)) ? objectOf(parent) : null;
  if (object?.id === node.id) {
    const holder = parent.parent;
    if (holder && BINDERS.has(typeOf(holder)) && leftOf(holder)?.id === parent.id) {
      return keyedStore(parent, rightOf(holder), at(holder));
    }
    if (holder && (typeOf(holder) === 'call' || typeOf(holder) === 'call_expression')) {
      return methodMutation(parent, holder, at(holder));
    }
  }
  if (typeOf(parent) === 'arguments' && parent.namedChildren[0]?.id === node.id) {
    const call = parent.parent;
    if (call?.childForFieldName('function')?.text === 'Object.assign') {
      return { kind: 'opaque', ...at(call) };
    }
  }
  return undefined;
}

/** `d["k"] = v`, `obj.k = v`: a key set on a dict or object built earlier. */
function keyedStore(
  left: Node,
  value: Node | null,
  at: { index: number; line: number },
): Omit<Mutation, 'scope'> {
  const property = propertyOf(left);
  const index = property ? null : subscriptOf(left);
  const key = property ? property.text : index ? stringLiteral(index) : null;
  return key === null || !value ? { kind: 'opaque', ...at } : { kind: 'set', key, value, ...at };
}

function methodMutation(
  member: Node,
  call: Node,
  at: { index: number; line: number },
): Omit<Mutation, 'scope'> | undefined {
  if (call.childForFieldName('function')?.id !== member.id) return undefined;
  const method = propertyOf(member)?.text;
  if (!method) return undefined;
  if (APPENDERS.has(method)) {
    const value = call.childForFieldName('arguments')?.namedChildren[0];
    return value ? { kind: 'append', value, ...at } : { kind: 'opaque', ...at };
  }
  return OPAQUE_MUTATORS.has(method) ? { kind: 'opaque', ...at } : undefined;
}
