import type { Node, Tree } from 'web-tree-sitter';
import { findBindings, type Assignment, type Mutation } from './bindings.js';
import type { FollowUpMemory } from './follow-up.js';
import { importsOf, type ImportBinding, type Imports } from './imports.js';
import type { Grammar } from './parser.js';
import { FUNCTION_TYPES, Scopes, type Scope } from './scopes.js';
import type { StaticValue } from './static-value.js';
import { calleeOf, compact, memberChain, typeOf } from './syntax.js';
import { isNameChar, wordOccurrences } from './words.js';

export type { Assignment, ImportBinding, Mutation, Scope };

/** A call or `new` expression and the scope it sits in. */
export interface CallSite {
  readonly node: Node;
  readonly scope: number;
  /** The callee, as written (`self.client.create_endpoint`), whitespace removed. */
  readonly callee: string;
  /** True for `new X(...)`. */
  readonly constructs: boolean;
  /** The callee node (`function` or `constructor` field), fetched once for every reader. */
  readonly calleeNode: Node | null;
}

const CALL_TYPES = new Set(['call', 'call_expression', 'new_expression']);
const CALLEE_WRAPPERS = new Set(['attribute', 'member_expression']);

/**
 * What the SDK extractor knows about one parsed file. Nothing is gathered up front: walking a
 * whole tree from JavaScript costs as much as parsing it, so each question (where is `x`
 * bound, which calls may be SDK calls) starts from the places its text occurs and confirms
 * them on the syntax tree. Answers are cached for the life of the file.
 */
export class FileFacts {
  readonly root: Node;
  private readonly scopes: Scopes;
  private readonly bindings = new Map<
    string,
    { assignments: Assignment[]; mutations: Mutation[] }
  >();
  private importsRead: Imports | undefined;
  /**
   * Values of bindings already evaluated, kept by the evaluator (a shared tag list is read by
   * every call using it); held per file, so they are dropped with it.
   */
  readonly bindingValues = new Map<Assignment, StaticValue>();
  /**
   * What each helper function returns, by scope id, once evaluated; `pending` while it is
   * being evaluated, so that helpers calling each other end instead of recursing.
   */
  readonly helperResults = new Map<number, StaticValue | 'pending'>();
  /**
   * Expressions evaluated so far. The evaluator stops following values once the file's
   * budget is spent, so that no shape of code (a bundle, generated helpers calling each
   * other) can make one file take unbounded time; what is left is reported as unknown.
   */
  evaluationSteps = 0;
  /** What the tagging follow-up has read of this file, once asked (see `follow-up.ts`). */
  followUp: FollowUpMemory | undefined;
  private readonly functionsByName = new Map<string, Scope[]>();
  private errorSummary: { count: number; firstLine: number; chars: number } | undefined;

  constructor(
    readonly grammar: Grammar,
    readonly text: string,
    tree: Tree,
  ) {
    this.root = tree.rootNode;
    this.scopes = new Scopes(this.root, grammar, text);
  }

  /** The module scope's id. */
  get moduleScope(): number {
    return this.root.id;
  }

  scope(id: number): Scope | undefined {
    return this.scopes.get(id);
  }

  /** The id of the innermost function (or the module) around `node`, not counting `node`. */
  scopeOf(node: Node): number {
    return this.scopes.around(node);
  }

  /** Assignments to a name or a `self.x` chain, anywhere in the file, in source order. */
  assignmentsOf(target: string): readonly Assignment[] {
    return this.bindingsOf(target).assignments;
  }

  /** Later changes to a dict/object/list bound to `target`, in source order. */
  mutationsOf(target: string): readonly Mutation[] {
    return this.bindingsOf(target).mutations;
  }

  imports(): ReadonlyMap<string, ImportBinding> {
    this.importsRead ??= importsOf(this);
    return this.importsRead.bindings;
  }

  /** Whether `offset` lies in an `import` statement, where names are bound only as imports. */
  inImportStatement(offset: number): boolean {
    this.importsRead ??= importsOf(this);
    return this.importsRead.statements.some(([start, end]) => start <= offset && offset < end);
  }

  /** Functions and methods of this name, for following a helper's `return`. */
  functionsNamed(name: string): Scope[] {
    const known = this.functionsByName.get(name);
    if (known) return known;
    const found: Scope[] = [];
    this.functionsByName.set(name, found);
    for (const node of this.wordNodes(name)) {
      const parent = node.parent;
      if (
        parent &&
        FUNCTION_TYPES.has(typeOf(parent)) &&
        parent.childForFieldName('name')?.id === node.id
      ) {
        found.push(this.scopes.ofFunction(parent));
      }
      const value =
        parent && typeOf(parent) === 'variable_declarator'
          ? parent.childForFieldName('value')
          : null;
      if (value && FUNCTION_TYPES.has(typeOf(value))) found.push(this.scopes.ofFunction(value));
    }
    return found;
  }

  /**
   * Calls whose callee's last name is one of `names` or ends with `suffix` (`Estimator(`,
   * `.run_instances(`, `new RunInstancesCommand(`), found from every `name(` in the text.
   */
  callsNamed(names: ReadonlySet<string>, suffix?: string): CallSite[] {
    const calls: CallSite[] = [];
    for (const [start, end, paren] of calledNames(this.text, names, suffix)) {
      const found = this.callAt(start, end, paren);
      if (found) calls.push(this.callSite(found.call, found.callee));
    }
    return calls;
  }

