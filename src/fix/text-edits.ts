/**
 * Finding one token on one line of HCL or YAML, so an edit can replace exactly it. Every
 * helper answers undefined when the spot is not certain (the token appears twice, the line
 * has another shape), and no edit is made then.
 */

/** Characters that continue a key or value token: a match must not touch one. */
const TOKEN_CHAR = /[\p{L}\p{N}_\-./:@]/u;

/** The 0-based column of the only whole-token occurrence of `token` in `line`. */
export function onlyTokenAt(line: string, token: string): number | undefined {
  const found: number[] = [];
  for (let at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + 1)) {
    const before = at === 0 ? '' : (line[at - 1] ?? '');
    const after = line[at + token.length] ?? '';
    const endsKey = after === ':' && /^\s|^$/.test(line[at + token.length + 1] ?? '');
    if (TOKEN_CHAR.test(before)) continue;
    if (TOKEN_CHAR.test(after) && !endsKey) continue;
    found.push(at);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** The line ending a file uses, judged from one of its lines (split on `\n`). */
export function eolOf(line: string): string {
  return line.endsWith('\r') ? '\r\n' : '\n';
}

/** A key as HCL writes it in an object: bare when it is an identifier, else quoted. */
export function hclKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A string value as YAML writes it: plain when that reads back as the same string. */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z0-9_][\w./-]*$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|y|n|~)$/i.test(value) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Whether edits to this file are made: HCL and YAML only. */
export function editableFile(file: string): 'hcl' | 'yaml' | undefined {
  if (/\.(tf|hcl)$/i.test(file)) return 'hcl';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return undefined;
}
