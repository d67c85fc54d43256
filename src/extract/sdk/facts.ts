import type { Node, Tree } from 'web-tree-sitter';
import { findBindings, type Assignment, type Mutation } from './bindings.js';
import { importsOf, type ImportBinding } from './imports.js';
import type { Grammar } from './parser.js';
import type { StaticValue } from './static-value.js';
import { compact, isNameChar, typeOf, wordOccurrences } from './syntax.js';

export type { Assignment, ImportBinding, Mutation };

/** A function, method, lambda or the module itself: where names are bound. */
export interface Scope {
  /** The function node's id; the module's is the root node's. */
  readonly id: number;
  readonly parent: number | undefined;
  readonly node: Node;
  /** The function's own name, `''` for the module and anonymous functions. */
  readonly name: string;
  /** The class a method is defined in, `''` elsewhere. */
  readonly className: string;
  /** Parameter names in order, receivers (`self`) included. */
  readonly params: readonly string[];
  /** Whether `name` is one of `params`; cheaper than `params` when it is not. */
  hasParam(name: string): boolean;
}

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

export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'function_definition',
  'lambda',
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
]);
const CLASS_TYPES = new Set(['class_definition', 'class_declaration', 'class']);
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
  private readonly scopes = new Map<number, Scope>();
  private readonly bindings = new Map<
    string,
    { assignments: Assignment[]; mutations: Mutation[] }
  >();
  private importMap: ReadonlyMap<string, ImportBinding> | undefined;
  private readonly scopeOfNode = new Map<number, number>();
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
  private readonly functionsByName = new Map<string, Scope[]>();
  private errorSummary: { count: number; firstLine: number; chars: number } | undefined;

  constructor(
    readonly grammar: Grammar,
    readonly text: string,
    tree: Tree,
  ) {
    this.root = tree.rootNode;
    this.scopes.set(this.root.id, {
      id: this.root.id,
      parent: undefined,
      node: this.root,
      name: '',
      className: '',
      params: [],
      hasParam: () => false,
    });
  }

  /** The module scope's id. */
  get moduleScope(): number {
    return this.root.id;
  }

  scope(id: number): Scope | undefined {
    return this.scopes.get(id);
  }

  /** The id of the innermost function (or the module) that contains `node`. */
  scopeOf(node: Node): number {
    return this.scopeAbove(node.parent);
  }

  /**
   * The id of the innermost function (or the module) that is or contains `ancestor`, for a
   * caller that already holds a node's parent.
   */
  scopeAbove(ancestor: Node | null): number {
    // Each step up is a search from the root in tree-sitter, so the answer is remembered for
    // every node passed on the way: calls and names of one function share their ancestors.
    const passed: number[] = [];
    let scope = this.root.id;
    for (let current = ancestor; current; current = current.parent) {
      const known = this.scopeOfNode.get(current.id);
      if (known !== undefined) {
        scope = known;
        break;
      }
      if (FUNCTION_TYPES.has(typeOf(current))) {
        scope = this.scopeFor(current).id;
        break;
      }
      passed.push(current.id);
    }
    for (const id of passed) this.scopeOfNode.set(id, scope);
    return scope;
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
    this.importMap ??= importsOf(this);
    return this.importMap;
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
        found.push(this.scopeFor(parent));
      }
      const value =
        parent && typeOf(parent) === 'variable_declarator'
          ? parent.childForFieldName('value')
          : null;
      if (value && FUNCTION_TYPES.has(typeOf(value))) found.push(this.scopeFor(value));
    }
    return found;
  }

  /**
   * Calls whose callee's last name passes `accepts` (`Estimator(`, `.run_instances(`,
   * `new RunInstancesCommand(`), found from every `name(` in the text.
   */
  callsNamed(accepts: (name: string) => boolean): CallSite[] {
    const calls: CallSite[] = [];
    for (const [start, end, paren] of calledNames(this.text, accepts)) {
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
    const callee = call.childForFieldName('function') ?? call.childForFieldName('constructor');
    if (!callee) return null;
    const name = CALLEE_WRAPPERS.has(typeOf(callee))
      ? (callee.childForFieldName('attribute') ?? callee.childForFieldName('property'))
      : callee;
    return name && isTokenAt(name, start, end) ? { call, callee } : null;
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
    const callee =
      calleeNode === undefined
        ? (call.childForFieldName('function') ?? call.childForFieldName('constructor'))
        : calleeNode;
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

  private scopeFor(node: Node): Scope {
    const existing = this.scopes.get(node.id);
    if (existing) return existing;
    // The class and parameters are read only when a name lookup reaches this scope.
    let className: string | undefined;
    let paramNames: readonly string[] | undefined;
    const readParams = (): readonly string[] => (paramNames ??= params(node));
    const scope: Scope = {
      id: node.id,
      parent: this.scopeOf(node),
      node,
      name: functionName(node),
      get className() {
        className ??= classNameOf(node);
        return className;
      },
      get params() {
        return readParams();
      },
      // Most names looked up are not parameters: a name absent from the parameter list's text
      // is not one, and is ruled out without reading each parameter from the parser.
      hasParam(name: string) {
        return paramNames !== undefined || parameterListText(node).includes(name)
          ? readParams().includes(name)
          : false;
      },
    };
    this.scopes.set(node.id, scope);
    return scope;
  }
}

/**
 * Every name right before an opening parenthesis (`name(`, `name (`) that passes `accepts`, as
 * [start, end) offsets and the parenthesis' offset: the calls of the file, and some words in
 * strings and comments that the syntax tree then rules out. Found backwards from each `(`, far
 * cheaper than a pattern over all names.
 */
function calledNames(text: string, accepts: (name: string) => boolean): [number, number, number][] {
  const names: [number, number, number][] = [];
  for (let paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
    let end = paren;
    while (end > 0 && WHITESPACE.has(text.charCodeAt(end - 1))) end -= 1;
    let start = end;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start -= 1;
    const first = text.charCodeAt(start);
    if (start === end || (first >= 48 && first <= 57)) continue;
    if (accepts(text.slice(start, end))) names.push([start, end, paren]);
  }
  return names;
}

const WHITESPACE = new Set([32, 9, 10, 13]);

/**
 * Whether `node` is the token the name at [start, end) is part of (it may start earlier, as
 * `#name` does): the smallest node there, which the name would have been found as.
 */
function isTokenAt(node: Node, start: number, end: number): boolean {
  return node.startIndex <= start && node.endIndex === end && node.childCount === 0;
}

function functionName(node: Node): string {
  const name = node.childForFieldName('name')?.text;
  if (name) return name;
  const parent = node.parent;
  return parent && typeOf(parent) === 'variable_declarator'
    ? (parent.childForFieldName('name')?.text ?? '')
    : '';
}

function classNameOf(node: Node): string {
  for (let current = node.parent; current; current = current.parent) {
    if (CLASS_TYPES.has(typeOf(current))) return current.childForFieldName('name')?.text ?? '';
    if (FUNCTION_TYPES.has(typeOf(current))) return '';
  }
  return '';
}

/** The text `params` reads the names from: the single parameter or the parameter list. */
function parameterListText(node: Node): string {
  return (node.childForFieldName('parameter') ?? node.childForFieldName('parameters'))?.text ?? '';
}

function params(node: Node): string[] {
  const single = node.childForFieldName('parameter');
  if (single) return [single.text];
  const list = node.childForFieldName('parameters');
  return list ? list.namedChildren.flatMap((param) => (param ? paramNames(param) : [])) : [];
}

function paramNames(param: Node): string[] {
  switch (typeOf(param)) {
    case 'identifier':
      return [param.text];
    case 'default_parameter':
    case 'typed_default_parameter':
      return [param.childForFieldName('name')?.text ?? ''];
    case 'required_parameter':
    case 'optional_parameter': {
      const pattern = param.childForFieldName('pattern');
      return pattern ? patternNames(pattern) : [];
    }
    case 'assignment_pattern': {
      const left = param.childForFieldName('left');
      return left ? patternNames(left) : [];
    }
    default:
      return patternNames(param);
  }
}

/** The names a destructuring pattern or splat parameter binds. */
export function patternNames(node: Node): string[] {
  if (typeOf(node) === 'identifier' || typeOf(node) === 'shorthand_property_identifier_pattern') {
    return [node.text];
  }
  if (typeOf(node) === 'pair_pattern') {
    const value = node.childForFieldName('value');
    return value ? patternNames(value) : [];
  }
  if (typeOf(node) === 'type' || typeOf(node) === 'type_annotation') return [];
  return node.namedChildren.flatMap((child) => (child ? patternNames(child) : []));
}
