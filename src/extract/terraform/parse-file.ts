import { parse as parseWithHcl2Json } from '@cdktn/hcl2json';
import type { InputError } from '../../model.js';
import type { Body } from './hcl/ast.js';
import { parseHcl } from './hcl/body.js';
import { parseTerraformJson } from './hcl/json-body.js';
import { HclSyntaxError } from './hcl/tokens.js';

/** A Terraform file read and parsed, with its path as users see it. */
export interface ParsedFile {
  readonly absPath: string;
  /** Relative to the working directory, `/`-separated. */
  readonly file: string;
  readonly text: string;
  readonly body: Body;
}

/** The outcome of parsing one file: its tree, or the error to report. */
export type ParseOutcome =
  | { readonly kind: 'parsed'; readonly parsed: ParsedFile }
  | { readonly kind: 'error'; readonly error: InputError };

/**
 * Parses a `.tf` or `.tf.json` file. HashiCorp's HCL parser (through `@cdktn/hcl2json`) is
 * the judge of whether a `.tf` file is valid, and its message and line are what the user
 * sees; the syntax tree with lines comes from `hcl/body.ts`. A `.tf.json` file is read by
 * the JSON syntax reader alone.
 */
export async function parseTerraformFile(
  absPath: string,
  file: string,
  text: string,
): Promise<ParseOutcome> {
  const where = { absPath, file, text };
  if (file.endsWith('.json')) {
    return parseWith(() => parseTerraformJson(text), where, 'not valid JSON: ');
  }
  try {
    await parseWithHcl2Json(file, text);
  } catch (error) {
    return { kind: 'error', error: hclError(file, error) };
  }
  return parseWith(() => parseHcl(text), where, 'the tag reader could not follow it: ');
}

function parseWith(
  read: () => Body,
  where: Omit<ParsedFile, 'body'>,
  prefix: string,
): ParseOutcome {
  try {
    return { kind: 'parsed', parsed: { ...where, body: read() } };
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    const message = prefix + error.message;
    return { kind: 'error', error: { file: where.file, line: error.line, message } };
  }
}

/**
 * Turns HCL diagnostics (`parse config: [main.tf:2,6-3,1: Summary; Detail main.tf:4,1-5,1:
 * ...]`) into one input error at the first diagnostic's line. The parser often repeats one
 * diagnostic for each following line; a diagnostic whose summary and detail were already given
 * is left out, and each further distinct one follows as a sentence naming its own line.
 */
export function hclError(file: string, error: unknown): InputError {
  const raw = error instanceof Error ? error.message : String(error);
  const inner = raw.replace(/^parse config: \[/, '').replace(/\]$/, '');
  const diagnostics = splitDiagnostics(inner, file);
  const [first] = diagnostics;
  if (first === undefined) return unsplitError(file, inner);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const diagnostic of diagnostics) {
    if (seen.has(diagnostic.text)) continue;
    seen.add(diagnostic.text);
    const text = diagnostic.text.replace('; ', ': ');
    parts.push(diagnostic === first ? text : `Line ${diagnostic.line}: ${text}`);
  }
  const sentences = parts.map((part, index) =>
    index < parts.length - 1 && !/[.!?]$/.test(part) ? `${part}.` : part,
  );
  return { file, line: first.line, message: sentences.join(' ') };
}

/** An HCL message whose locations do not name `file`: read at its first location only. */
function unsplitError(file: string, inner: string): InputError {
  const located = /^.*?:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^]*)$/.exec(inner);
  if (!located) return { file, line: 1, message: inner };
  return { file, line: Number(located[1]), message: (located[2] ?? '').replace('; ', ': ') };
}

/** The diagnostics in HCL's message, each starting at a location `FILE:4,14-5,1: `. */
function splitDiagnostics(inner: string, file: string): { line: number; text: string }[] {
  const name = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const location = new RegExp(`(?:^|\\s)${name}:(\\d+),\\d+(?:-\\d+(?:,\\d+)?)?: `, 'g');
  const starts = [...inner.matchAll(location)];
  return starts.map((match, index) => {
    const next = starts[index + 1];
    const end = next === undefined ? inner.length : next.index;
    const text = inner.slice(match.index + match[0].length, end).trim();
    return { line: Number(match[1]), text };
  });
}
