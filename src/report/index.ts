import type { CheckReport } from '../model.js';
import { VERSION } from '../version.js';
import { renderJson } from './json.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';
import { renderSarif } from './sarif.js';
import type { RuleDescription } from './sarif-rules.js';
import { renderText } from './text.js';

export { escapeMarkdown } from './escape.js';
export { renderJson } from './json.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { renderSarif, type SarifOptions } from './sarif.js';
export type { RuleDescription } from './sarif-rules.js';
export { summarize, summaryLine, type ReportSummary } from './summary.js';
export { renderText, type TextOptions } from './text.js';

/** The output formats of `check --format`. */
export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';

/** Every format `renderReport` accepts, for option parsing and help text. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown'];

/** What the renderers may be told; each format reads only the options it needs. */
export interface RenderOptions {
  /** Text: ANSI colours (the CLI asks for them on a terminal). */
  readonly color?: boolean;
  /** SARIF: the product version for the driver; defaults to this build's version. */
  readonly toolVersion?: string;
  /** SARIF: rule descriptions; defaults to the rule registry. */
  readonly rules?: readonly RuleDescription[];
  /** Markdown: title, number of findings listed, cell length. */
  readonly markdown?: MarkdownOptions;
}

/** Renders a check report in `format`; the result ends with a newline. */
export function renderReport(
  report: CheckReport,
  format: ReportFormat,
  options: RenderOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color ?? false });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, {
        toolVersion: options.toolVersion ?? VERSION,
        ...(options.rules ? { rules: options.rules } : {}),
      });
    case 'markdown':
      return renderMarkdown(report, options.markdown);
  }
}
