import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding, Replacement } from '../model.js';
import { applyReplacements } from './apply.js';
import { editableFile } from './text-edits.js';

/** What `fixFiles` changed. */
export interface FixOutcome {
  /** Files rewritten, relative to the working directory, with how many edits each took. */
  readonly files: readonly { readonly file: string; readonly edits: number }[];
  /** Findings whose edit was applied. */
  readonly fixed: number;
  /** Edits not applied: overlapping another, or the file changed since the check. */
  readonly skipped: number;
}

/**
 * Applies the replacements of `findings` to the HCL and YAML files they name, inside `cwd`
 * only, each file read once and written once. Everything outside the edited spans is kept
 * byte for byte.
 */
export async function fixFiles(findings: readonly Finding[], cwd: string): Promise<FixOutcome> {
  const byFile = new Map<string, Replacement[]>();
  for (const finding of findings) {
    const edit = finding.replacement;
    if (!edit || !editableFile(edit.file) || !insideCwd(cwd, edit.file)) continue;
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  }

  const files: { file: string; edits: number }[] = [];
  let fixed = 0;
  let skipped = 0;
  for (const [file, edits] of [...byFile.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = resolve(cwd, file);
    const result = applyReplacements(await readFile(path, 'utf8'), edits);
    skipped += result.skipped.length;
    if (result.applied.length === 0) continue;
    await writeFile(path, result.text);
    files.push({ file, edits: result.applied.length });
    fixed += result.applied.length;
  }
  return { files, fixed, skipped };
}

function insideCwd(cwd: string, file: string): boolean {
  const fromCwd = relative(cwd, resolve(cwd, file));
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
}
