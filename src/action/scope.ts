import { posix } from 'node:path';
import type { InputError } from '../model.js';
import type { DiscoveredFile } from '../sources/discover.js';

/** What a pull-request check reads and which of its findings it keeps. */
export interface ScanScope {
  /** Files to hand to the check, relative to the working directory. */
  readonly paths: readonly string[];
  /** Files whose findings are reported: the changed ones. */
  readonly onlyFiles: ReadonlySet<string>;
}

/** Whether `file` is Terraform configuration, which is only meaningful with its whole folder. */
export function isTerraformFile(file: string): boolean {
  return file.endsWith('.tf') || file.endsWith('.tf.json');
}

/**
 * The scope of a pull-request check: the changed files among those a full scan would read
 * (`discovered`), plus every other Terraform file of each changed Terraform file's folder, so
 * that variables, locals, providers and module calls resolve. Findings are kept only for the
 * changed files themselves. `changed` and `discovered` use paths relative to the working
 * directory; files that no longer exist are simply not among `discovered`. A folder that
 * could not be listed (`unlisted`, from the discovery) and holds a changed file is checked as
 * well, so that the check reports it rather than skipping the file in silence.
 */
export function changedScope(
  discovered: readonly DiscoveredFile[],
  changed: readonly string[],
  unlisted: readonly InputError[] = [],
): ScanScope {
  const changedSet = new Set(changed);
  const onlyFiles = new Set(
    discovered.map((file) => file.file).filter((file) => changedSet.has(file)),
  );
  const terraformFolders = new Set(
    [...onlyFiles].filter(isTerraformFile).map((file) => posix.dirname(file)),
  );
  const paths = discovered
    .map((file) => file.file)
    .filter(
      (file) =>
        onlyFiles.has(file) || (isTerraformFile(file) && terraformFolders.has(posix.dirname(file))),
    );
  const holdingChanges = unlisted
    .map((error) => error.file)
    .filter((folder) => changed.some((file) => folder === '.' || file.startsWith(`${folder}/`)));
  return { paths: [...paths, ...holdingChanges], onlyFiles };
}

/**
 * `paths` relative to the repository root, turned relative to the working directory, which is
 * `prefix` below the root (`''` for the root itself). Paths outside the working directory are
 * dropped.
 */
export function relativeToWorkingDirectory(paths: readonly string[], prefix: string): string[] {
  if (prefix === '') return [...paths];
  const folder = `${prefix}/`;
  return paths.filter((path) => path.startsWith(folder)).map((path) => path.slice(folder.length));
}
