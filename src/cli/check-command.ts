import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { check, type FailOn } from '../engine/check.js';
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
}

/** `openclaw-tags check`: scan, judge, render; exit 1 when a finding blocks. */
export async function runCheck(
  paths: readonly string[],
  options: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const flags = options as unknown as CheckFlags;
  const policy = await loadPolicy(flags.policy, io.cwd);
  const stackTags = flags.tagsFile ? await readStackTags(resolve(io.cwd, flags.tagsFile)) : {};
  const report = await check({ paths, cwd: io.cwd, policy, failOn: flags.failOn, stackTags });

  const color = !flags.output && flags.format === 'text' && wantsColor(io);
  const rendered = renderReport(report, flags.format, { color, toolVersion: VERSION });
  if (flags.output) {
    await writeOutputFile(resolve(io.cwd, flags.output), rendered);
  } else {
    io.stdout.write(rendered);
  }
  return report.blocking > 0 ? EXIT.blocking : EXIT.ok;
}

/** Reads stack-level tags: a YAML or JSON map of string keys to scalar values. */
async function readStackTags(path: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new UsageError(`${path}: cannot read the tags file: ${String(cause)}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${path}: the tags file must be a map of tag keys to values`);
  }
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && typeof value === 'object') {
      throw new UsageError(`${path}: tag ${key} must have a scalar value`);
    }
    tags[key] = String(value ?? '');
  }
  return tags;
}
