import { fitMarkdown } from '../github/comment-body.js';

/** GitHub refuses a job summary larger than this many bytes for one step. */
export const JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Bytes kept free for what the runner adds around the summary. */
const MARGIN_BYTES = 1024;

const SUMMARY_CUT = {
  limit: "GitHub's job summary size limit",
  fullReport: 'The JSON report (the `report` output) holds all of it.',
};

/**
 * The summary cut to fit the job summary's byte limit, at a line and with a visible note. The
 * character budget shrinks by the text's bytes-per-character ratio, and by at least one
 * character a round, until the bytes fit.
 */
export function fitSummary(markdown: string): string {
  const limit = JOB_SUMMARY_LIMIT_BYTES - MARGIN_BYTES;
  let fitted = markdown;
  let budget = markdown.length;
  while (Buffer.byteLength(fitted) > limit && budget > 0) {
    const ratio = Buffer.byteLength(fitted) / Math.max(1, fitted.length);
    budget = Math.min(budget - 1, Math.floor(limit / ratio));
    fitted = fitMarkdown(markdown, budget, SUMMARY_CUT);
  }
  return fitted;
}
