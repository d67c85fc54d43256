import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';

/** How a file is read: by its extension first, by its content later where that is ambiguous. */
export type FileKind = 'hcl' | 'json' | 'yaml' | 'code' | 'toml';

/** A file found under the scanned paths. */
export interface DiscoveredFile {
  readonly absPath: string;
  /** Path relative to the working directory, `/`-separated: what users see in findings. */
  readonly file: string;
  readonly kind: FileKind;
}

/** Folders never walked into: tool caches and vendored code, not the user's infrastructure. */
const SKIPPED_DIRS = new Set([
  '.terraform',
  '.git',
  'node_modules',
  '.terragrunt-cache',
  'cdk.staging',
]);

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  '.tf': 'hcl',
  '.json': 'json',
  '.template': 'yaml',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.py': 'code',
  '.js': 'code',
  '.mjs': 'code',
  '.cjs': 'code',
  '.ts': 'code',
  '.mts': 'code',
  '.cts': 'code',
  '.tsx': 'code',
  '.jsx': 'code',
  '.toml': 'toml',
};

/** Reports a path that was given but could not be scanned. */
export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`${path}: no such file or directory`);
    this.name = 'PathNotFoundError';
  }
}

/**
 * Lists the files under `paths` that some extractor may read, sorted by path. Folders are
 * walked recursively, skipping tool caches and hidden folders; a path named explicitly is
 * always read. Symbolic links are followed only while they stay inside the scanned root.
 */
export async function discoverFiles(
  paths: readonly string[],
  cwd: string,
): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absPath = resolve(cwd, given);
    const info = await stat(absPath).catch(() => undefined);
    if (!info) throw new PathNotFoundError(given);
    if (info.isDirectory()) {
      await walk(absPath, await realpath(absPath), cwd, found);
    } else {
      addFile(absPath, cwd, found, true);
    }
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function walk(
  dir: string,
  root: string,
  cwd: string,
  found: Map<string, DiscoveredFile>,
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const absPath = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDir(entry.name)) await walk(absPath, root, cwd, found);
    } else if (entry.isFile()) {
      addFile(absPath, cwd, found, false);
    } else if (entry.isSymbolicLink()) {
      await followLink(absPath, root, cwd, found);
    }
  }
}

async function followLink(
  link: string,
  root: string,
  cwd: string,
  found: Map<string, DiscoveredFile>,
): Promise<void> {
  const target = await realpath(link).catch(() => undefined);
  if (!target || !(target === root || target.startsWith(root + sep))) return;
  const info = await lstat(target).catch(() => undefined);
  if (info?.isFile()) addFile(link, cwd, found, false);
}

function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

function addFile(
  absPath: string,
  cwd: string,
  found: Map<string, DiscoveredFile>,
  explicit: boolean,
): void {
  const kind = fileKind(absPath);
  if (!kind && !explicit) return;
  const file = relative(cwd, absPath).split(sep).join('/') || absPath;
  found.set(absPath, { absPath, file, kind: kind ?? 'yaml' });
}

/** The kind of a file by its name; `undefined` for files no extractor reads. */
export function fileKind(path: string): FileKind | undefined {
  if (path.endsWith('.tf.json')) return 'json';
  return KIND_BY_EXTENSION[extname(path).toLowerCase()];
}
