import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describeIoError } from '../billing/errors.js';
import { check, type FailOn } from '../engine/check.js';
import { fixFiles, type FixOutcome } from '../fix/index.js';
import { isCalendarDay } from '../policy/exemptions.js';
import { loadPolicy } from '../policy/load.js';
import { renderReport, type ReportFormat } from '../report/index.js';
import { EXIT, UsageError, wantsColor, writeOutputFile, type CliIo } from './io.js';
import { VERSION } from '../version.js';

interface CheckFlags {
  readonly policy?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly tagsFile?: string;
  readonly fix?: boolean;
  readonly today?: string;
}

/** `openclaw-tags check`: scan, judge, render; exit 1 when a finding blocks. */
export async function runCheck(
  paths: readonly string[],
  options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const flags = options as unknown as CheckFlags;
  const policy = await loadPolicy(flags.policy, io.cwd);
  const stackTags = flags.tagsFile
    ? await readStackTags(resolve(io.cwd, flags.tagsFile), flags.tagsFile)
    : {};
  if (flags.today !== undefined && !isCalendarDay(flags.today)) {
    throw new UsageError(`--today ${flags.today} is not a calendar day; write YYYY-MM-DD`);
  }
  const checkOptions = {
    paths,
    cwd: io.cwd,
    policy,
    failOn: flags.failOn,
    stackTags,
    ...(flags.today === undefined ? {} : { today: flags.today }),
  };
  let report = await check(checkOptions);
  if (flags.fix) {
    const outcomes: FixOutcome[] = [];
    // Edits that clash with another one (two keys added to a one-line map) are applied on the
    // next pass, against the re-checked files.
    for (let pass = 0; pass < FIX_PASSES; pass += 1) {
      const outcome = await fixFiles(report.findings, io.cwd);
      if (outcome.fixed === 0) break;
      outcomes.push(outcome);
      report = await check(checkOptions);
    }
    io.stderr.write(fixSummary(outcomes));
  }

  const color = !flags.output && flags.format === 'text' && wantsColor(io);
  const rendered = renderReport(report, flags.format, { color, toolVersion: VERSION });
  if (flags.output) {
    await writeOutputFile(resolve(io.cwd, flags.output), rendered);
  } else {
    io.stdout.write(rendered);
  }
  return report.blocking > 0 ? EXIT.blocking : EXIT.ok;
}

/** Passes of `--fix` at most; each applies the edits that do not clash, then checks again. */
const FIX_PASSES = 5;

/** `fixed 3 findings in 2 files (main.tf: 2, k8s/app.yaml: 1)`, for standard error. */
function fixSummary(outcomes: readonly FixOutcome[]): string {
  const edits = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const entry of outcome.files) {
      edits.set(entry.file, (edits.get(entry.file) ?? 0) + entry.edits);
    }
  }
  const fixed = outcomes.reduce((sum, outcome) => sum + outcome.fixed, 0);
  if (fixed === 0) return 'openclaw-tags: no finding has a certain fix to apply\n';
  const files = [...edits.entries()].map(([file, count]) => `${file}: ${count}`).join(', ');
  const noun = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const counts = `${noun(fixed, 'finding')} in ${noun(edits.size, 'file')}`;
  return `openclaw-tags: fixed ${counts} (${files})\n`;
}

/**
 * Reads stack-level tags: a YAML or JSON map of string keys to scalar values. Errors name the
 * file as given (`shown`), with the line and column of a syntax error.
 */
async function readStackTags(path: string, shown: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new UsageError(`${shown}: cannot read the tags file (${describeIoError(cause)})`, {
      cause,
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    const reason =
      syntaxError.code === 'DUPLICATE_KEY'
        ? 'a tag key appears twice; write each key once'
        : `not valid YAML or JSON: ${firstLine(syntaxError.message)}`;
    throw new UsageError(`${shown}:${line}:${col}: ${reason}`, { cause: syntaxError });
  }
  const parsed: unknown = doc.toJS();
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${shown}: the tags file must be a map of tag keys to values`);
  }
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && typeof value === 'object') {
      throw new UsageError(`${shown}: tag ${key} must have a scalar value`);
    }
    tags[key] = String(value ?? '');
  }
  return tags;
}

/** The yaml package's message without its position suffix and code frame. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
