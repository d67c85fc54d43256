import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { InputError } from '../model.js';
import { describeIoError } from './read.js';

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

/** The files found under the scanned paths, and the folders that could not be listed. */
export interface Discovery {
  readonly files: DiscoveredFile[];
  /** One per folder whose files were not seen, at line 1 of the folder's path. */
  readonly errors: InputError[];
}

/** The files of `discoverSources`, for callers that only scope a scan. */
export async function discoverFiles(
  paths: readonly string[],
  cwd: string,
): Promise<DiscoveredFile[]> {
  return (await discoverSources(paths, cwd)).files;
}

/**
 * Lists the files under `paths` that some extractor may read, sorted by path. Folders are
 * walked recursively, skipping tool caches and hidden folders; a path named explicitly is
 * always read. Symbolic links are followed only while they stay inside the scanned root. A
 * folder that cannot be listed is reported, since its files go unchecked; one that vanished
 * while the scan ran held nothing left to check.
 */
export async function discoverSources(paths: readonly string[], cwd: string): Promise<Discovery> {
  const walker = new Walker(cwd);
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absPath = resolve(cwd, given);
    const info = await stat(absPath).catch(() => undefined);
    if (!info) throw new PathNotFoundError(given);
    if (info.isDirectory()) {
      await walker.walk(absPath, await realpath(absPath));
    } else {
      addFile(absPath, cwd, walker.found, true);
    }
  }
  const files = [...walker.found.values()].sort((a, b) => compare(a.file, b.file));
  return { files, errors: walker.errors.sort((a, b) => compare(a.file, b.file)) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Walker {
  readonly found = new Map<string, DiscoveredFile>();
  readonly errors: InputError[] = [];

  constructor(private readonly cwd: string) {}

  async walk(dir: string, root: string): Promise<void> {
    const entries = await this.list(dir);
    for (const entry of entries) {
      const absPath = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedDir(entry.name)) await this.walk(absPath, root);
      } else if (entry.isFile()) {
        addFile(absPath, this.cwd, this.found, false);
      } else if (entry.isSymbolicLink()) {
        await followLink(absPath, root, this.cwd, this.found);
      }
    }
  }

  private async list(dir: string) {
    try {
      return await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      if (!(cause instanceof Error && 'code' in cause && cause.code === 'ENOENT')) {
        this.errors.push({
          file: relativePath(this.cwd, dir) || '.',
          line: 1,
          message: `cannot list folder: ${describeIoError(cause)}; the files in it are not checked`,
        });
      }
      return [];
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
  const file = relativePath(cwd, absPath) || absPath;
  found.set(absPath, { absPath, file, kind: kind ?? 'yaml' });
}

function relativePath(cwd: string, absPath: string): string {
  return relative(cwd, absPath).split(sep).join('/');
}

/** The kind of a file by its name; `undefined` for files no extractor reads. */
export function fileKind(path: string): FileKind | undefined {
  if (path.endsWith('.tf.json')) return 'json';
  return KIND_BY_EXTENSION[extname(path).toLowerCase()];
}
