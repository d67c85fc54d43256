/** A position in the policy file; 1-based. Line 0 means the file as a whole. */
export interface PolicyPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A policy that cannot be used: unreadable, not YAML, against the schema, or inconsistent.
 * The message reads `FILE:LINE:COLUMN: what is wrong; what is allowed`, so an editor or a
 * terminal can jump to the spot. Adapters map it to exit code 2.
 */
export class PolicyError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The message without the `FILE:LINE:COLUMN: ` prefix. */
  readonly reason: string;

  constructor(file: string, position: PolicyPosition, reason: string, options?: ErrorOptions) {
    super(`${formatLocation(file, position)}: ${reason}`, options);
    this.name = 'PolicyError';
    this.file = file;
    this.line = position.line;
    this.column = position.column;
    this.reason = reason;
  }
}

function formatLocation(file: string, position: PolicyPosition): string {
  if (position.line <= 0) return file;
  return `${file}:${position.line}:${position.column}`;
}
