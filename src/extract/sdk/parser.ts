import { Language, Parser, type Tree } from 'web-tree-sitter';
import { assetPath } from '../../assets.js';

/** The tree-sitter grammars the SDK extractor reads code with. */
export type Grammar = 'python' | 'javascript' | 'typescript' | 'tsx';

const GRAMMAR_BY_EXTENSION: Readonly<Record<string, Grammar>> = {
  py: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
};

/** The grammar for a file by its name; `undefined` for files no grammar reads. */
export function grammarFor(path: string): Grammar | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : GRAMMAR_BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

let runtime: Promise<void> | undefined;
const parsers = new Map<Grammar, Promise<Parser>>();

/** Loads the tree-sitter runtime once; every later call shares the same promise. */
function initRuntime(): Promise<void> {
  runtime ??= Parser.init({
    locateFile: (name: string) => assetPath(name, `node_modules/web-tree-sitter/${name}`),
  });
  return runtime;
}

async function createParser(grammar: Grammar): Promise<Parser> {
  await initRuntime();
  const wasm = `tree-sitter-${grammar}.wasm`;
  const language = await Language.load(
    assetPath(wasm, `node_modules/tree-sitter-wasms/out/${wasm}`),
  );
  return new Parser().setLanguage(language);
}

/** The parser for `grammar`, created on first use and reused afterwards. */
export function parserFor(grammar: Grammar): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = createParser(grammar);
    parsers.set(grammar, parser);
  }
  return parser;
}

/**
 * Parses `text` with `grammar`. The caller owns the tree and must `delete()` it: trees live
 * in WebAssembly memory that JavaScript's collector does not reclaim.
 */
export async function parseSource(text: string, grammar: Grammar): Promise<Tree> {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${grammar} source`);
  return tree;
}
