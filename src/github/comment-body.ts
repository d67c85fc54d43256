/**
 * The body of the sticky pull-request comment: a hidden marker that finds it again, a hidden
 * record of the run that wrote it, the report, and an optional cost section; cut visibly to
 * fit GitHub's size limit.
 */

/** GitHub refuses issue comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** The workflow run that writes a comment; a later run or attempt supersedes an earlier one. */
export interface RunStamp {
  /** `GITHUB_RUN_ID`: grows with every new run in a repository. */
  readonly runId: number;
  /** `GITHUB_RUN_ATTEMPT`: grows when a run is re-run. */
  readonly runAttempt: number;
  /** When the comment was written, ISO 8601. */
  readonly at: string;
}

/** What goes into a comment. Every string is Markdown that is already escaped. */
export interface CommentContent {
  /** The tag that keeps comments of different jobs (matrix legs) apart; matched exactly. */
  readonly tag: string;
  readonly run: RunStamp;
  /** The compliance report (findings, existing violations, notes). */
  readonly report: string;
  /**
   * The cost of the tag values the pull request touches, as rendered by the billing report;
   * kept whole when the report has to be cut. Omitted when there is no billing snapshot.
   */
  readonly costSection?: string;
  readonly limit?: number;
}

/**
 * The hidden marker of the comment for `tag`. The tag is percent-encoded, so that two tags give
 * two markers, no tag can end the HTML comment early, and the marker matches its tag exactly.
 */
export function commentMarker(tag: string): string {
  return `<!-- openclaw-tags:${encodeURIComponent(tag)} -->`;
}

const RUN_MARKER = /^<!-- openclaw-tags-run: run=(\d+) attempt=(\d+) at=([^ ]*) -->$/m;

/** The hidden line recording which run wrote a comment. */
export function runMarker(run: RunStamp): string {
  return `<!-- openclaw-tags-run: run=${run.runId} attempt=${run.runAttempt} at=${run.at} -->`;
}

/** Whether `body` is the comment for `tag`: its first line is exactly that tag's marker. */
export function isCommentFor(body: string, tag: string): boolean {
  const firstLine = body.split('\n', 1)[0] ?? '';
  return firstLine.replace(/\r$/, '') === commentMarker(tag);
}

/** The run recorded in a comment body, or undefined for a body without a run marker. */
export function readRunStamp(body: string): RunStamp | undefined {
  const match = RUN_MARKER.exec(body);
  if (!match) return undefined;
  return { runId: Number(match[1]), runAttempt: Number(match[2]), at: match[3] ?? '' };
}

/** Whether run `a` came after run `b`: a later run id, or a later attempt of the same run. */
export function isLaterRun(a: RunStamp, b: RunStamp): boolean {
  return a.runId > b.runId || (a.runId === b.runId && a.runAttempt > b.runAttempt);
}

/** The body without its run marker: two bodies that differ only by run hold the same report. */
export function bodyWithoutRun(body: string): string {
  return body.replace(/\r\n/g, '\n').replace(new RegExp(`${RUN_MARKER.source}\\n?`, 'm'), '');
}

/**
 * Builds the comment body, at most `limit` characters (GitHub's limit by default). When the
 * report does not fit, it is cut at a line, open code fences and `<details>` are closed, and a
 * visible note says how much was left out; the cost section is kept whole when it fits in half
 * the limit, and is cut the same way otherwise.
 */
export function buildCommentBody(content: CommentContent): string {
  const limit = content.limit ?? GITHUB_COMMENT_LIMIT;
  const header = `${commentMarker(content.tag)}\n${runMarker(content.run)}\n`;
  const report = content.report.trimEnd();
  const cost = content.costSection?.trim() ?? '';
  const room = limit - header.length;

  if (cost === '') return header + fitMarkdown(report, room);

  const separator = '\n\n';
  const costRoom = Math.min(cost.length, Math.floor(room / 2));
  const fittedCost = fitMarkdown(cost, costRoom);
  const reportRoom = room - fittedCost.length - separator.length;
  return header + fitMarkdown(report, reportRoom) + separator + fittedCost;
}

/** How a truncation note names the limit and where the whole report is. */
export interface TruncationWording {
  /** `GitHub's comment size limit` */
  readonly limit: string;
  /** A sentence saying where to read everything. */
  readonly fullReport: string;
}

const COMMENT_CUT: TruncationWording = {
  limit: "GitHub's comment size limit",
  fullReport: 'The job summary and the JSON report hold all of it.',
};

/**
 * Returns `markdown` unchanged when it has at most `room` characters; otherwise the longest
 * whole-line prefix that fits together with the closing of whatever it leaves open and a
 * visible truncation note.
 */
export function fitMarkdown(
  markdown: string,
  room: number,
  cut: TruncationWording = COMMENT_CUT,
): string {
  if (markdown.length <= room) return markdown;

  const lines = markdown.split('\n');
  const cutAfter = (kept: number): string => {
    const prefix = lines.slice(0, kept).join('\n');
    return prefix + closeOpenBlocks(prefix) + truncationNote(markdown.length, prefix.length, cut);
  };

  // The longest whole-line prefix whose cut form fits: the cut form grows with the prefix.
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (cutAfter(middle).length <= room) low = middle;
    else high = middle - 1;
  }
  return cutAfter(low).slice(0, Math.max(0, room));
}

function truncationNote(total: number, shown: number, cut: TruncationWording): string {
  const hidden = total - shown;
  return (
    `\n\n> [!WARNING]\n> This report was cut to fit ${cut.limit}: ` +
    `${hidden.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} characters are not ` +
    `shown. ${cut.fullReport}`
  );
}

/** The text that closes a fenced code block and `<details>` elements left open by a cut. */
function closeOpenBlocks(prefix: string): string {
  let closing = '';
  const fences = prefix.split('\n').filter((line) => /^\s*(```|~~~)/.test(line)).length;
  if (fences % 2 === 1) closing += '\n```';
  const opened = (prefix.match(/<details\b/gi) ?? []).length;
  const closed = (prefix.match(/<\/details>/gi) ?? []).length;
  for (let open = opened - closed; open > 0; open--) closing += '\n\n</details>';
  return closing;
}
