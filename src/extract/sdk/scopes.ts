import type { Node } from 'web-tree-sitter';
import type { Grammar } from './parser.js';
import { typeOf } from './syntax.js';

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

/**
 * The scopes of one file, found as questions reach them. A node's scope is found top-down,
 * from the innermost function already known to hold it: each step down is one question to the
 * parser, where each step up would be a search from the root.
 */
export class Scopes {
  private readonly module: ModuleScope;
  private readonly byId = new Map<number, Scope>();
  /** The function scopes found so far, in order of their start. */
  private readonly functions: FunctionScope[] = [];

  /**
   * Python only: the text, whose functions all begin with `def`, `async` or `lambda`, so that
   * a node beginning otherwise is known not to be one without asking the parser its type.
   */
  private readonly pythonText: string | undefined;

  constructor(root: Node, grammar: Grammar, text: string) {
    this.pythonText = grammar === 'python' ? text : undefined;
    this.module = new ModuleScope(root);
    this.byId.set(root.id, this.module);
  }

  get(id: number): Scope | undefined {
    return this.byId.get(id);
  }

  /** The id of the innermost function (or the module) around `node`, not counting `node`. */
  around(node: Node): number {
    let outer = this.knownAround(node.startIndex, node.endIndex);
    let scope = outer.id;
    for (let current = outer.node; ;) {
      const child = current.childWithDescendant(node);
      if (!child && current === outer.node && outer !== this.module) {
        // Only a zero-width node at the edge of a function can seem inside it by its span.
        outer = this.module;
        scope = outer.id;
        current = outer.node;
        continue;
      }
      if (!child || child.id === node.id) return scope;
      if (this.mayBeFunction(child) && FUNCTION_TYPES.has(typeOf(child))) {
        scope = this.ofFunction(child, scope).id;
      }
      current = child;
    }
  }

  /** The scope of a function node; `parent` is the id of the scope around it, when known. */
  ofFunction(node: Node, parent?: number): Scope {
    const existing = this.byId.get(node.id);
    if (existing) return existing;
    const scope = new FunctionScope(node, parent ?? this.around(node));
    this.byId.set(node.id, scope);
    let at = this.functions.length;
    while (at > 0 && (this.functions[at - 1] as FunctionScope).start > scope.start) at -= 1;
    this.functions.splice(at, 0, scope);
    return scope;
  }

  private mayBeFunction(node: Node): boolean {
    const text = this.pythonText;
    if (text === undefined) return true;
    const start = node.startIndex;
    return (
      text.startsWith('def', start) ||
      text.startsWith('lambda', start) ||
      text.startsWith('async', start)
    );
  }

  /**
   * The innermost scope found so far whose node holds [start, end) and does not span exactly
   * that range (it may be the node asked about, or one above it). The last function starting
   * at or before `start` either holds the range or lies inside a function that does, which
   * its chain of parents leads to.
   */
  private knownAround(start: number, end: number): Scope {
    let low = 0;
    let high = this.functions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.functions[middle] as FunctionScope).start <= start) low = middle + 1;
      else high = middle;
    }
    let scope: Scope | undefined = this.functions[low - 1];
    while (scope instanceof FunctionScope) {
      const holds = scope.start <= start && end <= scope.end;
      if (holds && (scope.start < start || end < scope.end)) return scope;
      scope = scope.parent === undefined ? undefined : this.byId.get(scope.parent);
    }
    return this.module;
  }
}

class ModuleScope implements Scope {
  readonly id: number;
  readonly parent = undefined;
  readonly name = '';
  readonly className = '';
  readonly params: readonly string[] = [];

  constructor(readonly node: Node) {
    this.id = node.id;
  }

  hasParam(): boolean {
    return false;
  }
}

/** A function's scope; its name, class and parameters are read when a lookup first needs them. */
class FunctionScope implements Scope {
  readonly id: number;
  readonly start: number;
  readonly end: number;
  private ownName: string | undefined;
  private ownClass: string | undefined;
  private paramList: readonly string[] | undefined;
  private paramText: string | undefined;

  constructor(
    readonly node: Node,
    readonly parent: number,
  ) {
    this.id = node.id;
    this.start = node.startIndex;
    this.end = node.endIndex;
  }

  get name(): string {
    this.ownName ??= functionName(this.node);
    return this.ownName;
  }

  get className(): string {
    this.ownClass ??= classNameOf(this.node);
    return this.ownClass;
  }

  get params(): readonly string[] {
    this.paramList ??= params(this.node);
    return this.paramList;
  }

  hasParam(name: string): boolean {
    // Most names looked up are not parameters: a name absent from the parameter list's text
    // is not one, and is ruled out without reading each parameter from the parser.
    if (this.paramList === undefined) {
      this.paramText ??= parameterListText(this.node);
      if (!this.paramText.includes(name)) return false;
    }
    return this.params.includes(name);
  }
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
  const single = typeOf(node) === 'arrow_function' ? node.childForFieldName('parameter') : null;
  return (single ?? node.childForFieldName('parameters'))?.text ?? '';
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
function patternNames(node: Node): string[] {
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
