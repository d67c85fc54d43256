import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Files larger than this are reported and skipped: no real template or manifest comes close. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file that could not be read as text; the scan reports it and goes on. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Reads a source file as UTF-8 text without a byte-order mark, with CRLF line ends kept
 * (line numbers count `\n` only, so they stay right). Refuses binary content, invalid UTF-8
 * and files over `MAX_FILE_BYTES`, each with a message that names the problem.
 */
export async function readSourceText(absPath: string, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    // Checked before reading: a huge file is never loaded, and a FIFO or device would block.
    const info = await stat(absPath);
    if (info.isDirectory()) throw new UnreadableFileError(file, 'a folder, not a file');
    if (!info.isFile()) {
      throw new UnreadableFileError(file, 'not a regular file (a device, socket or pipe)');
    }
    if (info.size > MAX_FILE_BYTES) throw tooLarge(file, info.size);
    bytes = await readFile(absPath);
  } catch (cause) {
    if (cause instanceof UnreadableFileError) throw cause;
    throw new UnreadableFileError(file, `cannot read file: ${describeIoError(cause)}`, { cause });
  }
  return decodeSourceText(bytes, file);
}

/** The checks of `readSourceText`, on bytes already in memory. */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(file, bytes.length);
  if (bytes.includes(0)) {
    throw new UnreadableFileError(file, 'file holds binary data (a NUL byte), not text');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new UnreadableFileError(file, 'file is not valid UTF-8 text', { cause });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(file: string, size: number): UnreadableFileError {
  return new UnreadableFileError(
    file,
    `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for one source file; ` +
      'split it or exclude it from the scanned paths',
  );
}

/** What common file-system error codes mean, in the words messages use. */
const IO_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file (or it vanished while the scan ran)',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'a file of that name is in the way',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'the path is longer than the system allows',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
};

/** A file-system error in words: a phrase for the common codes, else the code itself. */
export function describeIoError(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause) {
    const code = String(cause.code);
    return IO_ERRORS[code] ?? code;
  }
  return String(cause);
}

/**
 * The folder no read may leave: the Git work tree that holds `cwd` (the nearest folder above
 * it with a `.git`), else `cwd` itself.
 */
export function readBoundary(cwd: string): string {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return resolve(cwd);
  }
}

/**
 * `readSourceText` confined to `boundary` (see `readBoundary`): a file whose real path lies
 * outside it, reached through a module source, a kustomize resource or a link that climbs out
 * of the repository, is refused with an `UnreadableFileError`, so that nothing from elsewhere on
 * the machine is parsed or shown in a report.
 */
export function confinedReader(
  boundary: string,
): (absPath: string, file: string) => Promise<string> {
  const realBoundary = realpath(boundary).catch(() => resolve(boundary));
  return async (absPath, file) => {
    const [root, target] = await Promise.all([
      realBoundary,
      realpath(absPath).catch(() => resolve(absPath)),
    ]);
    if (target !== root && !target.startsWith(root + sep)) {
      throw new UnreadableFileError(
        file,
        'not read: the file lies outside the repository being checked (reached through a ' +
          'module source, a kustomize resource or a link that leaves it)',
      );
    }
    return readSourceText(absPath, file);
  };
}