  /** Syntax errors: how many regions, the first line, and how many characters they cover. */
  errors(): { count: number; firstLine: number; chars: number } {
    this.errorSummary ??= this.findErrors();
    return this.errorSummary;
  }

  /** Whether the tree has no syntax errors: then every node has the shape its grammar gives. */
  get wellFormed(): boolean {
    return this.errors().count === 0;
  }

  private findErrors(): { count: number; firstLine: number; chars: number } {
    if (!this.root.hasError) return { count: 0, firstLine: 0, chars: 0 };
    let chars = 0;
    let end = -1;
    let firstLine = 0;
    const errors = this.root.descendantsOfType('ERROR').filter((node) => node !== null);
    for (const node of errors) {
      if (firstLine === 0) firstLine = node.startPosition.row + 1;
      if (node.startIndex >= end) chars += node.endIndex - node.startIndex;
      end = Math.max(end, node.endIndex);
    }
    return { count: errors.length, firstLine: firstLine || 1, chars };
  }

  /** The smallest nodes at each whole-word occurrence of `words` in the text. */
  wordNodes(words: string | readonly string[], after?: RegExp): Node[] {
    const nodes: Node[] = [];
    for (const [start, end] of wordOccurrences(this.text, words, after)) {
      const node = this.root.descendantForIndex(start, end);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  /**
   * The call whose callee ends with the name at [start, end) and whose arguments open at
   * `paren`: `name(...)`, `x.name(...)`, `new name(...)`. The call is the smallest node that
   * spans both the name and the parenthesis, found with one search instead of climbing from
   * the name (each step up is a search from the root).
   */
  private callAt(start: number, end: number, paren: number): { call: Node; callee: Node } | null {
    const call = this.root.descendantForIndex(start, paren + 1);
    if (!call || !CALL_TYPES.has(typeOf(call))) return null;
    const callee = calleeOf(call);
    if (!callee) return null;
    if (!CALLEE_WRAPPERS.has(typeOf(callee)))
      return isTokenAt(callee, start, end) ? { call, callee } : null;
    // A member chain ends with its last name; `#name` is a private one.
    const last = memberChain(callee).segments.at(-1);
    const name = this.text.slice(start, end);
    return (last === name || last === `#${name}`) && callee.endIndex === end
      ? { call, callee }
      : null;
  }

  /**
   * The nodes directly around each whole-word occurrence of `word`: the smallest node that
   * spans the word and the character after it, which is the word's parent when the word is a
   * token that does not end its parent (a keyword such as `import`). One search each, instead
   * of finding the word's node and then climbing, which searches from the root again.
   */
  wordParents(word: string): Node[] {
    const nodes: Node[] = [];
    for (const [start, end] of wordOccurrences(this.text, word)) {
      const node = this.root.descendantForIndex(start, end + 1);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  callSite(call: Node, calleeNode?: Node | null): CallSite {
    const callee = calleeNode === undefined ? calleeOf(call) : calleeNode;
    return {
      node: call,
      scope: this.scopeOf(call),
      callee: callee ? compact(callee.text) : '',
      constructs: typeOf(call) === 'new_expression',
      calleeNode: callee,
    };
  }

  private bindingsOf(target: string) {
    let found = this.bindings.get(target);
    if (!found) {
      found = findBindings(this, target);
      this.bindings.set(target, found);
    }
    return found;
  }
}

/**
 * Every name right before an opening parenthesis (`name(`, `name (`) that is one of `names`
 * or ends with `suffix`, as [start, end) offsets and the parenthesis' offset: the calls of the
 * file, and some words in strings and comments that the syntax tree then rules out. Found
 * backwards from each `(`, far cheaper than a pattern over all names.
 */
function calledNames(
  text: string,
  names: ReadonlySet<string>,
  suffix = '',
): [number, number, number][] {
  const shapes = shapesOf(names);
  const found: [number, number, number][] = [];
  for (let paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
    let end = paren;
    while (end > 0 && WHITESPACE.has(text.charCodeAt(end - 1))) end -= 1;
    let start = end;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start -= 1;
    const first = text.charCodeAt(start);
    if (start === end || (first >= 48 && first <= 57)) continue;
    const named =
      shapes.has(shape(end - start, text.charCodeAt(end - 1))) && names.has(text.slice(start, end));
    const suffixed =
      suffix !== '' && end - start >= suffix.length && text.startsWith(suffix, end - suffix.length);
    if (named || suffixed) found.push([start, end, paren]);
  }
  return found;
}

/**
 * A name's length and last character as one number. Most names before a `(` are not looked
 * for; comparing their shapes first rules them out without cutting each out of the text.
 */
function shape(length: number, lastChar: number): number {
  return length * 65_536 + lastChar;
}

const shapesBySet = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

function shapesOf(names: ReadonlySet<string>): ReadonlySet<number> {
  let shapes = shapesBySet.get(names);
  if (!shapes) {
    shapes = new Set(
      [...names].map((name) => shape(name.length, name.charCodeAt(name.length - 1))),
    );
    shapesBySet.set(names, shapes);
  }
  return shapes;
}

const WHITESPACE = new Set([32, 9, 10, 13]);

/**
 * Whether `node` is the token the name at [start, end) is part of (it may start earlier, as
 * `#name` does): the smallest node there, which the name would have been found as.
 */
function isTokenAt(node: Node, start: number, end: number): boolean {
  return node.startIndex <= start && node.endIndex === end && node.childCount === 0;
}
