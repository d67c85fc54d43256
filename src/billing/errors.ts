/**
 * Errors of billing ingestion and snapshots. Each is a usage or input error (the CLI maps them
 * to exit code 2); bad rows inside a readable file are not errors but counted in the snapshot.
 */

/** A billing file that cannot be read at all: missing, unknown format, broken header. */
export class BillingInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${message}`, options);
    this.name = 'BillingInputError';
  }
}

/** A snapshot file that cannot be read back: missing, not JSON, wrong version or shape. */
export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'SnapshotError';
  }
}

/** Names an I/O failure the way a user can act on it. */
export function describeIoError(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory, not a file';
  }
  return cause instanceof Error ? cause.message : String(cause);
}
