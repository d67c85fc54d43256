import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CheckReport } from '../model.js';
import { renderJson, renderSarif } from '../report/index.js';
import { VERSION } from '../version.js';

/** The report files the Action wrote: the JSON report always, the SARIF log when asked. */
export interface WrittenReports {
  readonly json: string;
  readonly sarif: string | undefined;
}

/**
 * Writes the JSON report to `<tempDir>/openclaw-tags/<comment tag>/report.json`, so matrix legs
 * in one job keep theirs apart, and the SARIF log to `sarifPath` when given. `report` holds the
 * findings that count, with paths as the check reported them; `repositoryReport` is the same
 * with paths relative to the repository root, which code scanning needs.
 */
export async function writeReports(
  report: CheckReport,
  repositoryReport: CheckReport,
  tempDir: string,
  commentTag: string,
  sarifPath: string | undefined,
): Promise<WrittenReports> {
  const folder = encodeURIComponent(commentTag).replace(/\./g, '%2E');
  const json = join(tempDir, 'openclaw-tags', folder, 'report.json');
  await writeAtomically(json, renderJson(report));
  if (sarifPath !== undefined) {
    await writeAtomically(sarifPath, renderSarif(repositoryReport, { toolVersion: VERSION }));
  }
  return { json, sarif: sarifPath };
}

/** Writes through a temporary file, so a reader never sees half a report. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
