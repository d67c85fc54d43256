import type { Node, Tree } from 'web-tree-sitter';
import { findBindings, type Assignment, type Mutation } from './bindings.js';
import { importsOf, type ImportBinding } from './imports.js';
import type { Grammar } from './parser.js';
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
    // Each step up is a search from the root in tree-sitter, so the answer is remembered for
    // every node passed on the way: calls and names of one function share their ancestors.
    const passed: number[] = [];
    let scope = this.root.id;
    for (let current = node.parent; current; current = current.parent) {
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
    const found: Scope[] = [];
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
    for (const [start, end] of calledNames(this.text)) {
      if (!accepts(this.text.slice(start, end))) continue;
      const node = this.root.descendantForIndex(start, end);
      const found = node ? callAround(node) : null;
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
        paramNames ??= params(node);
        return paramNames;
      },
    };
    this.scopes.set(node.id, scope);
    return scope;
  }
}

/**
 * Every name right before an opening parenthesis (`name(`, `name (`), as [start, end)
 * offsets: the calls of the file, and some words in strings and comments that the syntax tree
 * then rules out. Found backwards from each `(`, far cheaper than a pattern over all names.
 */
function calledNames(text: string): [number, number][] {
  const names: [number, number][] = [];
  for (let paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
    let end = paren;
    while (end > 0 && WHITESPACE.has(text.charCodeAt(end - 1))) end -= 1;
    let start = end;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start -= 1;
    const first = text.charCodeAt(start);
    if (start < end && !(first >= 48 && first <= 57)) names.push([start, end]);
  }
  return names;
}

const WHITESPACE = new Set([32, 9, 10, 13]);

/** The call whose callee ends with `name`: `name(...)`, `x.name(...)`, `new name(...)`. */
function callAround(name: Node): { call: Node; callee: Node } | null {
  let callee = name;
  const parent = name.parent;
  if (parent && CALLEE_WRAPPERS.has(typeOf(parent))) {
    const property = parent.childForFieldName('attribute') ?? parent.childForFieldName('property');
    if (property?.id !== name.id) return null;
    callee = parent;
  }
  const call = callee.parent;
  if (!call || !CALL_TYPES.has(typeOf(call))) return null;
  const calleeField = call.childForFieldName('function') ?? call.childForFieldName('constructor');
  return calleeField?.id === callee.id ? { call, callee: calleeField } : null;
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
