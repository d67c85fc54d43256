import { eolOf, hclKey, indentOf, yamlScalar } from './text-edits.js';

/** An edit without its file: lines and columns 1-based, end exclusive. */
export interface Edit {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

/**
 * The edit that adds `key = value` to the tag map whose first line is `mapLine`: a new line
 * under the map's opening line, indented like the entry below it, or, for a map written on one
 * line in HCL, one more entry before its closing brace. Maps of other shapes (built by a
 * function, flow-style YAML, an empty map spread over lines) get no edit.
 */
export function insertKey(
  kind: 'hcl' | 'yaml',
  lines: readonly string[],
  mapLine: number,
  key: string,
  value: string,
): Edit | undefined {
  const line = lines[mapLine - 1];
  if (line === undefined) return undefined;
  return kind === 'hcl'
    ? insertHcl(lines, mapLine, line, key, value)
    : insertYaml(lines, mapLine, line, key, value);
}

/** `k = "v"` with a bare or quoted key and a plain string value. */
const HCL_ENTRY = String.raw`(?:[\w-]+|"[^"]*")\s*=\s*"[^"]*"`;

/** What follows `{` in a one-line map: entries separated by commas, maybe a trailing one. */
const ONE_LINE_MAP = new RegExp(
  String.raw`^(\s*)(${HCL_ENTRY}(?:\s*,\s*${HCL_ENTRY})*)?\s*(,?)\s*\}\s*$`,
);

function insertHcl(
  lines: readonly string[],
  mapLine: number,
  line: string,
  key: string,
  value: string,
): Edit | undefined {
  const entry = `${hclKey(key)} = ${JSON.stringify(value)}`;
  const open = /^(\s*[\w-]+\s*=\s*\{)(.*?)\s*$/.exec(line);
  if (!open) return undefined;
  const rest = open[2] ?? '';
  if (rest === '') {
    const below = nextContentLine(lines, mapLine);
    if (below === undefined || /^\s*\}/.test(below)) return undefined;
    return newLineAfter(mapLine, `${indentOf(below)}${entry}${eolOf(line)}`);
  }
  // One line: `tags = { A = "a" }` or `tags = {}`; only a plain list of `k = "v"` entries.
  const single = ONE_LINE_MAP.exec(rest);
  if (!single) return undefined;
  const close = line.lastIndexOf('}');
  const inner = single[2] ?? '';
  const text = inner === '' ? ` ${entry} ` : single[3] === ',' ? ` ${entry} ` : `, ${entry} `;
  const start = inner === '' ? (open[1] ?? '').length : line.slice(0, close).trimEnd().length;
  return { line: mapLine, column: start + 1, endLine: mapLine, endColumn: close + 1, text };
}

function insertYaml(
  lines: readonly string[],
  mapLine: number,
  line: string,
  key: string,
  value: string,
): Edit | undefined {
  if (!/^\s*(- )?[\w.-]+:\s*$/.test(line.replace(/\s+#.*$/, ''))) return undefined;
  const below = nextContentLine(lines, mapLine);
  if (below === undefined) return undefined;
  const indent = indentOf(below);
  const outer = indentOf(line).length + (/^\s*- /.test(line) ? 2 : 0);
  if (indent.length <= outer && !/^\s*- /.test(below)) return undefined;
  const eol = eolOf(line);

  // CloudFormation's list of Key/Value pairs.
  const pair = /^(\s*)- (\{\s*)?Key:/.exec(below);
  if (pair) {
    const text = pair[2]
      ? `${indent}- { Key: ${yamlScalar(key)}, Value: ${yamlScalar(value)} }${eol}`
      : `${indent}- Key: ${yamlScalar(key)}${eol}${indent}  Value: ${yamlScalar(value)}${eol}`;
    return newLineAfter(mapLine, text);
  }
  if (!/^\s*[^\s#-][^:]*:(\s|$)/.test(below)) return undefined;
  return newLineAfter(mapLine, `${indent}${yamlScalar(key)}: ${yamlScalar(value)}${eol}`);
}

function newLineAfter(mapLine: number, text: string): Edit {
  return { line: mapLine + 1, column: 1, endLine: mapLine + 1, endColumn: 1, text };
}

/** The first line after `line` (1-based) that is neither blank nor only a comment. */
function nextContentLine(lines: readonly string[], line: number): string | undefined {
  for (let index = line; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    if (text.trim() !== '' && !/^\s*(#|\/\/)/.test(text)) return text;
  }
  return undefined;
}
