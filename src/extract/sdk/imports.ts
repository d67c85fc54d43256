import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts.js';
import { stringLiteral, typeOf } from './syntax.js';

/** A name bound by an import: `from m import n as local`, `import X from 'm'`, `require`. */
export interface ImportBinding {
  readonly module: string;
  /** The imported member; `null` for the module itself, `default` for a JS default import. */
  readonly name: string | null;
}

/** A file's imports, and where its import statements lie. */
export interface Imports {
  readonly bindings: ReadonlyMap<string, ImportBinding>;
  /** [start, end) of each `import` statement, in text order. */
  readonly statements: readonly (readonly [number, number])[];
}

/** The file's imports, found from its `import` / `require` words and read from the tree. */
export function importsOf(facts: FileFacts): Imports {
  const bindings = new Map<string, ImportBinding>();
  const statements: [number, number][] = [];
  for (const statement of facts.wordParents('import')) {
    const type = typeOf(statement);
    if (type === 'import_statement' && facts.grammar === 'python') {
      addPythonImport(statement, bindings);
    } else if (type === 'import_from_statement') {
      addPythonFromImport(statement, bindings);
    } else if (type === 'import_statement') {
      addJsImport(statement, bindings);
    } else {
      continue;
    }
    statements.push([statement.startIndex, statement.endIndex]);
  }
  if (facts.grammar !== 'python') {
    for (const word of facts.wordNodes('require', /\s*\(/y)) addRequire(word, bindings);
  }
  return { bindings, statements };
}

/**
 * `import a.b, c` and `from m import a, b` with plain names only, read from the statement's
 * text: the tree has confirmed it is an import statement, and for this shape the text says
 * everything the statement's parts would, at one question to the parser instead of several.
 * Aliases, parentheses, comments and line continuations are read from the tree.
 */
const PLAIN_IMPORT = /^import\s+([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)$/;
const PLAIN_FROM_IMPORT = /^from\s+([.\w]+)\s+import\s+([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)$/;

function addPythonImport(node: Node, imports: Map<string, ImportBinding>): void {
  const plain = PLAIN_IMPORT.exec(node.text);
  if (plain) {
    for (const dotted of (plain[1] ?? '').split(',')) {
      const top = dotted.trim().split('.')[0] ?? '';
      imports.set(top, { module: top, name: null });
    }
    return;
  }
  for (const name of node.childrenForFieldName('name')) {
    if (name?.type === 'aliased_import') {
      const module = name.childForFieldName('name')?.text ?? '';
      const alias = name.childForFieldName('alias')?.text ?? module;
      imports.set(alias, { module, name: null });
    } else if (name) {
      const top = name.text.split('.')[0] ?? name.text;
      imports.set(top, { module: top, name: null });
    }
  }
}

function addPythonFromImport(node: Node, imports: Map<string, ImportBinding>): void {
  const plain = PLAIN_FROM_IMPORT.exec(node.text);
  if (plain) {
    const module = plain[1] ?? '';
    for (const name of (plain[2] ?? '').split(',')) {
      imports.set(name.trim(), { module, name: name.trim() });
    }
    return;
  }
  const module = node.childForFieldName('module_name')?.text ?? '';
  for (const name of node.childrenForFieldName('name')) {
    if (name?.type === 'aliased_import') {
      const imported = name.childForFieldName('name')?.text ?? '';
      const alias = name.childForFieldName('alias')?.text ?? imported;
      imports.set(alias, { module, name: imported });
    } else if (name) {
      imports.set(name.text, { module, name: name.text });
    }
  }
}

function addJsImport(node: Node, imports: Map<string, ImportBinding>): void {
  const source = node.childForFieldName('source');
  const module = source ? stringLiteral(source) : null;
  if (!module) return;
  const clause = node.namedChildren.find((child) => typeOf(child) === 'import_clause');
  for (const part of clause?.namedChildren ?? []) {
    if (!part) continue;
    const type = typeOf(part);
    if (type === 'identifier') imports.set(part.text, { module, name: 'default' });
    if (type === 'namespace_import') {
      const local = part.namedChildren[0]?.text;
      if (local) imports.set(local, { module, name: null });
    }
    if (type === 'named_imports') {
      for (const specifier of part.namedChildren) {
        if (!specifier) continue;
        // Most specifiers are a plain name, imported under itself.
        const text = specifier.text;
        if (PLAIN_NAME.test(text)) {
          imports.set(text, { module, name: text });
          continue;
        }
        // `A as B`, or a name the tree could not read plainly.
        const name = specifier.childForFieldName('name')?.text;
        if (!name) continue;
        imports.set(specifier.childForFieldName('alias')?.text ?? name, { module, name });
      }
    }
  }
}

const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;

/** `const X = require('m')`, `const { A, B: C } = require('m')`. */
function addRequire(word: Node, imports: Map<string, ImportBinding>): void {
  const call = word.parent;
  const declarator = call?.parent;
  if (call?.type !== 'call_expression' || declarator?.type !== 'variable_declarator') return;
  const argument = call.childForFieldName('arguments')?.namedChildren[0];
  const module = argument ? stringLiteral(argument) : null;
  const left = declarator.childForFieldName('name');
  if (!module || !left) return;
  if (left.type === 'identifier') {
    imports.set(left.text, { module, name: null });
    return;
  }
  for (const property of left.namedChildren) {
    if (property?.type === 'shorthand_property_identifier_pattern') {
      imports.set(property.text, { module, name: property.text });
    } else if (property?.type === 'pair_pattern') {
      const key = property.childForFieldName('key')?.text;
      const local = property.childForFieldName('value')?.text;
      if (key && local) imports.set(local, { module, name: key });
    }
  }
}
