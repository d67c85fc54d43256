import type { Resource } from '../model.js';
import { DIRECTIVE, parseDirective, type Directive } from './directive.js';

/** An inline exemption found above a resource, with where it is written. */
export interface InlineDirective extends Directive {
  readonly file: string;
  /** 1-based line of the comment. */
  readonly line: number;
}

/** The comment markers a file's language uses, by its extension. */
function commentMarkers(file: string): readonly string[] {
  if (/\.(tf|hcl|tf\.json)$/i.test(file)) return ['#', '//'];
  if (/\.(ya?ml|py|toml)$/i.test(file)) return ['#'];
  if (/\.(json)$/i.test(file)) return [];
  return ['//'];
}

/**
 * The inline exemptions that apply to `resource`: directives in the run of comment lines right
 * above its header line (a blank or code line ends the run). For a Kubernetes object the run
 * above its YAML document counts too, since `kind:` is rarely the document's first line; for an
 * SDK call, the run above the statement it is part of (`await client.send(` above
 * `new PutObjectCommand({`).
 * `lines` is the text of the resource's file split into lines.
 */
export function directivesAbove(resource: Resource, lines: readonly string[]): InlineDirective[] {
  const markers = commentMarkers(resource.file);
  if (markers.length === 0) return [];
  const anchors = new Set([resource.line]);
  if (resource.format === 'kubernetes') anchors.add(documentStart(lines, resource.line));
  if (resource.format === 'sdk') anchors.add(statementStart(lines, resource.line));

  const found: InlineDirective[] = [];
  for (const anchor of anchors) {
    for (let line = anchor - 1; line >= 1; line -= 1) {
      const comment = commentText(lines[line - 1] ?? '', markers);
      if (comment === undefined) break;
      const at = comment.indexOf(DIRECTIVE);
      if (at < 0) continue;
      const directive = parseDirective(comment.slice(at + DIRECTIVE.length));
      found.push({ ...directive, file: resource.file, line });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function commentText(line: string, markers: readonly string[]): string | undefined {
  const trimmed = line.trimStart();
  const marker = markers.find((candidate) => trimmed.startsWith(candidate));
  return marker === undefined ? undefined : trimmed.slice(marker.length);
}

/** First line of the YAML document holding `line`: after the `---` above it, or line 1. */
function documentStart(lines: readonly string[], line: number): number {
  let start = 1;
  for (let index = line - 1; index >= 1; index -= 1) {
    if (/^---(\s|$)/.test(lines[index - 1] ?? '')) {
      start = index + 1;
      break;
    }
  }
  while (start < line && !/^[^\s#]/.test(lines[start - 1] ?? '')) start += 1;
  return start;
}

/** Lines a statement may run over above a call before the search gives up. */
const STATEMENT_LINES = 5;

/** First line of the statement holding `line`: up while the line above is left open. */
function statementStart(lines: readonly string[], line: number): number {
  let start = line;
  for (let step = 0; step < STATEMENT_LINES && start > 1; step += 1) {
    const above = (lines[start - 2] ?? '').trimEnd();
    if (!/([([{,=.]|\bawait|\breturn)$/.test(above) || /^\s*(#|\/\/)/.test(above)) break;
    start -= 1;
  }
  return start;
}
