import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeIoError } from '../sources/read.js';

/** The process surroundings a command may touch, passed in so tests can run commands in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
}

/** Exit codes of every command: the contract of DESIGN.md. */
export const EXIT = { ok: 0, blocking: 1, usage: 2 } as const;

/** Thrown for a bad invocation or bad input; the message is shown as is and the exit is 2. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * Writes `text` to `path` through a temporary file, so readers never see half a report;
 * missing parent folders are made. A path that cannot be written (a folder, a read-only
 * place) is a `UsageError` naming it, and the temporary file is removed.
 */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new UsageError(`${path}: cannot write the output (${describeIoError(cause)})`, {
      cause,
    });
  }
}

/** Whether to colour text output: only on a terminal, and never when NO_COLOR is set. */
export function wantsColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}
