import type { Attribute, Block, Body, Expr, ObjectItem } from './ast.js';
import { templateExprs } from './expression.js';
import { parseJsonWithLines, type JsonNode } from './json-lines.js';
import { lexTemplateText } from './lexer.js';
import { HclSyntaxError } from './tokens.js';

/** How many labels each top-level block type takes in Terraform's JSON syntax. */
const TOP_LEVEL_LABELS: Readonly<Record<string, number>> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  provider: 1,
  module: 1,
  variable: 1,
  output: 1,
  check: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
};

/**
 * Reads a `.tf.json` file (Terraform's JSON syntax) into the same `Body` as a `.tf` file.
 * Strings are templates, as Terraform reads them. JSON cannot tell a nested block from a map
 * attribute without the provider's schema, so a nested object is offered as both: an
 * attribute and a block of the same name; `dynamic` blocks take their one label.
 */
export function parseTerraformJson(text: string): Body {
  const root = parseJsonWithLines(text);
  if (root.kind !== 'object') throw new HclSyntaxError('expected a JSON object', root.line);
  const blocks: Block[] = [];
  const attributes = new Map<string, Attribute>();
  for (const entry of root.entries) {
    const labels = TOP_LEVEL_LABELS[entry.key];
    if (labels === undefined || entry.key === '//') continue;
    if (labels === 0) {
      for (const body of bodies(entry.value)) blocks.push(block(entry.key, [], entry.line, body));
    } else {
      blocks.push(...labelled(entry.key, labels, [], entry.value, entry.line));
    }
  }
  return { attributes, blocks };
}

function labelled(
  type: string,
  remaining: number,
  labels: readonly string[],
  node: JsonNode,
  line: number,
): Block[] {
  if (remaining === 0) return bodies(node).map((body) => block(type, labels, line, body));
  const out: Block[] = [];
  for (const object of node.kind === 'array' ? node.items : [node]) {
    if (object.kind !== 'object') continue;
    for (const entry of object.entries) {
      out.push(...labelled(type, remaining - 1, [...labels, entry.key], entry.value, entry.line));
    }
  }
  return out;
}

function bodies(node: JsonNode): JsonNode[] {
  if (node.kind === 'array') return node.items.filter((item) => item.kind === 'object');
  return node.kind === 'object' ? [node] : [];
}

function block(type: string, labels: readonly string[], line: number, node: JsonNode): Block {
  return { type, labels, line, body: body(node) };
}

function body(node: JsonNode): Body {
  const attributes = new Map<string, Attribute>();
  const blocks: Block[] = [];
  if (node.kind !== 'object') return { attributes, blocks };
  for (const entry of node.entries) {
    if (entry.key === '//') continue;
    attributes.set(entry.key, { name: entry.key, line: entry.line, expr: expression(entry.value) });
    if (entry.key === 'dynamic') {
      blocks.push(...labelled('dynamic', 1, [], entry.value, entry.line));
    } else if (bodies(entry.value).length > 0) {
      for (const nested of bodies(entry.value))
        blocks.push(block(entry.key, [], nested.line, nested));
    }
  }
  return { attributes, blocks };
}

/** The HCL expression a JSON value stands for. */
export function expression(node: JsonNode): Expr {
  const position = { line: node.line, start: node.start, end: node.end };
  switch (node.kind) {
    case 'string':
      return {
        kind: 'template',
        parts: templateExprs(lexTemplateText(node.value, node.line), node.line),
        ...position,
      };
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: node.value, ...position };
    case 'null':
      return { kind: 'literal', value: null, ...position };
    case 'array':
      return { kind: 'tuple', items: node.items.map(expression), ...position };
    case 'object': {
      const items: ObjectItem[] = node.entries.map((entry) => ({
        key: expression({ kind: 'string', value: entry.key, line: entry.line, start: 0, end: 0 }),
        value: expression(entry.value),
        line: entry.line,
      }));
      return { kind: 'object', items, ...position };
    }
  }
}
