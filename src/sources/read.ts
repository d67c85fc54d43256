import { readFile } from 'node:fs/promises';

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
    bytes = await readFile(absPath);
  } catch (cause) {
    throw new UnreadableFileError(file, `cannot read file: ${describeIoError(cause)}`, { cause });
  }
  return decodeSourceText(bytes, file);
}

/** The checks of `readSourceText`, on bytes already in memory. */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableFileError(
      file,
      `file is ${bytes.length} bytes, over the ${MAX_FILE_BYTES}-byte limit for one source file; ` +
        'split it or exclude it from the scanned paths',
    );
  }
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

function describeIoError(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause) {
    const code = String(cause.code);
    if (code === 'ENOENT') return 'it vanished while the scan ran';
    if (code === 'EACCES') return 'permission denied';
    return code;
  }
  return String(cause);
}
