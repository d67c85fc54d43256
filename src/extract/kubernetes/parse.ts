import { LineCounter, parseAllDocuments, Schema, visit, type Alias, type YAMLMap } from 'yaml';
import type { InputError } from '../../model.js';
import { asMap, asSeq, getIn, getString, nodeLine, type YamlSource } from './yaml-nodes.js';

/** One Kubernetes object as written: a document, or one item of a `List`. */
export interface ObjectNode {
  readonly source: YamlSource;
  readonly node: YAMLMap;
  /** Position of the object in its file (document, then list item), stable between runs. */
  readonly index: number;
}

/** The objects of one manifest file and the documents of it that did not parse. */
export interface ParsedManifestFile {
  readonly objects: readonly ObjectNode[];
  readonly errors: readonly InputError[];
}

/**
 * How manifests are parsed. Every value the extractor reads is text in the end (a label value,
 * a name, a number kept in its source spelling so that `1.10` stays `1.10`), so plain scalars
 * are only told apart as null, booleans (`includeTemplates: true`) and strings; the parser then
 * need not try each of them against the number forms of the core schema. Tags such as `!!int`
 * still parse (as text, with a warning the extractor does not show). The schema is built once:
 * given by name, it would be built again for every document.
 */
export const MANIFEST_PARSE_OPTIONS = {
  schema: new Schema({ schema: 'failsafe', customTags: ['null', 'bool'] }),
} as const;

/**
 * Parses every YAML (or JSON) document of a file. A document with a syntax error becomes an
 * `InputError` naming its first bad line; the other documents are still read. Documents that
 * are empty or not a mapping are skipped, and `kind: List` (or any `...List` with `items:`)
 * is expanded into its items. Aliases are never expanded here, so an alias bomb costs nothing.
 */
export function parseManifestFile(text: string, file: string): ParsedManifestFile {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { ...MANIFEST_PARSE_OPTIONS, lineCounter });
  const objects: ObjectNode[] = [];
  const errors: InputError[] = [];

  const mayHaveAliases = ALIAS.test(text);
  for (const doc of documents) {
    const source: YamlSource = { doc, lineCounter };
    const error = doc.errors[0];
    if (error) {
      errors.push({ file, line: errorLine(source, error), message: syntaxMessage(error) });
      continue;
    }
    const dangling = mayHaveAliases ? danglingAlias(source) : undefined;
    if (dangling) {
      const line = nodeLine(source, dangling, 1);
      const message = `invalid YAML: alias *${dangling.source} names no anchor defined before it`;
      errors.push({ file, line, message });
      continue;
    }
    const root = asMap(source, doc.contents);
    if (!root) continue;
    for (const node of listItems(source, root)) {
      objects.push({ source, node, index: objects.length });
    }
  }
  return { objects, errors };
}

/**
 * What an alias (`*name`) looks like in the text: a star after a space, bracket or comma and
 * before a word character. Only files with one are searched for aliases that resolve to
 * nothing (that search walks every node); stars in cron schedules and globs do not count.
 */
const ALIAS = /(?:^|[\s[{,])\*[\w.-]/;

/**
 * The first alias of a document that resolves to nothing. YAML makes it an error; the parser
 * only notices when the document is converted whole, which the extractor never does.
 */
function danglingAlias(source: YamlSource): Alias | undefined {
  let found: Alias | undefined;
  visit(source.doc, {
    Alias(_key, alias) {
      if (alias.resolve(source.doc) !== undefined) return undefined;
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

function listItems(source: YamlSource, root: YAMLMap): YAMLMap[] {
  const kind = getString(source, root, 'kind');
  if (!kind?.endsWith('List')) return [root];
  const items = asSeq(source, getIn(source, root, 'items'));
  if (!items) return [root];
  return items.items.flatMap((item) => {
    const map = asMap(source, item);
    return map ? listItems(source, map) : [];
  });
}

function errorLine(source: YamlSource, error: { linePos?: [{ line: number }, ...unknown[]] }) {
  return error.linePos?.[0].line ?? nodeLine(source, source.doc.contents, 1);
}

function syntaxMessage(error: Error): string {
  const firstLine = error.message.split('\n')[0] ?? error.message;
  return `invalid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}
