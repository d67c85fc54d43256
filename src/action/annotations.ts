import type { Finding, Severity } from '../model.js';
import { escapePlainText } from '../report/escape.js';

/** Where an annotation points, as `@actions/core` takes it. */
export interface AnnotationPlace {
  readonly title: string;
  readonly file: string;
  readonly startLine: number;
}

/** The annotation commands, one per severity; `@actions/core` satisfies it. */
export interface AnnotationSink {
  error(message: string, place: AnnotationPlace): void;
  warning(message: string, place: AnnotationPlace): void;
  notice(message: string, place: AnnotationPlace): void;
}

/** GitHub shows at most this many annotations of each severity per step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** How many findings were annotated and how many were left to the summary. */
export interface AnnotationCount {
  readonly annotated: number;
  readonly notAnnotated: number;
}

const ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

/**
 * Annotates findings on their file and line, most severe first, at most ten per severity (what
 * GitHub shows for one step), so an error is never crowded out by warnings. `file` in each
 * finding must already be relative to the repository root.
 */
export function annotateFindings(
  findings: readonly Finding[],
  sink: AnnotationSink,
): AnnotationCount {
  let annotated = 0;
  for (const severity of ORDER) {
    const shown = findings
      .filter((finding) => finding.severity === severity)
      .slice(0, ANNOTATIONS_PER_SEVERITY);
    for (const finding of shown) sink[severity](annotationMessage(finding), place(finding));
    annotated += shown.length;
  }
  return { annotated, notAnnotated: findings.length - annotated };
}

function place(finding: Finding): AnnotationPlace {
  return {
    title: escapePlainText(`openclaw-tags ${finding.rule}: ${finding.resource}`),
    // A path with control characters cannot be a clean log line; it is escaped like the rest.
    file: escapePlainText(finding.file),
    startLine: Math.max(1, finding.line),
  };
}

/**
 * Plain text: annotations are not Markdown, and the runner escapes the command itself; control
 * characters from the user's files are replaced so that they cannot style or hide the log.
 */
function annotationMessage(finding: Finding): string {
  const message = escapePlainText(finding.message);
  return finding.fix === null ? message : `${message}\nFix: ${escapePlainText(finding.fix)}`;
}
